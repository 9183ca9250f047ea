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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec page rendered from the block tree of core's own parse (one parse per spec, the renderer's
 * own inline parser and HTML writer where they apply) is the page commonmark makes by parsing the
 * text again and rendering it with its {@code HtmlRenderer}, byte for byte: on awkward specs (CRLF,
 * a byte order mark, front matter, tables, code with brackets, headings with inline HTML, block
 * quotes, task lists, non-ASCII), each with LF and CR LF line ends, on every spec of the dashboard
 * fixture and on every Markdown file of the repository.
 */
class OneParseRenderingTest {

    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();
    // the expected pages: commonmark's parse of the text and commonmark's HtmlRenderer
    private final SpecHtmlRenderer commonmark = SpecHtmlRenderer.commonmarkOnly();

    private static final String SPEC =
            String.join(
                    "\n",
                    "# Technical Specification: Zahlungs-Wiederholung für Webhooks — naïve café",
                    "",
                    "**File:** `directives/spec/2026-10-14_spec_webhook-retry.md`",
                    "**Created:** 2026-10-14",
                    "**Type:** Architecture Change",
                    "",
                    "## <a name=\"why\"></a>Executive Summary {#summary}",
                    "",
                    "Retries use *exponential* back-off with **jitter**, see [the runbook](../../docs/dev/webhook-retry-runbook.md#limits)",
                    "and [the API](https://example.com/api?x=1&y=2 \"API docs\"), <https://example.com/auto>,",
                    "`code [with] brackets` and an image ![diagram](diagram.png).  ",
                    "A hard break above; a backslash one here\\",
                    "and entities: &copy; &#169; &amp; [Placeholder text] 2026-12-01.",
                    "",
                    "## Technical Approach",
                    "",
                    "> A quote with **bold** and a [link](#summary).",
                    ">",
                    "> > Nested quote: `x[0] = y[1]`.",
                    "",
                    "```java",
                    "int[] values = new int[] {1, 2, 3};",
                    "Map<String, List<Integer>> m = Map.of(\"[a]\", List.of(values[0]));",
                    "```",
                    "",
                    "| Field | Type | Notes |",
                    "|:------|:----:|------:|",
                    "| `id` | UUID | **primary** key [see](https://example.com) |",
                    "| name | text | é ü ß 日本語 |",
                    "| empty |  | |",
                    "",
                    "1. First step with <b>inline html</b>",
                    "2. Second step",
                    "   - nested *item*",
                    "   - another `item`",
                    "",
                    "- [ ] Open task - **Decision by:** 2026-12-01",
                    "- [x] Done task with [link](https://example.com/done)",
                    "",
                    "<!-- a comment that is dropped -->",
                    "",
                    "---",
                    "",
                    "### Heading with `code` and _emphasis_ ###",
                    "",
                    "Text with a [relative link](2026-11-09_spec_refund-idempotency-keys.md) and"
                            + " [unsafe](javascript:alert(1)) and ~~tilde~~ *nested **strong***.",
                    "",
                    "**Document Status:** Review",
                    "**Last Updated:** 2026-11-20",
                    "**Next Review:** 2026-12-20",
                    "");

    private static final String FRONT_MATTER =
            String.join(
                    "\n",
                    "---",
                    "title: Front matter spec",
                    "status: Draft",
                    "---",
                    "# Technical Specification: Front matter",
                    "",
                    "## Executive Summary",
                    "",
                    "Body with a [link](https://example.com).",
                    "");

    private static final String ODD_BLOCKS =
            String.join(
                    "\n",
                    "# Title",
                    "",
                    "Setext heading",
                    "==============",
                    "",
                    "    indented code [x]",
                    "",
                    "[ref]: https://example.com/ref",
                    "",
                    "A [reference link][ref] and a\tTab.",
                    "",
                    "<div>html block</div>",
                    "");

