package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec the walk saw as a regular file and that was replaced before its read ({@link
 * SpecFileReader#readBytes(Path, BasicFileAttributes)}) is read as it is now, and refused when it
 * is no regular file any more, never read as the walk saw it. The timeouts only guard against a
 * read that blocks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplacedSinceTheWalkTest {

    @TempDir Path dir;

    private static final String SPEC = "# Rollout: Zoë's ledger cut-over\r\n\r\n[Owner]\r\n";

    @Test
    void aPipeAWriterHoldsOpenIsRefusedNotRead() throws Exception {
        Path spec = dir.resolve("2026-12-06_spec_ledger.md");
        Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
        BasicFileAttributes walked = Files.readAttributes(spec, BasicFileAttributes.class);
        Files.delete(spec);
        assumeTrue(
                new ProcessBuilder("mkfifo", spec.toString()).inheritIO().start().waitFor() == 0,
                "no mkfifo here");
        // a writer that holds the pipe open and writes nothing: a read would wait for it forever
        // (opened for reading and writing, which on Linux does not wait for a reader)
        ExecutorService reading =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "read-replaced-spec");
                            t.setDaemon(true);
                            return t;
                        });
        try (FileChannel writer =
                FileChannel.open(spec, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // read on a thread of its own, so that a read that blocks fails the test (a timeout
            // that interrupted the test's thread would close the channel and let the read pass)
            Future<byte[]> read =
                    reading.submit(() -> new SpecFileReader().readBytes(spec, walked));
            assertThatThrownBy(() -> read.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(UnreadableSpecException.class)
                    .hasMessage("not a regular file (a device, pipe or socket)");
        } finally {
            reading.shutdownNow();
        }
    }

    @Test
    void aDeviceIsRefusedNotRead() throws Exception {
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device), "no /dev/zero here");
        Path spec = dir.resolve("2026-12-06_spec_ledger.md");
        Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
        BasicFileAttributes walked = Files.readAttributes(spec, BasicFileAttributes.class);

        assertThatThrownBy(() -> new SpecFileReader().readBytes(device, walked))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("not a regular file (a device, pipe or socket)");
    }

    @Test
    void aFolderPutInItsPlaceIsRefusedNotRead() throws Exception {
        Path spec = dir.resolve("2026-12-06_spec_ledger.md");
        Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
        BasicFileAttributes walked = Files.readAttributes(spec, BasicFileAttributes.class);
        Files.delete(spec);
        Files.createDirectory(spec);
        Files.writeString(spec.resolve("notes.md"), SPEC, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new SpecFileReader().readBytes(spec, walked))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("is a directory, not a file");
    }

    @Test
    void aFileRewrittenSinceTheWalkIsReadAsItIsNow() throws IOException, UnreadableSpecException {
        Path spec = dir.resolve("2026-12-06_spec_ledger.md");
        Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
        BasicFileAttributes walked = Files.readAttributes(spec, BasicFileAttributes.class);
        String now = SPEC.replace("[Owner]", "Owner: Zoë Lindqvist, payments core");
        Files.writeString(spec, now, StandardCharsets.UTF_8);

        assertThat(new String(new SpecFileReader().readBytes(spec, walked), StandardCharsets.UTF_8))
                .isEqualTo(now);
        Files.writeString(spec, "# Rollout\n", StandardCharsets.UTF_8);
        assertThat(new String(new SpecFileReader().readBytes(spec, walked), StandardCharsets.UTF_8))
                .isEqualTo("# Rollout\n");
    }
}
