package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.HiddenCells;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.parse.internal.DocumentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cells of a table row past its header's columns, which GFM drops: both parsers note them alike
 * (the one-pass parser's rows and commonmark's tree, which an escaped pipe forces).
 */
class HiddenCellsTest {

    private static final SpecParser PARSER = new SpecParser();

    private static List<HiddenCells> viaCommonmark(String text) {
        return DocumentBuilder.build(PARSER.commonmarkTree(text), text, SpecParser.countLines(text))
                .hiddenCells();
    }

    @Test
    void aRowWiderThanItsHeaderKeepsItsDroppedTextAndWhereItStands() {
        String text =
                "# T\n\n| Risk | Owner |\n|---|:--|\n| CSV | Marta | [TODO: owner] |\n"
                        + "| Index | Priya |\n| Drift | Søren | Jürgen | June |\n";

        List<HiddenCells> hidden = PARSER.parse(text).hiddenCells();

        assertThat(hidden)
                .containsExactly(
                        new HiddenCells(new SourceRange(4, 16, 4, 29), 3, 2, "[TODO: owner]"),
                        new HiddenCells(new SourceRange(6, 18, 6, 31), 4, 2, "Jürgen | June"));
        assertThat(viaCommonmark(text)).isEqualTo(hidden);
    }

    @Test
    void rowsWithEmptyOrNoExtraCellsHideNothing() {
        String text =
                "| a | b |\n|---|---|\n| 1 | 2 |\n| 1 |\n| 1 | 2 | |\n| 1 | 2 |  |   |\n"
                        + "1 | 2 | \n";

        assertThat(PARSER.parse(text).hiddenCells()).isEmpty();
        assertThat(viaCommonmark(text)).isEmpty();
    }

    @Test
    void inAQuoteAListItemAndWithoutOuterPipesTheColumnsAreTheLines() {
        String text =
                "> | a |\n> |---|\n> | 1 | x |\n\n- | a | b |\n  |---|---|\n  | 1 | 2 | y\n\n"
                        + "a | b\n--|--\n1 | 2 | z\n";

        List<HiddenCells> hidden = PARSER.parse(text).hiddenCells();

        assertThat(hidden)
                .containsExactly(
                        new HiddenCells(new SourceRange(2, 8, 2, 9), 2, 1, "x"),
                        new HiddenCells(new SourceRange(6, 12, 6, 13), 3, 2, "y"),
                        new HiddenCells(new SourceRange(10, 8, 10, 9), 3, 2, "z"));
        assertThat(viaCommonmark(text)).isEqualTo(hidden);
    }

    @Test
    void anEscapedPipeSplitsNoCellInEitherParser() {
        String text = "| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n| 1 | 2 | 3 \\| 4 |\n";

        List<HiddenCells> hidden = PARSER.parse(text).hiddenCells();

        assertThat(hidden)
                .containsExactly(new HiddenCells(new SourceRange(3, 10, 3, 16), 3, 2, "3 \\| 4"));
        assertThat(viaCommonmark(text)).isEqualTo(hidden);
    }

    @Test
    void aRowWithoutALeadingPipeEndingInAPipeAndSpacesCountsNoCellAfterThatPipe() {
        String text = "a | b\n--|--\n1 | 2 | z |  \n1 | 2 |  \n";

        List<HiddenCells> hidden = PARSER.parse(text).hiddenCells();

        assertThat(hidden).containsExactly(new HiddenCells(new SourceRange(2, 8, 2, 9), 3, 2, "z"));
        assertThat(viaCommonmark(text)).isEqualTo(hidden);
    }
}
