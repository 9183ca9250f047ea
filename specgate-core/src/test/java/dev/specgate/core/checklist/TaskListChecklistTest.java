package dev.specgate.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.parse.SpecParser;
import org.junit.jupiter.api.Test;

class TaskListChecklistTest {

    private static final String TASKS =
            "# Task List: X\n\n## Tasks\n"
                    + "- [ ] 1.0 Prerequisites\n"
                    + "  - [x] 1.1 Flag\n"
                    + "  - [ ] 1.2 Simulator\n"
                    + "- [ ] 2.0 Core\n"
                    + "  - [ ] 2.0.T1 Write a failing test for: writer\n"
                    + "  - [ ] 2.1 Writer\n"
                    + "\n## Quality Gates\n- [ ] Functional Success: done\n";

    private static Checklist tasks(String md) {
        return Checklist.of(new SpecParser().parse(md), DocumentKind.TASK_LIST);
    }

    @Test
    void idsOfATaskList() {
        Checklist c = tasks(TASKS);

        assertThat(c.items())
                .extracting(ChecklistEntry::id)
                .containsExactly("1.0", "1.1", "1.2", "2.0", "2.0.T1", "2.1", "S2.1");
        assertThat(c.byId("2.0.T1"))
                .get()
                .extracting(ChecklistEntry::text)
                .isEqualTo("Write a failing test for: writer");
        assertThat(c.byId("S2.1"))
                .get()
                .extracting(ChecklistEntry::text)
                .isEqualTo("Functional Success: done");
    }

    @Test
    void nextIsStrictTaskOrderAParentWaitsForItsSubtasks() {
        Checklist c = tasks(TASKS);

        assertThat(c.next()).get().extracting(ChecklistEntry::id).isEqualTo("1.2");
        Checklist afterSimulator = tasks(TASKS.replace("- [ ] 1.2", "- [x] 1.2"));
        assertThat(afterSimulator.next()).get().extracting(ChecklistEntry::id).isEqualTo("1.0");
        Checklist afterParent =
                tasks(TASKS.replace("- [ ] 1.2", "- [x] 1.2").replace("- [ ] 1.0", "- [x] 1.0"));
        assertThat(afterParent.next()).get().extracting(ChecklistEntry::id).isEqualTo("2.0.T1");
    }

    @Test
    void nextOnceTickedIsWhatNextSaysAfterTheTick() {
        Checklist c = tasks(TASKS);

        // 1.0 waits for 1.2 whichever other item is ticked
        assertThat(c.nextOnceTicked(c.byId("2.1").orElseThrow()))
                .get()
                .extracting(ChecklistEntry::id)
                .isEqualTo("1.2");
        // ticking its last open subtask makes the parent next, as next() says after the tick
        assertThat(c.nextOnceTicked(c.byId("1.2").orElseThrow()))
                .get()
                .extracting(ChecklistEntry::id)
                .isEqualTo("1.0");
        assertThat(tasks(TASKS.replace("- [ ] 1.2", "- [x] 1.2")).next())
                .get()
                .extracting(ChecklistEntry::id)
                .isEqualTo("1.0");
    }

    @Test
    void inOrderAnItemWaitsForEarlierItemsButNotForItsParent() {
        Checklist c = tasks(TASKS);

        assertThat(c.openBefore(c.byId("1.2").orElseThrow())).isEmpty();
        assertThat(c.openBefore(c.byId("1.0").orElseThrow()))
                .extracting(ChecklistEntry::id)
                .containsExactly("1.2");
        assertThat(c.openBefore(c.byId("2.1").orElseThrow()))
                .extracting(ChecklistEntry::id)
                .containsExactly("1.0", "1.2", "2.0.T1");
    }

    @Test
    void theIdsOfATaskListWithGapsAreNotSaidAsOneRange() {
        // a realistic task list whose numbering skips 2.3 and 5.0, with T and V items among
        // the subtasks; saved with a BOM and CRLF line endings, as an editor on Windows may
        String text =
                "\uFEFF"
                        + TestSpecs.text(
                                        "/rules/task-id-sequence/"
                                                + "2026-03-05_task_invoice-export-timeouts.md")
                                .replace("\n", "\r\n");

        String said = tasks(text).idsSaid();

        assertThat(said)
                .isEqualTo(
                        "its items are 1.0–1.3, 2.0–2.2, 2.4, 2.0.V1–2.0.V4, 3.0, 3.0.T1–3.0.T3,"
                                + " 3.1–3.3, 3.0.V1–3.0.V4, 4.0–4.3, 4.0.V1–4.0.V4, 6.0,"
                                + " 6.0.T1–6.0.T3, 6.1–6.3, 6.0.V1–6.0.V4, S4.1–S4.11");
        // every id said exists, and no range holds an id the list does not have
        assertThat(said).doesNotContain("2.0–2.4").doesNotContain("1.0–6");
    }

    @Test
    void idsThatFollowOneAnotherAcrossTenAreOneRange() {
        StringBuilder md = new StringBuilder("# Task List: X\n\n## Tasks\n- [ ] 1.0 Parent\n");
        for (int i = 1; i <= 12; i++) {
            md.append("  - [ ] 1.").append(i).append(" Step ").append(i).append('\n');
        }
        md.append("  - [ ] 1.14 Step 14\n");

        assertThat(tasks(md.toString()).idsSaid()).isEqualTo("its items are 1.0–1.12, 1.14");
    }

    @Test
    void aSpecKeepsSectionIds() {
        Checklist c = Checklist.of(new SpecParser().parse(TASKS));

        assertThat(c.items().get(0).id()).isEqualTo("1.1");
        assertThat(c.items().get(0).text()).isEqualTo("1.0 Prerequisites");
    }
}
