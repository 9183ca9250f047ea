package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placeholders a reader sees inside HTML blocks and as a link's text are bracketed prose, found
 * where they stand; those inside tags, comments and code elements are not.
 */
class HtmlAndLinkTextPlaceholdersTest {

    private static List<String> texts(SpecDocument doc) {
        return doc.brackets().stream().map(BracketText::text).toList();
    }

    private static BracketText bracket(SpecDocument doc, String text) {
        return doc.brackets().stream()
                .filter(b -> b.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text + " not found in " + texts(doc)));
    }

    @Test
    void aPlaceholderInADivIsFoundAtItsColumn() {
        SpecDocument doc =
                new SpecParser()
                        .parse(
                                "# Technical Specification: Caf\u00e9 Menu Export\n\n"
                                        + "### Phase 3: Testing & Validation\n"
                                        + "<div>[Time estimate]</div>\n");

        BracketText b = bracket(doc, "[Time estimate]");
        assertThat(b.range()).isEqualTo(SourceRange.ofLine(3, 5, 20));
        assertThat(b.sectionIndex()).isEqualTo(1);
        assertThat(b.headingLevel()).isZero();
    }

    @Test
    void detailsAndSummaryAcrossLinesInAListItemWithCrlf() {
        String spec =
                "## Rollback Plan\r\n"
                        + "- Steps:\r\n"
                        + "  <details>\r\n"
                        + "  <summary>Rollback for [Feature/Problem Name]</summary>\r\n"
                        + "  Owner: [Technical reviewer], by YYYY-MM-DD\r\n"
                        + "  </details>\r\n";

        SpecDocument doc = new SpecParser().parse(spec);

        assertThat(bracket(doc, "[Feature/Problem Name]").range())
                .isEqualTo(SourceRange.ofLine(3, 24, 46));
        assertThat(bracket(doc, "[Technical reviewer]").range())
                .isEqualTo(SourceRange.ofLine(4, 9, 29));
        assertThat(doc.marks())
                .extracting(TextMark::range)
                .containsExactly(SourceRange.ofLine(4, 34, 44));
    }

    @Test
    void tagsCommentsAndCodeElementsHoldNoPlaceholder() {
        String spec =
                "## Architecture Changes\n"
                        + "<div title=\"[Brief technical overview]\" data-x='a>[b]'>\n"
                        + "<!-- [Time estimate] is filled in by the PM -->\n"
                        + "<code>items[index]</code> <pre>[Placeholder]</pre>\n"
                        + "<!--\n[Date]\n--> <kbd>[Ctrl]</kbd>\n"
                        + "</div>\n";

        SpecDocument doc = new SpecParser().parse(spec);

        assertThat(texts(doc)).isEmpty();
        assertThat(doc.comments()).hasSize(2);
    }

    @Test
    void aPreBlockIsCodeToItsEnd() {
        SpecDocument doc =
                new SpecParser()
                        .parse("## Evidence\n<pre>\nmetrics[0] = [Baseline metrics]\n</pre>\n");

        assertThat(texts(doc)).isEmpty();
    }

    @Test
    void aPlaceholderAsALinkTextIsFoundInsideTheLink() {
        SpecDocument doc =
                new SpecParser()
                        .parse(
                                "## Timeline\n"
                                        + "- **Duration:** see [[Time estimate]](plan.md) and"
                                        + " [the [Date] review][r]\n\n"
                                        + "[r]: https://example.com/review\n");

        assertThat(bracket(doc, "[Time estimate]").range())
                .isEqualTo(SourceRange.ofLine(1, 21, 36));
        assertThat(bracket(doc, "[Date]").range()).isEqualTo(SourceRange.ofLine(1, 56, 62));
        assertThat(doc.links()).hasSize(2);
    }

    @Test
    void anImageInsideALinkIsNoPlaceholderAndAnImagesAltIsNotRead() {
        SpecDocument doc =
                new SpecParser()
                        .parse(
                                "## Architecture Changes\n"
                                        + "[![build](https://ci.example.com/badge.svg)](https://ci.example.com)"
                                        + " ![[Diagram]](flow.png)\n");

        assertThat(texts(doc)).isEmpty();
    }
}
