package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * The renderer's shortcut for a block of one plain line gives what commonmark's inline parser
 * gives, on lines made of inline syntax, spaces, tabs and ordinary text (a fixed seed, printed).
 */
class PlainLineInlinesTest {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), TaskListItemsExtension.create());
    private static final String[] PIECES = {
        "a",
        "Bc",
        " ",
        "  ",
        "\t",
        "é",
        "日本",
        "—",
        "*",
        "_",
        "\\",
        "`",
        "&",
        "&amp;",
        "<",
        ">",
        "[",
        "]",
        "!",
        "(",
        ")",
        "#",
        "|",
        "~",
        ":",
        "\"",
        "'",
        "http://x.y",
        "2026-12-01",
        "{#id}",
        "**",
        "-",
        "+",
        "="
    };

    @Test
    void aPlainLineBecomesTheTextCommonmarkMakesOfIt() {
        long seed = 20261205L;
        System.out.println("PlainLineInlinesTest seed " + seed);
        Random random = new Random(seed);
        InlineParserContext context = context();
        HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int pieces = random.nextInt(8);
            // most lines plain, so both branches are exercised often
            boolean ordinaryOnly = random.nextBoolean();
            for (int p = 0; p < pieces; p++) {
                String piece = PIECES[random.nextInt(ordinaryOnly ? 8 : PIECES.length)];
                line.append(piece);
            }
            String text = line.toString();
            String expected = html.render(parsed(new InlineParserImpl(context), text));
            String actual =
                    html.render(
                            parsed(
                                    new SpecHtmlRenderer.PlainLineInlines(
                                            new InlineParserImpl(context)),
                                    text));
            assertThat(actual).as("line [%s]", text).isEqualTo(expected);
            if (text.chars()
                    .noneMatch(c -> SpecHtmlRenderer.PlainLineInlines.SYNTAX.indexOf(c) >= 0)) {
                plain++;
            }
        }
        assertThat(plain).as("plain lines tried").isGreaterThan(5_000);
    }

    @Test
    void linesOfSeveralLinesGoToCommonmarksParser() {
        InlineParserContext context = context();
        HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).build();
        Document expected = new Document();
        Paragraph p1 = new Paragraph();
        expected.appendChild(p1);
        new InlineParserImpl(context).parse(lines("first line  ", "second"), p1);
        Document actual = new Document();
        Paragraph p2 = new Paragraph();
        actual.appendChild(p2);
        new SpecHtmlRenderer.PlainLineInlines(new InlineParserImpl(context))
                .parse(lines("first line  ", "second"), p2);
        assertThat(html.render(actual)).isEqualTo(html.render(expected)).contains("<br />");
    }

    private static Node parsed(InlineParser parser, String line) {
        Document doc = new Document();
        Paragraph p = new Paragraph();
        doc.appendChild(p);
        parser.parse(lines(line), p);
        return doc;
    }

    private static SourceLines lines(String... lines) {
        SourceLines all = SourceLines.empty();
        for (int i = 0; i < lines.length; i++) {
            all.addLine(SourceLine.of(lines[i], SourceSpan.of(i, 0, 0, lines[i].length())));
        }
        return all;
    }

    private static InlineParserContext context() {
        InlineParserContext[] caught = new InlineParserContext[1];
        Parser.builder()
                .extensions(EXTENSIONS)
                .inlineParserFactory(
                        c -> {
                            caught[0] = c;
                            return new InlineParserImpl(c);
                        })
                .build()
                .parse("");
        return caught[0];
    }
}
