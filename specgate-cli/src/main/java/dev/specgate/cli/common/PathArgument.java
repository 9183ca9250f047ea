package dev.specgate.cli.common;

import dev.specgate.core.edit.FileNames;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.TypeConversionException;

/**
 * A path given on the command line ({@code SPEC}, {@code PATH}, {@code --config FILE}) as a {@link
 * Path}. Java decodes its arguments in the locale's encoding ({@code sun.jnu.encoding}); where that
 * cannot hold a name ({@code LC_ALL=C} without a {@code LANG}, and {@code
 * directives/spec/2026-01-01_spec_café.md}), the text holds {@code U+FFFD} for each byte it could
 * not read and cannot be made into a path. Such an argument is taken as the bytes the shell handed
 * the process (Linux's {@code /proc/self/cmdline}) and made into the path of those bytes, as core's
 * {@link FileNames} makes names found by a walk: the command reaches the file a UTF-8 locale would
 * (an argument read whole that the locale cannot hold, from an argument file, is taken as its UTF-8
 * bytes). Where those bytes cannot be known (no {@code /proc}, an argument file, two arguments read
 * as the same text), the argument is refused in one line that names it and the cause.
 */
public final class PathArgument {

    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    /** The values refused in this process, with why. */
    private static final Map<String, String> REFUSED = new ConcurrentHashMap<>();

    private PathArgument() {}

    /**
     * {@code value} as a path.
     *
     * @throws TypeConversionException (picocli's usage error, exit 2) for an empty value, and for
     *     one the locale's encoding could not read whose bytes are not known
     */
    public static Path of(String value) {
        // Path.of("") is the current directory: an empty argument (an unset shell variable)
        // must not make a command check, write or serve there
        if (value.isBlank()) {
            throw new TypeConversionException("an empty path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            if (value.indexOf('\uFFFD') < 0) {
                // read whole, but not a name the locale can hold (an argument file picocli read
                // as UTF-8): the name's UTF-8 bytes, as Specgate writes every name
                return FileNames.ofBytes(value.getBytes(StandardCharsets.UTF_8));
            }
            return ofBytes(value, CMDLINE);
        }
    }

    /**
     * The path of the one argument in {@code cmdline} (NUL-ended arguments) that the locale's
     * encoding reads as {@code value}.
     */
    static Path ofBytes(String value, Path cmdline) {
        Charset locale = localeEncoding();
        List<byte[]> found = new ArrayList<>();
        for (byte[] arg : arguments(cmdline)) {
            if (new String(arg, locale).equals(value)
                    && found.stream().noneMatch(f -> Arrays.equals(f, arg))) {
                found.add(arg);
            }
        }
        if (found.size() == 1) {
            try {
                return FileNames.ofBytes(found.get(0));
            } catch (IllegalArgumentException e) { // InvalidPathException too
                // refused below
            }
        }
        String refusal =
                "the locale's encoding ("
                        + locale.name()
                        + ") cannot hold its characters, and the bytes it was given as cannot be"
                        + " told (an argument file, or arguments that read alike); run Specgate"
                        + " under a UTF-8 locale (LC_ALL=C.UTF-8)";
        REFUSED.put(value, refusal);
        throw new TypeConversionException("'" + value + "': " + refusal);
    }

    /**
     * Why {@code value} was refused as a path, when it was: for the usage error of a command whose
     * list of paths picocli reads it as an unexpected argument instead of saying the refusal.
     */
    public static Optional<String> refusal(String value) {
        return Optional.ofNullable(REFUSED.get(value));
    }

    /** The encoding Java decoded its arguments and file names in. */
    private static Charset localeEncoding() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    private static List<byte[]> arguments(Path cmdline) {
        byte[] all;
        try {
            all = Files.readAllBytes(cmdline);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        List<byte[]> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                args.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return args;
    }
}
