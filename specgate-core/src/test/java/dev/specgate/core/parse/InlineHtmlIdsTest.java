package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Ids and names of inline HTML tags are anchors, a tag ending where the shared tag scanner says (a
 * quoted attribute value may hold '>' or '<'), the same in a paragraph, a list item and a table.
 */
class InlineHtmlIdsTest {

    private static final SpecParser PARSER = new SpecParser();

    @Test
    void aQuotedAngleBracketDoesNotEndTheTag() {
        String spec =
                "\uFEFF# Ledger cut-over\r\n\r\n"
                        + "See <a title=\"p95 > 200 ms\" id=\"latency-budget\">the budget</a>.\r\n\r\n"
                        + "- Owner: <span data-rule='a<b' name=\"zoë-owner\">Zoë</span>\r\n\r\n"
                        + "| Step | Note |\r\n|------|------|\r\n"
                        + "| Backfill | <b title=\">\" id=\"backfill\">now</b> |\r\n";

        assertThat(PARSER.parse(spec).anchors())
                .contains("latency-budget", "zoë-owner", "backfill");
    }

    @Test
    void idsInCodeCommentsAndUnclosedTagsAreNoAnchors() {
        String spec =
                """
                # Ledger cut-over

                Not a tag: `<a id="in-code">`, <!-- <a id="in-comment"> -->, a < b id="loose".
                An unclosed <a title="x id="never-closed"
                """;

        assertThat(PARSER.parse(spec).anchors())
                .doesNotContain("in-code", "in-comment", "loose", "never-closed");
    }
}
