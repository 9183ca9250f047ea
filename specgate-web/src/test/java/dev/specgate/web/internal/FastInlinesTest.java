package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * The renderer's own inline parser makes the nodes commonmark's inline parser makes, wherever it
 * does not leave the text to commonmark: on generated text dense in the syntax it handles (and the
 * syntax it leaves alone), and on every block of the repository's Markdown (specs, fixtures, docs).
 * Trees are compared node by node (kind, literal, destination, title), and their HTML too.
 */
class FastInlinesTest {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), TaskListItemsExtension.create());
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    static final String[] PIECES = {
        "a",
        "Bc",
        "word",
        " ",
        "  ",
        "   ",
        "\t",
        "\n",
        "\n",
        "é",
        "日本",
        "—",
        "😀",
        "*",
        "**",
        "***",
        "_",
        "__",
        "`",
        "``",
        "[",
        "]",
        "(",
        ")",
        "](x)",
        "](http://a.b/c?d=e#f)",
        "](#frag)",
        "](a b)",
        "](<x>)",
        "][",
        "[ ]",
        "[x]",
        "!",
        "![",
        ".",
        ",",
        ":",
        "-",
        "+",
        "~",
        "\"",
        "'",
        "|",
        "#",
        "\\",
        "&",
        "&amp;",
        "& ",
        "R&D",
        "&#169;",
        "&x",
        "&from=now",
        "](http://a.b/d?orgId=1&from=now-6h)",
        "&copy;",
        "&x;",
        "&x2;",
        "&nbsp",
        ";",
        "<",
        ">",
        "\u00a0",
        "\u0085",
        "foo_bar",
        "2026-12-01",
        "→",
        // autolinks and HTML comments (FastInlines takes URIs and comments, gives up on the rest)
        "<https://status.example.com>",
        "<http://a.b/c?d=e&f>",
        "<HTTP://A.B>",
        "<a+b.c-d:é>",
        "<ab:>",
        "<a:b>",
        "<javascript:alert(1)>",
        "<mailto:x@y.z>",
        "<x@y.z>",
        "<https://x y>",
        "<b>",
        "<abc",
        "<!-- c -->",
        "<!-- sections: a_b-*c* [x] `d` -->",
        "<!-->",
        "<!--->",
        "<!---->",
        "<!-- a -- b -->",
        "<!--",
        "-->",
        "<!",
    };

    @Test
    void generatedTextGivesCommonmarksTree() {
        long seed = 20261205L;
        System.out.println("FastInlinesTest seed " + seed);
        Random random = new Random(seed);
        InlineParserContext context = context();
        int handled = 0;
        int total = 60_000;
        for (int i = 0; i < total; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            // pieces from the start of the list only half of the time: more text FastInlines takes
            int range = random.nextBoolean() ? 32 : PIECES.length;
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(range)]);
            }
            if (compare(context, text.toString())) {
                handled++;
            }
        }
        System.out.println("FastInlinesTest handled " + handled + " of " + total);
        assertThat(handled).as("texts FastInlines parsed itself").isGreaterThan(total / 4);
    }

    @Test
    void awkwardCasesGiveCommonmarksTree() {
        InlineParserContext context = context();
        String[] cases = {
            "[dashboard](https://grafana.example/d/x?orgId=1&from=now-6h&to=now) for *it*",
            "a &b c &copy; d",
            "R&D&Co; and &x2y;",
            "&amp",
            "**Decision by:** 2026-12-01",
            "[ ] **Question:** why? [the spec](2026-10-24_spec_cache.md)",
            "*a **b** c*",
            "***strong emph***",
            "**a*",
            "*a**",
            "a**b**c",
            "foo_bar_baz",
            "_a_ __b__ ___c___",
            "*(a)*",
            "**\"quoted\"**",
            "[link *with* emphasis](x) and *emphasis [with link](y)*",
            "*open [link* text](x)",
            "[a](b) [c](d)",
            "text  \nhard break",
            "text \nsoft break",
            "trailing tab\t\nx",
            "`code` and ``co`de`` and `unclosed",
            "`  spaced  ` ` ` `a\nb`",
            "[the related\nspec](2026-10-24_spec_cache-invoice-667.md).",
            "end with spaces   ",
            "end with tab \t",
            "]",
            "[unclosed",
            "x ! y !",
            "*",
            "** **",
            "a * b * c",
            "5 * 3 = 15 and 2*3*4",
            "**Impact Assessment:** 14 % less error budget",
            "— **heap\nusage** matters",
            "😀**x**😀",
            "é*x*é",
            "[x](y)z",
            "[](x)",
            "[x]()",
            "[x](y",
            "[x]\u0085(y)",
            "[x](y\u0085z)",
            "",
            "\n",
            "a\n",
        };
        for (String c : cases) {
            compare(context, c);
        }
    }

    @Test
    void codeSpansMayHoldWhatIsLeftToCommonmarkElsewhere() {
        // a code span's content is literal: its <, backslash, entity or "![" is no syntax
        InlineParserContext context = context();
        String[] taken = {
            "returns `List<String>` or `Map<K, V>`",
            "the path `C:\\temp\\x` and `a\\`",
            "`&amp;` is kept, `&#169;` too, and `![alt](x)` is code",
            "**Owner:** `<team>` — see [the spec](x.md)",
            "``a ` <b> ``",
        };
        for (String c : taken) {
            assertThat(compare(context, c)).as("taken by FastInlines: [%s]", c).isTrue();
        }
        // the same outside a code span, in a link's destination, or a CR or NUL in a span
        String[] left = {
            "returns List<String> or `x`",
            "a \\* b `c`",
            "`x` &amp; y",
            "`x` ![alt](y)",
            "[a](x\\y) `c`",
            "[a](x&amp;y)",
            "[a](x<y)",
            "[a](x![y)",
            "`a\rb`",
            "`a\0b`",
            "`unclosed <b>",
        };
        for (String c : left) {
            assertThat(compare(context, c)).as("left to commonmark: [%s]", c).isFalse();
        }
    }

    @Test
    void everyBlockOfTheRepositorysMarkdownGivesCommonmarksTree() throws IOException {
        InlineParserContext context = context();
        List<String> contents = new ArrayList<>();
        Parser recording =
                Parser.builder()
                        .extensions(EXTENSIONS)
                        .inlineParserFactory(
                                c -> {
                                    InlineParserImpl real = new InlineParserImpl(c);
                                    return (lines, block) -> {
                                        contents.add(lines.getContent());
                                        real.parse(lines, block);
                                    };
                                })
                        .build();
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files =
                    s.filter(p -> p.toString().endsWith(".md"))
                            .filter(p -> !p.toString().contains("/target/"))
                            .filter(p -> !p.toString().contains("/node_modules/"))
                            .filter(p -> !p.toString().contains("/bench/work/"))
                            .filter(Files::isRegularFile)
                            .toList();
        }
        for (Path f : files) {
            // lenient: a fixture may hold invalid UTF-8 on purpose
            recording.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        int handled = 0;
        for (String c : contents) {
            if (compare(context, c)) {
                handled++;
            }
        }
        System.out.println(
                "FastInlinesTest: "
                        + files.size()
                        + " files, "
                        + contents.size()
                        + " blocks, "
                        + handled
                        + " parsed by FastInlines");
        assertThat(files.size()).isGreaterThan(100);
        assertThat(handled).isGreaterThan(contents.size() / 2);
    }

    /** Asserts both parsers agree when FastInlines takes {@code text}; whether it did. */
    private static boolean compare(InlineParserContext context, String text) {
        Paragraph expected = new Paragraph();
        new InlineParserImpl(context).parse(lines(text), expected);
        Paragraph actual = new Paragraph();
        boolean handled = new FastInlines().parse(text, actual);
        if (!handled) {
            assertThat(actual.getFirstChild()).as("untouched block for [%s]", text).isNull();
            return false;
        }
        assertThat(dump(actual)).as("tree of [%s]", text).isEqualTo(dump(expected));
        assertThat(HTML.render(actual)).as("HTML of [%s]", text).isEqualTo(HTML.render(expected));
        return true;
    }

    private static String dump(Node node) {
        StringBuilder sb = new StringBuilder();
        dump(node, sb);
        return sb.toString();
    }

    private static void dump(Node node, StringBuilder sb) {
        sb.append(node.getClass().getSimpleName());
        if (node instanceof Text t) {
            sb.append('"').append(t.getLiteral()).append('"');
        } else if (node instanceof Code c) {
            sb.append('"').append(c.getLiteral()).append('"');
        } else if (node instanceof org.commonmark.node.HtmlInline h) {
            sb.append('"').append(h.getLiteral()).append('"');
        } else if (node instanceof Link l) {
            sb.append('<').append(l.getDestination()).append('|').append(l.getTitle()).append('>');
        } else if (node instanceof Emphasis e) {
            sb.append(e.getOpeningDelimiter()).append(e.getClosingDelimiter());
        } else if (node instanceof StrongEmphasis e) {
            sb.append(e.getOpeningDelimiter()).append(e.getClosingDelimiter());
        }
        if (node.getFirstChild() != null) {
            sb.append('(');
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                dump(c, sb);
                sb.append(' ');
            }
            sb.append(')');
        }
    }

    private static SourceLines lines(String text) {
        SourceLines all = SourceLines.empty();
        String[] split = text.split("\n", -1);
        for (String line : split) {
            all.addLine(SourceLine.of(line, null));
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
