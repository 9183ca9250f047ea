package dev.specgate.report;

import dev.specgate.core.edit.SpecFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes a report to a file given with {@code --output} (or the Maven plugin's {@code output}). A
 * regular file (or a new one) is written into a temporary file beside it, then moved into place, so
 * a reader never sees half a report; folders are created. A device, a FIFO or a descriptor ({@code
 * /dev/null}, {@code /dev/stdout}, {@code /dev/fd/N}) is written through and never replaced, and a
 * symbolic link is followed to its target and stays a link (see {@link
 * SpecFileWriter#writeAtomically}).
 */
public final class ReportFile {

    private ReportFile() {}

    /**
     * Checks, before anything is written, that a report can go to {@code file}: it is not a folder
     * and no existing part of its folder path is a file.
     *
     * @throws IOException saying which path is in the way
     */
    public static void requireWritablePlace(Path file) throws IOException {
        new SpecFileWriter().requireWritablePlace(file);
    }

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
