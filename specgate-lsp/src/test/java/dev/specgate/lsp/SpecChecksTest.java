package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When edits are checked: a lone edit at once, a burst once it pauses, the newest only; a check
 * begun before the checks were forgotten is neither kept nor shown.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpecChecksTest {

    @TempDir Path tmp;

    @Test
    void anEditAfterAPauseIsCheckedAtOnceAndABurstWaitsForTheNextPause() throws Exception {
        Path file = tmp.resolve("directives/spec/2026-11-30_spec_notes.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Technical Specification: Notes\n");
        String uri = file.toUri().toString();
        BlockingQueue<Integer> checked = new LinkedBlockingQueue<>();
        // a quiet period far longer than the test: only "at once" can be seen
        try (SpecChecks checks =
                new SpecChecks(() -> LocalDate.parse("2026-11-30"), Duration.ofMinutes(10))) {
            checks.put(new OpenSpec(uri, 1, "# Technical Specification: Notes\n"));
            checks.put(new OpenSpec(uri, 2, "# Technical Specification: Notes 2\n"));
            checks.schedule(uri, false, i -> checked.add(i.spec().version()));
            assertThat(checked.poll(30, TimeUnit.SECONDS))
                    .as("the first edit, at once")
                    .isEqualTo(2);

            checks.put(new OpenSpec(uri, 3, "# Technical Specification: Notes 3\n"));
            checks.schedule(uri, false, i -> checked.add(i.spec().version()));
            checks.put(new OpenSpec(uri, 4, "# Technical Specification: Notes 4\n"));
            checks.schedule(uri, false, i -> checked.add(i.spec().version()));

            assertThat(checked.poll(2, TimeUnit.SECONDS))
                    .as("edits right after another wait for the quiet period")
                    .isNull();
            checks.schedule(uri, true, i -> checked.add(i.spec().version()));
            assertThat(checked.poll(30, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(checked.poll(1, TimeUnit.SECONDS)).as("version 3 was cancelled").isNull();
        }
    }

    /**
     * A check that began before every check was forgotten (a configuration, template or file
     * changed) and finishes after a newer one neither replaces the newer one nor is shown. The
     * check is held where it asks for today's date, which it does before it opens the project, and
     * goes on only once the checks are forgotten and a newer check is kept.
     */
    @Test
    void aCheckBegunBeforeTheChecksWereForgottenNeitherReplacesANewerOneNorIsShown()
            throws Exception {
        Path file = tmp.resolve("directives/spec/2026-11-30_spec_notes.md");
        Files.createDirectories(file.getParent());
        String text = "# Technical Specification: Notes\r\n\r\n**Type:** Intégration\r\n";
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        String other = tmp.resolve("directives/spec/2026-11-30_spec_other.md").toUri().toString();
        AtomicReference<Hold> hold = new AtomicReference<>();
        Supplier<LocalDate> today =
                () -> {
                    Hold h = hold.getAndSet(null);
                    if (h != null) {
                        h.hold();
                    }
                    return LocalDate.parse("2026-11-30");
                };
        try (SpecChecks checks = new SpecChecks(today, Duration.ofMinutes(10))) {
            OpenSpec spec = new OpenSpec(uri, 1, text);
            checks.put(spec);
            checks.put(new OpenSpec(other, 1, "# Technical Specification: Other\n"));

            // a request's check, held after it began
            Hold request = new Hold();
            hold.set(request);
            CompletableFuture<SpecInspection> stale =
                    CompletableFuture.supplyAsync(() -> checks.inspect(spec));
            request.awaitHeld();
            checks.forgetProjects();
            SpecInspection newer = checks.inspect(spec);
            request.release();

            SpecInspection before = stale.get(30, TimeUnit.SECONDS);
            assertThat(before == newer).as("two checks").isFalse();
            assertThat(checks.current(uri).orElseThrow() == newer)
                    .as("the newer check is kept, not the one begun before the change")
                    .isTrue();

            // an edit's check, held on the checks' thread: not handed to the editor
            Hold edit = new Hold();
            hold.set(edit);
            BlockingQueue<String> shown = new LinkedBlockingQueue<>();
            checks.schedule(uri, true, i -> shown.add(i.spec().uri()));
            edit.awaitHeld();
            checks.forgetNames();
            edit.release();
            // the checks' one thread checks the other spec after it
            checks.schedule(other, true, i -> shown.add(i.spec().uri()));

            assertThat(shown.poll(30, TimeUnit.SECONDS))
                    .as("the check begun before the change is not shown")
                    .isEqualTo(other);
            assertThat(shown).isEmpty();
        }
    }

    /** Holds the one check that asks for today's date until the test lets it go on. */
    private static final class Hold {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void hold() {
            held.countDown();
            try {
                assertThat(released.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the check began").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
