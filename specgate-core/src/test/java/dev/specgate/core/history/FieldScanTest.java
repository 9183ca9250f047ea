package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The field scan gives what the whole parse gives, or says it cannot be sure: over generated specs
 * mixing status and approval lines with everything that changes how Markdown reads a line (fenced
 * code at the margin and indented, HTML blocks over several lines, block quotes and list items
 * holding labels, tables, setext underlines, front matter, code spans, CR LF and CR breaks).
 */
class FieldScanTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final FieldScan SCAN = new FieldScan(PARSER);
    private static final Approvals APPROVALS = Approvals.standard();
    private static final List<String> LABELS = List.of("Document Status", "Approval");

    private static final String APPROVAL =
            "**Approval:** 2026-11-02 by Ana Ruiz, sha256:3f2a9c1e7b04 <!-- sections: AAAA -->";

    /** Lines (or runs of lines) specs are made of, the awkward ones included. */
    private static final List<String> PIECES =
            List.of(
                    "",
                    "",
                    "",
                    "# Technical Specification: Retry Queue",
                    "## Executive Summary",
                    "Plain prose about the Document Status of things and approval.",
                    "**Document Status:** Draft",
                    "**Document Status:** *Review*",
                    "**document status:** Approved",
                    "**Document Status**: Implementation",
                    "**Last Updated:** 2026-11-02",
                    APPROVAL,
                    "**Approval:** not a record",
                    "**Approval workflow:** two reviewers",
                    "**Reviewer:** Ana Ruiz **Document Status:** Review",
                    "  **Document Status:** Indented",
                    "> **Document Status:** Quoted",
                    "> quoted prose",
                    "- **Document Status:** Listed",
                    "- [ ] Approval from security",
                    "1. **Approval:** in a list",
                    "   ```",
                    "  ```java",
                    "```",
                    "```text",
                    "~~~",
                    "    ```",
                    "    **Document Status:** Code",
                    "<!-- a comment",
                    "that ends here -->",
                    "<!-- one line -->",
                    "<div>",
                    "</div>",
                    "<details>",
                    "<pre>",
                    "</pre>",
                    "<span>**Document Status:** Inline</span>",
                    "| Field | Value |",
                    "|-------|-------|",
                    "| **Document Status:** | Tabled |",
                    "---",
                    "===",
                    "***",
                    "`**Document Status:** in a code span`",
                    "`code span opened",
                    "closed **Document Status:** here`",
                    "[ref]: https://example.com/status",
                    "Text with a hard break\\",
                    "\t**Approval:** tabbed");

    private static final List<String> FRONT =
            List.of(
                    "",
                    "---\nstatus: Draft\n---\n",
                    "---\nDocument Status: Review\nApproval: 2026-11-02 by Ana Ruiz, sha256:3f2a9c1e7b04\n---\n",
                    "---\ntitle: x\n",
                    "---\n\nnot yaml\n---\n",
                    "---\n\"Document Status\": \"Approved\"\n...\n");

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> body =
                Arbitraries.of(PIECES)
                        .list()
                        .ofMinSize(0)
                        .ofMaxSize(40)
                        .map(l -> String.join("\n", l));
        Arbitrary<String> front = Arbitraries.of(FRONT);
        Arbitrary<String> breaks = Arbitraries.of("\n", "\r\n", "\r");
        return net.jqwik.api.Combinators.combine(front, body, breaks)
                .as((f, b, nl) -> (f + b + "\n").replace("\n", nl));
    }

    @Property(tries = 3000)
    void theScanReadsWhatTheWholeParseReadsOrGivesUp(@ForAll("specs") String text) {
        List<FieldScan.Window> found = SCAN.read(text, LABELS);
        Statistics.collect(found == null ? "parsed whole" : "scanned");
        if (found == null) {
            return;
        }
        SpecDocument doc = PARSER.parse(text);
        for (int i = 0; i < LABELS.size(); i++) {
            Optional<Field> whole = doc.metadata(LABELS.get(i));
            Optional<Field> scanned = found.get(i).document().metadata(LABELS.get(i));
            assertThat(scanned.map(f -> f.label() + "=" + f.value()))
                    .as("%s in%n%s", LABELS.get(i), text)
                    .isEqualTo(whole.map(f -> f.label() + "=" + f.value()));
        }
        Optional<ApprovalRecord> approval = APPROVALS.record(text, doc);
        assertThat(APPROVALS.record(found.get(1).text(), found.get(1).document()))
                .as(text)
                .isEqualTo(approval);
    }

    @Test
    void theTemplatesStatusBlockIsReadFromItsParagraph() {
        String text =
                "# Technical Specification: Retry Queue\n\n## Summary\nThe approval of the"
                        + " Document Status.\n\n```yaml\n**Document Status:** in code\n\n```\n\n"
                        + "<!--\n**Approval:** in a comment\n\n-->\n\n---\n\n"
                        + "**Document Status:** Approved\n**Last Updated:** 2026-11-02\n"
                        + APPROVAL
                        + "\n";
        for (String t : List.of(text, text.replace("\n", "\r\n"))) {
            List<FieldScan.Window> found = SCAN.read(t, LABELS);
            assertThat(found).as(t).isNotNull();
            assertThat(found.get(0).document().metadata("Document Status").orElseThrow().value())
                    .isEqualTo("Approved");
            assertThat(found.get(0).text()).startsWith("**Document Status:** Approved");
            assertThat(APPROVALS.record(found.get(1).text(), found.get(1).document()))
                    .isEqualTo(APPROVALS.record(t, PARSER.parse(t)))
                    .isPresent();
        }
    }

    @Test
    void frontMatterIsReadFromItsOwnLinesAndABlockQuotedLabelIsLeftToTheParser() {
        String front = "---\nDocument Status: Review\n---\n# Title\n\n**Approval:** none\n";
        List<FieldScan.Window> found = SCAN.read(front, LABELS);
        assertThat(found).isNotNull();
        assertThat(found.get(0).document().metadata("Document Status").orElseThrow().value())
                .isEqualTo("Review");
        assertThat(found.get(1).document().metadata("Approval").orElseThrow().value())
                .isEqualTo("none");

        assertThat(SCAN.read("# T\n\n> **Document Status:** Draft\n", LABELS)).isNull();
        assertThat(
                        PARSER.parse("# T\n\n> **Document Status:** Draft\n")
                                .metadata("Document Status"))
                .isPresent();
        assertThat(new FieldScan(new SpecParser(true)).read(front, LABELS)).isNull();
    }
}
