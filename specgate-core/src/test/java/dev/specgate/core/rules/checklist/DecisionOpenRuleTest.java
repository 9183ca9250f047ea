package dev.specgate.core.rules.checklist;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decision-open} beyond its fixtures (under {@code rules/decision-open/}, which also cover
 * Approved, Implementation, Review and Draft, BOM and CRLF): a template with its own decision
 * headings, a status held stricter than written, and the gates, which state an open decision once.
 */
class DecisionOpenRuleTest {

    private static final String TEMPLATE =
            "# {{Title}}\n\n"
                    + "**Status:** {{Draft | Review | Approved | Shipped}}\n"
                    + "**Reviewer:** {{Name}}\n\n"
                    + "## Summary\n{{What and why}}\n\n"
                    + "## Decisions Needed\n- [ ] {{Decision}}\n\n"
                    + "## Open Questions\n- [ ] {{Question}}\n\n"
                    + "## Notes\n{{Anything else}}\n";

    // CRLF and a byte order mark, non-ASCII text, an open box under a heading that holds no
    // decisions (Notes), which the rule leaves alone
    private static final String SPEC =
            "\uFEFF# Retry queue für Webhooks\r\n\r\n"
                    + "**Status:** Approved\r\n"
                    + "**Reviewer:** Ana Ruiz\r\n\r\n"
                    + "## Summary\r\nRetries move to a queue with backoff.\r\n\r\n"
                    + "## Decisions Needed\r\n"
                    + "- [x] Queue: SQS\r\n"
                    + "- [ ] Backoff cap: 1 h or 6 h\r\n\r\n"
                    + "## Open Questions\r\n"
                    + "- [ ] Do we keep the old endpoint — for how long?\r\n\r\n"
                    + "## Notes\r\n"
                    + "- [ ] Tell support before the switch\r\n";

    @TempDir Path dir;

    @Test
    void aTemplatesOwnDecisionHeadingsAreTheOnesChecked() throws Exception {
        SpecProject project = project("");
        Path file = write("retry-queue.md", SPEC);

        List<Diagnostic> found = decisionOpen(project.inspect(file, OPTIONS).result());

        assertThat(found).extracting(d -> d.range().startLine()).containsExactly(10, 13);
        assertThat(found).extracting(Diagnostic::severity).containsOnly(Severity.ERROR);
        assertThat(found.get(0).message())
                .isEqualTo(
                        "decision 2.2 'Backoff cap: 1 h or 6 h' is still open under Decisions"
                                + " Needed while the spec is Approved: tick it when decided, or set"
                                + " the status back to Draft");
        assertThat(found.get(1).message())
                .startsWith("question 3.1 'Do we keep the old endpoint — for how long?' is still")
                .endsWith(
                        "under Open Questions while the spec is Approved: tick it when answered,"
                                + " or set the status back to Draft");
        // the range is the item's first line, from its list marker (after the BOM: column 0)
        assertThat(found.get(0).range().startColumn()).isZero();
        assertThat(found.get(0).range().endLine()).isEqualTo(10);
    }

    @Test
    void theStatusTheMessageSendsTheSpecBackToIsAMoveTheLifecycleMakes() throws Exception {
        // Approved -> Review is refused by status and approve alike: the way back is to Draft
        SpecProject project = project("");
        Path file = write("retry-queue.md", SPEC);
        String message = decisionOpen(project.inspect(file, OPTIONS).result()).get(0).message();
        String target = message.substring(message.lastIndexOf("back to ") + "back to ".length());

        Lifecycle lifecycle = project.lifecycle();
        SpecSource source = SpecSource.read(file);
        SpecDocument doc = project.parse(file, source.text());
        GateResult back =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status(target).orElseThrow(), TODAY);
        GateResult review =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Review").orElseThrow(), TODAY);

