package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * section-empty finds the same empty sections whether the check is given the spec's text or not.
 */
class SectionEmptyRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    private static final String SPEC =
            "# Technical Specification: Ledger Cut-over\r\n\r\n"
                    + "**Document Status:** Review\r\n\r\n"
                    + "## Overview\r\n\r\n"
                    + "Die Übersicht: the ledger moves to the new cluster.\r\n\r\n"
                    + "## Dependencies\r\n\r\n"
                    + "## Open Questions\r\n\r\n"
                    + "<!-- none yet -->\r\n";

    private static List<String> emptySections(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .filter(d -> d.ruleId().equals(SectionEmptyRule.ID))
                .map(Diagnostic::message)
                .toList();
    }

    @Test
    void aDocumentCheckedWithoutItsTextStillHasItsEmptySectionsReported() {
        SpecDocument doc = CHECKER.parse(null, SPEC);
        List<String> withText = emptySections(CHECKER.check(null, SPEC, OPTIONS).diagnostics());
        List<String> withoutText = emptySections(CHECKER.check(null, doc, OPTIONS).diagnostics());

        assertThat(withText)
                .anySatisfy(m -> assertThat(m).contains("'Dependencies' is empty"))
                .anySatisfy(m -> assertThat(m).contains("'Open Questions' is empty"));
        // a short filled section before them made the rule stop when it had no text to read
        assertThat(withoutText).isEqualTo(withText);
    }

    @Test
    void aShortSectionThatNamesAMarkerIsNoStandIn() {
        String spec =
                "# Technical Specification: Lint Gate\n\n"
                        + "**Document Status:** Review\n\n"
                        + "## Overview\n\n"
                        + "`TODO:` comments fail the build; the lint rule runs in CI.\n\n"
                        + "## Dependencies\n\n"
                        + "TODO.md in the repository root lists the open items.\n\n"
                        + "## Open Questions\n\n"
                        + "TBD\n";

        assertThat(emptySections(CHECKER.check(null, spec, OPTIONS).diagnostics()))
                .containsExactly(
                        "section 'Open Questions' holds only the stand-in 'TBD': write it, or 'N/A'"
                                + " if it does not apply");
    }

    @Test
    void aBodyIsReadFromTheEndOfItsHeadingWhateverTheHeadingsShape() throws Exception {
        // front matter, CRLF, a closing sequence and trailing blanks, an indented heading, inline
        // syntax and a tab, a setext heading, non-ASCII and emoji, headings in a quote and an
        // item, and a lone CR ending the last heading's line
        String spec =
                "---\r\ntitle: x\r\n---\r\n"
                        + "# Technical Specification: Überblick Cut-over\r\n\r\n"
                        + "**Document Status:** Review\r\n\r\n"
                        + "## Überblick ##   \r\nTBD\r\n\r\n"
                        + "   ## Indented heading\r\nTODO: write it\r\n\r\n"
                        + "## `code` and *emphasis* [link](x.md)\t#\r\n...\r\n\r\n"
                        + "Risks and Ümläute\r\n-----\r\nTBD\r\n\r\n"
                        + "## 🚀 Rollout\r\nThe rollout is written.\r\n\r\n"
                        + "> ## Quoted heading\r\n> TBD\r\n\r\n"
                        + "- ## Heading in an item\r\n  TBD\r\n\r\n"
                        + "## Last\rTBD\r";
        List<String> expected =
                List.of(
                        "section 'Überblick' holds only the stand-in 'TBD': write it, or 'N/A' if"
                                + " it does not apply",
                        "section 'Indented heading' holds only the stand-in 'TODO: write it': write"
                                + " it, or 'N/A' if it does not apply",
                        "section 'code and emphasis link' holds only the stand-in '...': write it,"
                                + " or 'N/A' if it does not apply",
                        "section 'Risks and Ümläute' holds only the stand-in 'TBD': write it, or"
                                + " 'N/A' if it does not apply",
                        "section 'Last' holds only the stand-in 'TBD': write it, or 'N/A' if it"
                                + " does not apply");
        SpecSource source = SpecSource.of(spec.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = CHECKER.parseChars(null, source.content());

        assertThat(emptySections(CHECKER.check(null, spec, OPTIONS).diagnostics()))
                .isEqualTo(expected);
        assertThat(emptySections(CHECKER.checkSource(null, doc, source, OPTIONS).diagnostics()))
                .isEqualTo(expected);
    }
}
