package dev.specgate.cli.report;

import dev.specgate.cli.SpecgateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a report to a file given with {@code --output}: into a temporary file beside it, then
 * moved into place, so a reader never sees half a report. Folders are created.
 */
public final class ReportFile {

    private ReportFile() {}

    /** Writes what {@code report} prints into {@code file}; a failure is a usage error (exit 2). */
    public static void write(Path file, Consumer<PrintWriter> report) {
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.isDirectory(target)) {
                throw new IOException("is a directory");
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    PrintWriter out = new PrintWriter(w)) {
                report.accept(out);
                out.flush();
                if (out.checkError()) {
                    throw new IOException("write failed");
                }
            }
            try {
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicFailed) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write the report to " + file + ": " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the report
                }
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                        ? fse.getReason()
                        : m == null ? e.getClass().getSimpleName() : m;
    }
}