        assertThat(target).isEqualTo("Draft");
        assertThat(back.passed()).as(back.reasons().toString()).isTrue();
        assertThat(review.passed()).isFalse();
    }

    @Test
    void aReviewOrDraftSpecMayStillHaveOpenDecisions() throws Exception {
        SpecProject project = project("");
        for (String status : List.of("Review", "Draft")) {
            Path file =
                    write(
                            "retry-" + status + ".md",
                            SPEC.replace("**Status:** Approved", "**Status:** " + status));
            assertThat(decisionOpen(project.inspect(file, OPTIONS).result())).as(status).isEmpty();
        }
    }

    @Test
    void everyDecisionTickedGivesNothing() throws Exception {
        SpecProject project = project("");
        Path file = write("retry-settled.md", SPEC.replace("- [ ]", "- [x]"));

        assertThat(decisionOpen(project.inspect(file, OPTIONS).result())).isEmpty();
    }

    @Test
    void itsLevelIsConfiguredLikeAnyRule() throws Exception {
        SpecProject project = project("rules:\n  decision-open: warning\n");
        Path file = write("retry-queue.md", SPEC);

        assertThat(decisionOpen(project.inspect(file, OPTIONS).result()))
                .extracting(Diagnostic::severity)
                .containsExactly(Severity.WARNING, Severity.WARNING);
    }

    @Test
    void aSpecHeldAsApprovedIsNamedSoWhateverItsStatusSays() {
        String review =
                TestSpecs.text("rules/decision-open/2026-03-02_spec_review-open-decisions.md");
        SpecChecker checker = SpecChecker.standard();
        SpecDocument doc = checker.parse(Path.of("spec.md"), review);

        CheckResult held =
                checker.check(Path.of("spec.md"), doc, OPTIONS.withStrictness(Strictness.APPROVED));

        assertThat(decisionOpen(held))
                .hasSize(4)
                .allSatisfy(d -> assertThat(d.message()).contains("while the spec is Approved"));
        assertThat(decisionOpen(checker.check(Path.of("spec.md"), doc, OPTIONS))).isEmpty();
    }

    @Test
    void theBuiltInApprovedGateStatesAnOpenDecisionOnceAsItsOwnReason() throws Exception {
        Path fixture =
                TestSpecs.resource("rules/decision-open/2026-03-02_spec_review-open-decisions.md");
        SpecSource source = SpecSource.read(fixture);
        Lifecycle lifecycle = Lifecycle.standard();
        SpecDocument doc = SpecChecker.standard().parse(fixture, source.text());

        GateResult approved = lifecycle.evaluate(fixture, source, doc, SpecStatus.APPROVED, TODAY);

        assertThat(approved.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "Technical Decisions Needed item 48.2 is not checked: Keep the trailer row"
                                + " in the CSV or send it as an HTTP trailer - **Decision by:**"
                                + " 2026-12-04",
                        "Technical Decisions Needed item 48.3 is not checked: Drop the old export"
                                + " path in release 41 or 42 - **Decision by:** 2026-12-18",
                        "Outstanding Questions item 49.2 is not checked: Does the data warehouse"
                                + " job call the same endpoint? - **Answer needed by:** 2026-12-01",
                        "Outstanding Questions item 49.3 is not checked: Can the gateway timeout"
                                + " be set per route? - **Answer needed by:** 2026-12-08");
    }

    @Test
    void aTemplatesOwnGateStatesAnOpenDecisionOnceAsItsOwnReason() throws Exception {
        SpecProject project = project("");
        String review = SPEC.replace("**Status:** Approved", "**Status:** Review");
        Path file = write("retry-review.md", review);
        SpecSource source = SpecSource.read(file);
        Lifecycle lifecycle = project.lifecycle();
        SpecDocument doc = project.parse(file, source.text());

        GateResult approved =
                lifecycle.evaluate(
                        file, source, doc, lifecycle.status("Approved").orElseThrow(), TODAY);

        assertThat(approved.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "Decisions Needed item 2.2 is not checked: Backoff cap: 1 h or 6 h",
                        "Open Questions item 3.1 is not checked: Do we keep the old endpoint — for"
                                + " how long?");
    }

    @Test
    void aTemplateFollowingTheBuiltInLifecycleGatesItsOwnDecisionHeadingsToo() throws Exception {
        SpecProject project =
                project(
                        "",
                        TEMPLATE.replace(
                                "**Status:** {{Draft | Review | Approved | Shipped}}",
                                "**Document Status:** {{Draft | Review | Approved |"
                                        + " Implementation}}"));
        String review = SPEC.replace("**Status:** Approved", "**Document Status:** Review");
        Path file = write("retry-review.md", review);
        SpecSource source = SpecSource.read(file);
        Lifecycle lifecycle = project.lifecycle();
        assertThat(lifecycle.isStandard()).isTrue();
        SpecDocument doc = project.parse(file, source.text());

        GateResult approved = lifecycle.evaluate(file, source, doc, SpecStatus.APPROVED, TODAY);

        // the gate and the rule read the same headings: what the gate refuses, check reports
        assertThat(approved.reasons())
                .extracting(GateReason::message)
                .contains(
                        "Decisions Needed item 2.2 is not checked: Backoff cap: 1 h or 6 h",
                        "Open Questions item 3.1 is not checked: Do we keep the old endpoint — for"
                                + " how long?")
                .noneMatch(m -> m.startsWith("[" + RuleIds.DECISION_OPEN + "]"));
        Path approvedFile =
                write(
                        "retry-approved.md",
                        review.replace(
                                "**Document Status:** Review", "**Document Status:** Approved"));
        assertThat(decisionOpen(project.inspect(approvedFile, OPTIONS).result()))
                .extracting(d -> d.range().startLine())
                .containsExactly(10, 13);
    }

    /** The status a move to each status of the lifecycle below starts from. */
    private static final java.util.Map<String, String> FROM =
            java.util.Map.of(
                    "Proposed", "Discussing",
                    "Discussing", "Proposed",
                    "Accepted", "Discussing",
                    "Implemented", "Accepted",
                    "Deprecated", "Implemented",
                    "Rejected", "Discussing");

    @Test
    void aLifecycleOfItsOwnIsCheckedFromTheStatusWhoseGateAsksDecisionsSettled() throws Exception {
        // Accepted stands where Approved does (the 2nd status after the draft) but is checked
        // as strictly as Review: its gate refuses an open decision, so check reports it too
        SpecProject project =
                project(
                        "lifecycle:\n  order: [Proposed, Discussing, Accepted, Implemented,"
                                + " Deprecated, Rejected]\n  draft: [Proposed]\n",
                        TEMPLATE.replace(
                                "{{Draft | Review | Approved | Shipped}}",
                                "{{Proposed | Discussing | Accepted | Implemented | Deprecated |"
                                        + " Rejected}}"));
        Lifecycle lifecycle = project.lifecycle();
        for (String status :
                List.of(
                        "Proposed",
                        "Discussing",
                        "Accepted",
                        "Implemented",
                        "Deprecated",
                        "Rejected")) {
            Path file =
                    write(
                            "retry-" + status + ".md",
                            SPEC.replace("**Status:** Approved", "**Status:** " + status));
            // the gate of the move to that status, from the status before it
            Path before =
                    write(
                            "before-" + status + ".md",
                            SPEC.replace(
                                    "**Status:** Approved", "**Status:** " + FROM.get(status)));
            SpecSource source = SpecSource.read(before);
            SpecDocument doc = project.parse(before, source.text());
            List<String> reasons =
                    lifecycle
                            .evaluate(
                                    before,
                                    source,
                                    doc,
                                    lifecycle.status(status).orElseThrow(),
                                    TODAY)
                            .reasons()
                            .stream()
                            .map(GateReason::message)
                            .toList();
            boolean gateRefuses =
                    reasons.stream().anyMatch(r -> r.startsWith("Decisions Needed item 2.2"));

            List<Diagnostic> found = decisionOpen(project.inspect(file, OPTIONS).result());

            boolean settled = status.equals("Accepted") || status.equals("Implemented");
            assertThat(found).as(status).hasSize(settled ? 2 : 0);
            // one verdict: the rule fires exactly where the move's gate refuses the open decision
            assertThat(gateRefuses).as(status + ": " + reasons).isEqualTo(settled);
        }
        Path accepted = dir.resolve("retry-Accepted.md");
        assertThat(decisionOpen(project.inspect(accepted, OPTIONS).result()).get(0).message())
                .isEqualTo(
                        "decision 2.2 'Backoff cap: 1 h or 6 h' is still open under Decisions"
                                + " Needed while the spec is Accepted: tick it when decided, or set"
                                + " the status back to Proposed");
    }

    private SpecProject project(String extra) throws Exception {
        return project(extra, TEMPLATE);
    }

    private SpecProject project(String extra, String template) throws Exception {
        Files.writeString(dir.resolve("template.md"), template);
        Path config = dir.resolve(SpecgateConfig.FILE_NAME);
        Files.writeString(
                config, "template: template.md\nspecs: ['*.md']\nignore: [template.md]\n" + extra);
        return SpecProject.open(dir, ConfigChoice.file(config));
    }

    private Path write(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Diagnostic> decisionOpen(CheckResult result) {
        return result.diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.DECISION_OPEN))
                .toList();
    }
}