    static Stream<Arguments> awkward() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("spec", SPEC);
        texts.put("spec with a byte order mark", "\uFEFF" + SPEC);
        texts.put("front matter", FRONT_MATTER);
        texts.put("blocks outside the one-pass subset", ODD_BLOCKS);
        texts.put("empty", "");
        texts.put("no final line end", "# Title\n\n## Section\n\nLast line");
        texts.put("table only", "| a | b |\n|---|---|\n| `[x]` | <i>y</i> |\n");
        texts.put("heading inline html", "## <span id=\"x\">Open</span> Questions\n\nText.\n");
        for (Map.Entry<String, String> e : texts.entrySet()) {
            cases.add(Arguments.of(e.getKey() + " (LF)", e.getValue()));
            cases.add(Arguments.of(e.getKey() + " (CR LF)", e.getValue().replace("\n", "\r\n")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkward")
    void aPageRenderedFromTheCheckParseIsThePageRenderedFromTheText(String name, String text) {
        assertSameHtml(text);
    }

    @Test
    void theCheckParseKeepsItsTreeForPlainSpecsOnly() {
        // the test above compares something: the specs the one-pass parser reads hand their tree
        assertThat(tree(SPEC)).isPresent();
        assertThat(tree("\uFEFF" + SPEC.replace("\n", "\r\n"))).isPresent();
        // front matter is blanked before the parse, and commonmark parses what the one-pass
        // parser declines: the page then parses the text itself
        assertThat(tree(FRONT_MATTER)).isEmpty();
        assertThat(tree(ODD_BLOCKS)).isEmpty();
    }

    @Test
    void everySpecOfTheDashboardFixtureRendersTheSameFromTheCheckParse() throws IOException {
        Path root = Path.of("src", "test", "resources", "dashboard-fixture");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int fromTree = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (assertSameHtml(text)) {
                fromTree++;
            }
        }
        assertThat(files).hasSizeGreaterThan(8);
        assertThat(fromTree).as("specs rendered from the check's tree").isGreaterThan(5);
    }

    /** The repository's Markdown files (not build output, installed packages or bench work). */
    static List<Path> repositoryMarkdown() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .filter(p -> !p.toString().contains("/bench/work/"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyMarkdownFileOfTheRepositoryRendersAsCommonmarkRendersIt() throws IOException {
        // specs, fixtures (CRLF, BOM, front matter, invalid UTF-8 decoded with replacement), docs
        List<Path> files = repositoryMarkdown();
        int fromTree = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (assertSameHtml(text)) {
                fromTree++;
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(fromTree).as("files rendered from the check's tree").isGreaterThan(50);
    }

    @Test
    void aTreeIsUsedOnce() {
        MarkdownTree tree = tree(SPEC).orElseThrow();
        renderer.render(SPEC, tree::withInlines, List.of(), Map.of(), LinkResolver.none());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                renderer.render(
                                        SPEC,
                                        tree::withInlines,
                                        List.of(),
                                        Map.of(),
                                        LinkResolver.none()))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Asserts that both paths give the same HTML, with a diagnostic on every fifth line, heading
     * ids and links resolved as a site does; whether the page came from the check's tree.
     */
    private boolean assertSameHtml(String text) {
        SpecParser parser = new SpecParser();
        SpecDocument doc = parser.parse(text);
        Map<Integer, String> ids = new HashMap<>();
        for (Section s : doc.sections()) {
            ids.put(s.line(), "h-" + s.index());
        }
        List<DiagnosticView> diagnostics = new ArrayList<>();
        int lines = (int) text.lines().count();
        for (int line = 1; line <= lines + 1; line += 5) {
            diagnostics.add(
                    new DiagnosticView(
                            "rule-" + line,
                            line % 2 == 0 ? "error" : "warning",
                            line,
                            1,
                            "finding <b>\"" + line + "\"</b>"));
        }
        LinkResolver links =
                d ->
                        d.startsWith("2026-")
                                ? Optional.of(d.replace(".md", ".html"))
                                : Optional.empty();
        String expected = commonmark.render(text, diagnostics, ids, links);
        assertThat(renderer.render(text, diagnostics, ids, links)).isEqualTo(expected);
        Optional<MarkdownTree> tree = tree(text);
        String actual =
                renderer.render(
                        text,
                        tree.<java.util.function.Function<
                                                org.commonmark.parser.InlineParser,
                                                org.commonmark.node.Document>>
                                        map(t -> t::withInlines)
                                .orElse(null),
                        diagnostics,
                        ids,
                        links);
        assertThat(actual).isEqualTo(expected);
        // the static site's path: the same page as UTF-8 bytes, into a buffer that held another
        HtmlBytes bytes = new HtmlBytes(16);
        bytes.text("an earlier page \uD83D");
        bytes.reset();
        // the tree's blocks handed over as the site hands them (their content as chars)
        Optional<MarkdownTree> again = tree(text);
        renderer.render(
                text,
                again.map(CoreAdapter::blocks).orElse(null),
                diagnostics,
                ids,
                null,
                links,
                bytes);
        assertThat(java.util.Arrays.copyOf(bytes.bytes(), bytes.byteLength()))
                .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        return tree.isPresent();
    }

    private static Optional<MarkdownTree> tree(String text) {
        MarkdownTree[] kept = new MarkdownTree[1];
        new SpecParser().parse(text, t -> kept[0] = t);
        return Optional.ofNullable(kept[0]);
    }
}
