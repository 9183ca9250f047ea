package dev.specgate.cli.lifecycle;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.freshDraft;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void showsStatusLastUpdatedAndEachMoveWithItsVerdict() {
        Path spec = writeSpec(root, CLEAN, withStatus("Review"));

        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        lines(
                                spec.toString(),
                                "  Document Status: Review",
                                "  Last Updated:    2026-10-20",
                                "  Review -> Approved: ready (specgate status "
                                        + spec
                                        + " Approved)",
                                "  Review -> Draft: ready (specgate status " + spec + " Draft)"));
    }

    @Test
    void aReadyMoveOfASpecWhosePathNeedsQuotingIsACommandToCopy() {
        Path spaced = writeSpec(root.resolve("team specs"), CLEAN, withStatus("Review"));
        Path quoted = writeSpec(root.resolve("it's"), CLEAN, withStatus("Review"));

        CliRun first = CliRun.of("status", spaced.toString(), "--today", TODAY);
        CliRun second = CliRun.of("status", quoted.toString(), "--today", TODAY);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out())
                .contains("  Review -> Draft: ready (specgate status '" + spaced + "' Draft)");
        assertThat(second.out())
                .contains(
                        "  Review -> Draft: ready (specgate status '"
                                + quoted.toString().replace("'", "'\\''")
                                + "' Draft)");
    }

    @Test
    void showsEveryReasonABlockedMoveHas() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY);

        int line = lineOf(cleanSpec(), "- [ ] Staging merchant simulator deployed");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("  Approved -> Implementation: blocked, 1 reason\n")
                .contains(
                        "    line "
                                + line
                                + ": Prerequisites item 13.3 is not checked: Staging merchant simulator deployed\n")
                .contains("  Approved -> Draft: ready");
    }

    @Test
    void jsonHasTheStatusLastUpdatedAndEachMoveWithItsReasons() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("path").asText()).isEqualTo(spec.toString());
        assertThat(json.get("status").asText()).isEqualTo("Approved");
        assertThat(json.get("lastUpdated").asText()).isEqualTo("2026-10-20");
        assertThat(json.get("checked").asBoolean()).isTrue();
        JsonNode forward = json.get("moves").get(0);
        assertThat(forward.get("from").asText()).isEqualTo("Approved");
        assertThat(forward.get("to").asText()).isEqualTo("Implementation");
        assertThat(forward.get("passed").asBoolean()).isFalse();
        assertThat(forward.get("reasons")).hasSize(1);
        assertThat(forward.get("reasons").get(0).get("line").asInt())
                .isEqualTo(lineOf(cleanSpec(), "- [ ] Staging merchant simulator deployed"));
        assertThat(forward.get("reasons").get(0).get("message").asText())
                .isEqualTo(
                        "Prerequisites item 13.3 is not checked: Staging merchant simulator"
                                + " deployed");
        JsonNode back = json.get("moves").get(1);
        assertThat(back.get("to").asText()).isEqualTo("Draft");
        assertThat(back.get("passed").asBoolean()).isTrue();
        assertThat(back.get("reasons")).isEmpty();
        assertThat(json.get("moves")).hasSize(2);
    }

    @Test
    void jsonNamesAMissingStatusNullAndRefusesATarget() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        CLEAN,
                        cleanSpec()
                                .replace("**Document Status:** Approved\n", "")
                                .replace("**Last Updated:** 2026-10-20\n", ""));

        CliRun run = CliRun.of("status", spec.toString(), "--format", "json");
        CliRun move = CliRun.of("status", spec.toString(), "Draft", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("status").isNull()).isTrue();
        assertThat(json.get("lastUpdated").isNull()).isTrue();
        assertThat(json.get("moves").get(0).get("from").isNull()).isTrue();
        assertThat(move.exitCode()).isEqualTo(2);
        assertThat(move.err()).contains("use it without TARGET");
        assertThat(SpecBytes.text(spec)).doesNotContain("**Document Status:**");
    }

    @Test
    void movesDraftToReviewChangingOnlyStatusAndLastUpdated() {
        String draft = withStatus("Draft");
        Path spec = writeSpec(root, CLEAN, draft);

        CliRun run = CliRun.of("status", spec.toString(), "review", "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("Moved " + spec + " Draft -> Review; Last Updated is now 2026-11-25.");
        assertThat(SpecBytes.text(spec))
                .isEqualTo(
                        draft.replace("**Document Status:** Draft", "**Document Status:** Review")
                                .replace(
                                        "**Last Updated:** 2026-10-20",
                                        "**Last Updated:** 2026-11-25"));
    }

    @Test
    void refusedReviewMoveListsEveryErrorAndLeavesTheFileByteIdentical() {
        String name = "2026-11-20_spec_export-audit-log.md";
        Path spec = writeSpec(root, name, freshDraft(name));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Review", "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        String[] err = run.err().split("\\R");
        assertThat(err[0])
                .matches(
                        "specgate: cannot move .* Draft -> Review: \\d+ reasons \\(the file is unchanged\\)");
        int reasons = Integer.parseInt(err[0].replaceAll(".*: (\\d+) reasons.*", "$1"));
        assertThat(err).hasSize(reasons + 1);
        assertThat(err[1])
                .startsWith(
                        "  line 8: [placeholder-template] template placeholder '[Brief technical overview");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void aBlanketSuppressionIsAWarningInTheDraftAndRefusedByTheReviewGate() {
        // an agent-drafted spec: a placeholder left in, hidden by one comment that names no rule
        String draft =
                "<!-- specgate-disable -->\n"
                        + withStatus("Draft")
                                .replace(
                                        "# Technical Specification: ",
                                        "# Technical Specification: [Feature Name] ");
        Path spec = writeSpec(root, CLEAN, draft);
        byte[] before = SpecBytes.of(spec);
        String finding =
                "[suppression-blanket] 'specgate-disable' names no rule, so it silences every rule"
                        + " (for the whole file): name the rules it is for";

        CliRun checkDraft = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun move = CliRun.of("status", spec.toString(), "Review", "--today", TODAY);
        Path inReview =
                writeSpec(
                        root.resolve("review"),
                        CLEAN,
                        draft.replace("**Document Status:** Draft", "**Document Status:** Review"));
        CliRun checkReview = CliRun.of("check", inReview.toString(), "--today", TODAY);

        assertThat(checkDraft.exitCode()).isZero();
        assertThat(checkDraft.out()).contains(":1:1: warning " + finding);
        assertThat(move.exitCode()).isEqualTo(1);
        assertThat(move.err())
                .startsWith("specgate: cannot move " + spec + " Draft -> Review: 1 reason")
                .contains("  line 1: " + finding);
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
        assertThat(checkReview.exitCode()).isEqualTo(1);
        assertThat(checkReview.out()).contains(":1:1: error " + finding);
    }

    @Test
    void aMoveThatWouldDateLastUpdatedBeforeCreatedIsRefused() {
        Path spec = writeSpec(root, CLEAN, withStatus("Review"));
        byte[] before = SpecBytes.of(spec);

        CliRun forward = CliRun.of("status", spec.toString(), "Approved", "--today", "2020-01-01");

        assertThat(forward.exitCode()).isEqualTo(1);
        assertThat(forward.err())
                .contains(
                        "[field-date-order] 'Last Updated' 2020-01-01 is before 'Created' 2026-10-02");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
        // a move back to Draft has no gate; check then reports the date
        CliRun back = CliRun.of("status", spec.toString(), "Draft", "--today", "2020-01-01");
        assertThat(back.exitCode()).isZero();
        CliRun check = CliRun.of("check", spec.toString(), "--today", "2026-11-25");
        assertThat(check.out()).contains("error [field-date-order]");
    }

    @Test
    void aForwardMoveGivesASpecWithoutLastUpdatedOne() throws Exception {
        String draft = withStatus("Draft").replaceAll("\\*\\*Last Updated:\\*\\* [0-9-]+\\R", "");
        Path spec = writeSpec(root, CLEAN, draft);

        CliRun run = CliRun.of("status", spec.toString(), "Review", "--today", "2026-11-25");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String after = java.nio.file.Files.readString(spec);
        assertThat(after).contains("**Document Status:** Review\n**Last Updated:** 2026-11-25\n");
    }

    @Test
    void refusedApprovalNamesTheReviewerDecisionsAndQuestions() {
        String review =
                withStatus("Review")
                        .replace("**Reviewer:** Priya Raman", "**Reviewer:** TBD")
                        .replace("- [x] Back-off cap", "- [ ] Back-off cap")
                        .replace("- [x] Do merchants", "- [ ] Do merchants");
        Path spec = writeSpec(root, CLEAN, review);
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Approved", "--today", "2026-10-05");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        lines(
                                "specgate: cannot move "
                                        + spec
                                        + " Review -> Approved: 3 reasons (the file is unchanged)",
                                // in line order, the Reviewer tagged as check tags it
                                "  line "
                                        + lineOf(review, "Back-off cap")
                                        + ": Technical Decisions Needed item 48.1 is not checked: Back-off cap of 6 h or 24 h - **Decision by:** 2026-10-10",
                                "  line "
                                        + lineOf(review, "Do merchants")
                                        + ": Outstanding Questions item 49.1 is not checked: Do merchants need a replay API? - **Answer needed by:** 2026-10-15",
                                "  line "
                                        + lineOf(review, "**Reviewer:** TBD")
                                        + ": [reviewer-missing] 'Reviewer' must name a person,"
                                        + " found 'TBD'"));
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void aMissingReviewerLineIsGivenOnceByStatusAndApprove() {
        String review = withStatus("Review").replace("**Reviewer:** Priya Raman\n", "");
        Path spec = writeSpec(root, CLEAN, review);
        byte[] before = SpecBytes.of(spec);

        CliRun status = CliRun.of("status", spec.toString(), "Approved", "--today", TODAY);
        CliRun approve =
                CliRun.of("approve", spec.toString(), "--by", "Ana Ruiz", "--today", TODAY);

        String check =
                CliRun.of("check", spec.toString(), "--today", TODAY)
                        .out()
                        .lines()
                        .filter(l -> l.contains("[field-missing]"))
                        .findFirst()
                        .orElseThrow();
        String line =
                check.substring(
                        spec.toString().length() + 1,
                        check.indexOf(':', spec.toString().length() + 1));
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err())
                .isEqualTo(
                        lines(
                                "specgate: cannot move "
                                        + spec
                                        + " Review -> Approved: 1 reason (the file is unchanged)",
                                "  line "
                                        + line
                                        + ": [field-missing] missing metadata field"
                                        + " '**Reviewer:**'"));
        assertThat(approve.exitCode()).isEqualTo(1);
        assertThat(approve.err().lines().skip(1).toList())
                .isEqualTo(status.err().lines().skip(1).toList());
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void refusedApprovalListsCheckErrorsAtApprovedStrictness() {
        Path spec =
                writeSpec(
                        root,
                        CLEAN,
                        withStatus("Review")
                                .replace(
                                        "- **Duration:** 2 weeks",
                                        "- **Duration:** [Time estimate]"));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Approved", "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(": 1 reason (the file is unchanged)")
                .contains("[placeholder-template] template placeholder '[Time estimate]' left in");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void refusedImplementationNamesOpenPrerequisites() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Implementation", "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Approved -> Implementation: 1 reason")
                .contains("Prerequisites item 13.3 is not checked");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void refusedImplementationNamesWhatChangedSinceTheApproval() {
        // edited after its approval (written as bytes: the approval is the clean spec's)
        String edited =
                cleanSpec()
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant")
                        .replace("for up to 30 s.", "for up to 45 s.");
        Path spec =
                writeSpec(root, CLEAN, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Implementation", "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Approved -> Implementation: 1 reason")
                .contains(
                        "line "
                                + lineOf(edited, "**Approval:** ")
                                + ": [approval-stale] the approved content changed since the"
                                + " approval of 2026-11-20 by Priya Raman")
                .contains("changed: Executive Summary (review it again, then specgate approve");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void theReportShowsImplementationBlockedWhenTheApprovalNoLongerHolds() {
        // the same edit as above: the report must not call ready the move that is refused
        String edited =
                cleanSpec()
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant")
                        .replace("for up to 30 s.", "for up to 45 s.");
        Path spec =
                writeSpec(root, CLEAN, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out())
                .contains("Approved -> Implementation: blocked, 1 reason")
                .contains("[approval-stale] the approved content changed since the approval")
                .doesNotContain("Approved -> Implementation: ready");
    }

    @Test
    void skippingAStepIsRefused() {
        Path spec = writeSpec(root, CLEAN, withStatus("Draft"));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Approved", "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Draft -> Approved: 1 reason")
                .contains(
                        "  Draft -> Approved is not a lifecycle move: specs go Draft -> Review -> Approved -> Implementation one step at a time, and back to Draft from any status (from here: Review)");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void backToDraftIsAlwaysOpenEvenFromAnUnknownStatus() {
        Path spec = writeSpec(root, CLEAN, withStatus("Done"));

        CliRun shown = CliRun.of("status", spec.toString(), "--today", TODAY);
        CliRun moved = CliRun.of("status", spec.toString(), "Draft", "--today", TODAY);

        assertThat(shown.out())
                .contains(
                        "  Document Status: Done (not a status: Draft, Review, Approved or Implementation)")
                .contains("  ? -> Draft: ready");
        assertThat(moved.exitCode()).isZero();
        assertThat(SpecBytes.text(spec))
                .contains("**Document Status:** Draft\n**Last Updated:** 2026-11-25\n");
    }

    @Test
    void movingToTheCurrentStatusChangesNothing() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "approved", "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(spec + " is already Approved; nothing changed.");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    @Test
    void crlfAndBomSpecWalksThroughEveryStatusKeepingEveryOtherByte() {
        // the clean spec's approval line, which a Draft does not hold yet
        String approval =
                cleanSpec().lines().filter(l -> l.startsWith("**Approval:** ")).findFirst().get();
        String draft =
                withStatus("Draft")
                        .replace(approval + "\n", "")
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant");
        Path spec = writeSpec(root, CLEAN, SpecBytes.crlfWithBom(draft));
        String[] path = {"Review", "Approved", "Implementation", "Draft"};
        String current = draft;
        String previous = "Draft";
        String lastUpdated = "2026-10-20";
        int day = 21;

        for (String target : path) {
            String today = "2026-11-" + day++;
            CliRun run = CliRun.of("status", spec.toString(), target, "--today", today);

            assertThat(run.exitCode()).as(run.err()).isZero();
            current =
                    current.replace(
                                    "**Document Status:** " + previous,
                                    "**Document Status:** " + target)
                            .replace(
                                    "**Last Updated:** " + lastUpdated,
                                    "**Last Updated:** " + today);
            if (target.equals("Approved")) {
                // recorded under Next Review, bound to the same content as the clean spec's
                // approval: the status block and a ticked prerequisite do not count
                current =
                        current.replace(
                                "**Next Review:** 2027-01-15\n",
                                "**Next Review:** 2027-01-15\n"
                                        + approval.replace("2026-11-20", today)
                                        + "\n");
            } else if (target.equals("Draft")) {
                current = current.replaceAll("\\*\\*Approval:\\*\\* [^\n]*\n", "");
            }
            assertThat(SpecBytes.of(spec)).isEqualTo(SpecBytes.crlfWithBom(current));
            previous = target;
            lastUpdated = today;
        }
    }

    /**
     * A spec approved and moved to Implementation by the command line, then edited: check reports
     * approval-stale, and status, which has no move from there that states it, says it in the same
     * words (the gate's), as text and as JSON; the spec keeps every byte.
     */
    @Test
    void aStaleApprovalPastApprovedIsShownAsCheckReportsIt() throws Exception {
        String approval =
                cleanSpec().lines().filter(l -> l.startsWith("**Approval:** ")).findFirst().get();
        String draft =
                withStatus("Draft")
                        .replace(approval + "\n", "")
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant");
        Path spec = writeSpec(root, CLEAN, SpecBytes.crlfWithBom(draft));
        int day = 21;
        for (String target : new String[] {"Review", "Approved", "Implementation"}) {
            CliRun run =
                    CliRun.of("status", spec.toString(), target, "--today", "2026-11-" + day++);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        CliRun held = CliRun.of("status", spec.toString(), "--today", TODAY);
        assertThat(held.out()).doesNotContain("Approval:");
        String approved = SpecBytes.text(spec).substring(1).replace("\r\n", "\n");
        assertThat(approved).startsWith("# ").contains("up to 30 s.");
        byte[] edited =
                SpecBytes.crlfWithBom(
                        approved.replace("up to 30 s.", "up to 30 s (über 2 % der Zahlungen)."));
        java.nio.file.Files.write(spec, edited);

        CliRun check = CliRun.of("check", spec.toString(), "--today", TODAY);
        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY);
        CliRun json = CliRun.of("status", spec.toString(), "--format", "json", "--today", TODAY);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(run.exitCode()).isZero();
        java.util.List<String> lines = run.out().lines().toList();
        assertThat(lines)
                .startsWith(
                        spec.toString(),
                        "  Document Status: Implementation",
                        "  Last Updated:    2026-11-23",
                        "  Approval:        stale, 1 reason");
        // the gate's reason: the approval line, the rule and its message naming what changed
        String at = "    line " + lineOf(approved, "**Approval:** ") + ": [approval-stale] ";
        String reason = lines.get(4);
        assertThat(reason)
                .startsWith(
                        at
                                + "the approved content changed since the approval of 2026-11-22"
                                + " by Priya Raman")
                .contains("changed: Executive Summary");
        String message = reason.substring(at.length());
        assertThat(check.out()).contains("approval-stale").contains(message);
        assertThat(lines.get(5)).startsWith("  Implementation -> Draft: ready");
        JsonNode stale = new ObjectMapper().readTree(json.out()).get("approvalStale");
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).get("message").asText()).isEqualTo("[approval-stale] " + message);
        assertThat(SpecBytes.of(spec)).isEqualTo(edited);
    }

    /**
     * At Approved the move to Implementation states a stale approval: status says it there once,
     * with no Approval line of its own.
     */
    @Test
    void aStaleApprovalAtApprovedIsSaidOnceByTheMoveForward() throws Exception {
        String approval =
                cleanSpec().lines().filter(l -> l.startsWith("**Approval:** ")).findFirst().get();
        String draft =
                withStatus("Draft")
                        .replace(approval + "\n", "")
                        .replace("- [ ] Staging merchant", "- [x] Staging merchant");
        Path spec = writeSpec(root, CLEAN, SpecBytes.crlfWithBom(draft));
        int day = 21;
        for (String target : new String[] {"Review", "Approved"}) {
            CliRun run =
                    CliRun.of("status", spec.toString(), target, "--today", "2026-11-" + day++);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        String approved = SpecBytes.text(spec).substring(1).replace("\r\n", "\n");
        java.nio.file.Files.write(
                spec,
                SpecBytes.crlfWithBom(
                        approved.replace("up to 30 s.", "up to 30 s (über 2 % der Zahlungen).")));

        CliRun run = CliRun.of("status", spec.toString(), "--today", TODAY);
        CliRun json = CliRun.of("status", spec.toString(), "--format", "json", "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Approval:");
        assertThat(run.out().split("\\[approval-stale\\]", -1)).hasSize(2);
        assertThat(run.out()).contains("Approved -> Implementation: blocked");
        assertThat(new ObjectMapper().readTree(json.out()).get("approvalStale")).isEmpty();
    }

    @Test
    void anUnknownTargetIsAUsageError() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("status", spec.toString(), "Done");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: 'Done' is not a status: use one of Draft, Review, Approved, Implementation");
    }

    @Test
    void aMistypedTargetIsOfferedTheStatusItIsNear() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] before = java.nio.file.Files.readAllBytes(spec);

        CliRun typo = CliRun.of("status", spec.toString(), "Reveiw");
        CliRun far = CliRun.of("status", spec.toString(), "Shipped");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip())
                .isEqualTo(
                        "specgate: 'Reveiw' is not a status: use one of Draft, Review, Approved,"
                                + " Implementation; did you mean 'Review'?");
        assertThat(far.err()).doesNotContain("did you mean");
        assertThat(java.nio.file.Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void aMissingOrUnreadableSpecIsAnInputError() {
        Path latin1 =
                writeSpec(
                        root,
                        "2026-10-05_spec_latin1.md",
                        new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});

        CliRun missing = CliRun.of("status", root.resolve("nope.md").toString());
        CliRun unreadable = CliRun.of("status", latin1.toString(), "Review");
        CliRun folder = CliRun.of("status", root.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("spec not found: ");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        // one line: the file, the line and column of the bad byte, the byte and the fix
        assertThat(unreadable.err().strip())
                .isEqualTo(
                        "specgate: "
                                + latin1
                                + ":1:6: not UTF-8 (byte 0xE9 at offset 5); save the file as"
                                + " UTF-8");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("is a directory: give one spec file");
    }

    @Test
    void aSpecWithoutStatusFieldCannotMove() {
        Path spec =
                writeSpec(root, CLEAN, cleanSpec().replace("**Document Status:** Approved\n", ""));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Draft");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has no '**Document Status:**' field to change");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
        assertThat(new String(before, StandardCharsets.UTF_8)).doesNotContain("Document Status");
    }

    @Test
    void aStatusWrittenAsAListItemIsNamed() {
        // a new user's list metadata under the built-in template's bold-line fields (CRLF)
        Path spec =
                writeSpec(
                        root,
                        CLEAN,
                        cleanSpec()
                                .replace(
                                        "**Document Status:** Approved\n",
                                        "- Document Status: Review\n")
                                .replace("\n", "\r\n"));
        byte[] before = SpecBytes.of(spec);

        CliRun run = CliRun.of("status", spec.toString(), "Approved");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "the spec has no '**Document Status:**' field to change: line 273 '-"
                                + " Document Status: Review' is a list item, which this template"
                                + " does not read as a field (its fields are '**Label:** value'"
                                + " lines of their own): write '**Document Status:** Review'"
                                + " instead");
        assertThat(SpecBytes.of(spec)).isEqualTo(before);
    }

    static String withStatus(String status) {
        return cleanSpec()
                .replace("**Document Status:** Approved", "**Document Status:** " + status);
    }

    static int lineOf(String text, String needle) {
        var lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
