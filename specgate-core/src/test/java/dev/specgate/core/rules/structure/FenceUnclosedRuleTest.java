package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rule jumps from one line holding three backticks or tildes to the next: it reports what a
 * reading of every line reports (the oracle below, the rule as it was written first), on generated
 * texts full of fences, quotes, indents, CRLF and backticks in info strings.
 */
class FenceUnclosedRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    private static Optional<Diagnostic> reported(String text) {
        return CHECKER
                .check(null, text, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(FenceUnclosedRule.ID))
                .findFirst();
    }

    /** What the line-by-line reading reports: "line:column-end:lines after", or empty. */
    private static Optional<String> oracle(String text) {
        char fenceChar = 0;
        int fenceLength = 0;
        int openLine = -1;
        int openColumn = 0;
        int line = 0;
        int lines = 0;
        for (int start = 0; start <= text.length(); line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int i = start;
            while (i < end
                    && (text.charAt(i) == '>'
                            || text.charAt(i) == ' ' && i + 1 < end && text.charAt(i + 1) == '>')) {
                i++;
            }
            int indent = 0;
            while (i < end && text.charAt(i) == ' ' && indent < 4) {
                i++;
                indent++;
            }
            int run = 0;
            char c = i < end ? text.charAt(i) : 0;
            if (indent < 4 && (c == '`' || c == '~')) {
                while (i + run < end && text.charAt(i + run) == c) {
                    run++;
                }
            }
            if (openLine < 0) {
                if (run >= 3 && (c == '~' || text.substring(i + run, end).indexOf('`') < 0)) {
                    fenceChar = c;
                    fenceLength = run;
                    openLine = line;
                    openColumn = i - start;
                }
            } else if (c == fenceChar
                    && run >= fenceLength
                    && text.substring(i + run, end).isBlank()) {
                openLine = -1;
            }
            lines = line + 1;
            start = end + 1;
        }
        if (openLine < 0) {
            return Optional.empty();
        }
        return Optional.of(
                openLine
                        + ":"
                        + openColumn
                        + "-"
                        + (openColumn + fenceLength)
                        + ":"
                        + Math.max(0, lines - openLine - 1));
    }

    private static Optional<String> rule(String text) {
        return reported(text)
                .map(
                        d -> {
                            String m = d.message();
                            String after = m.substring(m.indexOf("file (") + 6, m.indexOf(" line"));
                            return d.range().startLine()
                                    + ":"
                                    + d.range().startColumn()
                                    + "-"
                                    + d.range().endColumn()
                                    + ":"
                                    + after;
                        });
    }

    @Property(tries = 3000)
    void reportsWhatALineByLineReadingReports(@ForAll("texts") String text) {
        assertThat(rule(text)).isEqualTo(oracle(text));
    }

    @Example
    void anUnclosedFenceInABlockQuoteIsReportedWithTheLinesAfterIt() {
        String text =
                "# Technical Specification: Café → Zürich\r\n\r\n## Overview\r\n\r\n"
                        + "> ~~~~ yaml\r\n> retries: [1, 2]\r\n> ~~~\r\n\r\nEnd.\r\n";
        Diagnostic d = reported(text).orElseThrow();
        assertThat(d.range().startLine()).isEqualTo(4);
        assertThat(d.range().startColumn()).isEqualTo(2);
        assertThat(d.message()).contains("(5 lines)").endsWith("close it with ~~~~");
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
        assertThat(List.of(oracle("# T\n\n```\ncode\n```\n"))).containsExactly(Optional.empty());
    }

    /** The first run of three backticks or tildes at or after {@code from}, as it was searched. */
    private static int indexOfSearch(String text, int from) {
        int ticks = text.indexOf("```", from);
        int tildes = text.indexOf("~~~", from);
        return ticks < 0 ? tildes : tildes < 0 ? ticks : Math.min(ticks, tildes);
    }

    /**
     * The stride search finds, from every line start, a run on the same line as the two {@code
     * indexOf} searches it replaced ({@code -1} alike when there is none), and inside a run.
     */
    @Property(tries = 3000)
    void theStrideSearchFindsTheLineTheIndexOfSearchesFound(@ForAll("specs") String text) {
        for (int from = 0; from <= text.length(); from = lineEnd(text, from) + 1) {
            int old = indexOfSearch(text, from);
            int now = FenceUnclosedRule.nextRun(text, from);
            if (old < 0) {
                assertThat(now).isEqualTo(-1);
            } else {
                assertThat(now).isBetween(old, old + 2);
                char c = text.charAt(old);
                assertThat(text.substring(old, now + 1)).matches("[" + c + "]+");
            }
        }
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** Generated specs: the rule reports what the line-by-line reading reports. */
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
