package dev.specgate.cli.report;

import dev.specgate.cli.SpecgateException;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes a report to a file given with {@code --output}: into a temporary file beside it, then
 * moved into place, so a reader never sees half a report. Folders are created.
 */
public final class ReportFile {

    private ReportFile() {}

    /** Writes what {@code report} prints into {@code file}; a failure is a usage error (exit 2). */
    public static void write(Path file, Consumer<PrintWriter> report) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            report.accept(out);
        }
        try {
            new SpecFileWriter()
                    .writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write the report to " + file + ": " + IoFailure.reason(e));
        }
    }
}
