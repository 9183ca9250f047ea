package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.internal.DocumentBuilder;
import dev.specgate.core.parse.internal.SubsetBlockParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text after a comment on a later line of an HTML comment block ({@code <!-- note\n-->[Owner]}) has
 * the position it has in the source, from the one-pass parser's tree (which holds only the block's
 * first line's span) as from commonmark's.
 */
class HtmlCommentBlockPositionTest {

    private static final SpecParser PARSER = new SpecParser();

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("<!-- note\n-->[Owner]\n", "2:4"),
                Arguments.of("   <!-- note\n-->[Owner]\n", "2:4"),
                Arguments.of("  <!-- note\n    still the note -->  [Owner]\n", "2:25"),
                // a quote's marker takes one space or none, so its lines start at other columns
                Arguments.of("> <!-- note\n>-->[Owner]\n", "2:5"),
                Arguments.of(">  <!-- note\n> -->[Owner]\n", "2:6"),
                Arguments.of("> <!-- note\n>     -->[Owner]\n", "2:10"),
                Arguments.of("- Step\n\n  <!-- note\n  -->[Owner]\n", "4:6"),
                Arguments.of("- Step\n\n   <!-- note\n     -->[Owner] and [Zoë]\n", "4:9 4:21"),
                Arguments.of("1. Step\n   > <!-- note\n   >-->[Owner]\n", "3:8"),
                // an empty line inside the comment has no span in commonmark's tree
                Arguments.of("<!-- note\n\nmore -->[Owner]\n", "3:9"),
                Arguments.of("> <!-- note\n>\n>-->[Owner]\n", "3:5"),
                Arguments.of("<!-- note\r\n-->[Owner]\r\n", "2:4"),
                Arguments.of("> <!-- note\r\n>\r\n>-->[Owner]\r\n", "3:5"),
                Arguments.of("<!-- a --> <!-- b\n--> [Owner] <!-- c --> [Team]\n", "2:5 2:24"));
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void aBracketAfterTheCommentHasItsSourcePosition(String text, String positions) {
        List<String> expected = List.of(positions.split(" "));
        assertThat(positions(viaCommonmark(text))).as("commonmark, %s", text).isEqualTo(expected);
        SubsetBlockParser.Parsed lean =
                SubsetBlockParser.parseCounted(
                        text, SpecParser.MAX_NESTING_DEPTH, SubsetBlockParser.Detail.MODEL);
        assertThat(lean).as("one-pass tree of %s", text).isNotNull();
        assertThat(positions(DocumentBuilder.build(lean.blocks(), lean.lineCount(), false)))
                .as("one pass, %s", text)
                .isEqualTo(expected);
        assertThat(positions(PARSER.parse(text))).as("parse, %s", text).isEqualTo(expected);
        assertThat(positions(PARSER.parse("\uFEFF" + text)))
                .as("BOM, %s", text)
                .isEqualTo(expected);
    }

    /** The brackets' 1-based line:column. */
    private static List<String> positions(SpecDocument doc) {
        return doc.brackets().stream()
                .map(b -> (b.range().startLine() + 1) + ":" + (b.range().startColumn() + 1))
                .toList();
    }

    private static SpecDocument viaCommonmark(String text) {
        return DocumentBuilder.build(
                PARSER.commonmarkTree(text), text, SpecParser.countLines(text));
    }
}
