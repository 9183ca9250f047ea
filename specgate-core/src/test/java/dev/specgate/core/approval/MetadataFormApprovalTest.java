package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.SpecDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Approvals of specs whose fields are YAML front matter: the record is written as a front matter
 * key in the form the reader reads back (valid YAML, every other byte kept), moving back to Draft
 * removes it, and a key the writer cannot rewrite is refused before anything is written.
 */
class MetadataFormApprovalTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    @TempDir static Path root;
    private static Path FILE;
    private static final Lifecycle LIFECYCLE = Lifecycle.standard();
    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final Pattern RECORD =
            Pattern.compile(
                    "Approval: \"2026-11-25 by Priya Raman, sha256:[0-9a-f]{12} <!-- sections:"
                            + " [A-Za-z0-9_-]+ -->\"(\r?\n)");

    /** The spec in a repository with the documents it links. */
    @BeforeAll
    static void repository() throws IOException {
        FILE = root.resolve("directives/spec/2026-10-14_spec_webhook-retry-backoff.md");
        Files.createDirectories(FILE.getParent());
        for (String doc :
                List.of(
                        "docs/dev/webhook-dispatcher.md",
                        "docs/api/webhooks.md",
                        "docs/dev/webhook-retry-runbook.md")) {
            Path p = root.resolve(doc);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "# " + p.getFileName() + "\n\nNotes.\n");
        }
    }

    private static String frontMatterSpec() throws IOException {
        return Files.readString(
                Path.of(
                        "src/test/resources/lifecycle/"
                                + "2026-10-14_spec_webhook-retry-backoff-frontmatter.md"),
                StandardCharsets.UTF_8);
    }

    private static String variant(String lf, String kind) {
        return switch (kind) {
            case "crlf" -> lf.replace("\n", "\r\n");
            case "bom-crlf" -> "\uFEFF" + lf.replace("\n", "\r\n");
            default -> lf;
        };
    }

    /**
     * The findings' rule ids, but for broken links: the spec links docs this test does not make.
     */
    private static List<String> findings(String text) {
        CheckResult result = CHECKER.check(FILE, text, CheckOptions.asOf(DAY));
        return result.diagnostics().stream()
                .map(Diagnostic::ruleId)
                .filter(id -> !id.equals("link-broken"))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lf", "crlf", "bom-crlf"})
    void approvingWritesAFrontMatterKeyThatCheckReadsBackAndDraftRemoves(String kind)
            throws Exception {
        String spec = variant(frontMatterSpec(), kind);
        assertThat(findings(spec)).isEmpty();
        SpecSource source = SpecSource.of(spec.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = CHECKER.parse(FILE, source.text());

        GateResult gate = LIFECYCLE.evaluate(FILE, source, doc, SpecStatus.APPROVED, DAY);
        assertThat(gate.reasons()).isEmpty();
        byte[] approvedBytes =
                LIFECYCLE.moveEdit(source, doc, SpecStatus.APPROVED, DAY, Optional.empty()).bytes();
        String approved = new String(approvedBytes, StandardCharsets.UTF_8);
        assertThat(approved.startsWith("\uFEFF")).isEqualTo(kind.startsWith("bom"));

        // inside the front matter, after Next Review, with the file's own line break
        Matcher m = RECORD.matcher(approved);
        assertThat(m.find()).as(approved.substring(0, 600)).isTrue();
        assertThat(m.group(1)).isEqualTo(kind.equals("lf") ? "\n" : "\r\n");
        String nl = m.group(1);
        assertThat(approved)
                .contains(
                        "Document Status: \"Approved\""
                                + nl
                                + "Last Updated: \"2026-11-25\""
                                + nl
                                + "Next Review: \"2026-12-10\""
                                + nl
                                + "Approval: \"2026-11-25");
        assertThat(approved.indexOf("Approval:")).isLessThan(approved.indexOf(nl + "---" + nl));

        // nothing else changed
        String back =
                approved.replace(m.group(), "")
                        .replace("\"Approved\"", "\"Review\"")
                        .replace("Last Updated: \"2026-11-25\"", "Last Updated: \"2026-11-20\"");
        assertThat(back).isEqualTo(new String(source.bytes(), StandardCharsets.UTF_8));

        // check reads back what approve wrote: valid YAML, every field there, the record valid
        assertThat(findings(approved)).isEmpty();
        SpecSource approvedSource = SpecSource.of(approvedBytes);
        SpecDocument approvedDoc = CHECKER.parse(FILE, approvedSource.text());
        ApprovalCheck valid = CHECKER.approvals().check(approvedSource.text(), approvedDoc);
        assertThat(valid.valid()).isTrue();
        assertThat(valid.record().orElseThrow().by()).isEqualTo("Priya Raman");
        assertThat(valid.record().orElseThrow().sectionCode()).isNotEmpty();

        // a changed section makes it stale, and names the section
        String edited = approvedSource.text().replace("up to 20 times", "up to 25 times");
        ApprovalCheck stale = CHECKER.approvals().check(edited, CHECKER.parse(FILE, edited));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.changed()).containsExactly("Executive Summary");
        assertThat(findings(edited)).containsExactly("approval-stale");

        // a refresh rewrites the value in place
        String refreshed =
                LIFECYCLE
                        .refreshEdit(approvedSource, approvedDoc, "Ana Ruiz", DAY.plusDays(1))
                        .text();
        assertThat(refreshed)
                .containsPattern(
                        "\nApproval: \"2026-11-26 by Ana Ruiz, sha256:[0-9a-f]{12} <!--"
                                + " sections: [A-Za-z0-9_-]+ -->\"\r?\n");
        assertThat(refreshed.split("Approval:", -1)).hasSize(2);
        // and sets Last Updated to its day, as approve does; nothing else changes
        assertThat(refreshed).contains("\nLast Updated: \"2026-11-26\"" + nl);
        assertThat(
                        refreshed
                                .replaceAll("\nApproval: [^\r\n]*", "")
                                .replace(
                                        "Last Updated: \"2026-11-26\"",
                                        "Last Updated: \"2026-11-25\""))
                .isEqualTo(approvedSource.text().replaceAll("\nApproval: [^\r\n]*", ""));
        assertThat(findings(refreshed)).isEmpty();

        // back to Draft: the key goes, the rest as it was
        String draft =
                LIFECYCLE.moveEdit(approvedSource, approvedDoc, SpecStatus.DRAFT, DAY).text();
        assertThat(draft).doesNotContain("Approval:");
        assertThat(
                        draft.replace("\"Draft\"", "\"Review\"")
                                .replace(
                                        "Last Updated: \"2026-11-25\"",
                                        "Last Updated: \"2026-11-20\""))
                .isEqualTo(source.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lf", "bom-crlf"})
    void aFrontMatterKeyUnderTheFieldsEarlierNameIsNamedAndReplacedInPlace(String kind)
            throws Exception {
        String spec = variant(frontMatterSpec(), kind);
        SpecSource source = SpecSource.of(spec.getBytes(StandardCharsets.UTF_8));
        String approved =
                LIFECYCLE
                        .moveEdit(
                                source,
                                CHECKER.parse(FILE, source.text()),
                                SpecStatus.APPROVED,
                                DAY,
                                Optional.empty())
                        .text();
        assertThat(approved).contains("\nApproval: \"2026-11-25 by Priya Raman, sha256:");
        // the team renames the field
        SpecChecker renamed = SpecChecker.builder().approvals(new Approvals("Sign-off")).build();
        Lifecycle lifecycle =
                new Lifecycle(renamed, dev.specgate.core.lifecycle.StatusGates.standard());
        SpecDocument doc = renamed.parse(FILE, approved);
        List<Diagnostic> missing =
                renamed.check(FILE, approved, CheckOptions.asOf(DAY)).diagnostics().stream()
                        .filter(d -> d.ruleId().equals("approval-missing"))
                        .toList();
        assertThat(missing)
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains(
                        "no 'Sign-off:' field; it has an 'Approval:' record (2026-11-25 by"
                                + " Priya Raman), but this project's approval field is"
                                + " 'Sign-off:'");

        String refreshed =
                lifecycle.refreshEdit(SpecSource.of(approved), doc, "Ana Ruiz", DAY).text();

        String nl = kind.equals("lf") ? "\n" : "\r\n";
        // the key in the old one's place, the rest as it was
        assertThat(refreshed)
                .doesNotContain("Approval:")
                .containsPattern(
                        "Next Review: \"2026-12-10\""
                                + nl
                                + "Sign-off: \"2026-11-25 by Ana Ruiz, sha256:[0-9a-f]{12} <!--"
                                + " sections: [A-Za-z0-9_-]+ -->\""
                                + nl);
        assertThat(refreshed.replaceAll("Sign-off: [^\r\n]*", ""))
                .isEqualTo(approved.replaceAll("Approval: [^\r\n]*", ""));
        ApprovalCheck check = renamed.approvals().check(refreshed, renamed.parse(FILE, refreshed));
        assertThat(check.valid()).isTrue();
    }

    @Test
    void lowercaseKeysGetALowercaseApprovalKey() throws IOException {
        String spec =
                frontMatterSpec()
                        .replace("Document Status: \"Review\"", "document status: Review")
                        .replace("Next Review: \"2026-12-10\"", "next review: 2026-12-10");
        SpecSource source = SpecSource.of(spec);
        SpecDocument doc = CHECKER.parse(FILE, spec);
        String approved =
                LIFECYCLE
                        .moveEdit(source, doc, SpecStatus.APPROVED, DAY, Optional.of("Priya Raman"))
                        .text();
        assertThat(approved)
                .containsPattern(
                        "\nnext review: 2026-12-10\napproval: \"2026-11-25 by Priya Raman,"
                                + " sha256:[0-9a-f]{12} <!-- sections: [A-Za-z0-9_-]+ -->\"\n");
        SpecDocument approvedDoc = CHECKER.parse(FILE, approved);
        assertThat(approvedDoc.metadataProblems()).isEmpty();
        assertThat(CHECKER.approvals().check(approved, approvedDoc).valid()).isTrue();
    }

    @Test
    void aNameWithQuotesIsWrittenSoTheYamlStaysValid() throws IOException {
        String spec = frontMatterSpec();
        SpecSource source = SpecSource.of(spec);
        SpecDocument doc = CHECKER.parse(FILE, spec);
        String approved =
                LIFECYCLE
                        .moveEdit(
                                source,
                                doc,
                                SpecStatus.APPROVED,
                                DAY,
                                Optional.of("Robert \"Bob\" O'Neil"))
                        .text();
        assertThat(approved).contains("Approval: '2026-11-25 by Robert \"Bob\" O''Neil, sha256:");
        SpecDocument approvedDoc = CHECKER.parse(FILE, approved);
        assertThat(approvedDoc.metadataProblems()).isEmpty();
        assertThat(CHECKER.approvals().check(approved, approvedDoc).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lf", "crlf", "bom-crlf"})
    void aNameWithQuotesAndApostrophesReadsBackAsGiven(String kind) throws Exception {
        String spec = variant(frontMatterSpec(), kind);
        SpecSource source = SpecSource.of(spec.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = CHECKER.parse(FILE, source.text());
        String name = "Jo O'Brien \"JB\"";
        String approved =
                LIFECYCLE.moveEdit(source, doc, SpecStatus.APPROVED, DAY, Optional.of(name)).text();
        SpecDocument approvedDoc = CHECKER.parse(FILE, approved);

        assertThat(CHECKER.approvals().record(approved, approvedDoc))
                .map(ApprovalRecord::by)
                .contains(name);
        assertThat(CHECKER.approvals().check(approved, approvedDoc).record())
                .map(ApprovalRecord::by)
                .contains(name);

        // written by hand in double quotes with YAML's escapes: read as YAML reads it
        String hash = CHECKER.approvals().record(approved, approvedDoc).orElseThrow().hash();
        String byHand =
                approved.replaceFirst(
                        "Approval: '[^\r\n]*'",
                        "Approval: \"2026-11-25 by Jo O'Brien \\\\\"JB\\\\\" \\\\\\\\ Ops,"
                                + " sha256:"
                                + hash
                                + "\"");
        assertThat(byHand).contains("by Jo O'Brien \\\"JB\\\" \\\\ Ops, sha256:");
        SpecDocument byHandDoc = CHECKER.parse(FILE, byHand);
        assertThat(CHECKER.approvals().record(byHand, byHandDoc))
                .map(ApprovalRecord::by)
                .contains("Jo O'Brien \"JB\" \\ Ops");
    }

    @Test
    void anApprovalKeyOverSeveralLinesIsRefusedBeforeAnythingIsWritten() throws IOException {
        String spec =
                frontMatterSpec()
                        .replace(
                                "Reviewer: \"Priya Raman\"\n",
                                "Reviewer: \"Priya Raman\"\nApproval: >\n  pending\n  review\n");
        SpecSource source = SpecSource.of(spec);
        SpecDocument doc = CHECKER.parse(FILE, spec);
        assertThat(doc.metadataProblems()).isEmpty();
        GateResult gate = LIFECYCLE.evaluate(FILE, source, doc, SpecStatus.APPROVED, DAY);
        assertThat(gate.passed()).isFalse();
        assertThat(gate.reasons().get(0).message())
                .startsWith("the approval cannot be recorded: the spec's front matter key")
                .contains("'Approval:'")
                .contains("several lines");
        assertThatThrownBy(
                        () ->
                                LIFECYCLE.moveEdit(
                                        source,
                                        doc,
                                        SpecStatus.APPROVED,
                                        DAY,
                                        Optional.of("Priya Raman")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeholdersAndRecordBreakingNamesAreNoApprovers() {
        assertThat(Approvals.approverProblem("Priya Raman")).isEmpty();
        assertThat(Approvals.approverProblem("Zoë Ødegaard-Núñez")).isEmpty();
        assertThat(Approvals.approverProblem("Robert \"Bob\" O'Neil")).isEmpty();
        assertThat(Approvals.approverProblem("  ")).contains("names nobody");
        assertThat(Approvals.approverProblem("TBD")).get().asString().contains("placeholder");
        assertThat(Approvals.approverProblem("[Technical reviewer]"))
                .get()
                .asString()
                .contains("placeholder");
        assertThat(Approvals.approverProblem("Eve <!-- x -->")).get().asString().contains("<!--");
        assertThat(Approvals.approverProblem("Eve -->")).get().asString().contains("-->");
        assertThat(Approvals.approverProblem("Eve\nMallory")).get().asString().contains("one line");
        assertThat(Approvals.approverProblem("Eve\u001b[31m"))
                .get()
                .asString()
                .contains("one line");
        assertThat(Approvals.approverProblem("Eve, sha256:000000000000"))
                .get()
                .asString()
                .contains("break the approval record");
    }

    @Test
    void aLeadingListSpecGetsAnApprovalItemThatReadsBackAndClears() {
        String spec =
                "# Technical Specification: Ledger Export\r\n\r\n"
                        + "- File: `directives/spec/2026-10-03_spec_ledger-export.md`\r\n"
                        + "- Created: 2026-10-03\r\n"
                        + "- Type: Integration\r\n"
                        + "- Document Status: Review\r\n"
                        + "- Last Updated: 2026-11-20\r\n"
                        + "- Next Review: 2026-12-10\r\n"
                        + "- Reviewer: Ana Ruiz\r\n\r\n"
                        + "## Executive Summary\r\n"
                        + "Nightly export of the ledger to the finance warehouse (`rows[0]`"
                        + " is the header).\r\n\r\n"
                        + "> Totals in €, per day.\r\n\r\n"
                        + "| table | rows |\r\n|---|---|\r\n| ledger | 9 000 |\r\n";
        dev.specgate.core.parse.SpecParser lists = new dev.specgate.core.parse.SpecParser(true);
        Approvals approvals = Approvals.standard();
        SpecSource source = SpecSource.of(spec);
        SpecDocument doc = lists.parse(spec);
        assertThat(approvals.unwritable(doc)).isEmpty();

        String approved = approvals.approve(source.edit(), doc, "Ana Ruiz", DAY).text();

        Matcher m =
                Pattern.compile(
                                "- Next Review: 2026-12-10\r\n(- Approval: 2026-11-25 by Ana Ruiz,"
                                        + " sha256:[0-9a-f]{12} <!-- sections: [A-Za-z0-9_-]+"
                                        + " -->\r\n)- Reviewer")
                        .matcher(approved);
        assertThat(m.find()).as(approved).isTrue();
        assertThat(approved.replace(m.group(1), "")).isEqualTo(spec);
        SpecDocument approvedDoc = lists.parse(approved);
        ApprovalCheck check = approvals.check(approved, approvedDoc);
        assertThat(check.valid()).isTrue();
        assertThat(check.record().orElseThrow().sectionCode()).isNotEmpty();
        String edited = approved.replace("Nightly export", "Hourly export");
        assertThat(approvals.check(edited, lists.parse(edited)).stale()).isTrue();

        String cleared = approvals.clear(SpecSource.of(approved).edit(), approvedDoc).text();
        assertThat(cleared).isEqualTo(spec);
    }
}
