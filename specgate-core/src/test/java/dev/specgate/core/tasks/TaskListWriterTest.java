package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.SpecProject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tasks} writes for realistic specs, item by item: every item reads as a task, none is
 * empty or says nothing ("Write a failing test for: Tests").
 */
class TaskListWriterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @TempDir Path root;

    /**
     * The regression spec (UTF-8, non-ASCII; its Prerequisites are task 1.0), its Implementation
     * Steps and Verification Criteria replaced; with a BOM and CRLF line ends when {@code crlf}.
     */
    private List<String> tasks(String plan, String criteria, boolean crlf) throws Exception {
        return tasks(plan, criteria, crlf, UnaryOperator.identity());
    }

    /** {@link #tasks(String, String, boolean)}, the spec's text then changed by {@code edit}. */
    private List<String> tasks(
            String plan, String criteria, boolean crlf, UnaryOperator<String> edit)
            throws Exception {
        String spec;
        try (InputStream in =
                getClass()
                        .getResourceAsStream(
                                "/builtin-regression/2026-10-02_spec_webhook-retry-queue.md")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int from = spec.indexOf("### Implementation Steps\n");
        int to = spec.indexOf("## Technical Details\n");
        spec =
                spec.substring(0, from)
                        + "### Implementation Steps\n"
                        + plan
                        + "\n### Verification Criteria\nFor each implementation step:\n"
                        + criteria
                        + "\n"
                        + spec.substring(to);
        if (crlf) {
            spec = "\uFEFF" + spec.replace("\n", "\r\n");
        }
        spec = edit.apply(spec);
        Path file = root.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, spec);
        TaskListPlan made =
                SpecProject.builtin()
                        .taskList(
                                file, SpecSource.of(spec.getBytes(StandardCharsets.UTF_8)), TODAY);
        return made.markdown().lines().toList();
    }

    private static final String CRITERIA =
            "- **Functional Verification:** every event is delivered or dead-lettered\n"
                    + "- **Performance Verification:** p99 payment latency under 400 ms\n";

    @Test
    void aPlanWithoutStepTitlesGetsTestsFirstOnlyForItemsThatBuildSomething() throws Exception {
        List<String> lines =
                tasks(
                        "- [ ] Outbox writer inside the payment transaction\n"
                                + "- [ ] Dispatcher loop with back-off and jitter\n"
                                + "- [ ] Unit tests for the dispatcher's back-off\n"
                                + "- [ ] Tests\n"
                                + "- [ ] [tests]\n"
                                + "- [ ] TBD\n"
                                + "- [ ] **Implementation:**\n"
                                + "- [ ] Update the on-call runbook\n"
                                + "- [ ] Build the replay preview endpoint für Händler\n"
                                + "- [x] Latest-event cursor in the outbox table\n",
                        CRITERIA,
                        true);

        assertThat(lines.stream().filter(l -> l.contains(".0.T")))
                .containsExactly(
                        "  - [ ] 2.0.T1 Write a failing test for: Outbox writer inside the payment"
                                + " transaction",
                        "  - [ ] 2.0.T2 Write a failing test for: Dispatcher loop with back-off"
                                + " and jitter",
                        "  - [ ] 2.0.T3 Write a failing test for: Build the replay preview"
                                + " endpoint für Händler",
                        "  - [x] 2.0.T4 Write a failing test for: Latest-event cursor in the"
                                + " outbox table");
        // the spec's items themselves are all there, as the spec writes them
        assertThat(lines).contains("  - [ ] 2.4 Tests", "  - [ ] 2.5 [tests]", "  - [ ] 2.6 TBD");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotEndWith(": ").doesNotEndWith(":"));
    }

    @Test
    void aCoreStepsTemplatePlaceholderAndHeadingWordsGetNoTestFirstItem() throws Exception {
        List<String> lines =
                tasks(
                        "1. **Setup & Preparation**\n"
                                + "   - [x] Set up development environment\n"
                                + "\n"
                                + "2. **Core Implementation**\n"
                                + "   - [ ] [Specific implementation step 1]\n"
                                + "   - [ ] Outbox writer inside the payment transaction\n"
                                + "   - [ ] implementation\n"
                                + "   - [ ] Integration test validation\n"
                                + "\n"
                                + "3. **Latest Merchant Changes**\n"
                                + "   - [ ] Signature header v2 for merchants\n"
                                + "\n"
                                + "4. **Testing & Validation**\n"
                                + "   - [ ] Performance validation\n",
                        CRITERIA,
                        false);

        assertThat(lines.stream().filter(l -> l.contains(".0.T")))
                .containsExactly(
                        "  - [ ] 3.0.T1 Write a failing test for: Outbox writer inside the payment"
                                + " transaction",
                        // "Latest" is no testing step: its item builds something
                        "  - [ ] 4.0.T1 Write a failing test for: Signature header v2 for"
                                + " merchants");
    }

    @Test
    void aVerificationCriterionWithoutAValueMakesNoItem() throws Exception {
        List<String> lines =
                tasks(
                        "1. **Core Implementation**\n"
                                + "   - [ ] Outbox writer inside the payment transaction\n",
                        CRITERIA
                                + "- **Security Verification:**\n"
                                + "- **Integration Verification:** contract tests against the"
                                + " merchant simulator\n",
                        false);

        assertThat(lines.stream().filter(l -> l.contains(".0.V")))
                .containsExactly(
                        "  - [ ] 2.0.V1 Functional Verification: every event is delivered or"
                                + " dead-lettered",
                        "  - [ ] 2.0.V2 Performance Verification: p99 payment latency under 400"
                                + " ms",
                        "  - [ ] 2.0.V3 Integration Verification: contract tests against the"
                                + " merchant simulator");
    }

    @Test
    void aNumberedHeadingNamesItsTaskAndGatesWithoutItsNumber() throws Exception {
        // a team template numbers its headings: "### 8. Implementation Steps" (no step titles
        // under it, so the heading names the task) and "### 9.1 Functional Success"
        List<String> lines =
                tasks(
                        "- [ ] Outbox writer inside the payment transaction\n"
                                + "- [ ] Dispatcher loop with back-off and jitter\n",
                        CRITERIA,
                        true,
                        s ->
                                s.replace(
                                                "### Implementation Steps\r\n",
                                                "### 8. Implementation Steps\r\n")
                                        .replace(
                                                "### Functional Success\r\n",
                                                "### 9.1 Functional Success\r\n"));

        assertThat(lines).contains("- [ ] 2.0 Implementation Steps");
        assertThat(lines.stream().filter(l -> l.contains("Functional Success")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(" Functional Success: "))
                .noneSatisfy(l -> assertThat(l).contains("9.1 Functional"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("8. Implementation"));
    }

    @Test
    void wordsInsideOtherWordsDoNotMakeAnItemReviewOrTestWork() {
        assertThat(TaskListWriter.wantsFailingTest("Preview endpoint for replays")).isTrue();
        assertThat(TaskListWriter.wantsFailingTest("Review the replay endpoint")).isFalse();
        assertThat(TaskListWriter.wantsFailingTest("Contest entry form")).isTrue();
        assertThat(TaskListWriter.wantsFailingTest("Load tests for the dispatcher")).isFalse();
        assertThat(TaskListWriter.wantsFailingTest("- - -")).isFalse();
        assertThat(TaskListWriter.wantsFailingTest("Parser")).isTrue();
    }
}
