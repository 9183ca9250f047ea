package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.parse.internal.RawLines;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;

/**
 * {@link SpecParser} reads text through commonmark's reader path and starts ATX headings itself,
 * both faster under C1; this holds it to the tree, source spans included, that commonmark builds
 * with its own factories through its String path.
 */
class CommonmarkTreeTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final Parser REFERENCE = SpecParser.referenceParser();

    @Property(tries = 3000)
    void buildsCommonmarksTree(@ForAll("markdown") String text) {
        assertSameTree(text);
    }

    @Property(tries = 200)
    void buildsCommonmarksTreeOfTheTemplate(@ForAll("template") String text) {
        assertSameTree(text);
    }

    @Example
    void lineEndsAtTheEndsOfTheText() {
        for (String text :
                List.of(
                        "",
                        "\n",
                        "\r",
                        "\r\n",
                        "a",
                        "a\n",
                        "a\r",
                        "a\r\n",
                        "\n\n",
                        "\r\r",
                        "# H\r\n\r\n- [ ] x\r",
                        "a\rb\nc\r\nd",
                        "a\u0000b\n",
                        " \t\n")) {
            assertSameTree(text);
        }
    }

    @Example
    void aTextLongerThanTheReadersBufferWithCrLfAcrossItsEdge() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 40_000) {
            sb.append("- item with some words ").append(sb.length() % 7).append("\r\n");
        }
        for (int pad = 0; pad < 3; pad++) {
            assertSameTree(" ".repeat(pad) + sb);
        }
        assertSameTree("x".repeat(8191) + "\r\n" + "y".repeat(9000) + "\r");
    }

    private static void assertSameTree(String text) {
        String expected = dump(REFERENCE.parse(text));
        assertThat(dump(PARSER.commonmarkTree(text))).isEqualTo(expected);
    }

    /** The tree as text: node types, source spans and every attribute the builder may read. */
    static String dump(Node root) {
        StringBuilder sb = new StringBuilder();
        dump(root, 0, sb);
        return sb.toString();
    }

    private static void dump(Node node, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(node.getClass().getName());
        sb.append(' ').append(node.getSourceSpans());
        if (node instanceof RawLines raw) {
            for (SourceLine line : raw.lines()) {
                sb.append(" line=").append(quote(line.getContent().toString()));
                sb.append(line.getSourceSpan());
            }
        } else if (node instanceof Heading h) {
            sb.append(" level=").append(h.getLevel());
        } else if (node instanceof HtmlBlock h) {
            sb.append(" html=").append(quote(h.getLiteral()));
        } else if (node instanceof FencedCodeBlock f) {
            sb.append(" fence=").append(f.getOpeningFenceLength()).append(quote(f.getLiteral()));
            sb.append(quote(f.getInfo())).append(f.getFenceCharacter());
            sb.append(',').append(f.getClosingFenceLength()).append(',').append(f.getFenceIndent());
        } else if (node instanceof IndentedCodeBlock c) {
            sb.append(" code=").append(quote(c.getLiteral()));
        } else if (node instanceof LinkReferenceDefinition d) {
            sb.append(" def=").append(quote(d.getLabel())).append(quote(d.getDestination()));
            sb.append(quote(d.getTitle()));
        } else if (node instanceof ListItem i) {
            sb.append(" item=")
                    .append(i.getMarkerIndent())
                    .append(',')
                    .append(i.getContentIndent());
        } else if (node instanceof OrderedList o) {
            sb.append(" start=").append(o.getMarkerStartNumber()).append(o.getMarkerDelimiter());
            sb.append(" tight=").append(o.isTight());
        } else if (node instanceof BulletList b) {
            sb.append(" marker=").append(b.getMarker()).append(" tight=").append(b.isTight());
        } else if (node instanceof TableCell c) {
            sb.append(" cell=").append(c.isHeader()).append(c.getAlignment());
            sb.append(',').append(c.getWidth());
        } else if (node instanceof ThematicBreak t) {
            sb.append(" break=").append(quote(t.getLiteral()));
        }
        sb.append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, sb);
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> token =
                Arbitraries.of(
                        "\n",
                        "\n",
                        "\r\n",
                        "\r",
                        " ",
                        "   ",
                        "    ",
                        "\t",
                        "# ",
                        "## ",
                        "- ",
                        "* ",
                        "1. ",
                        "2) ",
                        "> ",
                        "[ ] ",
                        "[x] ",
                        "```",
                        "~~~",
                        "| a | b |",
                        "|---|:-:|",
                        "<!-- ",
                        " -->",
                        "<div>",
                        "</div>",
                        "[l]: /u \"t\"",
                        "[l]",
                        "[t](u)",
                        "**Label:** ",
                        "`code`",
                        "\\",
                        "===",
                        "---",
                        "word",
                        "Lorem ipsum dolor",
                        "é",
                        "\u0000",
                        "&amp;",
                        "##",
                        "###### ",
                        " # ",
                        "# #",
                        "# x #",
                        "# x #y",
                        "# x ##  ",
                        "#\u000B",
                        "\f",
                        "#5",
                        "\\#",
                        "  ### a ###\t#",
                        "+ ",
                        "+",
                        "-",
                        "*",
                        "_",
                        "___",
                        "***",
                        "- - -",
                        "* * *",
                        ":",
                        "|",
                        "  |",
                        "|:--",
                        "--:|",
                        "=",
                        "#",
                        "####### ",
                        "#\t",
                        "10. ",
                        "1234567890. ",
                        "0) ",
                        ">",
                        "```js",
                        "<!--",
                        "<pre>",
                        "<a href=\"x\">",
                        "<?x",
                        "<![CDATA[",
                        "    code",
                        "\t- ",
                        "  - ",
                        "      ",
                        ".",
                        ")",
                        "`",
                        "~",
                        "<",
                        "\u00A0",
                        "\u2028");
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(6);
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(12, token), Tuple.of(1, noise));
        return piece.list().ofMaxSize(200).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> template() {
        String template = TemplateSchema.builtinTemplateText();
        return Arbitraries.of("\n", "\r\n", "\r")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(
                        ends -> {
                            String[] lines = template.split("\n", -1);
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < lines.length; i++) {
                                if (i > 0) {
                                    sb.append(ends.get(i % ends.size()));
                                }
                                sb.append(lines[i]);
                            }
                            return sb.toString();
                        });
    }
}
