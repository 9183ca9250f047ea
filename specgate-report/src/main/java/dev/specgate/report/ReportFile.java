package dev.specgate.report;

import dev.specgate.core.edit.SpecFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes a report to a file given with {@code --output} (or the Maven plugin's {@code output}):
 * into a temporary file beside it, then moved into place, so a reader never sees half a report.
 * Folders are created.
 */
public final class ReportFile {

    private ReportFile() {}

    /**
     * Writes what {@code report} prints into {@code file}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, Consumer<PrintWriter> report) throws IOException {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            report.accept(out);
        }
        new SpecFileWriter()
                .writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
