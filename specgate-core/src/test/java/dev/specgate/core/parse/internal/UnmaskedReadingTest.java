package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The inline readers that skip masking where it cannot change what they find (bold labels that must
 * open a line, bracket pairs in a block whose code spans hold no bracket, boxes without a marker
 * space) find what they find in the same block masked first.
 */
class UnmaskedReadingTest {

    @Property(tries = 5000)
    void readsAlikeWithTheTextMaskedFirstOrNot(@ForAll("inlineSoup") String text) {
        for (int skip : skips(text)) {
            assertThat(read(text, skip, false))
                    .as("skip %d", skip)
                    .isEqualTo(read(text, skip, true));
        }
    }

    @Property(tries = 5000)
    void findsTheSameCommentsAndTagIdsMaskedFirstOrNot(@ForAll("inlineSoup") String text) {
        InlineText inline = inline(text);
        InlineScanner lean = new InlineScanner(inline, Map.of());
        InlineScanner masked = new InlineScanner(inline, Map.of());
        masked.masked(0, inline.length());
        assertThat(lean.htmlIds()).as(text).isEqualTo(masked.htmlIds());
        for (int i = 0; i < inline.lineCount(); i++) {
            int from = inline.lineStart(i);
            int to = inline.lineEnd(i);
            assertThat(lean.valueEnd(from, to)).as(text).isEqualTo(masked.valueEnd(from, to));
        }
    }

    @Property(tries = 3000)
    void readsCodeAcrossLinesAlikeMaskedFirstOrNot(@ForAll("codeAcrossLines") String text) {
        readsAlikeWithTheTextMaskedFirstOrNot(text);
        findsBoxesWithoutMarkerSpaceAlikeWithTheTextMaskedFirstOrNot(text);
    }

    @Property(tries = 5000)
    void findsBoxesWithoutMarkerSpaceAlikeWithTheTextMaskedFirstOrNot(
            @ForAll("inlineSoup") String text) {
        InlineText inline = inline(text);
        InlineScanner lean = new InlineScanner(inline, Map.of());
        InlineScanner masked = new InlineScanner(inline, Map.of());
        masked.masked(0, inline.length());
        for (int i = 0; i < inline.lineCount(); i++) {
            assertThat(DocumentBuilder.boxWithoutMarkerSpace(inline, lean, i))
                    .as("line %d of %s", i, text)
                    .isEqualTo(DocumentBuilder.boxWithoutMarkerSpace(inline, masked, i));
        }
    }

    @Example
    void aBoxWithoutMarkerSpaceAfterCodeIsFoundOnceMasked() {
        InlineText inline = inline("prose `a\n-[ ] b` c\n -[x] d `e`");
        InlineScanner scanner = new InlineScanner(inline, Map.of());
        assertThat(DocumentBuilder.boxWithoutMarkerSpace(inline, scanner, 1)).isNull();
        assertThat(DocumentBuilder.boxWithoutMarkerSpace(inline, scanner, 2))
                .containsExactly(20, 24);
        // a code span from the line above blanks what stands before the box
        InlineText after = inline("prose `a\nb` -[ ] c");
        assertThat(
                        DocumentBuilder.boxWithoutMarkerSpace(
                                after, new InlineScanner(after, Map.of()), 1))
                .containsExactly(12, 16);
    }

    @Example
    void aLinkAfterCodeIsReadWithoutMaskingAndALinkInCodeIsNot() {
        assertThat(read("the `v2` flag, see [the spec](x.md) and [Owner]", 0, false))
                .containsExactly("link x.md false 0:19-0:35", "bracket [Owner] 0:40-0:47");
        // the brackets stand between backticks: paired in the masked text, where none is left
        assertThat(read("`[a](b)` and `c`", 0, false)).isEmpty();
        assertThat(read("`x` [a]` `", 0, false)).containsExactly("bracket [a] 0:4-0:7");
    }

