package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a comment line can go above a line without breaking the block the line is in ({@link
 * SpecParser#commentLineFits}): a spec with a byte order mark, YAML front matter, CRLF line ends,
 * bold-label metadata, a table, a block quote, a list with a lazy continuation line, a fence with
 * brackets and an HTML block.
 */
class CommentLineFitsTest {

    private static final List<String> LINES =
            List.of(
                    "\uFEFF---", // 0
                    "status: draft", // 1
                    "---", // 2
                    "# Technical Specification: Refund keys", // 3
                    "", // 4
                    "**Created:** 2026-11-09", // 5: a paragraph's first line
                    "**Type:** Feature", // 6: its later line (split in two paragraphs)
                    "", // 7
                    "## Rollout", // 8
                    "| Step | Owner | Estimate |", // 9: the table's first line
                    "|------|-------|----------|", // 10
                    "| Backfill `[id]` | Payments | 2 days |", // 11: a body row
                    "| Cut-over | Payments | [Time estimate] |", // 12
                    "", // 13
                    "> **Note:** a key is kept for 24 h; a retry after that", // 14: the quote's
                    // first
                    "> is a new refund, estimated at [Time estimate].", // 15: its later line
                    "", // 16
                    "- Rollout: a canary at 5 %, then", // 17: the list's first item
                    "every region at once, over [Time estimate].", // 18: lazy continuation
                    "- Ausführung: Frühjahr", // 19: a further item
                    "  all regions, [Time estimate].", // 20: the item's line, indented as its text
                    "", // 21
                    "```java", // 22
                    "map.put(\"[id]\", key);", // 23: inside the fence
                    "```", // 24: the closing fence
                    "<details>", // 25: an HTML block
                    "<summary>[Time estimate]</summary>", // 26: inside it
                    "</details>", // 27
                    "", // 28
                    "Heading text", // 29: a setext heading
                    "------------"); // 30: its underline

    /** Block quotes and tables inside list items, after the item's first block or as it. */
    private static final List<String> IN_ITEMS =
            List.of(
                    "## Rollout", // 0
                    "", // 1
                    "- Canary at 5 % first.", // 2: an item
                    "", // 3
                    "  > **Note:** keys are kept for [Time estimate];", // 4: a quote after it
                    "  > a retry after that is a new refund.", // 5: the quote's later line
                    "- Regions, one by one:", // 6: an item
                    "  | Région | Owner | [Time estimate] |", // 7: a table after its paragraph
                    "  |--------|-------|-----------------|", // 8
                    "  | eu-west | Zahlungen | [Time estimate] |", // 9: a body row
                    "", // 10
                    "1. Backfill", // 11: an ordered item
                    "", // 12
                    "   1. Old keys (`[id]` column):", // 13: a nested item
                    "      > kept [Time estimate]", // 14: a quote in the nested item
                    "      > then dropped.", // 15
                    "   ", // 16
                    "   | Step | Estimate |", // 17: a table after the nested list
                    "   |------|----------|", // 18
                    "   | Cut-over | [Time estimate] |", // 19
                    "- > a quote as an item's first block, [Time estimate]", // 20: the item's line
                    "  > continued."); // 21

    @Test
    void aCommentLineFitsAboveTheFirstLineOfAQuoteOrTableThatAListItemHoldsAfterItsFirstBlock() {
        String text = String.join("\r\n", IN_ITEMS) + "\r\n";

        assertThat(SpecParser.commentLineFits(text).stream().boxed().toList())
                .containsExactly(0, 2, 4, 6, 7, 11, 13, 14, 17, 20);
    }

    /**
     * A suppression comment above each such line, indented as it is, changes nothing commonmark
     * renders but the comment itself: the list, its items, the quote and the table stay whole.
     */
    @Test
    void aCommentAboveAQuoteOrTableInAListItemLeavesThePageAsItWas() {
        String text = String.join("\n", IN_ITEMS) + "\n";
        String page = html(text);
        for (int line : List.of(4, 7, 14, 17)) {
            List<String> lines = new java.util.ArrayList<>(IN_ITEMS);
            String lead =
                    lines.get(line).substring(0, lines.get(line).indexOf(lines.get(line).strip()));
            lines.add(line, lead + "<!-- specgate-disable-next-line placeholder-template -->");
            String commented = html(String.join("\n", lines) + "\n");
            assertThat(commented)
                    .as("a comment above line %d: %s", line, IN_ITEMS.get(line))
                    .contains("<!-- specgate-disable-next-line placeholder-template -->");
            assertThat(
                            commented.replace(
                                    "<!-- specgate-disable-next-line placeholder-template -->\n",
                                    ""))
                    .as("a comment above line %d: %s", line, IN_ITEMS.get(line))
                    .isEqualTo(page);
        }
    }

    /**
     * Quotes and tables that meet a list item's lazy continuation line, or no blank line at all: at
     * every line said to fit, a comment indented as the line leaves the page as it was.
     */
    @Test
    void everyLineSaidToFitNearLazyLinesTakesACommentWithoutChangingThePage() {
        List<String> lazy =
                List.of(
                        "- Canary at 5 % first,", // 0
                        "then the rest [Time estimate].", // 1: lazy
                        "  > **Note:** kept for [Time estimate];", // 2
                        "a lazy line of the quote.", // 3
                        "- Regions, one by one:", // 4
                        "| Région | Owner |", // 5: lazy, at the margin
                        "|--------|-------|", // 6
                        "| eu-west | [Time estimate] |", // 7
                        "- Last:", // 8
                        "  - nested, then", // 9
                        "lazy [Time estimate]", // 10
                        "    | Step | Estimate |", // 11
                        "    |------|----------|", // 12
                        "    | Cut-over | [Time estimate] |", // 13
                        "> after the list", // 14
                        "> [Time estimate]", // 15
                        "", // 16
                        "1. Regions:", // 17
                        "  | Région | Owner |", // 18: short of the item's content
                        "  |--------|-------|", // 19
                        "  | eu-west | [Time estimate] |", // 20
                        "2. Quote:", // 21
                        "  > short [Time estimate]"); // 22: short too, at the margin
        String text = String.join("\n", lazy) + "\n";
        String page = html(text);
        SpecParser.CommentLines places = SpecParser.commentLines(text);
        for (int line : places.fits().stream().boxed().toList()) {
            List<String> lines = new java.util.ArrayList<>(lazy);
            lines.add(
                    line,
                    places.lead(line, lines.get(line))
                            + "<!-- specgate-disable-next-line placeholder-template -->");
            String commented = html(String.join("\n", lines) + "\n");
            // at the margin, the comment keeps its indent in the page: a root block too; above a
            // later item it is the last block of the item before, in a tight list after its text
            assertThat(withoutComment(commented))
                    .as("a comment above line %d: %s", line, lazy.get(line))
                    .isEqualTo(page);
        }
        assertThat(SpecParser.commentLineFits(text).stream().boxed().toList())
                .containsExactly(0, 2, 4, 8, 9, 11, 14, 17, 21, 22);
    }

    /**
     * A spec's lists with later items at the margin, nested, ordered, loose, after a fence and a
     * table, with CRLF line ends: a comment above each later item, indented as {@link
     * SpecParser.CommentLines#lead} says, leaves each list one list, each item where it was, and
     * silences the item's line for the check.
     */
    @Test
    void aCommentAboveALaterListItemKeepsTheListWhole() {
        List<String> spec =
                List.of(
                        "## Rollout", // 0
                        "", // 1
                        "- Canary at 5 % first, [Time estimate].", // 2
                        "- Régions, one by one: `map[\"eu\"]`.", // 3: a later item
                        "  - eu-west [Time estimate]", // 4: a nested item
                        "  - 東京 [Time estimate]", // 5: a later nested item
                        "- Cut-over:", // 6: a later item after a nested list
                        "  ```java", // 7
                        "  keys.put(\"[id]\", key);", // 8
                        "  ```", // 9
                        "- Clean-up [Time estimate].", // 10: after a closed fence
                        "", // 11
                        "1. Backfill", // 12
                        "", // 13
                        "   | Step | Estimate |", // 14
                        "   |------|----------|", // 15
                        "   | Keys | [Time estimate] |", // 16
                        "", // 17
                        "2. Verify [Time estimate]", // 18: a later item of a loose list
                        " 3. Close [Time estimate]"); // 19: its marker indented by one
        String text = String.join("\r\n", spec) + "\r\n";
        SpecParser.CommentLines places = SpecParser.commentLines(text);
        assertThat(places.fits().stream().boxed().toList())
                .containsExactly(0, 2, 3, 4, 5, 6, 7, 10, 12, 14, 18, 19);
        String page = html(text.replace("\r\n", "\n"));
        for (int line : List.of(3, 5, 6, 10, 18, 19)) {
            List<String> lines = new java.util.ArrayList<>(spec);
            String comment =
                    places.lead(line, spec.get(line))
                            + "<!-- specgate-disable-next-line placeholder-template -->";
            lines.add(line, comment);
            String commented = html(String.join("\n", lines) + "\n");
            assertThat(count(commented, "<ul>") + count(commented, "<ol"))
                    .as("lists with a comment above line %d: %s", line, spec.get(line))
                    .isEqualTo(count(page, "<ul>") + count(page, "<ol"));
            assertThat(withoutComment(commented))
                    .as("a comment above line %d: %s", line, spec.get(line))
                    .isEqualTo(page);
        }
        // the margin a comment would have had ends the list: the item opens a second one
        List<String> atTheMargin = new java.util.ArrayList<>(spec);
        atTheMargin.add(3, "<!-- specgate-disable-next-line placeholder-template -->");
        assertThat(count(html(String.join("\n", atTheMargin) + "\n"), "<ul>"))
                .isEqualTo(count(page, "<ul>") + 1);
    }

    /** After an item ending in a fence left open or an HTML block, no comment fits. */
    @Test
    void noCommentFitsAboveALaterItemWhoseItemBeforeWouldTakeItAsText() {
        String text =
                String.join(
                                "\n",
                                "- Cut-over:",
                                "  ```java",
                                "  keys.put(\"[id]\", key);",
                                "- Clean-up [Time estimate].",
                                "- Notes:",
                                "  <details>",
                                "  <summary>[Time estimate]</summary>",
                                "- Done [Time estimate].")
                        + "\n";

        assertThat(SpecParser.commentLineFits(text).stream().boxed().toList())
                .containsExactly(0, 1, 4, 5);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /**
     * A page without the suppression comment: its line, and in a tight list item the line break
     * before it, which commonmark writes after the item's text.
     */
    private static String withoutComment(String page) {
        return page.replaceAll(
                        "([^>])\n *<!-- specgate-disable-next-line placeholder-template -->\n</li>",
                        "$1</li>")
                .replaceAll(" *<!-- specgate-disable-next-line placeholder-template -->\n", "");
    }

    /** The page commonmark (with tables, as a check parses) renders of {@code text}. */
    private static String html(String text) {
        org.commonmark.parser.Parser parser =
                org.commonmark.parser.Parser.builder()
                        .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create()))
                        .build();
        return org.commonmark.renderer.html.HtmlRenderer.builder()
                .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create()))
                .build()
                .render(parser.parse(text));
    }

    @Test
    void aCommentLineFitsAboveABlocksFirstLineAndAParagraphsLineButNotInsideATableQuoteOrFence() {
        String text = String.join("\r\n", LINES) + "\r\n";

        assertThat(SpecParser.commentLineFits(text).stream().boxed().toList())
                .containsExactly(3, 5, 6, 8, 9, 14, 17, 19, 20, 22, 25, 29);
    }
}
