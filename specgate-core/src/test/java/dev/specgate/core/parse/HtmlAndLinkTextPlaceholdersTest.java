package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholders a reader sees as a link's text are bracketed prose, found where they stand. */
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
