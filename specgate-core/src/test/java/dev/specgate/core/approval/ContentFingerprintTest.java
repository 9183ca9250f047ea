package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.SpecParser;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are a stored format: approvals in specs, the demo and the docs quote them. These
 * values were recorded by the first implementation; a faster one must give the same.
 */
class ContentFingerprintTest {

    private static final SpecParser PARSER = new SpecParser();

    /** BOM, CRLF, front matter, non-ASCII (an emoji too), a preamble, boxes ticked and not. */
    private static final String SPEC =
            "\uFEFF---\r\n"
                    + "owner: platform\r\n"
                    + "---\r\n"
                    + "Preamble line with trailing spaces   \r\n"
                    + "\r\n"
                    + "# Technical Specification: Café résumé export 📦\r\n"
                    + "\r\n"
                    + "**Document Status:** Approved\r\n"
                    + "**Last Updated:** 2026-11-20\r\n"
                    + "**Approval:** 2026-11-20 by Ana Lima sha256:000000000000 AAAA\r\n"
                    + "**Author:** Zoë Ångström\r\n"
                    + "\r\n"
                    + "## Technical Approach\r\n"
                    + "\r\n"
                    + "Use `map[key]` and the ∑ of rows.\t\r\n"
                    + "\r\n"
                    + "- [x] Decision: keep the trailer row\r\n"
                    + "- [ ] Decision: gzip the export\r\n"
                    + "\r\n"
                    + "## Implementation Checklist\r\n"
                    + "\r\n"
                    + "### Prerequisites\r\n"
                    + "\r\n"
                    + "- [x] Staging copy loaded — 40 accounts\r\n"
                    + "\r\n"
                    + "### Implementation Steps\r\n"
                    + "\r\n"
                    + "#### Export\r\n"
                    + "\r\n"
                    + "1. [X] Write the writer\r\n"
                    + "   - [ ] Nested step: flush\r\n"
                    + "\r\n"
                    + "> Quoted note\r\n"
                    + "\r\n"
                    + "\r\n";

    @Test
    void valuesAreTheOnesRecordedBefore() {
        String text = SPEC.substring(1);
        ContentFingerprint fp = Approvals.standard().fingerprint(text, PARSER.parse(text));
        assertThat(fp.hash()).isEqualTo("4e8726112608");
        assertThat(fp.sectionCode()).isEqualTo("m5SBYD0EiaBx82oRhnIUcMPfNlze");
        assertThat(fp.sections())
                .extracting(ContentFingerprint.SectionDigest::title)
                .containsExactly(
                        ContentFingerprint.PREAMBLE,
                        "Technical Specification: Café résumé export 📦",
                        "Technical Approach",
                        "Implementation Checklist",
                        "Prerequisites",
                        "Implementation Steps",
                        "Export");
    }

    @Test
    void tickingAWorkingBoxUnderANestedHeadingKeepsTheFingerprint() {
        String text = SPEC.substring(1);
        String ticked = text.replace("- [ ] Nested step", "- [x] Nested step");
        String decided = text.replace("- [ ] Decision: gzip", "- [x] Decision: gzip");
        assertThat(ticked).isNotEqualTo(text);
        assertThat(fingerprint(ticked)).isEqualTo(fingerprint(text));
        assertThat(fingerprint(decided).hash()).isNotEqualTo(fingerprint(text).hash());
        assertThat(fingerprint(SPEC)).isEqualTo(fingerprint(text));
    }

    private static ContentFingerprint fingerprint(String text) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return Approvals.standard().fingerprint(text, PARSER.parse(bare));
    }
}
