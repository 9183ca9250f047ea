package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.MarkdownTree;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.web.view.DiagnosticView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.junit.jupiter.api.Test;

/**
 * {@link InlineHtml}, which writes a block's inline Markdown straight into the page's bytes, writes
 * what commonmark's parser and {@code HtmlRenderer} make of it once the renderer has neutralized
 * it: in checklist items ({@code renderInline}) and in every kind of block a kept tree defers to it
 * (paragraphs of one and more lines, task list items ticked and not, list items, headings with and
 * without a {@code {#id}} attribute, table cells), on text generated from {@link #PIECES} (emphasis
 * runs, brackets, links, code, breaks, comments, autolinks, entities, non-ASCII), on hand-picked
 * cases and on every block of the repository's Markdown (specs, fixtures, docs). The reference is
 * commonmark's own inline parser and {@code HtmlRenderer} ({@link
 * SpecHtmlRenderer#commonmarkOnly}), which never uses {@link InlineHtml}.
 */
class InlineHtmlTest {

    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();
    private final SpecHtmlRenderer commonmark = SpecHtmlRenderer.commonmarkOnly();

    // relative links to "2026-..." are pages of the site, others are not
    private static final LinkResolver LINKS =
            d -> d.startsWith("2026-") ? Optional.of(d.replace(".md", ".html")) : Optional.empty();

    // emphasis runs, brackets, links, code, breaks, entities, non-ASCII, comments, autolinks
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
        // autolinks and HTML comments (InlineHtml takes URIs and comments, gives up on the rest)
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

    private static final String[] CASES = {
        "",
        "   ",
        "plain text",
        "**Decision by:** 2026-12-01 — *owner* `id`",
        "***a*** **b* c* _d_ __e__ *f **g** h*",
        "[x] not a marker here",
        "[the runbook](2026-runbook.md#limits) and [elsewhere](../x.md) and [frag](#a)",
        "[unsafe](javascript:alert(1)) <javascript:alert(1)> <HTTP://A.B> <https://x.y/z?a=1&b>",
        "a <!-- sections: a_b-*c* [x] `d` --> b",
        "`` code `with` ticks `` and `  spaced  ` and ` `",
        "line  \nbreak\nsoft",
        "R&D & co; 1 < 2 > 0 \"quoted\" 'single'",
        "é 日本 😀 \u0085 \u00a0 → —",
        "*unclosed **strong and _under_score_ snake_case_word",
        "\\escaped &amp; ![image](x.png) <b>tag</b>",
    };

    @Test
    void aChecklistItemIsWrittenAsCommonmarkWritesIt() {
        for (String c : CASES) {
            assertThat(renderer.renderInline(c, LINKS))
                    .as("[%s]", c)
                    .isEqualTo(commonmark.renderInline(c, LINKS));
        }
        Random random = new Random(20261206L);
        int taken = 0;
        int total = 30_000;
        for (int i = 0; i < total; i++) {
            String text = generated(random);
            if (assertSameInline(text)) {
                taken++;
            }
        }
        System.out.println("InlineHtmlTest: " + taken + " of " + total + " texts scanned");
        assertThat(taken).as("texts InlineHtml wrote itself").isGreaterThan(total / 4);
    }

