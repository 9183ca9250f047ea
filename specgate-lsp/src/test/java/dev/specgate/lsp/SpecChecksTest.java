package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** When edits are checked: a lone edit at once, a burst once it pauses, the newest only. */
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
}
