package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.edit.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

    @TempDir Path dir;

    @Test
    void aSpecChangedOnDiskSinceItWasReadIsARefusalAndKeepsTheOtherWrite() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), "- [ ] a\n");
        SpecSource source = SpecFiles.read(file);
        Files.writeString(file, "- [ ] a\n- [ ] b\n");

        SpecgateException e =
                catchThrowableOfType(
                        SpecgateException.class,
                        () -> SpecFiles.write(source.edit().replace(3, 4, "x")));

        assertThat(e.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + " changed on disk since it was read; nothing was written (run the command again)");
        assertThat(Files.readString(file)).isEqualTo("- [ ] a\n- [ ] b\n");
    }

    @Test
    void theRefusalNamesTheSpecAsItWasGivenNotItsRealPath() throws Exception {
        // it once named the absolute real path of a spec given as a relative path or a link
        Path real = Files.createDirectories(dir.resolve("directives/spec"));
        Path spec =
                Files.writeString(
                        real.resolve("2026-10-02_spec_webhook-retry-queue.md"),
                        "# Technical Specification: Webhooks für Zürich\r\n\r\n- [ ] a\r\n");
        Path relative = Path.of("").toAbsolutePath().relativize(spec);
        Path link = Files.createSymbolicLink(dir.resolve("current.md"), spec);
        for (Path given : java.util.List.of(relative, link)) {
            SpecSource source = SpecFiles.read(given);
            Files.writeString(spec, Files.readString(spec) + "- [ ] b\r\n");

            SpecgateException e =
                    catchThrowableOfType(
                            SpecgateException.class,
                            () -> SpecFiles.write(source.edit().replace(0, 1, "#")));

            assertThat(e.exitCode()).isEqualTo(ExitCode.FINDINGS);
            assertThat(e.getMessage())
                    .isEqualTo(
                            given
                                    + " changed on disk since it was read; nothing was written"
                                    + " (run the command again)");
        }
    }
}