    @Example
    void aParagraphWithAutolinksCodeAndLinksIsReadWithoutMasking() {
        String text =
                "The job drains `tax tables`, see <https://status.example.com>\n"
                        + "and [the related spec](2025-04-04_spec_a.md), `[not] a link`.\n"
                        + "Owner: [Zoë Müller] <http://e.x/[a]>";
        InlineText inline = inline(text);
        InlineScanner scanner = new InlineScanner(inline, Map.of());
        assertThat(read(text, 0, false))
                .containsExactly(
                        "link 2025-04-04_spec_a.md false 1:4-1:44",
                        "bracket [Zoë Müller] 2:7-2:19");
        for (int i = 0; i < inline.lineCount(); i++) {
            assertThat(DocumentBuilder.boxWithoutMarkerSpace(inline, scanner, i)).isNull();
        }
        scanner.scan(0, new Collect());
        assertThat(scanner.htmlIds()).isEmpty();
        // none of the readers needed the masked text
        assertThat(scanner.masksFreely()).isFalse();
    }

    @Example
    void autolinksCommentsAndTagsNextToBracketsReadAsMasked() {
        // brackets inside an autolink are blanked; a backtick in its reach leaves it to masking
        assertThat(read("<http://e.x/[a]> [b]", 0, false)).containsExactly("bracket [b] 0:17-0:20");
        assertThat(read("<http://a`b`> [c] `d`", 0, false))
                .containsExactly("bracket [c] 0:14-0:17");
        assertThat(read("`<http://e.x/[a]>` [b]", 0, false))
                .containsExactly("bracket [b] 0:19-0:22");
        // a comment is found, and what it holds is no bracket
        assertThat(read("a <!-- [c] --> [d]\n[e](f.md)", 0, false))
                .containsExactly(
                        "comment [c] 0", "bracket [d] 0:15-0:18", "link f.md false 1:0-1:9");
        // nested links and images, and a reference link with escaped brackets around it
        assertThat(read("[![i](j.png)](k.md) and [[Time estimate]](plan.md)", 0, false))
                .containsExactly(
                        "link k.md false 0:0-0:19",
                        "link plan.md false 0:24-0:50",
                        "bracket [Time estimate] 0:25-0:40");
        InlineText tagged = inline("<a id=\"x\">[y]</a> <https://e.x>");
        assertThat(new InlineScanner(tagged, Map.of()).htmlIds()).containsExactly("x");
    }

    /** A sink that keeps nothing. */
    private static final class Collect implements InlineScanner.Sink {
        @Override
        public void link(String destination, boolean image, SourceRange range) {}

        @Override
        public void bracket(String text, SourceRange range) {}

        @Override
        public void dateToken(SourceRange range) {}

        @Override
        public void comment(String text, int line) {}
    }

    @Example
    void aLabelAfterCodeOrACommentOpensTheLineOnceMasked() {
        // what stands before the label is blanked: the label opens the masked line
        assertThat(read("`code` **Owner:** team", 0, false)).containsExactly("label 0 Owner team");
        assertThat(read("prose `a\nb` **Owner:** team", 0, false))
                .containsExactly("label 1 Owner team");
        assertThat(read("prose <!-- a\nb --> **Owner:** team", 0, false))
                .contains("label 1 Owner team");
        assertThat(read("prose\nwords **Owner:** team", 0, false)).isEmpty();
        // an autolink opening the line is blank once masked: the label after it opens the line
        assertThat(read("see\n<https://e.x> **Owner:** team", 0, false))
                .containsExactly("label 1 Owner team");
        assertThat(read("see\n<https://e.x>. The **Owner:** team", 0, false)).isEmpty();
        assertThat(read("a `b\n<http://x> c` **L:** v", 0, false)).containsExactly("label 1 L v");
        // inside a code span from the line above: no label
        assertThat(read("prose `a\n**Owner:** b` c", 0, false)).isEmpty();
        // the stars before the code: read in the text
        assertThat(read("**File:** `a.md`\n**Created:** 2026", 0, false))
                .containsExactly("label 0 File `a.md`", "label 1 Created 2026");
    }

    private static int[] skips(String text) {
        return text.startsWith("[ ]") || text.startsWith("[x]") ? new int[] {0, 3} : new int[] {0};
    }

