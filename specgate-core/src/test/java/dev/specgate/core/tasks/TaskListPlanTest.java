package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskListPlanTest {

    private static final Path SPEC =
            Path.of("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
    private static final TaskListPlan PLAN =
            new TaskListPlan(
                    SPEC,
                    Path.of("directives/tasks"),
                    Path.of("directives/tasks/2026-12-01_task_webhook-retry-queue.md"),
                    "# Tasks: Webhook Retry Queue\n");

    @Test
    void aListWrittenOnAnotherDayIsSaidWithTheSpecItBelongsTo() {
        Path old = Path.of("directives/tasks/2026-11-25_task_webhook-retry-queue.md");

        assertThatThrownBy(() -> PLAN.target(List.of(old), false))
                .isInstanceOfSatisfying(
                        TaskListPlan.ListedElsewhereException.class,
                        e -> {
                            assertThat(e.several()).isFalse();
                            assertThat(e.said(p -> "<" + p.getFileName() + ">", "SPEC"))
                                    .isEqualTo(
                                            "<2026-11-25_task_webhook-retry-queue.md> is already"
                                                    + " the task list of SPEC");
                        });
    }

    @Test
    void severalListsAreCountedAndNotReplaced() throws Exception {
        Path a = Path.of("directives/tasks/2026-11-20_task_webhook-retry-queue.md");
        Path b = Path.of("directives/tasks/2026-11-25_task_webhook-retry-queue.md");

        assertThat(PLAN.target(List.of(a), true)).isEqualTo(a);
        assertThatThrownBy(() -> PLAN.target(List.of(a, b), true))
                .isInstanceOfSatisfying(
                        TaskListPlan.ListedElsewhereException.class,
                        e -> {
                            assertThat(e.several()).isTrue();
                            assertThat(e.said(Path::toString, "the spec"))
                                    .isEqualTo(
                                            a
                                                    + " and 1 more are already the task list of"
                                                    + " the spec");
                        });
    }
}
