package dev.specgate.core.rules.checklist;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.rules.RuleIds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code task-empty} beyond its fixtures (under {@code rules/task-empty/}, whose expectations stand
 * in an HTML comment on the item's line): a box with nothing at all after it, which no comment can
 * mark, and the message {@code decision-open} gives such an item.
 */
class TaskEmptyRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    @Test
    void aBoxWithNothingAfterItIsReportedAndAnOpenDecisionSaysItHasNoText() {
        // the clean Approved spec, CRLF, with two bare boxes under its decisions
        String spec =
                TestSpecs.clean()
                        .replace(
                                "- [x] Outbox per shard or global - **Decision by:** 2026-10-12\n",
                                "- [x] Outbox per shard or global - **Decision by:** 2026-10-12\n"
                                        + "- [ ]\n"
                                        + "- [x]   \n")
                        .replace("\n", "\r\n");
        int open = spec.lines().toList().indexOf("- [ ]"); // 0-based, as ranges are

        CheckResult result = CHECKER.check(Path.of(TestSpecs.CLEAN_NAME), spec, OPTIONS);

        List<Diagnostic> empty = of(result, RuleIds.TASK_EMPTY);
        assertThat(empty).extracting(d -> d.range().startLine()).containsExactly(open, open + 1);
        assertThat(empty).extracting(Diagnostic::severity).containsOnly(Severity.ERROR);
        assertThat(empty.get(0).message())
                .isEqualTo(
                        "open checklist item under 'Technical Decisions Needed' has no text:"
                                + " write what is to be done or decided, or remove the item");
        assertThat(empty.get(1).message()).startsWith("ticked checklist item under");
        List<Diagnostic> decisions = of(result, RuleIds.DECISION_OPEN);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).message())
                .startsWith("decision 48.3 (no text) is still open under Technical Decisions");
    }

    @Test
    void aBoxWhoseTextIsOnTheNextLineOrInSubItemsOrInCodeIsNotReportedAsEmpty() {
        // realistic ways of writing an item whose box stands alone on its line
        String spec =
                TestSpecs.clean()
                        .replace(
                                "- [x] Outbox per shard or global - **Decision by:** 2026-10-12\n",
                                "- [x] Outbox per shard or global - **Decision by:** 2026-10-12\n"
                                        + "- [x]\n"
                                        + "  Indented text on the next line\n"
                                        + "- [x]\n"
                                        + "Lazy text on the next line\n"
                                        + "- [x]\t\n"
                                        + "  text after a tab\n"
                                        + "- [x]\n"
                                        + "  - [x] a sub-item says what\n"
                                        + "  - [x] another\n"
                                        + "\n"
                                        + "```markdown\n"
                                        + "- [ ]\n"
                                        + "```\n"
                                        + "\n"
                                        + "    - [ ]\n"
                                        + "\n");

        CheckResult result = CHECKER.check(Path.of(TestSpecs.CLEAN_NAME), spec, OPTIONS);

        List<String> lines = spec.lines().toList();
        // only the parent of sub-items is reported: its own box says nothing (as documented)
        int parent = lines.indexOf("  - [x] a sub-item says what") - 1;
        assertThat(of(result, RuleIds.TASK_EMPTY))
                .extracting(d -> d.range().startLine())
                .containsExactly(parent);
    }

    @Test
    void onlyBlanksAndCommentsShowNoText() {
        assertThat(ChecklistItem.showsNoText("", 0)).isTrue();
        assertThat(ChecklistItem.showsNoText(" \t ", 0)).isTrue();
        assertThat(ChecklistItem.showsNoText("<!-- later --> <!-- and -->", 0)).isTrue();
        assertThat(ChecklistItem.showsNoText("<!-- unclosed hides the rest", 0)).isTrue();
        assertThat(ChecklistItem.showsNoText("<!-- a --> Größe", 0)).isFalse();
        assertThat(ChecklistItem.showsNoText("`x`", 0)).isFalse();
        assertThat(ChecklistItem.showsNoText("<!- not a comment", 0)).isFalse();
        assertThat(ChecklistItem.showsNoText("3.4 <!-- n -->", 3)).isTrue();
    }

    private static List<Diagnostic> of(CheckResult result, String rule) {
        return result.diagnostics().stream().filter(d -> d.ruleId().equals(rule)).toList();
    }
}
