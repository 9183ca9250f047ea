package dev.specgate.core.checklist;

import static dev.specgate.core.TestSpecs.clean;
import static dev.specgate.core.TestSpecs.parse;
import static dev.specgate.core.TestSpecs.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    @Test
    void everyTaskBoxFormCountsAndNothingInCodeOrMalformedDoes() {
        Checklist checklist = Checklist.of(parse(text("/checklist/task-box-forms.md")));

        List<String> expected =
                text("/checklist/task-box-forms.expected")
                        .lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank())
                        .toList();
        List<String> actual =
                checklist.items().stream()
                        .map(
                                e ->
                                        String.join(
                                                " | ",
                                                e.id(),
                                                String.valueOf(e.checked()),
                                                String.valueOf(e.line() + 1),
                                                e.sectionTitle(),
                                                e.text()))
                        .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(checklist.total()).isEqualTo(12);
        assertThat(checklist.checked()).isEqualTo(4);
    }

    @Test
    void theIdsThatExistAreSaidAsEachHeadingsRange() {
        assertThat(Checklist.of(parse(clean())).idsSaid())
                .isEqualTo(
                        "its items are 13.1–13.3, 14.1–14.12, 26.1–26.3, 37.1–37.4, 39.1–39.3,"
                                + " 40.1–40.3, 41.1–41.2, 48.1–48.2, 49.1");
        assertThat(Checklist.of(parse("# T\n\n## Steps\n\n- [ ] only\n")).idsSaid())
                .isEqualTo("its one item is 1.1");
        assertThat(Checklist.of(parse("# T\n\n## Steps\n\nnone\n")).idsSaid())
                .isEqualTo("it has no checklist items");
    }

    @Test
    void sectionsCountTheirOwnItems() {
        Checklist checklist = Checklist.of(parse(text("/checklist/task-box-forms.md")));

        assertThat(checklist.sections())
                .extracting(
                        ChecklistSection::title, ChecklistSection::checked, ChecklistSection::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Technical Specification: Task Box Forms", 0, 1),
                        org.assertj.core.groups.Tuple.tuple("Prerequisites", 3, 6),
                        org.assertj.core.groups.Tuple.tuple("Implementation Steps", 1, 4),
                        org.assertj.core.groups.Tuple.tuple("Notes", 0, 1));
    }

    @Test
    void idsNumberHeadingsInDocumentOrderWithoutTheTitle() {
        Checklist checklist = Checklist.of(parse(clean()));

        assertThat(checklist.byId("13.1"))
                .get()
                .extracting(ChecklistEntry::text)
                .isEqualTo("Outbox table approved by the database guild");
        assertThat(checklist.byId("14.12"))
                .get()
                .extracting(ChecklistEntry::text)
                .isEqualTo("Production deployment preparation");
        assertThat(checklist.byId("14.13")).isEmpty();
        assertThat(checklist.under("Technical Decisions Needed"))
                .extracting(ChecklistEntry::id)
                .containsExactly("48.1", "48.2");
    }

    @Test
    void idsAreStableWhenBoxesChange() {
        String text = clean();
        List<String> before = ids(Checklist.of(parse(text)));
        List<String> after =
                ids(
                        Checklist.of(
                                parse(
                                        text.replace("- [x]", "- [ ]")
                                                .replace("- [ ] Staging", "- [x] Staging"))));

        assertThat(after).isEqualTo(before);
    }

    @Test
    void nextFollowsTheWorkingOrderThenTheRest() {
        String spec =
                String.join(
                        "\n",
                        "# T",
                        "## Open Questions & Decisions",
                        "### Technical Decisions Needed",
                        "- [ ] decide first in the document",
                        "## Integration & Deployment",
                        "- [ ] deploy",
                        "## Testing & Validation",
                        "- [ ] test",
                        "## Implementation Plan",
                        "### Prerequisites",
                        "#### Access",
                        "- [x] access granted",
                        "- [ ] database ready",
                        "### Implementation Steps",
                        "- [ ] build it",
                        "");
        Checklist checklist = Checklist.of(parse(spec));

        assertThat(checklist.workingOrder())
                .extracting(ChecklistEntry::text)
                .containsExactly(
                        "access granted",
                        "database ready",
                        "build it",
                        "test",
                        "deploy",
                        "decide first in the document");
        assertThat(checklist.next())
                .get()
                .extracting(ChecklistEntry::text)
                .isEqualTo("database ready");
        ChecklistEntry deploy = found(checklist, "deploy");
        assertThat(checklist.openBefore(deploy))
                .extracting(ChecklistEntry::text)
                .containsExactly("database ready", "build it", "test");
        assertThat(checklist.isWorking(deploy)).isTrue();
        ChecklistEntry decide = found(checklist, "decide");
        assertThat(checklist.isWorking(decide)).isFalse();
        assertThat(checklist.openBefore(decide)).isEmpty();
    }

    /**
     * A team's spec (front matter, its Rollout before its Open Questions, as the team-yaml template
     * writes them): the question to answer before approval comes first, the Rollout worked after it
     * next. {@code next} pointed at "Feature flag created" while a question was still open.
     */
    @Test
    void aTeamsOpenQuestionsComeBeforeItsRollout() {
        String spec =
                "\uFEFF" + text("rules/gate-open/2026-07-01-sso-saml.md").replace("\n", "\r\n");
        Checklist checklist = Checklist.of(parse(spec));

        assertThat(checklist.items())
                .extracting(ChecklistEntry::text)
                .startsWith("Feature flag created");
        assertThat(checklist.next())
                .get()
                .extracting(ChecklistEntry::text)
                .asString()
                .startsWith("Do we support IdP-initiated login?");
        assertThat(checklist.workingOrder())
                .extracting(ChecklistEntry::id)
                .containsExactly("7.1", "6.1", "6.2", "6.3", "6.4");
    }

    @Test
    void nextIsEmptyWhenEverythingIsChecked() {
        Checklist checklist = Checklist.of(parse("# T\n## Prerequisites\n- [x] a\n- [X] b\n"));

        assertThat(checklist.next()).isEmpty();
        assertThat(Checklist.of(parse("# T\n\nNo boxes.\n")).next()).isEmpty();
    }

    @Test
    void otherChecklistsAreWorkedInOrderWithinTheirHeading() {
        Checklist checklist =
                Checklist.of(
                        parse(
                                "# T\n## Rollback Testing\n- [ ] one\n- [x] two\n- [ ] three\n## Other\n- [ ] x\n"));

        ChecklistEntry three = checklist.byId("1.3").orElseThrow();
        assertThat(checklist.openBefore(three))
                .extracting(ChecklistEntry::id)
                .containsExactly("1.1");
    }

    @Test
    void lookupByIdTextOrAmbiguity() {
        Checklist checklist = Checklist.of(parse(clean()));

        assertThat(checklist.lookup("13.3"))
                .isEqualTo(new ItemLookup.Found(checklist.byId("13.3").orElseThrow()));
        assertThat(checklist.lookup("  staging   MERCHANT simulator "))
                .isEqualTo(new ItemLookup.Found(checklist.byId("13.3").orElseThrow()));
        assertThat(checklist.lookup("validation")).isInstanceOf(ItemLookup.Ambiguous.class);
        assertThat(((ItemLookup.Ambiguous) checklist.lookup("validation")).candidates())
                .allMatch(e -> !e.checked())
                .hasSizeGreaterThan(1);
        // one ticked item and no open one: found, as its id finds it (the caller says it is done)
        assertThat(checklist.lookup("Outbox table approved"))
                .isEqualTo(new ItemLookup.Found(checklist.byId("13.1").orElseThrow()));
        assertThat(checklist.byId("13.1").orElseThrow().checked()).isTrue();
        // several ticked items and no open one: which is meant cannot be said
        ItemLookup done = checklist.lookup("decision BY");
        assertThat(done).isInstanceOf(ItemLookup.NotFound.class);
        assertThat(((ItemLookup.NotFound) done).checkedMatches())
                .extracting(ChecklistEntry::id)
                .containsExactly("48.1", "48.2");
        // an open item wins over ticked ones: "rollback" is two ticked items and one open
        assertThat(found(checklist, "rollback").checked()).isFalse();
        // the text as a reader sees it rendered finds an item written with code marks, and so
        // does the text as written (as progress prints it)
        ChecklistEntry flag = found(checklist, "feature flag webhook.outbox created");
        assertThat(flag.text()).isEqualTo("Feature flag `webhook.outbox` created");
        assertThat(found(checklist, "flag `webhook.outbox`")).isEqualTo(flag);
        assertThat(checklist.lookup("no such words")).isEqualTo(new ItemLookup.NotFound(List.of()));
        assertThat(checklist.lookup("   ")).isEqualTo(new ItemLookup.NotFound(List.of()));
    }

    private static ChecklistEntry found(Checklist c, String text) {
        return ((ItemLookup.Found) c.lookup(text)).entry();
    }

    @Test
    void ofSeveralOpenItemsTheOneWhoseWholeTextIsGivenIsFound() {
        // specgate tasks writes a test-first item beside each step, holding the step's text
        Checklist tasks =
                Checklist.of(
                        parse(
                                "\uFEFF# Task List: Café\r\n\r\n## Tasks\r\n- [ ] 1.0 Core\r\n"
                                        + "  - [ ] 1.0.T1 Write a failing test for: wire `limiter[0]`\r\n"
                                        + "  - [ ] 1.1 Wire `limiter[0]`\r\n"
                                        + "  - [ ] 1.2 Wire `limiter[0]` again\r\n"),
                        dev.specgate.core.model.DocumentKind.TASK_LIST);

        assertThat(found(tasks, "  wire   LIMITER[0] ").id()).isEqualTo("1.1");
        assertThat(found(tasks, "Wire `limiter[0]`").id()).isEqualTo("1.1");
        // a piece of several, whole text of none: still the user's to say
        assertThat(tasks.lookup("limiter[0]"))
                .isInstanceOfSatisfying(
                        ItemLookup.Ambiguous.class,
                        a ->
                                assertThat(a.candidates())
                                        .extracting(ChecklistEntry::id)
                                        .containsExactly("1.0.T1", "1.1", "1.2"));
    }

    @Test
    void anIdATaskListGivesTwoItemsFindsBothNotTheFirst() {
        Checklist tasks =
                Checklist.of(
                        parse(
                                "# Task List: X\n\n## Tasks\n- [ ] 1.0 Setup\n"
                                        + "  - [x] 1.1 Cr\u00e9er\n  - [ ] 1.1 Twice\n"
                                        + "  - [ ] 1.2 Then\n"),
                        dev.specgate.core.model.DocumentKind.TASK_LIST);

        assertThat(tasks.lookup("1.1"))
                .isInstanceOfSatisfying(
                        ItemLookup.Ambiguous.class,
                        a ->
                                assertThat(a.candidates())
                                        .extracting(ChecklistEntry::text)
                                        .containsExactly("Cr\u00e9er", "Twice"));
        assertThat(tasks.withId(" 1.1 ")).hasSize(2);
        assertThat(tasks.lookup("1.2"))
                .isInstanceOfSatisfying(
                        ItemLookup.Found.class,
                        f -> assertThat(f.entry().text()).isEqualTo("Then"));
    }

    private static List<String> ids(Checklist c) {
        return c.items().stream().map(ChecklistEntry::id).toList();
    }
}
