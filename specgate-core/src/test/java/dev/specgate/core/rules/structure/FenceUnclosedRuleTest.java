package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.parse.internal.FrontMatterReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The rule reports the fences commonmark's own block parser leaves unclosed (the oracle below: the
 * reference implementation, not Specgate's parser), at the opening fence's characters, saying how
 * far each reads: to the end of the file, or of its list item or block quote. Generated texts are
 * full of fences, quotes, list items, indents, CRLF and backticks in info strings.
 */
class FenceUnclosedRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    private static final Parser COMMONMARK =
            Parser.builder()
                    .extensions(List.of(TablesExtension.create()))
                    .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                    .build();

    private static List<Diagnostic> reportedAll(String text) {
        return CHECKER
                .check(null, text, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(FenceUnclosedRule.ID))
                .toList();
    }

    private static Optional<Diagnostic> reported(String text) {
        return reportedAll(text).stream().findFirst();
    }

    /**
     * What commonmark reads: each fenced code block without a closing fence, as
     * "line:column-end:reach" (the column of its first fence character on its line; the reach "file
     * (N)" with the lines after it when it is the last block of the document, else "item" or
     * "quote" by what holds it). Front matter is blanked first, as every Markdown reader of specs
     * does.
     */
    private static List<String> oracle(String text) {
        String markdown = FrontMatterReader.read(text).markdown();
        Node document = COMMONMARK.parse(markdown);
        Node last = document;
        while (last.getLastChild() != null) {
            last = last.getLastChild();
        }
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        int lineCount =
                markdown.isEmpty() ? 0 : lines.length - (markdown.matches("(?s).*(\r|\n)") ? 1 : 0);
        List<String> out = new ArrayList<>();
        List<Node> pending = new ArrayList<>(List.of(document));
        while (!pending.isEmpty()) {
            Node n = pending.remove(0);
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            pending.addAll(0, children);
            if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                SourceSpan span = f.getSourceSpans().get(0);
                String line = lines[span.getLineIndex()];
                char c = f.getFenceCharacter().charAt(0);
                int column = line.indexOf(c, span.getColumnIndex());
                String reach =
                        f == last || isAncestor(f, last)
                                ? "file (" + Math.max(0, lineCount - span.getLineIndex() - 1) + ")"
                                : f.getParent() instanceof BlockQuote ? "quote" : "item";
                out.add(
                        span.getLineIndex()
                                + ":"
                                + column
                                + "-"
                                + (column + f.getOpeningFenceLength())
                                + ":"
                                + reach);
            }
        }
        return out;
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<String> rule(String text) {
        return reportedAll(text).stream()
                .map(
                        d -> {
                            String m = d.message();
                            String reach =
                                    m.contains("rest of the file (")
                                            ? "file ("
                                                    + m.substring(
                                                            m.indexOf("file (") + 6,
                                                            m.indexOf(" line"))
                                                    + ")"
                                            : m.contains("list item") ? "item" : "quote";
                            return d.range().startLine()
                                    + ":"
                                    + d.range().startColumn()
                                    + "-"
                                    + d.range().endColumn()
                                    + ":"
                                    + reach;
                        })
                .toList();
    }

    @Property(tries = 3000)
    void reportsWhatCommonmarkLeavesUnclosed(@ForAll("texts") String text) {
        assertThat(rule(text)).isEqualTo(oracle(text));
    }

    @Example
    void anUnclosedFenceInABlockQuoteReadsTheRestOfTheQuoteNotOfTheFile() {
        String text =
                "# Technical Specification: Café → Zürich\r\n\r\n## Overview\r\n\r\n"
                        + "> ~~~~ yaml\r\n> retries: [1, 2]\r\n> ~~~\r\n\r\nEnd.\r\n";
        Diagnostic d = reported(text).orElseThrow();
        assertThat(d.range().startLine()).isEqualTo(4);
        assertThat(d.range().startColumn()).isEqualTo(2);
        assertThat(d.range().endColumn()).isEqualTo(6);
        assertThat(d.message())
                .isEqualTo(
                        "this code fence is never closed, so the rest of its block quote is read"
                                + " as code: close it with ~~~~ on a quoted line");
    }

    /** A step of an implementation plan, as specs write them: a numbered list with code. */
    private static final String STEPS =
            """
            # Technical Specification: Ledger Export

            ## Implementation Plan

            ### Implementation Steps
            1. **Setup & Preparation**
               - [x] Create the export bucket:
                 ```bash
                 aws s3 mb s3://ledger-export-eu
                 ```
               - [ ] Grant the job its role
            2. ```sql
               CREATE INDEX CONCURRENTLY ledger_day_idx ON ledger (day);
               ```
            3. Roll out behind `ledger.export`:
               ~~~yaml
               ledger:
                 export: true
               ~~~~~
            > Reviewer note, quoted from the thread:
            > ```text
            > the index build took 41 min on staging
            > ````

            ## Testing Strategy
            Run `./gradlew :ledger:test`.
            """;

    @Example
    void fencesClosedInsideListItemsNestedListsAndQuotesAreNotReported() {
        // the opening fence on an item's first line ("2. ```sql") and the closing one at the
        // item's indentation, a fence in a nested item, tildes closed by a longer run, a quoted
        // fence closed by a longer one: all closed, as a renderer shows them
        assertThat(reportedAll(STEPS)).isEmpty();
        assertThat(reportedAll(STEPS.replace("\n", "\r\n"))).isEmpty();
        assertThat(reportedAll("\uFEFF" + STEPS.replace("\n", "\r\n"))).isEmpty();
    }

    @Example
    void aClosingFenceOutsideItsListItemOpensAFenceThatReadsTheRestOfTheFile() {
        // the closing fence is not indented to the item: it ends the item (and its fence) and
        // opens a new fence, which reads everything after it as code
        String text =
                STEPS.replace(
                        "   CREATE INDEX CONCURRENTLY ledger_day_idx ON ledger (day);\n   ```\n",
                        "   CREATE INDEX CONCURRENTLY ledger_day_idx ON ledger (day);\n```\n");
        List<Diagnostic> found = reportedAll(text.replace("\n", "\r\n"));
        assertThat(found)
                .extracting(d -> d.range().startLine() + 1 + ":" + (d.range().startColumn() + 1))
                .containsExactly("12:4", "14:1");
        assertThat(found.get(0).message())
                .isEqualTo(
                        "this code fence is never closed, so the rest of its list item is read as"
                                + " code: close it with ``` at the item's indentation");
        assertThat(found.get(1).message())
                .startsWith(
                        "this code fence is never closed, so the rest of the file (12 lines) is"
                                + " read as code");
    }

    @Example
    void anUnclosedFenceInANestedItemAtTheEndOfTheFileReadsTheRestOfTheFile() {
        String text = STEPS.substring(0, STEPS.indexOf("     ```\n   - [ ] Grant"));
        // the nested item's fence has nothing after it: the rest of the file
        List<Diagnostic> found = reportedAll(text + "\n     more code\r\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).range().startLine()).isEqualTo(7);
        assertThat(found.get(0).range().startColumn()).isEqualTo(5);
        assertThat(found.get(0).message())
                .startsWith(
                        "this code fence is never closed, so the rest of the file (3 lines) is"
                                + " read as code");
    }

    @Example
    void aFenceTheOldLineReadingMissedInsideAListItemIsReported() {
        // "- ```" opens a fence in the item; a line reading that keeps the list marker saw no
        // fence here, and took the "```" of the next spec's example for an opening one
        String text =
                """
                # Technical Specification: Ledger Export

                ## Technical Details
                - ```json
                  {"day": "2026-11-25"}

                The export writes one file per day; an example run:

                ```
                ledger-export --day 2026-11-25
                ```

                ## Testing Strategy
                Unit tests.
                """;
        List<Diagnostic> found = reportedAll(text);
        assertThat(found)
                .extracting(d -> d.range().startLine() + 1 + ":" + (d.range().startColumn() + 1))
                .containsExactly("4:3");
        assertThat(found.get(0).message()).contains("rest of its list item");
    }

    @Example
    void aBacktickFenceWithABacktickInItsInfoStringOpensNothing() {
        assertThat(reported("## A\n\n``` js`x\ncode\n")).isEmpty();
        assertThat(reported("## A\n\n```js\nconst a = [`x`];\n````\n")).isEmpty();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "```",
                        "````",
                        "~~~",
                        "~~~~~",
                        "``",
                        "`",
                        "~",
                        " ",
                        "    ",
                        ">",
                        "> ",
                        " >",
                        "js",
                        "a`b",
                        "## Heading",
                        "é→",
                        "\n",
                        "\n",
                        "\r\n",
                        "\t");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Example
    void aDocumentWithoutFencesAndOneThatClosesReportNothing() {
        assertThat(reported("# T\n\n## A\n\nText with `code` and ~tilde~.\n")).isEmpty();
        assertThat(reported("# T\n\n```\ncode\n```\n")).isEmpty();
        assertThat(oracle("# T\n\n```\ncode\n```\n")).isEmpty();
    }

    /** Generated specs: the rule reports what commonmark leaves unclosed. */
    @Property(tries = 2000)
    void specsWithFencesInListsQuotesAndFrontMatter(@ForAll("specs") String text) {
        assertThat(rule(text)).isEqualTo(oracle(text));
    }

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> lines =
                Arbitraries.of(
                        "# Technical Specification: Café → Zürich",
                        "## Overview",
                        "---",
                        "title: \"```not a fence```\"",
                        "status: Draft ~~~",
                        "```",
                        "```java",
                        "```` yaml",
                        "`````",
                        "~~~",
                        "~~~~ text",
                        "~~~~~~",
                        "``` a`b",
                        "   ```",
                        "    ```",
                        "  ~~~~",
                        "> ```",
                        "> > ~~~ sh",
                        " > ```",
                        ">```",
                        "- ```",
                        "  ```js",
                        "1. ~~~",
                        "   ~~~",
                        "- [ ] task with `code` and ~~strike~~",
                        "| a | `b` |",
                        "text ``` inside",
                        "``x``",
                        "",
                        " ",
                        "``` \t",
                        "~~~ ~",
                        "é→ `` ` ``");
        Arbitrary<String> breaks = Arbitraries.of("\n", "\n", "\r\n");
        return Combinators.combine(lines.list().ofMaxSize(30), breaks, Arbitraries.of(true, false))
                .as(
                        (l, br, last) -> {
                            String joined = String.join(br, l);
                            return last ? joined + br : joined;
                        });
    }
}
