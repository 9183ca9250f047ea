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

    @Test
    void aCommentLineFitsAboveABlocksFirstLineAndAParagraphsLineButNotInsideATableQuoteOrFence() {
        String text = String.join("\r\n", LINES) + "\r\n";

        assertThat(SpecParser.commentLineFits(text).stream().boxed().toList())
                .containsExactly(3, 5, 6, 8, 9, 14, 17, 19, 20, 22, 25, 29);
    }
}
