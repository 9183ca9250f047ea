package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.project.SpecProject;
import dev.specgate.web.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which saved files make the live preview check every spec again. */
class LiveProjectTest {

    @TempDir Path dir;

    private Path project;
    private LiveProject live;

    @BeforeEach
    void load() throws Exception {
        project = Projects.fixtureCopy(dir);
        live =
                new LiveProject(
                        project,
                        new CoreAdapter(SpecProject.builtin()),
                        () -> LocalDate.of(2026, 11, 25),
                        "project");
        live.reload();
    }

    @Test
    void aNewNonSpecMarkdownFileChangesNothing() throws Exception {
        var before = live.snapshot();
        Path readme = Files.writeString(project.resolve("NOTES.md"), "# Notes\n");

        assertThat(live.update(Set.of(readme))).isEmpty();
        assertThat(live.snapshot().views()).isEqualTo(before.views());
    }

    @Test
    void aTaskListIsNotShownButItsFindingsAreCountedAsCheckCountsThem() throws Exception {
        var before = live.snapshot();
        Path task =
                Files.createDirectories(project.resolve("directives/tasks"))
                        .resolve("2026-11-25_task_x.md");
        Files.writeString(task, "# Task List: X\n");

        assertThat(live.update(Set.of(task)))
                .containsExactly("directives/tasks/2026-11-25_task_x.md");
        assertThat(live.snapshot().views()).isEqualTo(before.views());
        var counted = live.snapshot().portfolio().taskLists();
        assertThat(counted.files()).isEqualTo(1);
        assertThat(counted.errors()).isPositive(); // no header, no tasks: check's errors
        assertThat(live.snapshot().portfolio().totalErrors())
                .isEqualTo(before.portfolio().errors() + counted.errors());

        Files.delete(task);
        assertThat(live.update(Set.of(task)))
                .containsExactly("directives/tasks/2026-11-25_task_x.md");
        assertThat(live.snapshot().portfolio().totalErrors())
                .isEqualTo(before.portfolio().errors());
    }

    @Test
    void aNewSpecIsTakenIn() throws Exception {
        Path specs = project.resolve("directives/spec");
        Path copy = specs.resolve("2026-11-24_spec_copy.md");
        Files.copy(specs.resolve("2026-10-14_spec_webhook-retry-backoff.md"), copy);

        assertThat(live.update(Set.of(copy)))
                .containsExactly("directives/spec/2026-11-24_spec_copy.md");
        assertThat(live.snapshot().views()).hasSize(6);
    }
}
