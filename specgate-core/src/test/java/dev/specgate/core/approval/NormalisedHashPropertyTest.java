package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * line-by-line pass {@link ContentFingerprint#of} and the rest of a line as the text holds it, on
 * texts made of awkward pieces: every line break, trailing white space that is not a space or tab,
 * lone and paired surrogates at line ends, boxes at line ends and after non-ASCII text, byte order
 * marks, excluded fields, approval records with section comments. Both of its passes: from the
 * text's characters, and from its UTF-8 bytes (given whenever the text has an exact UTF-8 encoding,
 * which a lone surrogate rules out: no file read as UTF-8 holds one).
 */
class NormalisedHashPropertyTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final List<String> EXCLUDED = Approvals.standard().excludedFields();

    /**
     * The text's UTF-8 encoding, when it has an exact one (no lone surrogate), else null; placed
     * after {@code skip} other bytes in its buffer (a buffer's position is where the text starts).
     */
    static ByteBuffer utf8(String text, int skip) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        if (!new String(encoded, StandardCharsets.UTF_8).equals(text)) {
            return null;
        }
        byte[] all = new byte[skip + encoded.length + skip];
        Arrays.fill(all, (byte) '\n');
        System.arraycopy(encoded, 0, all, skip, encoded.length);
        return ByteBuffer.wrap(all, skip, encoded.length).asReadOnlyBuffer();
    }

    @Property(tries = 3000)
    void hashesAsTheLineByLinePass(
            @ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 3) int skip) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SpecDocument doc = PARSER.parse(bare);
        String expected = Approvals.standard().fingerprint(text, doc).hash();
        assertThat(NormalisedHash.hash(text, doc, EXCLUDED, ApprovalBoxes.AFTER_APPROVAL))
                .isEqualTo(expected);
        // the reading of approvals recorded before the later checklists' boxes were left out
        String before = NormalisedHash.hash(text, doc, EXCLUDED, ApprovalBoxes.WORKING_ONLY);
        assertThat(before)
                .isEqualTo(
                        ContentFingerprint.of(text, doc, EXCLUDED, ApprovalBoxes.WORKING_ONLY)
                                .hash());
        if (!ApprovalBoxes.AFTER_APPROVAL.differsFrom(ApprovalBoxes.WORKING_ONLY, doc)) {
            assertThat(before).isEqualTo(expected);
        }
        ByteBuffer bytes = utf8(text, skip);
        if (bytes != null) {
            // the pass over the bytes gives the same hash, whichever boxes it reads as open
            for (ApprovalBoxes boxes :
                    List.of(ApprovalBoxes.AFTER_APPROVAL, ApprovalBoxes.WORKING_ONLY)) {
                String characters = NormalisedHash.hash(text, doc, EXCLUDED, boxes);
                String r = NormalisedHash.ofBytes(bytes.duplicate(), doc, EXCLUDED, boxes);
                assertThat(r).as("the pass over the bytes answers").isNotNull();
                assertThat(r).isEqualTo(characters);
                assertThat(NormalisedHash.of(text, bytes.duplicate(), doc, EXCLUDED, boxes))
                        .isEqualTo(characters);
            }
        }
    }

    /**
     * Long texts of LF lines (a carriage return rare): the lines the pass over the bytes passes
     * over eight bytes at a time, several line feeds to a word, up to the line that needs a change
     * (a trailing space or tab, one left out, a ticked box) at any alignment.
     */
    @Property(tries = 1500)
    void passesOverPlainLinesAsTheLineByLinePassReadsThem(
            @ForAll("plainTexts") String text, @ForAll @IntRange(min = 0, max = 7) int skip) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SpecDocument doc = PARSER.parse(bare);
        String expected = Approvals.standard().fingerprint(text, doc).hash();
        ByteBuffer bytes = utf8(text, skip);
        assertThat(
                        NormalisedHash.ofBytes(
                                bytes.duplicate(), doc, EXCLUDED, ApprovalBoxes.AFTER_APPROVAL))
                .isEqualTo(expected);
        assertThat(NormalisedHash.hash(text, doc, EXCLUDED, ApprovalBoxes.AFTER_APPROVAL))
                .isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> plainTexts() {
        Arbitrary<String> pieces =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(30, Arbitraries.just("\n")),
                        net.jqwik.api.Tuple.of(30, Arbitraries.of("a", "wo", "word", "x y z")),
                        net.jqwik.api.Tuple.of(10, Arbitraries.of(" ", "é", "∑", "\uD83D\uDCE6")),
                        net.jqwik.api.Tuple.of(3, Arbitraries.of(" \n", "\t\n", "  \n", "\n\n\n")),
                        net.jqwik.api.Tuple.of(
                                4,
                                Arbitraries.of(
                                        "\n- [x] step",
                                        "\n- [ ] step",
                                        "\n- [x]",
                                        "\n1. [x] a",
                                        "\n  1. [X] sub",
                                        "\n### Implementation Steps\n",
                                        "\n## Success Criteria\n",
                                        "\n## Overview\n",
                                        "\n**Document Status:** Approved\n",
                                        "\n**Last Updated:** 2026-11-20\n",
                                        "\n**Approval:** 2026-11-20 by Ana, sha256:000000000000\n")),
                        net.jqwik.api.Tuple.of(
                                1, Arbitraries.of("\r\n", "\r", "\u3000\n", "\f\n", "\uFEFF")));
        return pieces.list().ofMinSize(20).ofMaxSize(300).map(l -> String.join("", l));
    }

    /**
     * As {@link #passesOverPlainLinesAsTheLineByLinePassReadsThem}, with line breaks of every kind
     * and white space at line ends dense (CR LF, lone CR, CR CR LF, a tab or space before any of
     * them, NEL, a line or paragraph separator, a form feed, blank lines at the end written with
     * CRs), so that a CR or a trailing blank falls at every offset of an eight-byte word.
     */
    @Property(tries = 1500)
    void passesOverLinesOfEveryBreakAsTheLineByLinePassReadsThem(
            @ForAll("breakTexts") String text, @ForAll @IntRange(min = 0, max = 7) int skip) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SpecDocument doc = PARSER.parse(bare);
        ByteBuffer bytes = utf8(text, skip);
        for (ApprovalBoxes boxes :
                List.of(ApprovalBoxes.AFTER_APPROVAL, ApprovalBoxes.WORKING_ONLY)) {
            String expected = ContentFingerprint.of(text, doc, EXCLUDED, boxes).hash();
            assertThat(NormalisedHash.ofBytes(bytes.duplicate(), doc, EXCLUDED, boxes))
                    .isEqualTo(expected);
            assertThat(NormalisedHash.hash(text, doc, EXCLUDED, boxes)).isEqualTo(expected);
        }
    }

    /**
     * Long texts of CRLF lines (as a tenth of a corpus is written), whose lines the pass over the
     * bytes copies down eight bytes at a time once it has met a carriage return: long lines and
     * short, trailing spaces and tabs before the break at any offset of a word, a lone LF or CR
     * among them, left out fields and ticked boxes that stop the copy, a last line with or without
     * its break.
     */
    @Property(tries = 1500)
    void copiesCrlfLinesAsTheLineByLinePassReadsThem(
            @ForAll("crlfTexts") String text, @ForAll @IntRange(min = 0, max = 7) int skip) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        SpecDocument doc = PARSER.parse(bare);
        ByteBuffer bytes = utf8(text, skip);
        for (ApprovalBoxes boxes :
                List.of(ApprovalBoxes.AFTER_APPROVAL, ApprovalBoxes.WORKING_ONLY)) {
            String expected = ContentFingerprint.of(text, doc, EXCLUDED, boxes).hash();
            assertThat(NormalisedHash.ofBytes(bytes.duplicate(), doc, EXCLUDED, boxes))
                    .isEqualTo(expected);
            assertThat(NormalisedHash.of(text, bytes.duplicate(), doc, EXCLUDED, boxes))
                    .isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<String> crlfTexts() {
        Arbitrary<String> pieces =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(30, Arbitraries.just("\r\n")),
                        net.jqwik.api.Tuple.of(
                                30,
                                Arbitraries.of(
                                        "a",
                                        "word",
                                        "a line of several words",
                                        "The writer flushes the buffer before it closes.",
                                        "| cell | cell |")),
                        net.jqwik.api.Tuple.of(
                                8,
                                Arbitraries.of(" ", "\t", "  ", " \t ", "é", "∑", "\uD83D\uDCE6")),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of("\n", "\r", "\r\n\r\n\r\n")),
                        net.jqwik.api.Tuple.of(
                                4,
                                Arbitraries.of(
                                        "\r\n- [x] step",
                                        "\r\n- [ ] step",
                                        "\r\n  1. [X] sub \t",
                                        "\r\n### Implementation Steps\r\n",
                                        "\r\n## Success Criteria\r\n",
                                        "\r\n## Overview\r\n",
                                        "\r\n**Document Status:** Approved  \r\n",
                                        "\r\n**Last Updated:** 2026-11-20\r\n",
                                        "\r\n**Next Review:** 2027-01-20\r\n",
                                        "\r\n**Approval:** 2026-11-20 by Ana,"
                                                + " sha256:000000000000\r\n")));
        return pieces.list().ofMinSize(20).ofMaxSize(300).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> breakTexts() {
        Arbitrary<String> pieces =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(
                                20, Arbitraries.of("\n", "\r\n", "\r", "\r\r\n", "\n\r")),
                        net.jqwik.api.Tuple.of(20, Arbitraries.of("a", "wo", "word", "x y z")),
                        net.jqwik.api.Tuple.of(
                                10,
                                Arbitraries.of(
                                        " ",
                                        "\t",
                                        " \t",
                                        "\u0085",
                                        "\u2028",
                                        "\u2029",
                                        "\f",
                                        "\u000b",
                                        "\u00a0",
                                        "é",
                                        "\uD83D\uDCE6")),
                        net.jqwik.api.Tuple.of(
                                4,
                                Arbitraries.of(
                                        "\r\n- [x] step",
                                        "\n- [ ] step",
                                        "\r- [x]",
                                        "\r\n  1. [X] sub\t",
                                        "\r\n### Implementation Steps\r\n",
                                        "\n## Success Criteria\r",
                                        "\r\n**Document Status:** Approved \r\n",
                                        "\r\n**Last Updated:** 2026-11-20\r\n",
                                        "\r\n**Approval:** 2026-11-20 by Ana,"
                                                + " sha256:000000000000\r\n")));
        return pieces.list().ofMinSize(10).ofMaxSize(200).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void theRecordIsReadFromTheBytesAsFromTheText(@ForAll("texts") String body) {
        String text =
                body
                        + "\n**Approval:** 2026-11-20 by Zoë Ñúñez, sha256:0123456789ab"
                        + " <!-- sections: aB-_9 -->\t\r\n"
                        + body;
        ByteBuffer bytes = utf8(text, 0);
        if (bytes == null || text.startsWith("\uFEFF")) {
            return;
        }
        SpecDocument doc = PARSER.parse(text);
        ApprovalCheck fromText = Approvals.standard().check(text, doc);
        ApprovalCheck fromBytes = Approvals.standard().check(SpecSource.of(text), doc);
        assertThat(fromBytes.record()).isEqualTo(fromText.record());
        assertThat(fromBytes.current()).isEqualTo(fromText.current());
        assertThat(fromBytes.changed()).isEqualTo(fromText.changed());
    }

    @Example
    void theBuffersKeptForTheNextSpecDoNotLeakIntoIt() {
        String longer =
                "# Spec\n\n## Implementation Checklist\n\n### Implementation Steps\n\n"
                        + "- [x] one ∑ step\n".repeat(500);
        String shorter = "# Spec\n\nShort.\n";
        SpecDocument a = PARSER.parse(longer);
        SpecDocument b = PARSER.parse(shorter);
        String first = hash(shorter);
        hash(longer);
        assertThat(hash(shorter))
                .isEqualTo(first)
                .isEqualTo(Approvals.standard().fingerprint(shorter, b).hash());
        assertThat(hash(longer)).isEqualTo(Approvals.standard().fingerprint(longer, a).hash());
        // the same through the pass over the bytes, which keeps its own buffer per thread too
        String viaBytes = bytesHash(shorter);
        bytesHash(longer);
        assertThat(bytesHash(shorter)).isEqualTo(viaBytes).isEqualTo(first);
        assertThat(bytesHash(longer)).isEqualTo(hash(longer));
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
                .isEqualTo(Approvals.standard().fingerprint(spec, PARSER.parse(spec)).hash());
        assertThat(hash(ticked)).isEqualTo(hash);
        assertThat(hash(decided)).isNotEqualTo(hash);
        assertThat(hash(decided))
                .isEqualTo(Approvals.standard().fingerprint(decided, PARSER.parse(decided)).hash());
        assertThat(bytesHash(spec)).isEqualTo(hash);
        assertThat(bytesHash(ticked)).isEqualTo(hash);
        assertThat(bytesHash(decided)).isEqualTo(hash(decided));
    }

    private static String hash(String text) {
        return NormalisedHash.hash(
                text, PARSER.parse(text), EXCLUDED, ApprovalBoxes.AFTER_APPROVAL);
    }

    private static String bytesHash(String text) {
        return NormalisedHash.of(
                text, utf8(text, 0), PARSER.parse(text), EXCLUDED, ApprovalBoxes.AFTER_APPROVAL);
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
                        "\né- [x] not an item",
                        "\n- [x] ∑ café\t",
                        "\n  - [X] \uD83D\uDCE6 boxed \t ",
                        "\n- [x]",
                        "\n> - [x] quoted",
                        "\n-\t[ ] tabbed",
                        "\n- \t[ ]\topen",
                        "\n1)\t[x] tabbed",
                        "\n  * [ ] - [x] two",
                        "\n- - [ ] nested",
                        "\n**Approval:** 2026-11-20 by Zoë, sha256:0123456789ab"
                                + " <!-- sections: ab-- -->",
                        "\n**Next Review:** 2026-12-20  ",
                        "\n**Status:** Draft\r\n",
                        "\n```\n",
                        "\uFEFF");
        return pieces.list().ofMaxSize(50).map(l -> String.join("", l));
    }
}
