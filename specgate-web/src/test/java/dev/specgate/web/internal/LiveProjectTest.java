package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.web.Projects;
import dev.specgate.web.view.TaskListCount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * A configuration that cannot be used (its baseline does not read) leaves the project as the
     * last good load had it, every part of it together: the adapter, the specs, and what that walk
     * found beside them (the nested configurations), not the failed walk's.
     */
    @Test
    void aFailedReconfigureLeavesTheLastGoodStateWhole() throws Exception {
        var before = live.snapshot();
        String lookedFor = live.lookedFor();
        assertThat(live.nestedConfigs()).isEmpty();
        Path nested = Files.createDirectories(project.resolve("vendor/ledger-sdk"));
        Files.writeString(nested.resolve(".specgate.yml"), "specs:\n  - docs/**/*.md\n");
        Files.writeString(
                project.resolve(".specgate-baseline.json"),
                "{ \"fingerprints\": [ not json",
                StandardCharsets.UTF_8);
        Files.writeString(
                project.resolve(".specgate.yml"),
                "baseline: .specgate-baseline.json\nspecs:\n  - directives/**/*.md\n");
        SpecProject broken = SpecProject.open(project, ConfigChoice.nearest());

        assertThatThrownBy(() -> live.reconfigure(new CoreAdapter(broken)))
                .isInstanceOf(CoreAdapter.UnusableBaseline.class);
        assertThat(live.snapshot()).isSameAs(before);
        assertThat(live.nestedConfigs()).isEmpty();
        assertThat(live.lookedFor()).isEqualTo(lookedFor);
        assertThat(live.behind()).isFalse();
        // and the project in use still checks: a saved spec is taken in with it
        Path spec = before.views().keySet().iterator().next();
        assertThat(live.update(Set.of(spec))).hasSize(1);
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
    void aSavedSpecDoesNotCheckTheTaskListsAgainAndAnEditedTaskListIsCheckedAlone()
            throws Exception {
        // two task lists `tasks` wrote (CRLF; ids 1.2 and 2.1 broken: four errors each)
        Path tasks = Files.createDirectories(project.resolve("directives/tasks"));
        byte[] broken =
                Files.readAllBytes(
                        Path.of(
                                "src/test/resources/task-lists/"
                                        + "2026-11-25_task_refund-idempotency-keys.md"));
        Path refunds =
                Files.write(tasks.resolve("2026-11-25_task_refund-idempotency-keys.md"), broken);
        Path copy = Files.write(tasks.resolve("2026-11-26_task_refund-keys-copy.md"), broken);
        FileTime longAgo = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(refunds, longAgo);
        Files.setLastModifiedTime(copy, longAgo);
        CoreAdapter adapter = new CoreAdapter(SpecProject.builtin());
        LiveProject live =
                new LiveProject(project, adapter, () -> LocalDate.of(2026, 11, 25), "project");
        live.reload();
        assertThat(adapter.taskListsCheckedAfresh()).isEqualTo(2);
        assertThat(live.snapshot().portfolio().taskLists().errors()).isEqualTo(8);

        // a spec saved: the overview is rebuilt, the task lists are not checked again
        Path spec = project.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Files.writeString(spec, Files.readString(spec) + "\nOne more line.\n");
        assertThat(live.update(Set.of(spec)))
                .containsExactly("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        assertThat(adapter.taskListsCheckedAfresh()).isEqualTo(2);
        assertThat(live.snapshot().portfolio().taskLists())
                .isEqualTo(freshCount(List.of(copy, refunds)));

        // one task list edited (CRLF kept): it alone is checked again, and the totals are what a
        // fresh check of both says
        String text = new String(broken, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        Files.writeString(copy, text.replace("  - [ ] 1.5 ", "  - [ ] 1.2 "));
        live.update(Set.of(copy));
        assertThat(adapter.taskListsCheckedAfresh()).isEqualTo(3);
        assertThat(live.snapshot().portfolio().taskLists())
                .isEqualTo(freshCount(List.of(copy, refunds)));
        assertThat(live.snapshot().portfolio().taskLists().errors()).isLessThan(8);
    }

    /** The task lists counted by an adapter that has checked nothing yet. */
    private static TaskListCount freshCount(List<Path> taskLists) {
        return new CoreAdapter(SpecProject.builtin())
                .countTaskLists(taskLists, LocalDate.of(2026, 11, 25));
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