    /**
     * What the readers find in {@code text}: the labels that open its lines, then what the scan
     * from {@code skip} reports; with {@code maskFirst}, the masked text is made before any reader
     * runs.
     */
    private static List<String> read(String text, int skip, boolean maskFirst) {
        InlineText inline = inline(text);
        InlineScanner scanner = new InlineScanner(inline, Map.of());
        if (maskFirst) {
            scanner.masked(0, inline.length());
        }
        List<String> found = new ArrayList<>();
        BoldLabels labels = new BoldLabels();
        for (int i = 0; i < inline.lineCount(); i++) {
            scanner.labels(i, true, i == 0 ? skip : 0, labels);
            for (int k = 0; k < labels.count(); k++) {
                found.add(
                        "label "
                                + labels.line(k)
                                + " "
                                + scanner.text(labels.nameStart(k), labels.nameEnd(k))
                                + " "
                                + scanner.text(labels.valueStart(k), labels.valueEnd(k)));
            }
        }
        scanner.scan(
                skip,
                new InlineScanner.Sink() {
                    @Override
                    public void link(String destination, boolean image, SourceRange range) {
                        found.add("link " + destination + " " + image + " " + at(range));
                    }

                    @Override
                    public void bracket(String bracket, SourceRange range) {
                        found.add("bracket " + bracket + " " + at(range));
                    }

                    @Override
                    public void dateToken(SourceRange range) {
                        found.add("date " + at(range));
                    }

                    @Override
                    public void comment(String comment, int line) {
                        found.add("comment " + comment + " " + line);
                    }
                });
        return found;
    }

    private static String at(SourceRange r) {
        return r.startLine() + ":" + r.startColumn() + "-" + r.endLine() + ":" + r.endColumn();
    }

    private static InlineText inline(String text) {
        String[] lines = text.split("\n", -1);
        List<RawLine> raw = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            raw.add(new RawLine(lines[i], i, 0));
        }
        return new InlineText(raw);
    }

    /** Code spans that run across lines, and tokens at the lines' starts and inside the code. */
    @Provide
    Arbitrary<String> codeAcrossLines() {
        return Arbitraries.of(
                        "`",
                        "`",
                        "``",
                        "\n",
                        "\n",
                        " ",
                        "a",
                        "**L:**",
                        "**",
                        "-[ ]",
                        "1.[x]",
                        "[a](b)",
                        "[a]",
                        "[",
                        "]",
                        "(",
                        "<http://e.x>",
                        "<a:[b]>",
                        "<a:`b>",
                        "<",
                        "<!--",
                        "-->",
                        "<i id=\"x\">",
                        "![i](j)",
                        "[a][b]")
                .list()
                .ofMaxSize(10)
                .map(parts -> String.join("", parts));
    }

    /** Lines full of the chars masking blanks and the tokens next to them. */
    @Provide
    Arbitrary<String> inlineSoup() {
        return Arbitraries.of(
                        "word",
                        "é",
                        " ",
                        " ",
                        "\t",
                        "\n",
                        "\n",
                        "\n",
                        "`",
                        "`",
                        "`",
                        "``",
                        "`c`",
                        "`[`",
                        "`]`",
                        "``a`b``",
                        "[",
                        "]",
                        "[a]",
                        "[ ]",
                        "[x]",
                        "[Owner]",
                        "[a](b)",
                        "[a][b]",
                        "![i](j)",
                        "(",
                        ")",
                        ":",
                        "!",
                        "*",
                        "**",
                        "**L:**",
                        "**L**:",
                        "-",
                        "+",
                        ".",
                        "1",
                        "-[ ]",
                        "1.[x]",
                        "\\",
                        "\\[",
                        "\\`",
                        "\\*",
                        "<",
                        ">",
                        "<!--",
                        "-->",
                        "<http://e.x>",
                        "<http://e.x/[a]>",
                        "<https://e.x/`a`>",
                        "<a:b",
                        "<a id=\"n\">",
                        "<b>",
                        "-->",
                        "ü",
                        "Y",
                        "YYYY-MM-DD",
                        "{",
                        "}",
                        "{x}")
                .list()
                .ofMaxSize(14)
                .map(parts -> String.join("", parts));
    }
}
