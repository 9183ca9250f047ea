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

    @Test
    void manyEditsAtOnceLoseNoTickAndLeaveNoLockFile() throws Exception {
        int items = 24;
        StringBuilder spec = new StringBuilder("# T\n\n");
        for (int i = 0; i < items; i++) {
            spec.append("- [ ] item ").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("spec.md"), spec);
        Path lockFile = dir.resolve(".spec.md.specgate.lock");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<CompletableFuture<Void>> edits = new java.util.ArrayList<>();
            for (int i = 0; i < items; i++) {
                String box = "- [ ] item " + i + "\n";
                edits.add(CompletableFuture.runAsync(() -> tickRetryingWhenStale(file, box), pool));
            }
            CompletableFuture.allOf(edits.toArray(CompletableFuture[]::new))
                    .get(50, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(Files.readString(file)).doesNotContain("[ ]").contains("- [x] item 23\n");
        assertThat(lockFile).as("the holder deletes its lock file").doesNotExist();
    }

    @Test
    void editsFromSeveralProcessesAtOnceLoseNoTick() throws Exception {
        int processes = 3;
        int each = 8;
        StringBuilder spec = new StringBuilder("# T\n\n");
        for (int i = 0; i < processes * each; i++) {
            spec.append("- [ ] item ").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("spec.md"), spec);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<Process> started = new java.util.ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                started.add(
                        new ProcessBuilder(
                                        java,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        Ticker.class.getName(),
                                        file.toString(),
                                        Integer.toString(p * each),
                                        Integer.toString(each))
                                .redirectError(ProcessBuilder.Redirect.INHERIT)
                                .start());
            }
            for (Process p : started) {
                assertThat(p.waitFor(45, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
        } finally {
            started.forEach(Process::destroy);
        }

        assertThat(Files.readString(file)).doesNotContain("[ ]");
        assertThat(dir.resolve(".spec.md.specgate.lock")).doesNotExist();
    }

    @Test
    void aLockFileLeftByADeadProcessIsTakenOverAndRemoved() throws Exception {
        Path file = Files.writeString(dir.resolve("spec.md"), SPEC);
        Path lockFile = Files.writeString(dir.resolve(".spec.md.specgate.lock"), "4242 1 99");
        SpecSource source = SpecSource.read(file);

        write(source.edit().replace(0, 3, "# U"));

        assertThat(file).hasContent(SPEC.replace("# T", "# U"));
        assertThat(lockFile).doesNotExist();
    }

    private static void tickRetryingWhenStale(Path file, String box) {
        while (true) {
            try {
                SpecSource source = SpecSource.read(file);
                int at = source.text().indexOf(box);
                new SpecFileWriter().write(source.edit().replace(at + 3, at + 4, "x"));
                return;
            } catch (StaleSpecException stale) {
                // another tick landed first: read again
            } catch (java.io.IOException | dev.specgate.core.input.UnreadableSpecException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void write(SpecEdit edit) {
        try {
            new SpecFileWriter().write(edit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ticks items {@code from} .. {@code from + count - 1} of the spec, one edit each. */
    public static final class Ticker {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            int from = Integer.parseInt(args[1]);
            int count = Integer.parseInt(args[2]);
            for (int i = from; i < from + count; i++) {
                tickRetryingWhenStale(file, "- [ ] item " + i + "\n");
            }
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
