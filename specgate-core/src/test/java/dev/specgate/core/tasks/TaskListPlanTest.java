package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.SpecProject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskListPlanTest {

    private static final Path SPEC =
            Path.of("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
    private static final TaskListPlan PLAN =
            new TaskListPlan(
                    SPEC,
                    Path.of("directives/tasks"),
                    Path.of("directives/tasks/2026-12-01_task_webhook-retry-queue.md"),
                    "# Tasks: Webhook Retry Queue\n");

    /**
     * A project whose directives/ folder is a link (a shared docs repository): the list lands where
     * its spec really lives and is let through; a task folder linked out of that folder is not, in
     * the words MCP's tasks gives.
     */
    @Test
    void aListBesideItsSpecInALinkedDirectivesFolderIsLetThrough(
            @TempDir Path project, @TempDir Path shared) throws Exception {
        Path docs = Files.createDirectories(shared.resolve("dépôt docs/directives"));
        Files.createDirectories(docs.resolve("spec"));
        Files.createSymbolicLink(project.resolve("directives"), docs);
        Path spec = project.resolve(SPEC);
        Path list = project.resolve("directives/tasks/2026-12-01_task_webhook-retry-queue.md");
        TaskListPlan plan =
                new TaskListPlan(spec, list.getParent(), list, "# Tasks: Webhook Retry Queue\n");

        assertThat(plan.outsideItsSpecsHome(list, project, "LIST")).isEmpty();
        // the tools keep to the root: removing the link would unlink the spec, so not advised
        assertThat(plan.outsideRefusal(list, project, "LIST"))
                .contains(
                        "LIST would be written through a link to "
                                + docs.toRealPath().resolve("tasks").resolve(list.getFileName())
                                + ", outside the project root "
                                + project
                                + ": a task list is written only inside it (directives is a link"
                                + " the spec is read through too, so removing it would unlink the"
                                + " spec: run specgate tasks on the spec instead, which writes the"
                                + " list beside it where the link leads); nothing was written");

        Path elsewhere = Files.createDirectories(shared.resolve("autre"));
        Files.createSymbolicLink(docs.resolve("tasks"), elsewhere);
        assertThat(plan.outsideItsSpecsHome(list, project, "LIST"))
                .contains(
                        "LIST would be written through a link to "
                                + elsewhere.toRealPath().resolve(list.getFileName())
                                + ", outside the project root "
                                + project
                                + ": a task list is written only inside it (remove the link to"
                                + " write it here); nothing was written");
    }

    /**
     * A spec whose slug breaks the naming convention (file-name reports it) names its list by the
     * slug made safe as new makes one, not by its whole file name: before, {@code
     * 2026-11-25_task_2026-01-03_spec_ü+x.md}.
     */
    @Test
    void aSpecWhoseSlugBreaksTheConventionNamesItsListByThatSlugMadeSafe(@TempDir Path project)
            throws Exception {
        byte[] text;
        try (InputStream in =
                getClass()
                        .getResourceAsStream(
                                "/builtin-regression/2026-10-02_spec_webhook-retry-queue.md")) {
            text =
                    ("\uFEFF" + new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .replace("\n", "\r\n")
                            .getBytes(StandardCharsets.UTF_8);
        }
        LocalDate today = LocalDate.of(2026, 11, 25);
        String[][] named = {
            {"2026-01-03_spec_ü+x.md", "2026-11-25_task_u-x.md"},
            {"2026-01-03_spec_Über Export.markdown", "2026-11-25_task_uber-export.md"},
            {"2026-1-3_spec_webhook-retry-queue.md", "2026-11-25_task_webhook-retry-queue.md"},
            {"2026-01-03_spec_日本.md", "2026-11-25_task_日本.md"},
            {"Notes on Café.md", "2026-11-25_task_notes-on-cafe.md"},
            {"2026-01-03_spec_webhook-retry-queue.md", "2026-11-25_task_webhook-retry-queue.md"},
        };
        for (String[] n : named) {
            Path spec = project.resolve("directives/spec").resolve(n[0]);
            Files.createDirectories(spec.getParent());
            Files.write(spec, text);

            TaskListPlan plan = SpecProject.builtin().taskList(spec, SpecSource.of(text), today);

            assertThat(plan.target())
                    .as(n[0])
                    .isEqualTo(project.resolve("directives/tasks").resolve(n[1]));
        }
    }

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

    /**
     * The file at the list's name links another spec (two specs whose names clean to the same
     * slug): refused whether or not the caller replaces, while the spec's own list under another
     * name is still the one replaced, and a file there that links this spec, or none, is the
     * caller's to replace.
     */
    @Test
    void anotherSpecsListAtTheNameIsNeverTheOneWritten() throws Exception {
        Path other = Path.of("/work/app/directives/spec/2026-10-02_spec_Webhook+Retry+Queue.md");
        Path own = Path.of("directives/tasks/2026-11-20_task_webhook-retry-queue.md");

        for (boolean replace : new boolean[] {false, true}) {
            assertThatThrownBy(() -> PLAN.target(List.of(), replace, Optional.of(other)))
                    .as("replace " + replace)
                    .isInstanceOfSatisfying(
                            TaskListPlan.AnotherSpecsListException.class,
                            e -> {
                                assertThat(e.owner()).isEqualTo(other);
                                assertThat(e.list()).isEqualTo(PLAN.target());
                                assertThat(
                                                e.said(
                                                        p -> "<" + p.getFileName() + ">",
                                                        "SPEC",
                                                        dev.specgate.core.schema.TemplateSchema
                                                                .builtin()))
                                        .isEqualTo(
                                                "<"
                                                        + PLAN.target().getFileName()
                                                        + "> is the task list of"
                                                        + " <2026-10-02_spec_Webhook+Retry+Queue.md>"
                                                        + " (its Spec link), not of SPEC, whose name"
                                                        + " gives the same list name: rename one"
                                                        + " of the two specs so that their slugs"
                                                        + " differ");
                            });
        }
        // a spec whose name gives another list name: the list at this name was named by hand
        Path elsewhere = Path.of("/work/app/directives/spec/2026-10-02_spec_Über+Export.md");
        assertThatThrownBy(() -> PLAN.target(List.of(), false, Optional.of(elsewhere)))
                .isInstanceOfSatisfying(
                        TaskListPlan.AnotherSpecsListException.class,
                        e ->
                                assertThat(
                                                e.said(
                                                        p -> "<" + p.getFileName() + ">",
                                                        "SPEC",
                                                        dev.specgate.core.schema.TemplateSchema
                                                                .builtin()))
                                        .isEqualTo(
                                                "<2026-12-01_task_webhook-retry-queue.md> is the"
                                                        + " task list of"
                                                        + " <2026-10-02_spec_Über+Export.md> (its"
                                                        + " Spec link), not of SPEC, though it has"
                                                        + " SPEC's list name: rename it"
                                                        + " 2026-12-01_task_uber-export.md,"
                                                        + " <2026-10-02_spec_Über+Export.md>'s list"
                                                        + " name, or if it is SPEC's list, make its"
                                                        + " Spec link name SPEC"));
        assertThat(PLAN.target(List.of(own), true, Optional.of(other))).isEqualTo(own);
        assertThat(PLAN.target(List.of(), true, Optional.of(PLAN.spec()))).isEqualTo(PLAN.target());
        assertThat(PLAN.target(List.of(), true, Optional.empty())).isEqualTo(PLAN.target());
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

    @Test
    void replacingAListNamesTheOpenItemsItLosesButNotOnesTheSpecReworded() {
        TaskListPlan fresh =
                new TaskListPlan(
                        SPEC,
                        PLAN.folder(),
                        PLAN.target(),
                        """
                        # Task List: Webhook Retry Queue

                        - [ ] 3.0 Core Implementation
                          - [ ] 3.1 Retry scheduler with jittered backoff (five attempts)
                          - [ ] 3.2 Metrics for retries

                        ## Quality Gates
                        - [ ] Functional: every webhook delivered or dead-lettered
                        """);
        // the old list, CRLF: 3.1 in the spec's earlier words (reworded since: not lost), 3.3 and
        // an item without an id written in by hand (lost), 3.2 ticked (carried)
        String old =
                """
                # Task List: Webhook Retry Queue

                - [ ] 3.0 Core Implementation
                  - [ ] 3.1 Retry scheduler with jittered backoff (three attempts)
                  - [x] 3.2 Metrics for retries
                  - [ ] 3.3 Ask Anaïs about the bank's test slot

                ## Quality Gates
                - [ ] Functional: every webhook delivered or dead-lettered
                - [ ] Load test with [10k] webhooks per minute
                """
                        .replace("\n", "\r\n");

        TaskListPlan.CarriedTicks ticks = fresh.carryTicks(old);

        assertThat(ticks.carried()).isEqualTo(1);
        assertThat(ticks.gone())
                .containsExactly("3.3", "'Load test with [10k] webhooks per minute'");
        assertThat(ticks.said())
                .hasValue(
                        "1 tick carried over from the replaced task list; 2 open items dropped"
                                + " (written in the list by hand, or gone from the spec; the list"
                                + " is made from the spec, so write in the spec what is to stay):"
                                + " 3.3, 'Load test with [10k] webhooks per minute'");
    }

    @Test
    void replacingAListCarriesOverTheTicksOfItemsWithTheSameIdAndText() {
        TaskListPlan fresh =
                new TaskListPlan(
                        SPEC,
                        PLAN.folder(),
                        PLAN.target(),
                        """
                        # Task List: Webhook Retry Queue

                        - [ ] 3.0 Core Implementation
                          - [ ] 3.0.T1 Write a failing test for: Retry scheduler with jittered backoff
                          - [ ] 3.0.T2 Write a failing test for: Dead-letter queue für Zustellungen
                          - [x] 3.1 Retry scheduler with jittered backoff
                          - [ ] 3.0.V1 Functional Verification: retries stop after 8 attempts

                        ## Quality Gates
                        - [ ] Functional: every webhook delivered or dead-lettered
                        """);
        // the old list, CRLF, as a user ticked it: T1 and V1 done, T2's text since changed, a
        // gate ticked, and an item the spec no longer has
        String old =
                """
                # Task List: Webhook Retry Queue

                - [ ] 3.0 Core Implementation
                  - [x] 3.0.T1 Write a failing test for: Retry scheduler with jittered backoff
                  - [X] 3.0.T2 Write a failing test for: Dead-letter queue
                  - [ ] 3.1 Retry scheduler with jittered backoff
                  - [x] 3.2 Metrics for retries
                  - [x] 3.0.V1 Functional Verification: retries stop after 8 attempts

                ## Quality Gates
                - [x] Functional: every webhook delivered or dead-lettered
                """
                        .replace("\n", "\r\n");

        TaskListPlan.CarriedTicks ticks = fresh.carryTicks(old);

        assertThat(ticks.carried()).isEqualTo(3);
        assertThat(ticks.dropped()).containsExactly("3.0.T2", "3.2");
        assertThat(ticks.plan().markdown())
                .isEqualTo(
                        fresh.markdown()
                                .replace("[ ] 3.0.T1", "[x] 3.0.T1")
                                .replace("[ ] 3.0.V1", "[x] 3.0.V1")
                                .replace("[ ] Functional:", "[x] Functional:"));
        assertThat(ticks.said())
                .hasValue(
                        "3 ticks carried over from the replaced task list; 2 ticks dropped (the"
                                + " item is gone or its id or text changed): 3.0.T2, 3.2");
        // the spec's own tick (3.1) stays although the old list had it open
        assertThat(ticks.plan().markdown()).contains("- [x] 3.1 Retry scheduler");
        assertThat(fresh.carryTicks("# my own edits\n").said()).isEmpty();
        assertThat(fresh.carryTicks("# my own edits\n").plan()).isEqualTo(fresh);
    }

    @Test
    void aTickIsCarriedWhenTheTextDiffersOnlyInSpacesAndTheOldListStartsWithABomAndAnItem() {
        TaskListPlan fresh =
                new TaskListPlan(
                        SPEC,
                        PLAN.folder(),
                        PLAN.target(),
                        "- [ ] 3.0.T1 Write a failing test for: Retry scheduler\n"
                                + "- [ ] 3.0.V1 Functional Verification: retries stop\n");
        String old =
                "\uFEFF- [x] 3.0.T1 Write a failing test for: Retry scheduler\r\n"
                        + "- [x] 3.0.V1  Functional Verification:\tretries  stop\r\n";

        TaskListPlan.CarriedTicks ticks = fresh.carryTicks(old);

        assertThat(ticks.dropped()).isEmpty();
        assertThat(ticks.carried()).isEqualTo(2);
        assertThat(ticks.plan().markdown()).isEqualTo(fresh.markdown().replace("[ ]", "[x]"));
    }

    @Test
    void anItemWrittenTwiceGetsNoTickThatMayBeAnotherCopysAndIsNamed() {
        // the spec lists a success criterion twice, so the list has the gate twice; the user
        // ticked the first copy only: carrying it ticked both ("2 ticks carried")
        TaskListPlan fresh =
                new TaskListPlan(
                        SPEC,
                        PLAN.folder(),
                        PLAN.target(),
                        """
                        - [ ] 3.0 Core Implementation
                          - [ ] 3.1 Retry scheduler with jittered backoff
                          - [ ] 3.2 Dead-letter queue für Zustellungen
                          - [ ] 3.3 Metrics for retries

                        ## Quality Gates
                        - [ ] Quality Success: Documentation completed
                        - [ ] Quality Success: Knowledge transfer completed
                        - [ ] Quality Success: Documentation completed
                        """);
        // the old list, CRLF: the first gate copy ticked; 3.2 numbered twice by hand, one copy
        // ticked (the other's text is the same); 3.3 written twice and ticked twice, now once
        String old =
                """
                - [ ] 3.0 Core Implementation
                  - [x] 3.1 Retry scheduler with jittered backoff
                  - [x] 3.2 Dead-letter queue für Zustellungen
                  - [ ] 3.2 Dead-letter queue für Zustellungen
                  - [x] 3.3 Metrics for retries
                  - [x] 3.3 Metrics for retries

                ## Quality Gates
                - [x] Quality Success: Documentation completed
                - [ ] Quality Success: Knowledge transfer completed
                - [ ] Quality Success: Documentation completed
                """
                        .replace("\n", "\r\n");

        TaskListPlan.CarriedTicks ticks = fresh.carryTicks(old);

        assertThat(ticks.carried()).isEqualTo(2);
        assertThat(ticks.plan().markdown())
                .isEqualTo(
                        fresh.markdown()
                                .replace("[ ] 3.1", "[x] 3.1")
                                .replace("[ ] 3.3", "[x] 3.3"));
        assertThat(ticks.dropped()).isEmpty();
        assertThat(ticks.unclear())
                .containsExactly(
                        "3.2 (ticked 1 of 2 in the old list, 1 in the new)",
                        "'Quality Success: Documentation completed' (ticked 1 of 2 in the old list,"
                                + " 2 in the new)");
        assertThat(ticks.said())
                .hasValue(
                        "2 ticks carried over from the replaced task list; 2 ticks not carried (the"
                                + " item is written more than once, so which one was ticked is not"
                                + " known: tick it again by hand): 3.2 (ticked 1 of 2 in the old"
                                + " list, 1 in the new), 'Quality Success: Documentation completed'"
                                + " (ticked 1 of 2 in the old list, 2 in the new)");
    }

    @Test
    void anItemTickedOnceAndWrittenTwiceInTheNewListIsNotTickedTwice() {
        TaskListPlan fresh =
                new TaskListPlan(
                        SPEC,
                        PLAN.folder(),
                        PLAN.target(),
                        "- [ ] Quality Success: Documentation completed\n"
                                + "- [ ] Quality Success: Documentation completed\n");

        TaskListPlan.CarriedTicks ticks =
                fresh.carryTicks("- [x] Quality Success: Documentation completed\n");

        assertThat(ticks.carried()).isZero();
        assertThat(ticks.plan().markdown()).isEqualTo(fresh.markdown());
        assertThat(ticks.unclear())
                .containsExactly(
                        "'Quality Success: Documentation completed' (ticked 1 of 1 in the old list,"
                                + " 2 in the new)");
    }
}
