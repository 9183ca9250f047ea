package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpecLockTest {

    private static final String SPEC = "# T\n\n- [ ] a\n- [ ] b\n";

    @TempDir Path dir;

    @Test
    void anEditWaitsForTheLockAndComparesUnderIt() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        SpecSource source = SpecSource.read(file);
        CompletableFuture<Void> edit;
        try (SpecLock held = SpecLock.acquire(file.toRealPath())) {
            edit = CompletableFuture.runAsync(() -> write(source.edit().replace(0, 3, "# U")));
            Thread.sleep(300);
            assertThat(edit).as("waits while another edit holds the lock").isNotDone();
            // the other edit lands while this one waits
            Files.writeString(file, SPEC.replace("[ ] b", "[x] b"));
        }

        assertThatThrownBy(() -> edit.get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(StaleSpecException.class);
        assertThat(file).hasContent(SPEC.replace("[ ] b", "[x] b"));
    }

    @Test
    void theLockExcludesAnotherProcess() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        SpecSource source = SpecSource.read(file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                LockHolder.class.getName(),
                                file.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            CompletableFuture<Void> edit =
                    CompletableFuture.runAsync(() -> write(source.edit().replace(0, 3, "# U")));
            Thread.sleep(300);
            assertThat(edit).as("waits while another process holds the lock").isNotDone();
            assertThat(file).hasContent(SPEC);

            OutputStream in = holder.getOutputStream();
            in.write('\n');
            in.flush();
            edit.get(10, TimeUnit.SECONDS);

            assertThat(file).hasContent(SPEC.replace("# T", "# U"));
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void write(SpecEdit edit) {
        try {
            new SpecFileWriter().write(edit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Holds the lock of the spec given as argument until a line arrives on standard input. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (SpecLock lock = SpecLock.acquire(Path.of(args[0]).toRealPath())) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
