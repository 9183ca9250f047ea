package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocks of one document share the scanner's bracket-matching array: a block must find its own
 * pairs whatever a longer block before it left in the array.
 */
class SharedScratchTest {

    private static final SpecParser PARSER = new SpecParser();

    @Test
    void eachBlockFindsItsOwnBracketsAfterALongerOne() {
        String longBlock =
                "A long paragraph with [Placeholder one] and [a link](#one) and [[nested]] and "
                        + "unclosed [ brackets ] [ and ] more text "
                        + "x".repeat(400)
                        + " [Placeholder two]";
        String text =
                longBlock
                        + "\n\n"
                        + "Short [Placeholder three] then [ref].\n\n"
                        + "- [x] done [Placeholder four](#two)\n"
                        + "- [Five]\n\n"
                        + "No brackets here at all.\n\n"
                        + "[Six] [";
        SpecDocument doc = PARSER.parse(text);
        SpecDocument alone = PARSER.parse("Short [Placeholder three] then [ref].");

        assertThat(doc.links()).extracting(Link::destination).containsExactly("#one", "#two");
        assertThat(doc.brackets())
                .extracting(BracketText::text)
                .containsExactly(
                        "[Placeholder one]",
                        "[[nested]]",
                        "[ brackets ]",
                        "[ and ]",
                        "[Placeholder two]",
                        "[Placeholder three]",
                        "[ref]",
                        "[Five]",
                        "[Six]");
        // positions as the per-block arrays gave them (checked against commit 41da9d0)
        assertThat(doc.brackets().get(5).range()).isEqualTo(new SourceRange(2, 6, 2, 25));
        assertThat(doc.brackets().get(8).range()).isEqualTo(new SourceRange(9, 0, 9, 5));
        assertThat(doc.links().get(1).range()).isEqualTo(new SourceRange(4, 11, 4, 35));
        List<String> shortBlock = alone.brackets().stream().map(BracketText::text).toList();
        assertThat(shortBlock).containsExactly("[Placeholder three]", "[ref]");
    }
}
