package dev.specgate.core.lifecycle;

import static dev.specgate.core.TestSpecs.CLEAN_NAME;
import static dev.specgate.core.TestSpecs.clean;
import static dev.specgate.core.TestSpecs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Path FILE = Path.of("directives/spec", CLEAN_NAME);
    private static final Lifecycle LIFECYCLE = Lifecycle.standard();

    @Test
    void aFilledDraftPassesTheReviewGate() {
        GateResult result = evaluate(withStatus("Draft"), SpecStatus.REVIEW);

        assertThat(result.passed()).isTrue();
        assertThat(result.move()).hasToString("Draft -> Review");
    }

    @Test
    void theReviewGateGivesEveryErrorAtReviewStrictness() {
        String name = "2026-11-20_spec_export-audit-log.md";
        String fresh =
                SpecScaffold.standard()
                        .create(
                                "Export audit log",
                                LocalDate.of(2026, 11, 20),
                                Optional.empty(),
                                Optional.empty())
                        .markdown();
        Path file = Path.of("directives/spec", name);
        long errorsAtReview =
                SpecChecker.standard()
                        .check(
                                file,
                                fresh,
                                CheckOptions.asOf(TODAY).withStrictness(Strictness.REVIEW))
                        .errors();

        GateResult result = LIFECYCLE.evaluate(file, parse(fresh), SpecStatus.REVIEW, TODAY);

        assertThat(errorsAtReview).isGreaterThan(50);
        assertThat(result.reasons()).hasSize((int) errorsAtReview);
        assertThat(result.reasons())
                .anySatisfy(r -> assertThat(r.message()).startsWith("[placeholder-template] "))
                .allSatisfy(r -> assertThat(r.line()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aMoveJudgesTheSpecAsCheckReadsItsText() {
        // a unit after a quantity's name is no placeholder for check (the rule reads the text
        // around the bracket), and a project's own placeholder is found in the text: the gate of
        // a move, given the text, must say what check says, not pass or refuse on its own
        String draft =
                withStatus("Draft")
                        .replace(
                                "exponential back-off, so that",
                                "exponential back-off (Latency [ms] under 50), so that");
        SpecChecker ownPlaceholder =
                SpecChecker.builder()
                        .schema(
                                SpecChecker.standard()
                                        .schema()
                                        .withExtraPlaceholders(
                                                List.of(
                                                        java.util.regex.Pattern.compile(
                                                                "TODO-FILL"))))
                        .build();
        String leftIn = draft.replace("durable retry queue", "durable TODO-FILL queue");
        CheckOptions atReview = CheckOptions.asOf(TODAY).withStrictness(Strictness.REVIEW);

        assertThat(SpecChecker.standard().check(FILE, draft, atReview).diagnostics()).isEmpty();
        assertThat(evaluateText(draft, SpecStatus.REVIEW).reasons()).isEmpty();
        assertThat(ownPlaceholder.check(FILE, leftIn, atReview).errors()).isEqualTo(1);
        assertThat(
                        Lifecycle.of(ownPlaceholder)
                                .evaluate(
                                        FILE,
                                        SpecSource.of(leftIn),
                                        parse(leftIn),
                                        SpecStatus.REVIEW,
                                        TODAY)
                                .reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "[placeholder-template] placeholder 'TODO-FILL' left in (listed under"
                                + " 'placeholders' in .specgate.yml)");
    }

    @Test
    void oneJudgmentReadsTheSpecAsAMoveLeavesItOnceAndNotAtAllWhenNoOpenMoveHasAGate() {
        List<String> read = new java.util.ArrayList<>();
        SpecChecker checker = SpecChecker.standard();
        Lifecycle counted =
                new Lifecycle(
                        checker,
                        StatusGates.of(checker.schema()),
                        (file, text) -> {
                            read.add(text);
                            return checker.parse(file, text);
                        });
        // a status that names none (an editor's quick fixes and move commands both ask): the
        // moves open from it, back to Draft or to an exit, have no gate to judge the spec by
        String typo = withStatus("Aproved");
        Lifecycle.Judgment none = counted.judge(FILE, SpecSource.of(typo), parse(typo), TODAY);

        StatusReport typoReport = none.report();
        List<GateResult> typoMoves = none.evaluateEach(counted.statuses());

        assertThat(typoReport.moves()).allMatch(GateResult::passed);
        assertThat(typoMoves)
                .extracting(GateResult::passed)
                .containsExactly(true, false, false, false);
        assertThat(read).isEmpty();

        // at Review: the report's move to Approved and the same move asked again share a reading
        String review = withStatus("Review");
        Lifecycle.Judgment atReview =
                counted.judge(FILE, SpecSource.of(review), parse(review), TODAY);

        StatusReport report = atReview.report();
        List<GateResult> approved = atReview.evaluateEach(List.of(SpecStatus.APPROVED));

        assertThat(read).singleElement().asString().contains("**Last Updated:** 2026-11-25");
        assertThat(report.moves().get(0).move().to()).isEqualTo(SpecStatus.APPROVED);
        assertThat(approved.get(0).reasons()).isEqualTo(report.moves().get(0).reasons());
        assertThat(approved.get(0).reasons())
                .isEqualTo(
                        LIFECYCLE
                                .evaluate(
                                        FILE,
                                        SpecSource.of(review),
                                        parse(review),
                                        SpecStatus.APPROVED,
                                        TODAY)
                                .reasons());
    }

    @Test
    void aLifecycleSetsItsFieldsWithOneFieldEditsThatReadsTheTemplateOnce() {
        assertThat(LIFECYCLE.fields()).isSameAs(LIFECYCLE.fields());
    }

    @Test
    void theApprovedGatePassesAFinishedReviewedSpec() {
        assertThat(evaluate(withStatus("Review"), SpecStatus.APPROVED).passed()).isTrue();
    }

    @Test
    void theRefreshGateJudgesTheLastUpdatedTheRefreshWritesNotTheOneItReplaces() {
        // Approved, its Last Updated no date: the re-approval sets it to the day anyway
        String text =
                clean().replace("**Last Updated:** 2026-10-20", "**Last Updated:** 2026-13-01");
        SpecSource source = SpecSource.of(text);

        GateResult refresh = LIFECYCLE.approvalGate(FILE, source, parse(text), TODAY);
        GateResult other =
                LIFECYCLE.approvalGate(
                        FILE,
                        SpecSource.of(
                                text.replace("**Next Review:** 2027-01-15", "**Next Review:** x")),
                        parse(text.replace("**Next Review:** 2027-01-15", "**Next Review:** x")),
                        TODAY);

        assertThat(refresh.reasons()).isEmpty();
        assertThat(other.reasons())
                .singleElement()
                .extracting(GateReason::message)
                .asString()
                .startsWith("[field-date] 'Next Review'");
        assertThat(LIFECYCLE.refreshEdit(source, parse(text), "Ana Ruiz", TODAY).text())
                .contains("**Last Updated:** 2026-11-25\n");
    }

    @Test
    void theApprovedGateNeedsAReviewerOnceNotTwice() {
        String tbd = withStatus("Review").replace("**Reviewer:** Priya Raman", "**Reviewer:** TBD");

        List<GateReason> reasons = evaluate(tbd, SpecStatus.APPROVED).reasons();

        assertThat(reasons)
                .extracting(GateReason::message)
                .containsExactly("[reviewer-missing] 'Reviewer' must name a person, found 'TBD'");
        assertThat(reasons.get(0).line() + 1).isEqualTo(lineOf(tbd, "**Reviewer:** TBD"));
    }

    @Test
    void theApprovedGateGivesAMissingReviewerLineOnce() {
        String none = withStatus("Review").replace("**Reviewer:** Priya Raman\n", "");

        List<GateReason> reasons = evaluate(none, SpecStatus.APPROVED).reasons();

        // field-missing says it, where the line goes, as check says it; not reviewer-missing too
        assertThat(reasons)
                .extracting(GateReason::message)
                .containsExactly("[field-missing] missing metadata field '**Reviewer:**'");
        assertThat(reasons.get(0).line()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theApprovedGateSaysAMissingReviewerLineWhenFieldMissingIsOff() {
        String none = withStatus("Review").replace("**Reviewer:** Priya Raman\n", "");
        Lifecycle quiet =
                Lifecycle.of(SpecChecker.builder().disable(RuleIds.FIELD_MISSING).build());
        Lifecycle warnOnly =
                Lifecycle.of(
                        SpecChecker.builder()
                                .severity(RuleIds.FIELD_MISSING, Severity.WARNING)
                                .build());

        for (Lifecycle lifecycle : List.of(quiet, warnOnly)) {
            assertThat(lifecycle.evaluate(FILE, parse(none), SpecStatus.APPROVED, TODAY).reasons())
                    .extracting(GateReason::message)
                    .containsExactly(
                            "[reviewer-missing] no '**Reviewer:**' field: add one that names the"
                                    + " reviewer");
        }
    }

    @Test
    void theApprovedGateGivesAReviewerLineUnderAnotherNameOnce() {
        String misnamed =
                withStatus("Review")
                        .replace("**Reviewer:** Priya Raman", "**Reviewers:** Priya Raman");

        assertThat(evaluate(misnamed, SpecStatus.APPROVED).reasons())
                .extracting(GateReason::message)
                .containsExactly("[field-missing] missing metadata field '**Reviewer:**'");
    }

    @Test
    void theApprovedGateKnowsFieldMissingsFindingOfTheReviewerByItsPlaceNotItsWords() {
        String misnamed =
                withStatus("Review")
                        .replace("**Reviewers:** Priya Raman", "")
                        .replace("**Reviewer:** Priya Raman", "**Reviewers:** Priya Raman");
        String silenced =
                misnamed.replace(
                        "**Reviewers:** Priya Raman",
                        "<!-- specgate-disable-next-line field-missing -->\n"
                                + "**Reviewers:** Priya Raman");
        TemplateSchema schema = SpecChecker.standard().schema();
        FieldSpec reviewer = schema.field(TemplateSchema.REVIEWER_FIELD).orElseThrow();

        // the check's finding stands where the schema says the rule reports the Reviewer
        assertThat(
                        SpecChecker.standard()
                                .check(
                                        FILE,
                                        misnamed,
                                        CheckOptions.asOf(TODAY)
                                                .withStrictness(Strictness.APPROVED))
                                .diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.FIELD_MISSING))
                .extracting(d -> d.range())
                .containsExactly(schema.missingAt(parse(misnamed), reviewer));
        assertThat(schema.missingAt(parse(misnamed), reviewer).startLine() + 1)
                .isEqualTo(lineOf(misnamed, "**Reviewers:** Priya Raman"));
        // silenced there, the check gives no such finding: the gate says it itself, once
        assertThat(evaluate(silenced, SpecStatus.APPROVED).reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "[reviewer-missing] no '**Reviewer:**' field: add one that names the"
                                + " reviewer");
    }

    @Test
    void theApprovedGateNeedsEveryDecisionAndQuestionSettled() {
        String open =
                withStatus("Review")
                        .replace("- [x] Back-off cap", "- [ ] Back-off cap")
                        .replace("- [x] Do merchants", "- [ ] Do merchants");

        List<GateReason> reasons = evaluate(open, SpecStatus.APPROVED).reasons();

        assertThat(reasons)
                .extracting(GateReason::message)
                .containsExactly(
                        "Technical Decisions Needed item 48.1 is not checked: Back-off cap of 6 h or 24 h - **Decision by:** 2026-10-10",
                        "Outstanding Questions item 49.1 is not checked: Do merchants need a replay API? - **Answer needed by:** 2026-10-15");
        assertThat(reasons.get(0).line() + 1).isEqualTo(lineOf(open, "- [ ] Back-off cap"));
    }

    @Test
    void theApprovedGateNeedsNoErrorAtApprovedStrictness() {
        String wrongType =
                withStatus("Review")
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring");

        List<GateReason> reasons = evaluate(wrongType, SpecStatus.APPROVED).reasons();

        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).message()).startsWith("[field-value] 'Type' is 'Refactoring'");
        assertThat(reasons.get(0).line()).isEqualTo(4);
    }

    @Test
    void theApprovedGateListsEveryReasonInLineOrder() {
        String all =
                withStatus("Review")
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                        .replace("**Reviewer:** Priya Raman", "**Reviewer:** [Technical reviewer]")
                        .replace("- [x] Outbox per shard", "- [ ] Outbox per shard");

        List<GateReason> reasons = evaluate(all, SpecStatus.APPROVED).reasons();

        assertThat(reasons)
                .extracting(GateReason::message)
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("[field-value] "),
                        m -> assertThat(m).startsWith("Technical Decisions Needed item 48.2"),
                        // one line, two conditions: in gate order
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "[placeholder-template] template placeholder '[Technical reviewer]'")
                                        .as("placeholder"),
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "[reviewer-missing] 'Reviewer' must name a"
                                                        + " person"));
        assertThat(reasons).extracting(GateReason::line).isSorted();
    }

    @Test
    void theImplementationGateNeedsEveryPrerequisite() {
        GateResult open = evaluate(clean(), SpecStatus.IMPLEMENTATION);
        GateResult done =
                evaluate(
                        clean().replace("- [ ] Staging merchant", "- [x] Staging merchant"),
                        SpecStatus.IMPLEMENTATION);

        assertThat(open.reasons())
                .extracting(GateReason::message)
                .containsExactly(
                        "Prerequisites item 13.3 is not checked: Staging merchant simulator deployed");
        assertThat(done.passed()).isTrue();
    }

    /**
     * A Prerequisites step whose task box Markdown does not read ({@code - [ ]Staging ...}), its
     * {@code task-box} finding silenced by a comment, was read as no item at all: the move to
     * Implementation passed with the step not done. It is a reason on its line now.
     */
    @Test
    void theImplementationGateReadsAMalformedPrerequisiteBoxAsNotTicked() {
        String text =
                clean().replace(
                                "- [ ] Staging merchant",
                                "<!-- specgate-disable-next-line task-box -->\n"
                                        + "- [ ]Staging merchant")
                        .replace("\n", "\r\n");

        GateResult move = evaluateText(text, SpecStatus.IMPLEMENTATION);

        assertThat(text).contains("- [ ]Staging merchant");
        assertThat(move.reasons())
                .extracting(GateReason::text)
                .containsExactly(
                        "line "
                                + lineOf(text, "- [ ]Staging merchant")
                                + ": Prerequisites task box '[ ]' is not read as an item, so it"
                                + " is not ticked: write it '- [ ] ' or '- [x] '");
    }

    @Test
    void theImplementationGateRefusesAStaleApprovalNamingWhatChanged() {
        String approved =
                approve(clean().replace("- [ ] Staging merchant", "- [x] Staging merchant"));
        // ticking an implementation step keeps the approval; rewording the summary voids it
        String ticked =
                approved.replace(
                        "- [ ] Prepare test data and fixtures",
                        "- [x] Prepare test data and fixtures");
        String reworded = approved.replace("for up to 30 s.", "for up to 45 s.");

        GateResult fresh = evaluateText(approved, SpecStatus.IMPLEMENTATION);
        GateResult stillFresh = evaluateText(ticked, SpecStatus.IMPLEMENTATION);
        GateResult stale = evaluateText(reworded, SpecStatus.IMPLEMENTATION);

        assertThat(ticked).isNotEqualTo(approved);
        assertThat(reworded).isNotEqualTo(approved);
        assertThat(fresh.passed()).as(fresh.reasons().toString()).isTrue();
        assertThat(stillFresh.passed()).as(stillFresh.reasons().toString()).isTrue();
        assertThat(stale.reasons()).hasSize(1);
        assertThat(stale.reasons().get(0).message())
                .startsWith(
                        "[approval-stale] the approved content changed since the approval of"
                                + " 2026-11-20 by Priya Raman")
                .contains("changed: Executive Summary (review it again");
        assertThat(stale.reasons().get(0).line() + 1)
                .isEqualTo(lineOf(reworded, "**Approval:** 2026-11-20"));
    }

    @Test
    void theImplementationGateLeavesAMissingApprovalToItsWarning() {
        String unrecorded = clean().replace("- [ ] Staging merchant", "- [x] Staging merchant");

        assertThat(unrecorded).doesNotContain("**Approval:**");
        assertThat(evaluateText(unrecorded, SpecStatus.IMPLEMENTATION).passed()).isTrue();
    }

    @Test
    void theImplementationGateRefusesWhatCheckFailsInASpecApprovedByHand() {
        // "Approved" typed by hand: the Approved gate never ran, a decision is still open and a
        // template placeholder is left in; the prerequisites are ticked
        String byHand =
                clean().replace("- [ ] Staging merchant", "- [x] Staging merchant")
                        .replace("- [x] Outbox per shard", "- [ ] Outbox per shard")
                        .replace("for up to 30 s.", "for up to [Time estimate].");

        GateResult result = evaluateText(byHand, SpecStatus.IMPLEMENTATION);

        assertThat(result.passed()).isFalse();
        assertThat(result.reasons())
                .extracting(GateReason::message)
                .anySatisfy(m -> assertThat(m).startsWith("[placeholder-template] "))
                .anySatisfy(m -> assertThat(m).startsWith("[decision-open] "));
        assertThat(result.reasons()).extracting(GateReason::line).isSorted();
    }

    @Test
    void theImplementationGateItselfNeedsAnApprovedSpec() {
        String review =
                withStatus("Review").replace("- [ ] Staging merchant", "- [x] Staging merchant");
        GateContext ctx = new GateContext(parse(review), FILE, SpecChecker.standard(), TODAY);

        assertThat(StatusGates.standard().to(SpecStatus.IMPLEMENTATION).reasons(ctx))
                .extracting(GateReason::message)
                .containsExactly("the spec must be Approved, but it is Review");
    }

    @Test
    void movesGoOneStepForwardOrBackToDraft() {
        assertThat(evaluate(withStatus("Draft"), SpecStatus.APPROVED).reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .startsWith("Draft -> Approved is not a lifecycle move")
                .endsWith("(from here: Review)");
        assertThat(evaluate(withStatus("Review"), SpecStatus.IMPLEMENTATION).passed()).isFalse();
        assertThat(evaluate(withStatus("Implementation"), SpecStatus.DRAFT).passed()).isTrue();
        assertThat(evaluate(withStatus("Approved"), SpecStatus.DRAFT).passed()).isTrue();
        assertThat(evaluate(withStatus("Done"), SpecStatus.DRAFT).passed()).isTrue();
        assertThat(evaluate(withStatus("Done"), SpecStatus.REVIEW).reasons().get(0).message())
                .startsWith("? -> Review is not a lifecycle move")
                .endsWith("(from here: Draft)");
    }

    @Test
    void anAuditFlagsAChangeToAValueThatIsNoStatusOnItsLine() {
        String inReview = withStatus("*In Review*").replace("\n", "\r\n");

        Optional<GateResult> created = LIFECYCLE.auditNotAStatus(parse(inReview), Optional.empty());
        Optional<GateResult> fromDraft =
                LIFECYCLE.auditNotAStatus(parse(inReview), Optional.of(SpecStatus.DRAFT));

        assertThat(created).isPresent();
        assertThat(created.get().passed()).isFalse();
        assertThat(created.get().reasons())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.line())
                                    .isEqualTo(lineOf(inReview, "**Document Status:**") - 1);
                            assertThat(r.message())
                                    .isEqualTo(
                                            "'Document Status' is 'In Review', which is not a"
                                                    + " status: no move leads there (use one of"
                                                    + " Draft, Review, Approved, Implementation)");
                        });
        assertThat(fromDraft.get().move()).hasToString("Draft -> In Review");
        // a real status, in any case, and a status that claims none are no such change
        assertThat(LIFECYCLE.auditNotAStatus(parse(withStatus("review")), Optional.empty()))
                .isEmpty();
        assertThat(
                        LIFECYCLE.auditNotAStatus(
                                parse(withStatus("[Draft | Review | Approved | Implementation]")),
                                Optional.empty()))
                .isEmpty();
        assertThat(
                        LIFECYCLE.auditNotAStatus(
                                parse(clean().replace("**Document Status:** Approved\n", "")),
                                Optional.empty()))
                .isEmpty();
    }

    @Test
    void anAuditJudgesSeveralForwardMovesInOneCommitByEachGateOnTheWay() {
        // status Review, then approve, and one commit: git sees Draft -> Approved, which both
        // gates passed; it is no skipped gate
        GateResult both =
                LIFECYCLE.audit(
                        FILE, clean(), Optional.of(SpecStatus.DRAFT), SpecStatus.APPROVED, TODAY);
        // a duration left as the template's placeholder fails the Review gate on the way (and
        // the Approved one): said once
        String placeholder =
                clean().replaceFirst(
                                "- \\*\\*Duration:\\*\\* 2 weeks",
                                "- **Duration:** [Time estimate]");
        GateResult refused =
                LIFECYCLE.audit(
                        FILE,
                        placeholder,
                        Optional.of(SpecStatus.DRAFT),
                        SpecStatus.APPROVED,
                        TODAY);
        // a step back other than to Draft is still no move
        GateResult back =
                LIFECYCLE.audit(
                        FILE,
                        withStatus("Review"),
                        Optional.of(SpecStatus.APPROVED),
                        SpecStatus.REVIEW,
                        TODAY);

        assertThat(both.reasons()).isEmpty();
        assertThat(both.move()).hasToString("Draft -> Approved");
        assertThat(placeholder).contains("[Time estimate]");
        assertThat(refused.reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .startsWith("[placeholder-template] template placeholder '[Time estimate]'");
        assertThat(back.reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .startsWith("Approved -> Review is not a lifecycle move");
    }

    @Test
    void stayingPutPassesAndChangesNothing() {
        GateResult result = evaluate(clean(), SpecStatus.APPROVED);

        assertThat(result.passed()).isTrue();
        assertThat(result.move().stays()).isTrue();
    }

    @Test
    void aSpecWithoutStatusFieldCannotMove() {
        String none = clean().replace("**Document Status:** Approved\n", "");

        assertThat(evaluate(none, SpecStatus.DRAFT).reasons())
                .extracting(GateReason::message)
                .singleElement()
                .asString()
                .contains("has no '**Document Status:**' field");
    }

    @Test
    void inspectShowsEachOpenMoveWithItsVerdict() {
        StatusReport review = LIFECYCLE.inspect(FILE, parse(withStatus("Review")), TODAY);
        StatusReport unknown = LIFECYCLE.inspect(FILE, parse(withStatus("*Done*")), TODAY);

        assertThat(review.status()).contains(SpecStatus.REVIEW);
        assertThat(review.lastUpdated()).contains("2026-10-20");
        assertThat(review.moves())
                .extracting(m -> m.move().toString(), GateResult::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Review -> Approved", true),
                        org.assertj.core.groups.Tuple.tuple("Review -> Draft", true));
        assertThat(unknown.statusText()).contains("Done");
        assertThat(unknown.status()).isEmpty();
        assertThat(unknown.moves())
                .extracting(m -> m.move().toString())
                .containsExactly("? -> Draft");
        assertThat(LIFECYCLE.inspect(FILE, parse(withStatus("Implementation")), TODAY).moves())
                .extracting(m -> m.move().toString())
                .containsExactly("Implementation -> Draft");
    }

    @Test
    void theMoveEditChangesOnlyStatusAndLastUpdatedAndRecordsTheApproval() {
        String review = withStatus("Review");
        SpecSource source = SpecSource.of(review);

        String moved = LIFECYCLE.moveEdit(source, parse(review), SpecStatus.APPROVED, TODAY).text();

        String approval =
                moved.lines().filter(l -> l.startsWith("**Approval:** ")).findFirst().orElseThrow();
        assertThat(approval)
                .startsWith("**Approval:** 2026-11-25 by " + reviewer(review) + ", sha256:");
        assertThat(moved.replace(approval + "\n", ""))
                .isEqualTo(
                        review.replace(
                                        "**Document Status:** Review",
                                        "**Document Status:** Approved")
                                .replace(
                                        "**Last Updated:** 2026-10-20",
                                        "**Last Updated:** 2026-11-25"));
    }

    @Test
    void theMoveEditToReviewChangesOnlyStatusAndLastUpdated() {
        String draft = withStatus("Draft");
        String moved =
                LIFECYCLE
                        .moveEdit(SpecSource.of(draft), parse(draft), SpecStatus.REVIEW, TODAY)
                        .text();

        assertThat(moved)
                .isEqualTo(
                        draft.replace("**Document Status:** Draft", "**Document Status:** Review")
                                .replace(
                                        "**Last Updated:** 2026-10-20",
                                        "**Last Updated:** 2026-11-25"));
    }

    private static String reviewer(String spec) {
        return Lifecycle.standard().reviewer(parse(spec)).orElseThrow();
    }

    @Test
    void theMoveEditAddsAMissingLastUpdatedAfterTheStatus() {
        String noDate = clean().replace("**Last Updated:** 2026-10-20\n", "");

        String moved =
                LIFECYCLE
                        .moveEdit(SpecSource.of(noDate), parse(noDate), SpecStatus.DRAFT, TODAY)
                        .text();

        assertThat(moved)
                .isEqualTo(
                        noDate.replace(
                                "**Document Status:** Approved\n",
                                "**Document Status:** Draft\n**Last Updated:** 2026-11-25\n"));
    }

    @Test
    void aTeamTemplateWithoutLastUpdatedGetsNoneAddedByAMove() {
        // the built-in lifecycle's statuses in a team's own template, which has no Last Updated
        String template =
                """
                # 仕様書: [Feature name]

                **Owner:** [Team]
                **Document Status:** [Draft | Review | Approved | Implementation]
                **Created:** [Date]
                **Reviewer:** [Technical reviewer]

                ## 1. 概要 (Summary)
                [Brief overview]
                """;
        String spec =
                """
                # 仕様書: 監査ログ export

                **Owner:** Platform チーム \s
                **Document Status:** Draft
                **Created:** 2026-11-20
                **Reviewer:** 山田 太郎

                ## 1. 概要 (Summary)
                監査ログを S3 にエクスポートする。
                """
                        .replace("\n", "\r\n");
        Lifecycle team =
                Lifecycle.of(
                        SpecChecker.builder()
                                .schema(TemplateSchema.derive("team-template.md", template))
                                .build());
        Path file = Path.of("directives/spec/2026-11-20_spec_audit-export.md");

        GateResult gate =
                team.evaluate(file, SpecSource.of(spec), parse(spec), SpecStatus.REVIEW, TODAY);
        String moved =
                team.moveEdit(SpecSource.of(spec), parse(spec), SpecStatus.REVIEW, TODAY).text();

        assertThat(team.isStandard()).isTrue();
        assertThat(team.writesLastUpdated()).isFalse();
        assertThat(gate.passed()).as("%s", gate.reasons()).isTrue();
        assertThat(moved)
                .isEqualTo(
                        spec.replace("**Document Status:** Draft", "**Document Status:** Review"));
    }

    @Test
    void statusValuesAreReadLikeTheTemplateWritesThem() {
        assertThat(SpecStatus.of(" *review* ")).contains(SpecStatus.REVIEW);
        assertThat(SpecStatus.of("[Draft | Review | Approved | Implementation]")).isEmpty();
        assertThat(SpecStatus.of(null)).isEmpty();
        assertThat(LIFECYCLE.next(SpecStatus.IMPLEMENTATION)).isEmpty();
        assertThat(LIFECYCLE.next(SpecStatus.APPROVED)).contains(SpecStatus.IMPLEMENTATION);
        assertThat(SpecStatus.REVIEW.strictness()).isEqualTo(Strictness.REVIEW);
        assertThat(Severity.ERROR.label()).isEqualTo("error");
    }

    /** The spec's approval recorded for its content now, by its Reviewer on 2026-11-20. */
    private static String approve(String markdown) {
        return dev.specgate.core.approval.Approvals.standard()
                .approve(
                        SpecSource.of(markdown).edit(),
                        parse(markdown),
                        "Priya Raman",
                        LocalDate.of(2026, 11, 20))
                .text();
    }

    /** The gate as a move judges it: with the spec's text. */
    private static GateResult evaluateText(String markdown, SpecStatus target) {
        return LIFECYCLE.evaluate(FILE, SpecSource.of(markdown), parse(markdown), target, TODAY);
    }

    private static GateResult evaluate(String markdown, SpecStatus target) {
        return LIFECYCLE.evaluate(FILE, parse(markdown), target, TODAY);
    }

    private static String withStatus(String status) {
        return clean().replace("**Document Status:** Approved", "**Document Status:** " + status);
    }

    private static int lineOf(String text, String needle) {
        return dev.specgate.core.TestSpecs.lineOf(text, needle);
    }
}
