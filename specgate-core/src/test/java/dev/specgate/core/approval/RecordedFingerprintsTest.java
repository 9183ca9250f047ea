package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fingerprints of realistic, awkward specs are the values Specgate recorded before its pass
 * over the bytes was rewritten (main e89bee0, the hashes written here): approvals stored in users'
 * specs keep verifying. Each spec as a check reads it (its file's bytes, {@link
 * Approvals#check(SpecSource, SpecDocument)}), from its text alone, and by the line-by-line pass
 * that also digests each section ({@link Approvals#fingerprint}). The specs: CRLF, a byte order
 * mark, lone CRs, trailing spaces and tabs (on blank lines of lists too), ticked boxes of the
 * working checklists and of the others, non-ASCII text (two-, three- and four-byte characters),
 * front matter, a table, no final line break, blank lines at the end (one of an ideographic space).
 */
class RecordedFingerprintsTest {

    private static final SpecParser PARSER = new SpecParser();

    /** Where a spec's approval record holds its hash (the fingerprint leaves the line out). */
    static final String HASH = "{hash}";

    /** The hashes main e89bee0 computed for {@link #specs()}, by name. */
    private static final Map<String, String> RECORDED =
            Map.ofEntries(
                    Map.entry("lf", "6d8d08388046"),
                    Map.entry("lf-ticked", "6d8d08388046"),
                    Map.entry("lf-decided", "7ce40918c965"),
                    Map.entry("crlf", "6d8d08388046"),
                    Map.entry("crlf-bom", "6d8d08388046"),
                    Map.entry("cr", "6d8d08388046"),
                    Map.entry("mixed", "b058392533a9"),
                    Map.entry("front-matter", "8fb8d83bb2d3"),
                    Map.entry("no-final-break", "6d8d08388046"),
                    Map.entry("blank-end", "6d8d08388046"),
                    Map.entry("long-lines", "28a17748182e"));

    /**
     * A spec as the template makes it, with {@code working} as the box of each item of the
     * checklists an approval leaves out, and {@code decision} as that of a decision (which it
     * keeps); its approval record's hash is {@link #HASH}.
     */
    static String spec(String working, String decision) {
        return String.join(
                "\n",
                "# Technical Specification: Ledger export — naïve path ≤ 50 µs",
                "",
                "**Document Status:** Approved  ",
                "**Last Updated:** 2026-11-20",
                "**Next Review:** 2027-02-20",
                "**Approval:** 2026-11-20 by Zoë Ñúñez, sha256:"
                        + HASH
                        + " <!-- sections: aB-_9xyz -->",
                "**Author:** Kenji Satō",
                "**Reviewer:** Ana Ruiz",
                "",
                "## Overview",
                "",
                "The export job partitions session tokens → the downstream consumer; the ledger"
                        + " writer rotates metrics at ≤ 50 µs per call \uD83D\uDCE6.\t",
                "It keeps the naïve path as a fallback — **replication lag** matters most here. ",
                "",
                "| Field | Type | Notes |",
                "|-------|------|-------|",
                "| id | UUID | primary key — never reused |",
                "| amount | decimal | ≥ 0 |",
                "",
                "## Implementation Checklist",
                "",
                "### Implementation Steps",
                "",
                "- " + working + " **Step 1:** write the writer   ",
                "  - Sub-step: flush it ∑",
                "  ",
                "- [ ] **Step 2:** rotate the files",
                "1. " + working + " Numbered step\t",
                "",
                "## Testing Strategy",
                "",
                "### Test Types Required",
                "",
                "- " + working + " **Unit Tests**",
                "  - Coverage target: 72%",
                "  ",
                "- [ ] **Integration Tests**",
                "",
                "### Rollback Testing",
                "",
                "> - " + working + " Rollback rehearsed in staging",
                "",
                "## Success Criteria",
                "",
                "### Functional Success",
                "",
                "- " + working + " Exports match the ledger",
                "",
                "## Open Questions & Decisions",
                "",
                "### Technical Decisions Needed",
                "",
                "- " + decision + " Decide the file format (CSV — or Parquet?)",
                "- [ ] Who owns the retention policy?",
                "",
                "### Assumptions",
                "",
                "Text with a form feed \f and a non-breaking space\u00A0at the end\u00A0",
                "");
    }

    /** The specs, by name, as their files hold them (a leading U+FEFF: a byte order mark). */
    static Map<String, String> specs() {
        String open = spec("[ ]", "[ ]");
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("lf", open);
        specs.put("lf-ticked", spec("[x]", "[ ]"));
        specs.put("lf-decided", spec("[X]", "[x]"));
        specs.put("crlf", open.replace("\n", "\r\n"));
        specs.put("crlf-bom", "\uFEFF" + spec("[x]", "[ ]").replace("\n", "\r\n"));
        specs.put("cr", open.replace("\n", "\r"));
        specs.put("mixed", open.replace("## Testing", "\r\n## Testing").replace(".\t\n", ".\t\r"));
        specs.put(
                "front-matter",
                "---\ntitle: \"Ledger — export\"\nstatus: Approved\nowner: Zoë\n---\n\n" + open);
        specs.put("no-final-break", open.substring(0, open.length() - 1));
        specs.put("blank-end", open + "\n  \n\t\n\u3000\n \r\n\n");
        specs.put(
                "long-lines",
                open.replace(
                        "## Overview\n",
                        "## Overview\n\n" + ("word ∑ é " + "x".repeat(37) + "  \n").repeat(40)));
        return specs;
    }

    @Test
    void everySpecHashesAsRecordedAsACheckReadsIt() throws UnreadableSpecException {
        List<String> excluded = Approvals.standard().excludedFields();
        for (Map.Entry<String, String> e : specs().entrySet()) {
            String recorded = RECORDED.get(e.getKey());
            // the record holds the recorded hash: the approval holds when the hash is computed so
            String text = e.getValue().replace(HASH, recorded);
            SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
            SpecDocument doc = PARSER.parse(source.text());
            ApprovalCheck fromBytes = Approvals.standard().check(source, doc);
            assertThat(fromBytes.current().hash())
                    .as(e.getKey() + ", from the bytes")
                    .isEqualTo(recorded);
            assertThat(fromBytes.valid()).as(e.getKey() + ", the approval holds").isTrue();
            assertThat(
                            NormalisedHash.ofBytes(
                                    source.textBytes(),
                                    doc,
                                    excluded,
                                    ApprovalBoxes.AFTER_APPROVAL))
                    .as(e.getKey() + ", the pass over the bytes alone")
                    .isEqualTo(recorded);
            assertThat(Approvals.standard().check(source.text(), doc).current().hash())
                    .as(e.getKey() + ", from the text")
                    .isEqualTo(recorded);
            assertThat(Approvals.standard().fingerprint(source.text(), doc).hash())
                    .as(e.getKey() + ", line by line")
                    .isEqualTo(recorded);
        }
    }

    @Test
    void tickingWorkingChecklistsKeepsTheHashAndADecisionDoesNot() {
        assertThat(RECORDED.get("lf-ticked")).isEqualTo(RECORDED.get("lf"));
        assertThat(RECORDED.get("lf-decided")).isNotEqualTo(RECORDED.get("lf"));
        // line breaks, a byte order mark and trailing blank lines are no content
        assertThat(RECORDED.get("crlf")).isEqualTo(RECORDED.get("lf"));
        assertThat(RECORDED.get("crlf-bom")).isEqualTo(RECORDED.get("lf"));
        assertThat(RECORDED.get("cr")).isEqualTo(RECORDED.get("lf"));
        assertThat(RECORDED.get("no-final-break")).isEqualTo(RECORDED.get("lf"));
        assertThat(RECORDED.get("blank-end")).isEqualTo(RECORDED.get("lf"));
    }
}
