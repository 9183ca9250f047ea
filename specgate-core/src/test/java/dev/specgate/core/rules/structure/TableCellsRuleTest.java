package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.HiddenCells;
import dev.specgate.core.model.SourceRange;
import org.junit.jupiter.api.Test;

class TableCellsRuleTest {

    private static HiddenCells hidden(String text) {
        return new HiddenCells(new SourceRange(4, 16, 4, 16 + text.length()), 3, 2, text);
    }

    @Test
    void namesTheCountsTheFirstWordsAndAPlaceholderInTheDroppedText() {
        String text = "[TODO: owner]";
        assertThat(TableCellsRule.message(hidden(text), TableCellsRule.visible(text)))
                .isEqualTo(
                        "table row has 3 cells, its header 2: cells past the 2nd are not shown"
                                + " ('[TODO: owner]'); the hidden text holds '[TODO: owner]', a"
                                + " placeholder that no other rule sees there: add a header"
                                + " column or move the text into the row's cells");
        String longText = "the owner is whoever is on call for billing that week, see the rota";
        assertThat(TableCellsRule.message(hidden(longText), TableCellsRule.visible(longText)))
                .contains("('the owner is whoever is on call for…')")
                .doesNotContain("placeholder");
    }

    @Test
    void htmlCommentsAndPipesAloneAreNothingAReaderMisses() {
        assertThat(TableCellsRule.visible("<!-- expect: error placeholder-bracket \"[x]\" -->"))
                .isNull();
        assertThat(TableCellsRule.visible("| <!-- a --> |")).isNull();
        assertThat(TableCellsRule.visible("x <!-- a --> |")).isEqualTo("x");
        assertThat(TableCellsRule.visible("3 \\|")).isEqualTo("3 \\|");
    }

    @Test
    void aLongTextWithoutSpacesIsCutBetweenCharsNotInsideAnAstralOne() {
        String text = "a" + "\uD83D\uDE00".repeat(30);
        String message = TableCellsRule.message(hidden(text), TableCellsRule.visible(text));

        assertThat(message).contains("('a" + "\uD83D\uDE00".repeat(19) + "…')");
        assertThat(message.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
    }
}
