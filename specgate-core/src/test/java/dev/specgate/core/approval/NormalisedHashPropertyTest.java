package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NormalisedHash} (one pass: split, cut, box, encode, hash) gives the hash of the
 * line-by-line pass {@link ContentFingerprint#of} and the line starts of the first implementation's
 * character loop, on texts made of awkward pieces: every line break, trailing white space that is
 * not a space or tab, lone and paired surrogates at line ends, boxes at line ends, byte order
 * marks.
 */
class NormalisedHashPropertyTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final List<String> EXCLUDED = Approvals.standard().excludedFields();

    @Property(tries = 3000)
    void hashesAsTheLineByLinePass(@ForAll("texts") String text) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SpecDocument doc = PARSER.parse(bare);
        assertThat(NormalisedHash.of(text, doc, EXCLUDED, 0).hash())
                .isEqualTo(ContentFingerprint.of(text, doc, EXCLUDED).hash());
        // the reading of approvals recorded before the later checklists' boxes were left out
        String before =
                NormalisedHash.of(text, doc, EXCLUDED, 0, ApprovalBoxes.WORKING_ONLY).hash();
        assertThat(before)
                .isEqualTo(
                        ContentFingerprint.of(text, doc, EXCLUDED, ApprovalBoxes.WORKING_ONLY)
                                .hash());
        if (!ApprovalBoxes.AFTER_APPROVAL.differsFrom(ApprovalBoxes.WORKING_ONLY, doc)) {
            assertThat(before).isEqualTo(NormalisedHash.of(text, doc, EXCLUDED, 0).hash());
        }
    }

    @Property(tries = 2000)
    void findsALineWhereTheLineIndexDoes(
            @ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 60) int line) {
        SpecDocument doc = PARSER.parse(text);
        assertThat(NormalisedHash.of(text, doc, EXCLUDED, line).lineStart())
                .isEqualTo(LineReadingPropertyTest.lineStartByCharacter(text, line));
    }

    @Example
    void theBuffersKeptForTheNextSpecDoNotLeakIntoIt() {
        String longer =
                "# Spec\n\n## Implementation Checklist\n\n### Implementation Steps\n\n"
                        + "- [x] one ∑ step\n".repeat(500);
        String shorter = "# Spec\n\nShort.\n";
        SpecDocument a = PARSER.parse(longer);
        SpecDocument b = PARSER.parse(shorter);
        String first = NormalisedHash.of(shorter, b, EXCLUDED, 0).hash();
        NormalisedHash.of(longer, a, EXCLUDED, 0);
        assertThat(NormalisedHash.of(shorter, b, EXCLUDED, 0).hash())
                .isEqualTo(first)
                .isEqualTo(ContentFingerprint.of(shorter, b, EXCLUDED).hash());
        assertThat(NormalisedHash.of(longer, a, EXCLUDED, 0).hash())
                .isEqualTo(ContentFingerprint.of(longer, a, EXCLUDED).hash());
    }

    @Example
    void boxesOfWorkingChecklistsAreReadAsOpenDownTheirSubheadingsOnly() {
        String spec =
                "# Technical Specification: Export\r\n\r\n"
                        + "**Document Status:** Approved\r\n\r\n"
                        + "## Implementation Checklist\r\n\r\n"
                        + "### Implementation Steps\r\n\r\n"
                        + "#### Writer — ∑ part\r\n\r\n"
                        + "- [ ] Write the writer   \r\n"
                        + "  1. [ ] Flush it\r\n\r\n"
                        + "## Open Questions\r\n\r\n"
                        + "- [ ] Decide the format\r\n";
        String ticked =
                spec.replace("- [ ] Write", "- [x] Write").replace("1. [ ] Flush", "1. [X] Flush");
        String decided = spec.replace("- [ ] Decide", "- [x] Decide");
        String hash = hash(spec);
        assertThat(hash)
                .isEqualTo(ContentFingerprint.of(spec, PARSER.parse(spec), EXCLUDED).hash());
        assertThat(hash(ticked)).isEqualTo(hash);
        assertThat(hash(decided)).isNotEqualTo(hash);
        assertThat(hash(decided))
                .isEqualTo(ContentFingerprint.of(decided, PARSER.parse(decided), EXCLUDED).hash());
    }

    private static String hash(String text) {
        return NormalisedHash.of(text, PARSER.parse(text), EXCLUDED, 0).hash();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "\n",
                        "\r",
                        "\r\n",
                        "\n\r",
                        " ",
                        "\t",
                        "\f",
                        "\u000B",
                        "\u001F",
                        "\u3000",
                        "\u00A0",
                        "\u2028",
                        "\u0001",
                        "a",
                        "word",
                        "é",
                        "∑",
                        "\uD83D\uDCE6",
                        "\uD800",
                        "\uDC00",
                        "[x]",
                        "- [x] ",
                        "\n- [X] done\t \n",
                        "\n1. [ ] step",
                        "\n## Implementation Checklist\n",
                        "\n### Implementation Steps\n",
                        "\n### Prerequisites\n",
                        "\n## Success Criteria\n",
                        "\n### Rollback Testing\n",
                        "\n#### Functional Success\n",
                        "\n## Technical Approach\n",
                        "\n**Document Status:** Approved",
                        "\n**Last Updated:** 2026-11-20\n",
                        "\n**Approval:** 2026-11-20 by Ana, sha256:000000000000",
                        "\n**Author:** Zoë",
                        "\n```\n",
                        "\uFEFF");
        return pieces.list().ofMaxSize(50).map(l -> String.join("", l));
    }
}
