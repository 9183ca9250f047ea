package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Document;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** The block tree a parse hands out is commonmark's, once its inlines are parsed. */
class MarkdownTreeTest {

    private static final String SPEC =
            String.join(
                    "\r\n",
                    "# Technical Specification: Café *naïve* `[x]`",
                    "",
                    "**Created:** 2026-10-14",
                    "",
                    "## Approach <a name=\"x\"></a>",
                    "",
                    "Text with [a link](https://example.com \"t\"), <https://example.com/a> and"
                            + " **bold _nested_**\\",
                    "next line &amp; [Placeholder].",
                    "",
                    "> quote with `code`",
                    "",
                    "| a | b |",
                    "|:--|--:|",
                    "| `x[1]` | *y* |",
                    "",
                    "1. one",
                    "   - [ ] two",
                    "",
                    "```",
                    "a [b] c",
                    "```",
                    "");

    @Test
    void itsInlinesParsedTheTreeIsCommonmarksTree() {
        List<Extension> tables = List.of(TablesExtension.create());
        InlineParserContext[] context = new InlineParserContext[1];
        Parser.builder()
                .extensions(tables)
                .inlineParserFactory(
                        c -> {
                            context[0] = c;
                            return new InlineParserImpl(c);
                        })
                .build()
                .parse("");
        HtmlRenderer html = HtmlRenderer.builder().extensions(tables).build();

        MarkdownTree tree = kept("\uFEFF" + SPEC);
        assertThat(tree).isNotNull();
        Document document = tree.withInlines(new InlineParserImpl(context[0]));

        String expected = html.render(Parser.builder().extensions(tables).build().parse(SPEC));
        assertThat(html.render(document))
                .isEqualTo(expected)
                .contains("<table>", "<code>x[1]</code>");
        assertThatThrownBy(() -> tree.withInlines(new InlineParserImpl(context[0])))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theContentHandedAsCharsIsEachBlocksSourceLinesJoined() {
        // every kind of block with inline content: heading, paragraphs of one and more lines
        // (CRLF, a continuation indent, a hard break), a quote, table cells, list items, and
        // non-ASCII; in the same order and with the same text as withInlines hands source lines
        String text = "\uFEFF" + SPEC + "\r\nPara\r\n   indented two\r\n";
        List<String> asLines = new java.util.ArrayList<>();
        List<String> blocks = new java.util.ArrayList<>();
        kept(text)
                .withInlines(
                        new org.commonmark.parser.InlineParser() {
                            @Override
                            public void parse(
                                    org.commonmark.parser.SourceLines lines,
                                    org.commonmark.node.Node block) {
                                asLines.add(lines.getLines().size() + ":" + lines.getContent());
                                blocks.add(block.getClass().getSimpleName());
                            }
                        });
        List<String> asChars = new java.util.ArrayList<>();
        List<String> charBlocks = new java.util.ArrayList<>();
        Document document =
                kept(text)
                        .withInlineContent(
                                (block, chars, from, to, lines) -> {
                                    asChars.add(lines + ":" + new String(chars, from, to - from));
                                    charBlocks.add(block.getClass().getSimpleName());
                                });
        assertThat(asChars).isEqualTo(asLines).hasSize(12);
        assertThat(charBlocks).isEqualTo(blocks).contains("Heading", "Paragraph", "TableCell");
        assertThat(asChars).anyMatch(c -> c.startsWith("2:") && c.contains("\n"));
        assertThat(document.getFirstChild()).isNotNull();
    }

    @Test
    void noTreeWhenTheTextParsedIsNotTheTextAsWrittenOrCommonmarkBuiltIt() {
        assertThat(kept("---\ntitle: x\n---\n# T\n")).isNull(); // front matter blanked
        assertThat(kept("# T\n\nSetext\n===\n")).isNull(); // outside the one-pass subset
        assertThat(kept("# T\n\nText.\n")).isNotNull();
    }

    @Test
    void theDocumentIsTheSameWithOrWithoutATreeAsked() {
        SpecParser parser = new SpecParser();
        assertThat(parser.parse(SPEC, t -> {})).isEqualTo(parser.parse(SPEC));
    }

    private static MarkdownTree kept(String text) {
        MarkdownTree[] tree = new MarkdownTree[1];
        new SpecParser().parse(text, t -> tree[0] = t);
        return tree[0];
    }
}
