package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a search gives {@code trace}: the specs traced across every project of a workspace, the task
 * lists left out and counted in core (the command and the MCP tool both take them from here), and
 * "nothing to trace" only when no spec was found.
 */
class SpecTraceTest {

    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    @TempDir Path dir;

    @Test
    void theSpecsOfEveryProjectAreTracedAndTheTaskListsCounted() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Path tasks = Files.createDirectories(dir.resolve("directives/tasks"));
        Files.writeString(
                tasks.resolve("2026-10-05_task_webhook-retry-queue.md"),
                "# Tasks: Webhook Retry Queue\r\n\r\n- [ ] Write the queue\r\n");
        Path team = Files.createDirectories(dir.resolve("team/directives/spec"));
        Files.writeString(dir.resolve("team/.specgate.yml"), "version: 1\n");
        Files.writeString(team.resolve("2026-11-21_spec_zahlungsläufe.md"), TestSpecs.clean());
        Files.writeString(
                Files.createDirectories(dir.resolve("team/directives/tasks"))
                        .resolve("2026-11-22_task_zahlungsläufe.md"),
                "\uFEFF# Tasks: Zahlungsläufe\n\n- [x] Plan\n");

        SpecTrace.Traced traced =
                SpecTrace.of(
                        SpecWorkspace.open(List.of(dir), ConfigChoice.nearest()).find(), OPTIONS);

        assertThat(traced.specs())
                .extracting(SpecTrace::path)
                .containsExactly(
                        specs.resolve(TestSpecs.CLEAN_NAME),
                        team.resolve("2026-11-21_spec_zahlungsläufe.md"));
        assertThat(traced.specs()).allSatisfy(t -> assertThat(t.entries()).isNotEmpty());
        assertThat(traced.taskLists()).isEqualTo(2);
        assertThat(traced.nothingToTrace()).isEmpty();
    }

    @Test
    void taskListsAloneAreNothingToTraceAndSaySo() throws Exception {
        Path tasks = Files.createDirectories(dir.resolve("directives/tasks"));
        Files.writeString(
                tasks.resolve("2026-10-05_task_webhook-retry-queue.md"),
                "# Tasks: Webhook Retry Queue\n\n- [ ] Write the queue\n");

        SpecTrace.Traced traced =
                SpecTrace.of(
                        SpecWorkspace.open(List.of(dir), ConfigChoice.nearest()).find(), OPTIONS);

        assertThat(traced.specs()).isEmpty();
        assertThat(traced.fails()).isFalse();
        assertThat(traced.nothingToTrace())
                .contains(
                        "nothing to trace: 1 task list and no spec (trace reads a spec's File"
                                + " Organization)");
    }
}
