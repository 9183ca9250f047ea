package dev.specgate.cli.common;

import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.edit.StaleSpecException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading a SPEC argument and writing an edit of it, with every failure turned into the user's
 * message and exit code: a missing or unreadable spec is an input error (2); a spec that changed on
 * disk since it was read is a refused action (1), and nothing is written.
 */
public final class SpecFiles {

    private static final SpecFileWriter WRITER = new SpecFileWriter();

    private SpecFiles() {}

    /** Reads the spec file a command was given, with the standard size limit. */
    public static SpecSource read(Path spec) {
        requireSpecFile(spec);
        return read(spec, () -> SpecSource.read(spec));
    }

    /**
     * Reads the spec file a command was given as {@code project}'s checks read it (its {@code
     * max-file-size}).
     */
    public static SpecSource read(Path spec, SpecProject project) {
        requireSpecFile(spec);
        return read(spec, () -> project.read(spec));
    }

    /**
     * Refuses a SPEC argument that is not there to read: missing, a folder, a broken symbolic link
     * or a symbolic link loop.
     */
    public static void requireSpecFile(Path spec) {
        if (!Files.exists(spec)) {
            Optional<String> loop = SymbolicLinks.loopReason(spec);
            if (loop.isPresent()) {
                throw SpecgateException.usage(
                        "symbolic link loop: " + DisplayPath.of(spec) + " (" + loop.get() + ")");
            }
            if (Files.isSymbolicLink(spec)) {
                throw SpecgateException.usage(
                        "broken symbolic link: "
                                + DisplayPath.of(spec)
                                + " (its target does not exist)");
            }
            throw SpecgateException.usage("spec not found: " + DisplayPath.of(spec));
        }
        if (Files.isDirectory(spec)) {
            throw SpecgateException.usage(
                    DisplayPath.of(spec) + " is a directory: give one spec file");
        }
    }

    /**
     * Refuses a SPEC argument that is there but is no regular file (a device, a pipe or a socket),
     * in the words a read of it says (core's {@code SpecFileReader.requireRegularFile}), without
     * reading it.
     */
    public static void requireRegularFile(Path spec) {
        try {
            SpecFileReader.requireRegularFile(spec);
        } catch (UnreadableSpecException e) {
            throw new SpecgateException(ExitCode.USAGE, e.describe(DisplayPath.of(spec)), e);
        }
    }

    private interface Read {
        SpecSource read() throws UnreadableSpecException;
    }

    private static SpecSource read(Path spec, Read read) {
        try {
            return read.read();
        } catch (UnreadableSpecException e) {
            throw new SpecgateException(ExitCode.USAGE, e.describe(DisplayPath.of(spec)), e);
        }
    }

    /** Writes an edit over the file its source was read from. */
    public static void write(SpecEdit edit) {
        try {
            WRITER.write(edit);
        } catch (StaleSpecException e) {
            throw new SpecgateException(ExitCode.FINDINGS, e.getMessage(), e);
        } catch (IOException e) {
            String file = edit.source().file().map(DisplayPath::of).orElse("the spec");
            throw new SpecgateException(
                    ExitCode.USAGE, "cannot write " + file + ": " + IoFailure.reason(e), e);
        }
    }
}
