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
}
