package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailureTest {

    @TempDir Path dir;

    @Test
    void theJdksExceptionsGiveAReasonNotAPath() {
        assertThat(IoFailure.reason(new AccessDeniedException("/x/a.md")))
                .isEqualTo("permission denied");
        assertThat(IoFailure.reason(new NoSuchFileException("/x/a.md")))
                .isEqualTo("no such file or folder");
        assertThat(IoFailure.reason(new FileAlreadyExistsException("/x/a.md")))
                .isEqualTo("already exists");
        assertThat(IoFailure.reason(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(IoFailure.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(IoFailure.reason(new IOException())).isEqualTo("IOException");
    }

    @Test
    void aRealFailureReadsWell() throws Exception {
        Path file = Files.writeString(dir.resolve("a.md"), "x");
        try {
            Files.createDirectories(file.resolve("sub"));
        } catch (IOException e) {
            assertThat(IoFailure.reason(e)).doesNotContain(dir.toString()).isNotBlank();
            return;
        }
        throw new AssertionError("a folder was made inside a file");
    }
}
