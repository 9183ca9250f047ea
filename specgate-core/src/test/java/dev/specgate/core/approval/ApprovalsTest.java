package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fingerprints, records and the edits that write and clear approvals, on a realistic spec. */
class ApprovalsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final SpecParser PARSER = new SpecParser();
    private static final Approvals APPROVALS = Approvals.standard();

    /** The Approved fixture of box-ticked-after-approval, back at Review with no record. */
    private static String reviewSpec() throws IOException {
        String text =
                Files.readString(
                        Path.of(
                                "src/test/resources/rules/approval-missing/"
                                        + "2026-03-02_spec_approved-without-record.md"),
                        StandardCharsets.UTF_8);
        return text.replaceFirst(
                "\\*\\*Document Status:\\*\\* Approved[^\\n]*", "**Document Status:** Review");
    }

    private static String hash(String text) {
        return APPROVALS.fingerprint(text, PARSER.parse(text)).hash();
    }

    @Test
    void lineBreaksTrailingSpacesAndStatusBlockDoNotChangeTheFingerprint() throws IOException {
        String lf = reviewSpec();
        String crlf = lf.replace("\n", "\r\n");
        String spaced = lf.replace("\n## Problem Analysis\n", "\n## Problem Analysis   \t\n");
        String moved =
                lf.replace("**Document Status:** Review", "**Document Status:** Approved")
                        .replace("**Last Updated:** 2026-11-20", "**Last Updated:** 2027-01-02");
        assertThat(hash(crlf)).isEqualTo(hash(lf));
        assertThat(hash("\uFEFF" + lf)).isEqualTo(hash(lf));
        assertThat(hash(spaced)).isEqualTo(hash(lf));
        assertThat(hash(moved)).isEqualTo(hash(lf));
        assertThat(hash(lf)).hasSize(ContentFingerprint.HASH_LENGTH).matches("[0-9a-f]+");
    }

    @Test
    void workingBoxesAreLeftOutButDecisionBoxesAndTextCount() throws IOException {
        String spec = reviewSpec();
        String prerequisite =
                spec.replace(
                        "- [ ] Anonymised copy of the largest account loaded into staging",
                        "- [x] Anonymised copy of the largest account loaded into staging");
        assertThat(prerequisite).isNotEqualTo(spec);
        assertThat(hash(prerequisite)).isEqualTo(hash(spec));
        String decision = spec.replaceFirst("- \\[ \\] (Keep the trailer row)", "- [x] $1");
        assertThat(decision).isNotEqualTo(spec);
        assertThat(hash(decision)).isNotEqualTo(hash(spec));
        String text = spec.replace("40 largest accounts", "45 largest accounts");
        assertThat(hash(text)).isNotEqualTo(hash(spec));
    }

    /** A spec approved by Specgate 0.1 (main's jar), with the boxes of {@code variant}. */
    private static String recordedBefore(String variant) throws IOException {
        return Files.readString(
                Path.of(
                        "src/test/resources/approval/recorded-by-0.1/"
                                + variant
                                + "/2026-10-14_spec_webhook-retry-backoff.md"),
                StandardCharsets.UTF_8);
    }

    private static ApprovalCheck check(String text) {
        return APPROVALS.check(text, PARSER.parse(text));
    }

    /** Ticks the box of {@code item}, which must be unticked. */
    private static String tick(String text, String item) {
        String ticked = text.replace("- [ ] " + item, "- [x] " + item);
        assertThat(ticked).as(item).isNotEqualTo(text);
        return ticked;
    }

    @Test
    void boxesTickedDuringAndAfterImplementationAreLeftOut() throws IOException {
        String spec = recordedBefore("unticked");
        String done =
                tick(
                        tick(
                                tick(
                                        tick(
                                                spec,
                                                "All specified functionality implemented"
                                                        + " correctly"),
                                        "Monitoring and alerting operational"),
                                "Rollback procedure tested in staging"),
                        "**Unit Tests**");
        assertThat(hash(done)).isEqualTo(hash(spec));
        // questions and decisions are what a reviewer approves: they still count
        String question = spec.replaceFirst("- \\[x\\] (Should enterprise merchants)", "- [ ] $1");
        assertThat(question).isNotEqualTo(spec);
        assertThat(hash(question)).isNotEqualTo(hash(spec));
        // a heading that only looks like one is not left out
        String other = spec.replace("### Functional Success", "### Functional Success\n\n## Notes");
        assertThat(hash(tick(other, "All edge cases handled appropriately")))
                .isNotEqualTo(hash(other));
    }

    @Test
    void anApprovalRecordedBySpecgate01WithThoseBoxesUntickedKeepsItsHash() throws IOException {
        String spec = recordedBefore("unticked");
        ApprovalRecord record = APPROVALS.record(spec, PARSER.parse(spec)).orElseThrow();
        // the same hash, not only a valid check: the new reading gives the hash 0.1 recorded
        assertThat(hash(spec)).isEqualTo(record.hash()).isEqualTo("e674872d97bd");
        String done =
                tick(
                        tick(spec, "All specified functionality implemented correctly"),
                        "Communication plan tested");
        assertThat(check(done).valid()).isTrue();
        assertThat(check(done.replace("up to 20 times", "up to 25 times")).stale()).isTrue();
    }

    @Test
    void anApprovalRecordedBySpecgate01WithThoseBoxesTickedHoldsUntilTheContentChanges()
            throws IOException {
        String spec = recordedBefore("ticked");
        ApprovalRecord record = APPROVALS.record(spec, PARSER.parse(spec)).orElseThrow();
        assertThat(record.hash()).isEqualTo("6d581b1382ea");
        assertThat(hash(spec)).isNotEqualTo(record.hash());
        assertThat(check(spec).valid()).isTrue();
        assertThat(APPROVALS.approves(record, spec, PARSER.parse(spec))).isTrue();
        String changed = spec.replace("up to 20 times", "up to 25 times");
        assertThat(changed).isNotEqualTo(spec);
        ApprovalCheck stale = check(changed);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.changes()).contains("Executive Summary");
    }

    @Test
    void approvalMoveRecordsAValidApprovalAndDraftClearsIt() throws IOException {
        String spec = reviewSpec().replace("\n", "\r\n");
        SpecSource source = SpecSource.of(spec);
        SpecDocument doc = PARSER.parse(source.text());
        SpecEdit move =
                Lifecycle.standard()
                        .moveEdit(source, doc, SpecStatus.APPROVED, DAY, Optional.of("Ana Ruiz"));
        String approved = move.text();
        assertThat(approved)
                .contains("**Document Status:** Approved\r\n**Last Updated:** 2026-11-20\r\n")
                .containsPattern(
                        "\\*\\*Next Review:\\*\\* [0-9-]+\\r\\n\\*\\*Approval:\\*\\* 2026-11-20 by"
                                + " Ana Ruiz, sha256:[0-9a-f]{12} <!-- sections: [A-Za-z0-9_-]+"
                                + " -->\\r\\n");
        assertThat(approved.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        SpecDocument approvedDoc = PARSER.parse(approved);
        ApprovalCheck check = APPROVALS.check(approved, approvedDoc);
        assertThat(check.valid()).isTrue();
        assertThat(check.record().get().by()).isEqualTo("Ana Ruiz");

        String edited =
                approved.replace("40 largest accounts", "45 largest accounts")
                        .replace(
                                "### Assumptions",
                                "### Assumptions\r\nNew paragraph.\r\n\r\n### Caching");
        ApprovalCheck stale = APPROVALS.check(edited, PARSER.parse(edited));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.changed()).containsExactly("Problem Statement", "Assumptions");
        assertThat(stale.added()).containsExactly("Caching");
        assertThat(stale.changes())
                .isEqualTo("changed: Problem Statement, Assumptions; added: Caching");

        SpecSource approvedSource = SpecSource.of(approved);
        String draft =
                Lifecycle.standard()
                        .moveEdit(approvedSource, approvedDoc, SpecStatus.DRAFT, DAY)
                        .text();
        assertThat(draft).doesNotContain("**Approval:**");
        assertThat(draft.replace("**Document Status:** Draft", "**Document Status:** Review"))
                .isEqualTo(spec);
    }

    /**
     * The status block after the last section's text ({@code ---}, then Document Status ...
     * Reviewer) has a digest of its own: a changed Reviewer is said as a change of the status
     * block, not of the Assumptions above it, and a changed assumption as the Assumptions alone; a
     * change of the title's fields (File, Type) is said as theirs, not as the title's. An approval
     * recorded before, whose last digest holds the block with the section, is named as then, as its
     * digest cannot tell which changed.
     */
    @Test
    void aChangedReviewerIsNamedAsTheStatusBlockNotAsTheLastSection() throws IOException {
        for (String spec : List.of(reviewSpec(), reviewSpec().replace("\n", "\r\n"))) {
            SpecSource source = SpecSource.of("\uFEFF" + spec);
            SpecDocument doc = PARSER.parse(source.text());
            String approved =
                    Lifecycle.standard()
                            .moveEdit(
                                    source,
                                    doc,
                                    SpecStatus.APPROVED,
                                    DAY,
                                    Optional.of("Zoë Ångström"))
                            .text();
            assertThat(approved).contains("**Reviewer:** ").contains("**Assigned to:** ");

            String reviewer =
                    approved.replaceFirst(
                            "\\*\\*Reviewer:\\*\\* [^\\r\\n]*", "**Reviewer:** Jörg Müller");
            ApprovalCheck stale = APPROVALS.check(reviewer, PARSER.parse(reviewer));
            assertThat(stale.stale()).isTrue();
            assertThat(stale.changes())
                    .isEqualTo("changed: the status block (Assigned to, Reviewer)");
            assertThat(stale.titleFieldsHold("File")).isFalse();

            String assumption =
                    approved.replace("at most a few times per day", "at most twice a day");
            assertThat(APPROVALS.check(assumption, PARSER.parse(assumption)).changes())
                    .isEqualTo("changed: Assumptions");
            String both = reviewer.replace("at most a few times per day", "at most twice a day");
            assertThat(APPROVALS.check(both, PARSER.parse(both)).changes())
                    .isEqualTo("changed: Assumptions, the status block (Assigned to, Reviewer)");
            String unruled = approved.replaceFirst("(\\r?\\n)---(\\r?\\n)", "$1$2");
            assertThat(unruled).isNotEqualTo(approved);
            assertThat(APPROVALS.check(unruled, PARSER.parse(unruled)).changes())
                    .isEqualTo("changed: the status block (Assigned to, Reviewer)");

            String type = approved.replace("**Type:** ", "**Type:** Bug Fix; was ");
            ApprovalCheck typeChanged = APPROVALS.check(type, PARSER.parse(type));
            assertThat(typeChanged.changes())
                    .isEqualTo("changed: the fields under the title (File, Created, Type)");
            assertThat(typeChanged.titleFieldsHold("file")).isTrue();

            // recorded before the block had a digest of its own (the section code main c393b0a
            // wrote): the last section's digest holds both, and the message says so
            String text = approved.startsWith("\uFEFF") ? approved.substring(1) : approved;
            SpecDocument approvedDoc = PARSER.parse(text);
            ApprovalRecord record = APPROVALS.record(text, approvedDoc).orElseThrow();
            String earlier =
                    ContentFingerprint.of(
                                    text,
                                    approvedDoc,
                                    APPROVALS.excludedFields(),
                                    ApprovalBoxes.AFTER_APPROVAL,
                                    false,
                                    false)
                            .sectionCode();
            assertThat(earlier).isNotEqualTo(record.sectionCode());
            String old = reviewer.replace(record.sectionCode(), earlier);
            assertThat(APPROVALS.check(old, PARSER.parse(old)).changes())
                    .isEqualTo("changed: Assumptions (or the fields in it: Assigned to, Reviewer)");
            String oldValid = approved.replace(record.sectionCode(), earlier);
            assertThat(APPROVALS.check(oldValid, PARSER.parse(oldValid)).valid()).isTrue();
        }
    }

    /**
     * A spec renamed after approval, its File field following the name, is stale: the message names
     * the fields under the title, not the title, whose heading did not change; an edited heading is
     * a section removed and one added, as ever.
     */
    @Test
    void aRenameIsAChangeOfTheFieldsUnderTheTitleNotOfTheTitle() throws IOException {
        String spec = reviewSpec().replace("\n", "\r\n");
        SpecSource source = SpecSource.of("\uFEFF" + spec);
        SpecDocument doc = PARSER.parse(source.text());
        String approved =
                Lifecycle.standard()
                        .moveEdit(
                                source, doc, SpecStatus.APPROVED, DAY, Optional.of("Zoë Ångström"))
                        .text();
        String file = approved.replaceFirst("\\*\\*File:\\*\\* [^\\r]*", "**File:** `renamed.md`");
        assertThat(file).isNotEqualTo(approved);

        ApprovalCheck renamed = APPROVALS.check(file, PARSER.parse(file));
        assertThat(renamed.stale()).isTrue();
        assertThat(renamed.changes()).startsWith("changed: the fields under the title (File");
        assertThat(renamed.titleFieldsHold("File")).isTrue();

        String heading = approved.replaceFirst("# Technical Specification: ", "# Technical Spec: ");
        ApprovalCheck retitled = APPROVALS.check(heading, PARSER.parse(heading));
        assertThat(retitled.changes())
                .contains("added: Technical Spec: ")
                .contains("1 section removed");
        assertThat(retitled.titleFieldsHold("File")).isFalse();
    }

    /**
     * Sections reordered after approval, their texts unchanged, void it (the digests are in order),
     * and the finding names the section moved, as {@code diff} does. Found by a new-user trial: it
     * said "no section tells which (a change outside every section, or lines moved)".
     */
    @Test
    void sectionsReorderedAreNamedAsMoved() throws IOException {
        SpecSource source = SpecSource.of("\uFEFF" + reviewSpec().replace("\n", "\r\n"));
        String approved =
                Lifecycle.standard()
                        .moveEdit(
                                source,
                                PARSER.parse(source.text()),
                                SpecStatus.APPROVED,
                                DAY,
                                Optional.of("Zoë \"Zo\" Ørsted, PhD"))
                        .text();
        int current = approved.indexOf("### Current State");
        int statement = approved.indexOf("### Problem Statement");
        int solution = approved.indexOf("## Proposed Solution");
        String down =
                approved.substring(0, current)
                        + approved.substring(statement, solution)
                        + approved.substring(current, statement)
                        + approved.substring(solution);

        ApprovalCheck moved = APPROVALS.check(down, PARSER.parse(down));
        assertThat(moved.stale()).isTrue();
        assertThat(moved.moved()).containsExactly("Current State");
        assertThat(moved.changes()).isEqualTo("moved: Current State");

        String edited = down.replace("40 largest accounts", "45 largest accounts");
        assertThat(APPROVALS.check(edited, PARSER.parse(edited)).changes())
                .isEqualTo("changed: Problem Statement; moved: Current State");
    }

    @Test
    void theReviewerApprovesWhenNobodyIsNamedAndARecordReadsBack() throws IOException {
        SpecSource source = SpecSource.of(reviewSpec());
        SpecDocument doc = PARSER.parse(source.text());
        String approved =
                Lifecycle.standard().moveEdit(source, doc, SpecStatus.APPROVED, DAY).text();
        Optional<ApprovalRecord> record = APPROVALS.record(approved, PARSER.parse(approved));
        assertThat(record).isPresent();
        assertThat(record.get().by()).isEqualTo("Marta Kowalski");
        assertThat(record.get().date()).isEqualTo(DAY);
        assertThat(ApprovalRecord.parse("approved by Ana", "")).isEmpty();
        assertThat(ApprovalRecord.parse("2026-02-30 by Ana, sha256:0123456789ab", "")).isEmpty();
    }

    @Test
    void aTeamFieldNameIsUsed() throws IOException {
        Approvals signOff = new Approvals("Sign-off");
        SpecSource source = SpecSource.of(reviewSpec());
        SpecDocument doc = PARSER.parse(source.text());
        String text = signOff.approve(source.edit(), doc, "Ana Ruiz", DAY).text();
        assertThat(text).contains("**Sign-off:** 2026-11-20 by Ana Ruiz, sha256:");
        assertThat(signOff.check(text, PARSER.parse(text)).valid()).isTrue();
        assertThat(APPROVALS.check(text, PARSER.parse(text)).recorded()).isFalse();
    }

    /** The Review spec at Approved with its approval under another field, "Sign-off". */
    private static String signedOffSpec() throws IOException {
        return reviewSpec()
                .replace("**Document Status:** Review", "**Document Status:** Approved")
                .replace(
                        "**Last Updated:** 2026-11-20",
                        "**Last Updated:** 2026-11-20\n**Sign-off:** 2026-11-20 by Priya"
                                + " Raman, sha256:0123456789ab");
    }

    /**
     * After approval-field is renamed back, a record under {@code Sign-off} is named with the
     * article its label takes: "a '**Sign-off:**' record", not "an".
     */
    @Test
    void aRecordUnderAnotherNameIsNamedWithItsArticle() throws IOException {
        String signedOff = signedOffSpec();
        assertThat(APPROVALS.strayNote(PARSER.parse(signedOff)))
                .contains(
                        "it has a '**Sign-off:**' record (2026-11-20 by Priya Raman), but this"
                                + " project's approval field is '**Approval:**'");
        String approval = signedOff.replace("**Sign-off:**", "**Approval:**");
        assertThat(new Approvals("Sign-off").strayNote(PARSER.parse(approval)))
                .contains(
                        "it has an '**Approval:**' record (2026-11-20 by Priya Raman), but this"
                                + " project's approval field is '**Sign-off:**'");
    }

    /**
     * With no approval-field set, the finding says the field is the default one and where another
     * is named, not as if a configuration had named it.
     */
    @Test
    void aRecordUnderAnotherNameWithTheDefaultFieldSaysItIsTheDefault() throws IOException {
        String signedOff = signedOffSpec();
        Path file = Path.of("2026-11-20_spec_signed-off.md");
        var missing =
                dev.specgate.core.check.SpecChecker.standard()
                        .check(
                                file,
                                signedOff,
                                dev.specgate.core.check.CheckOptions.asOf(
                                        LocalDate.parse("2026-11-25")))
                        .diagnostics()
                        .stream()
                        .filter(d -> d.ruleId().equals("approval-missing"))
                        .toList();
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).message())
                .contains("but this project's approval field is '**Approval:**'")
                .contains("(the default: approval-field in .specgate.yml names another)")
                .doesNotContain("(approval-field in .specgate.yml)");
    }
}
