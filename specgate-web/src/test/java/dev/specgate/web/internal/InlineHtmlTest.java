package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.MarkdownTree;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.web.view.DiagnosticView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link InlineHtml}, which writes a block's inline Markdown straight into the page's bytes, writes
 * what commonmark's parser and {@code HtmlRenderer} make of it once the renderer has neutralized
 * it: in checklist items ({@code renderInline}) and in every kind of block a kept tree defers to it
 * (paragraphs of one and more lines, task list items ticked and not, list items, headings with and
 * without a {@code {#id}} attribute, table cells), on text generated from {@link FastInlinesTest}'s
 * pieces (emphasis runs, brackets, links, code, breaks, comments, autolinks, entities, non-ASCII)
 * and on hand-picked cases.
 */
class InlineHtmlTest {

    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();
    private final SpecHtmlRenderer commonmark = SpecHtmlRenderer.commonmarkOnly();

    // relative links to "2026-..." are pages of the site, others are not
    private static final LinkResolver LINKS =
            d -> d.startsWith("2026-") ? Optional.of(d.replace(".md", ".html")) : Optional.empty();

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
        for (int i = 0; i < 30_000; i++) {
            String text = generated(random);
            assertThat(renderer.renderInline(text, LINKS))
                    .as("[%s]", text)
                    .isEqualTo(commonmark.renderInline(text, LINKS));
        }
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
        int range = random.nextBoolean() ? 32 : FastInlinesTest.PIECES.length;
        for (int p = 0; p < pieces; p++) {
            text.append(FastInlinesTest.PIECES[random.nextInt(range)]);
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
                        tree[0] == null ? null : tree[0]::withInlines,
                        diagnostics,
                        ids,
                        attributed,
                        LINKS);
        assertThat(actual).as("page of [%s]", text).isEqualTo(expected);
        return tree[0] != null;
    }
}