    @Test
    void awkwardCasesAreWrittenAsCommonmarkWritesThem() {
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
            // text copied byte for byte beside text that is escaped or encoded
            "plain, then a > b and \"quoted\" text",
            "plain\n> not a quote \"x\"\nplain again",
            "é then plain ASCII",
            "plain ASCII then é",
            "plain 😀 then plain",
            "R&D then plain, !bang then plain",
            "[ ] plain task text",
            "[x] plain done > \"text\"",
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
            assertSameInline(c);
            assertSameHtml(c + "\n");
        }
    }

    @Test
    void codeSpansMayHoldWhatIsLeftToCommonmarkElsewhere() {
        // a code span's content is literal: its <, backslash, entity or "![" is no syntax
        String[] taken = {
            "returns `List<String>` or `Map<K, V>`",
            "the path `C:\\temp\\x` and `a\\`",
            "`&amp;` is kept, `&#169;` too, and `![alt](x)` is code",
            "**Owner:** `<team>` — see [the spec](x.md)",
            "``a ` <b> ``",
        };
        for (String c : taken) {
            assertThat(assertSameInline(c)).as("taken by InlineHtml: [%s]", c).isTrue();
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
            assertThat(scanner().scan(c)).as("left to commonmark: [%s]", c).isFalse();
            assertSameInline(c);
        }
    }

    @Test
    void everyBlockOfTheRepositorysMarkdownIsWrittenAsCommonmarkWritesIt() throws IOException {
        List<String> contents = new ArrayList<>();
        Parser recording =
                Parser.builder()
                        .extensions(
                                List.of(TablesExtension.create(), TaskListItemsExtension.create()))
                        .inlineParserFactory(
                                c -> {
                                    InlineParserImpl real = new InlineParserImpl(c);
                                    return (lines, block) -> {
                                        contents.add(lines.getContent());
                                        real.parse(lines, block);
                                    };
                                })
                        .build();
        List<Path> files = OneParseRenderingTest.repositoryMarkdown();
        for (Path f : files) {
            // lenient: a fixture may hold invalid UTF-8 on purpose
            recording.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        int taken = 0;
        for (String c : contents) {
            // a block's lines made one: a checklist item is one line
            if (assertSameInline(c.replace('\n', ' '))) {
                taken++;
            }
        }
        System.out.println(
                "InlineHtmlTest: "
                        + files.size()
                        + " files, "
                        + contents.size()
                        + " blocks, "
                        + taken
                        + " written by InlineHtml");
        assertThat(files.size()).isGreaterThan(100);
        assertThat(taken).isGreaterThan(contents.size() / 2);
    }

    /**
     * Asserts that {@code text}, as a checklist item, is written as commonmark writes it; whether
     * {@link InlineHtml} wrote it (else commonmark's parser did, in both).
     */
    private boolean assertSameInline(String text) {
        assertThat(renderer.renderInline(text, LINKS))
                .as("[%s]", text)
                .isEqualTo(commonmark.renderInline(text, LINKS));
        String line = text.replace('\r', ' ').replace('\n', ' ').replace('\0', '\uFFFD');
        return scanner().scan(line);
    }

    private static InlineHtml scanner() {
        return new InlineHtml(new DefaultUrlSanitizer(List.of("http", "https", "mailto")));
    }

    @Test
    void everyKindOfBlockIsWrittenAsCommonmarkWritesIt() {
        Random random = new Random(20261207L);
        int fromTree = 0;
        int pages = 5_000;
        for (int page = 0; page < pages; page++) {
            StringBuilder md = new StringBuilder("# Title\n\n");
            for (int b = 0; b < 3; b++) {
                String text =
                        random.nextInt(4) == 0
                                ? CASES[random.nextInt(CASES.length)]
                                : generated(random);
                String line = text.replace('\n', ' ');
                switch (random.nextInt(8)) {
                    case 0 -> md.append(text).append("\n\n");
                    case 1 -> md.append("- [ ] ").append(text.replace("\n", "\n  ")).append('\n');
                    case 2 -> md.append("- [x] ").append(line).append("\n- next\n\n");
                    case 3 -> md.append("- ").append(text.replace("\n", "\n  ")).append("\n\n");
                    case 4 -> md.append("1. ").append(line).append("\n   - ").append(line);
                    case 5 -> md.append("## ").append(line).append(" {#x").append(b).append("}");
                    case 6 -> md.append("### ").append(line);
                    default ->
                            md.append("| a | b |\n|---|:-:|\n| ")
                                    .append(line.replace("|", "\\|"))
                                    .append(" | x |");
                }
                md.append("\n\n");
            }
            if (assertSameHtml(md.toString())) {
                fromTree++;
            }
        }
        System.out.println("InlineHtmlTest: " + fromTree + " of " + pages + " pages from the tree");
        assertThat(fromTree).as("pages rendered from the check's tree").isGreaterThan(pages / 3);
    }

    private static String generated(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(14);
        int range = random.nextBoolean() ? 32 : PIECES.length;
        for (int p = 0; p < pieces; p++) {
            text.append(PIECES[random.nextInt(range)]);
        }
        return text.toString();
    }

    /**
     * Asserts that the page from the check's tree is commonmark's page of the text, with headings'
     * attributes dropped and a finding on every third line; whether it came from a tree.
     */
    private boolean assertSameHtml(String text) {
        SpecDocument doc = new SpecParser().parse(text);
        Map<Integer, String> ids = new HashMap<>();
        Set<Integer> attributed = new HashSet<>();
        for (Section s : doc.sections()) {
            ids.put(s.line(), "h-" + s.index());
            if (s.title().endsWith("}")) {
                attributed.add(s.line());
            }
        }
        List<DiagnosticView> diagnostics = new ArrayList<>();
        int lines = (int) text.lines().count();
        for (int line = 1; line <= lines; line += 3) {
            diagnostics.add(new DiagnosticView("r", "warning", line, 1, "m <" + line + ">", 1));
        }
        String expected = commonmark.render(text, null, diagnostics, ids, attributed, LINKS);
        MarkdownTree[] tree = new MarkdownTree[1];
        new SpecParser().parse(text, t -> tree[0] = t);
        String actual =
                renderer.render(
                        text,
                        tree[0] == null ? null : CoreAdapter.blocks(tree[0]),
                        diagnostics,
                        ids,
                        attributed,
                        LINKS);
        assertThat(actual).as("page of [%s]", text).isEqualTo(expected);
        return tree[0] != null;
    }
}
