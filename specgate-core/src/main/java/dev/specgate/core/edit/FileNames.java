package dev.specgate.core.edit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The names of the files an edit makes beside a file (its lock file, its temporary file), made from
 * that file's name as the file system holds it, so that they can always be made. Java gives a file
 * name as text decoded in the locale's encoding ({@code sun.jnu.encoding}); where that encoding
 * cannot hold the name ({@code LC_ALL=C} and {@code relevé.md}), the text holds {@code U+FFFD} and
 * cannot be made into a path again. Such a name is taken as bytes instead, from the file's {@code
 * file:} URI (which the JDK writes from the name's bytes), and the new name is made into a path the
 * same way: the same bytes as the name made under a UTF-8 locale, so edits under both locales take
 * the same lock. A path given as bytes (a command line's argument, read from {@code
 * /proc/self/cmdline}) is made into a path the same way: {@link #ofBytes}.
 */
public final class FileNames {

    private FileNames() {}

    /** {@code file}'s name as bytes: UTF-8 where its text can be made into a path again. */
    static byte[] name(Path file) {
        if (textual(file)) {
            return file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] path = bytes(file);
        int slash = path.length - 1;
        while (slash >= 0 && path[slash] != '/') {
            slash--;
        }
        return Arrays.copyOfRange(path, slash + 1, path.length);
    }

    /**
     * The file named {@code prefix}, then {@code name} (bytes of {@link #name}, or a start of
     * them), then {@code suffix}, in {@code file}'s folder.
     */
    static Path beside(Path file, String prefix, byte[] name, String suffix) {
        if (textual(file)) {
            return file.resolveSibling(prefix + new String(name, StandardCharsets.UTF_8) + suffix);
        }
        String raw = file.toAbsolutePath().toUri().getRawPath();
        int slash = raw.lastIndexOf('/', raw.endsWith("/") ? raw.length() - 2 : raw.length());
        StringBuilder uri = new StringBuilder("file://").append(raw, 0, slash + 1);
        escape(prefix.getBytes(StandardCharsets.UTF_8), uri);
        escape(name, uri);
        escape(suffix.getBytes(StandardCharsets.UTF_8), uri);
        return Path.of(URI.create(uri.toString()));
    }

    /**
     * {@code file}'s absolute path as the bytes the file system holds (for a C library call); UTF-8
     * where the platform's paths are text (Windows).
     */
    static byte[] bytes(Path file) {
        String raw = file.toAbsolutePath().toUri().getRawPath();
        if (raw.length() > 1 && raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1); // a folder's URI ends with one
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out[n++] = (byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The path whose bytes, as the file system holds them, are {@code path}: absolute when they
     * begin with {@code /}, else relative as they are written (to the working folder). Made through
     * a {@code file:} URI, so a name the locale's encoding cannot hold ({@code LC_ALL=C}, {@code
     * café.md}) is made too: the path reaches the file its bytes name, though its text shows {@code
     * U+FFFD} for those characters.
     */
    public static Path ofBytes(byte[] path) {
        boolean absolute = path.length > 0 && path[0] == '/';
        Path here = Path.of("").toAbsolutePath();
        StringBuilder uri = new StringBuilder("file://");
        if (!absolute) {
            String raw = here.toUri().getRawPath();
            uri.append(raw).append(raw.endsWith("/") ? "" : "/");
        }
        int start = 0;
        for (int i = 0; i <= path.length; i++) {
            if (i == path.length || path[i] == '/') {
                escape(Arrays.copyOfRange(path, start, i), uri);
                if (i < path.length) {
                    uri.append('/');
                }
                start = i + 1;
            }
        }
        Path made = Path.of(URI.create(uri.toString()));
        return absolute ? made : here.relativize(made);
    }

    /**
     * {@code name}'s longest start of at most {@code max} bytes that does not split a UTF-8
     * character.
     */
    static byte[] cut(byte[] name, int max) {
        if (name.length <= max) {
            return name;
        }
        int end = max;
        while (end > 0 && (name[end] & 0xC0) == 0x80) {
            end--; // name[end] continues a character: cut before it starts
        }
        return Arrays.copyOf(name, end);
    }

    /** Whether {@code file}'s name, as text, makes the same path again. */
    private static boolean textual(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return true;
        }
        try {
            return file.resolveSibling(name.toString()).equals(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static void escape(byte[] bytes, StringBuilder to) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_') {
                to.append((char) c);
            } else {
                to.append('%')
                        .append(Character.forDigit(c >> 4, 16))
                        .append(Character.forDigit(c & 0xF, 16));
            }
        }
    }
}
