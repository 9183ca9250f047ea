package dev.specgate.cli.common;

import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.edit.StaleSpecException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.report.DisplayPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a SPEC argument and writing an edit of it, with every failure turned into the user's
 * message and exit code: a missing or unreadable spec is an input error (2); a spec that changed on
 * disk since it was read is a refused action (1), and nothing is written.
 */
public final class SpecFiles {

    private static final SpecFileWriter WRITER = new SpecFileWriter();

    private SpecFiles() {}

    /** Reads the spec file a command was given. */
    public static SpecSource read(Path spec) {
        if (!Files.exists(spec)) {
            throw SpecgateException.usage("spec not found: " + DisplayPath.of(spec));
        }
        if (Files.isDirectory(spec)) {
            throw SpecgateException.usage(
                    DisplayPath.of(spec) + " is a directory: give one spec file");
        }
        try {
            return SpecSource.read(spec);
        } catch (UnreadableSpecException e) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "cannot read " + DisplayPath.of(spec) + ": " + e.getMessage(),
                    e);
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
