package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint from the lines the parse noted ({@code NormalisedHash.fromNotes}: the bytes moved
 * in runs, only the lines left out, boxed or not plain looked at) is the straightforward one,
 * {@link ContentFingerprint#of}'s line-by-line pass, for specs read from their bytes and parsed as
 * a check parses them ({@link SpecParser#parseChars}); and texts the parse leaves without a note (a
 * carriage return anywhere, front matter, a tab, a byte order mark) take the pass over the bytes,
 * with the same hash.
 */
class NotedLinesHashTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final List<String> EXCLUDED = Approvals.standard().excludedFields();

    /** A realistic approved spec: non-ASCII text, ticked boxes of every checklist, the record. */
    private static final String SPEC =
            """
            # Spec: Rate limits — per tenant

            **File:** `directives/spec/2026-06-12_spec_rate-limits.md`
            **Created:** 2026-06-12
            **Type:** Feature

            ## Overview

            Limits of 5 µs per call, “quoted” words, a 📦 parcel and naïve café text.

            ## Implementation Steps

            - [x] Step one — done
            - [ ] Step two

            ```markdown
            **Approval:** 2026-11-25 by Someone Else, sha256:ffffffffffff
            - [x] a box in code
            ```

            ## Testing Strategy

            - [x] **Unit Tests**
            - [ ] Integration tests

            | col | value |
            |---|---|
            | a | é |

            > a quote with ünïcödé

            ## Success Criteria

            - [x] Scalability requirements met
            - [x] Knowledge transfer completed

            ---

            **Document Status:** Approved
            **Last Updated:** 2026-11-20
            **Approval:** 2026-11-25 by Kenji Sato, sha256:8877c4932bb2 <!-- sections: abc -->
            **Reviewer:** Kenji Sato
            """;

    @Test
    void aPlainSpecIsHashedFromItsNotes() throws Exception {
        assertSameHash(SPEC, true);
        assertSameHash(SPEC.stripTrailing(), true); // no final line feed
        assertSameHash(SPEC + "\n\n   \n", true); // blank lines at the end, one of spaces
    }

    @Test
    void trailingSpacesOnPlainAndNonAsciiLinesAreCut() throws Exception {
        String spaced =
                SPEC.replace("## Overview\n", "## Overview   \n")
                        .replace("naïve café text.", "naïve café text.  ")
                        .replace(
                                "- [x] Scalability requirements met",
                                "- [x] Scalability requirements met ")
                        .replace("**Last Updated:** 2026-11-20", "**Last Updated:** 2026-11-20 ");
        assertSameHash(spaced, true);
        // and the spaces change nothing but what is cut
        assertThat(hashOf(spaced)).isEqualTo(hashOf(SPEC));
    }

    @Test
    void aRecordInsideACodeBlockIsHashedNotLeftOut() throws Exception {
        String changed = SPEC.replace("Someone Else, sha256:ffffffffffff", "Someone, sha256:0");
        assertSameHash(changed, true);
        assertThat(hashOf(changed)).isNotEqualTo(hashOf(SPEC));
    }

    @Test
    void crlfAndMixedLineEndingsTakeThePassOverTheBytes() throws Exception {
        assertSameHash(SPEC.replace("\n", "\r\n"), false);
        assertThat(hashOf(SPEC.replace("\n", "\r\n"))).isEqualTo(hashOf(SPEC));
        String mixed = SPEC.replace("## Testing Strategy\n", "## Testing Strategy\r\n");
        assertSameHash(mixed, false);
        assertSameHash(SPEC.replace("## Overview\n", "## Overview\r"), false); // a lone CR
    }

    @Test
    void aByteOrderMarkTrailingTabsAndFrontMatterTakeThePassOverTheBytes() throws Exception {
        assertSameHash("\uFEFF" + SPEC, true); // the mark is not the text's: noted all the same
        assertSameHash("\uFEFF\uFEFF" + SPEC, false);
        assertSameHash(SPEC.replace("## Overview\n", "## Overview\t\n"), false);
        assertSameHash(SPEC.replace("- [ ] Step two", "- [ ] Step two \t"), false);
        assertSameHash("---\ntitle: Rate limits\nstatus: Approved\n---\n" + SPEC, false);
    }

    @Test
    void emptyAndTinyTexts() throws Exception {
        for (String t :
                List.of("", "\n", "x", "é", " ", "é \n", "\n\n", "- [x] a", "# é\n- [x] b ")) {
            assertSameHash(t, true);
        }
    }

    @Property(tries = 2000)
    void notedLinesHashAsTheLineByLinePass(@ForAll("specTexts") String text) throws Exception {
        assertSameHash(text, null);
    }

    /**
     * Asserts that the spec read from {@code text}'s bytes, parsed as a check parses it, hashes as
     * {@link ContentFingerprint#of} of its text, by {@link NormalisedHash#of} and, when noted, by
     * the noted lines alone; {@code noted} says whether the note must be used (null: either).
     */
    private static void assertSameHash(String text, Boolean noted) throws UnreadableSpecException {
        SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
        SpecText content = source.content();
        SpecDocument doc = PARSER.parseChars(content);
        for (ApprovalBoxes boxes :
                List.of(ApprovalBoxes.AFTER_APPROVAL, ApprovalBoxes.WORKING_ONLY)) {
            String expected = ContentFingerprint.of(content.text(), doc, EXCLUDED, boxes).hash();
            String fromNotes =
                    NormalisedHash.ofNotes(content, source.textBytes(), doc, EXCLUDED, boxes);
            if (noted != null) {
                assertThat(fromNotes != null).as("the note is used: %s", text).isEqualTo(noted);
            }
            if (fromNotes != null) {
                assertThat(fromNotes).as(text).isEqualTo(expected);
            }
            assertThat(NormalisedHash.of(content, source.textBytes(), doc, EXCLUDED, boxes, null))
                    .as(text)
                    .isEqualTo(expected);
            // as a check makes it: the excluded lines found among the fields outside lists only
            assertThat(
                            NormalisedHash.of(
                                    content,
                                    source.textBytes(),
                                    doc,
                                    outsideLists(doc),
                                    EXCLUDED,
                                    boxes,
                                    null))
                    .as(text)
                    .isEqualTo(expected);
        }
    }

    /** The document's fields outside lists, as a check's rules gather them. */
    private static List<Field> outsideLists(SpecDocument doc) {
        return doc.fields().stream().filter(f -> !f.inListItem()).toList();
    }

    @Test
    void theCheckGivenTheFieldsOutsideListsIsTheCheck() throws Exception {
        String holding = SPEC.replace("8877c4932bb2", hashOf(SPEC));
        for (String text :
                List.of(
                        SPEC, // stale: the sections named
                        holding,
                        holding.replace("\n", "\r\n"),
                        "\uFEFF"
                                + holding.replace(
                                        "**Created:** 2026-06-12", "**Created:** 2026-06-13"),
                        holding.replace("- [x] Knowledge transfer", "- [ ] Knowledge transfer"))) {
            SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
            SpecDocument doc = PARSER.parseChars(source.content());
            Field field = Approvals.standard().recordField(doc).orElseThrow();
            assertThat(Approvals.standard().check(source, doc, null, field, outsideLists(doc)))
                    .as(text)
                    .isEqualTo(Approvals.standard().check(source, doc));
        }
        // and the one whose record holds is told so
        SpecSource source = SpecSource.of(holding.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = PARSER.parseChars(source.content());
        Field field = Approvals.standard().recordField(doc).orElseThrow();
        ApprovalCheck check =
                Approvals.standard().check(source, doc, null, field, outsideLists(doc));
        assertThat(check.record()).isPresent();
        assertThat(check.current().hash()).isEqualTo(check.record().get().hash());
        assertThat(check.changed()).isEmpty();
    }

    private static String hashOf(String text) throws UnreadableSpecException {
        SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = PARSER.parseChars(source.content());
        return NormalisedHash.of(
                source.content(),
                source.textBytes(),
                doc,
                EXCLUDED,
                ApprovalBoxes.AFTER_APPROVAL,
                null);
    }

    @Provide
    Arbitrary<String> specTexts() {
        Arbitrary<String> pieces =
                Arbitraries.frequencyOf(
                        Tuple.of(30, Arbitraries.just("\n")),
                        Tuple.of(30, Arbitraries.of("a", "wo", "word", "x y z", "**b**")),
                        Tuple.of(12, Arbitraries.of(" ", "é", "—", "∑", "\uD83D\uDCE6", "µ")),
                        Tuple.of(6, Arbitraries.of(" \n", "  \n", "é \n", "\n\n\n", "   \n")),
                        Tuple.of(
                                6,
                                Arbitraries.of(
                                        "\n- [x] step",
                                        "\n- [ ] step",
                                        "\n- [x] é step ",
                                        "\n- [x]",
                                        "\n1. [x] a",
                                        "\n  1. [X] sub",
                                        "\n- [x] a - [x] b",
                                        "\n### Implementation Steps\n",
                                        "\n## Testing Strategy\n",
                                        "\n## Rollback Plan\n",
                                        "\n## Success Criteria\n",
                                        "\n## Overview — é\n",
                                        "\n```\n**Approval:** x\n- [x] in code\n```\n",
                                        "\n> quoted é\n",
                                        "\n| a | é |\n|---|---|\n| b | c |\n",
                                        "\n**Document Status:** Approved\n",
                                        "\n**Last Updated:** 2026-11-20 \n",
                                        "\n**Reviewer:** Ana Müller\n",
                                        "\n**Approval:** 2026-11-20 by Ana, sha256:000000000000\n",
                                        "\n- **Approval:** 2026-11-20 by Bo, sha256:0a0a0a0a0a0a\n")),
                        Tuple.of(1, Arbitraries.of("\r\n", "\r", "\t", "\u3000\n", "\uFEFF")));
        return pieces.list().ofMinSize(0).ofMaxSize(300).map(l -> String.join("", l));
    }
}
