package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.SpecParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A task list's Spec link is read as {@code link-broken} reads links: a second {@code tasks} run
 * must recognise the list however its link is written, or it writes a second list.
 */
class TaskListLinkTest {

    private static final Path PROJECT = Path.of("/work/payments").toAbsolutePath();
    private static final Path LIST =
            PROJECT.resolve("directives/tasks/2026-12-01_task_refund-idempotency-keys.md");
    private static final Path SPEC =
            PROJECT.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");

    private static Path linked(String destination) {
        String text =
                "# Task List: Refund Idempotency Keys\n\n"
                        + "**Spec:** [2026-11-09_spec_refund-idempotency-keys.md]("
                        + destination
                        + ")\n"
                        + "**Created:** 2026-12-01\n\n"
                        + "## Tasks\n\n- [ ] 1.0 Store keys\n";
        return TaskList.linkedSpec(LIST, new SpecParser().parse(text)).orElseThrow();
    }

    @Test
    void relativeRootRelativeEncodedAndWithQueryOrFragmentAllNameTheSameSpec() {
        assertThat(linked("../spec/2026-11-09_spec_refund-idempotency-keys.md")).isEqualTo(SPEC);
        assertThat(linked("/directives/spec/2026-11-09_spec_refund-idempotency-keys.md"))
                .isEqualTo(SPEC);
        assertThat(linked("../spec/2026-11-09_spec_refund%2Didempotency-keys.md")).isEqualTo(SPEC);
        assertThat(linked("../spec/2026-11-09_spec_refund-idempotency-keys.md?plain=1#summary"))
                .isEqualTo(SPEC);
    }
}
