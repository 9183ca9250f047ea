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
