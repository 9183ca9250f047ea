package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Ids and names of the tags of an HTML block are anchors; those inside an HTML comment in the block
 * are not (a comment is no part of the page), nor is text that only looks like an attribute.
 */
class HtmlBlockIdsTest {

    private static final SpecParser PARSER = new SpecParser();

    private static final String SPEC =
            "\uFEFF---\r\n"
                    + "title: Ledger cut-over für Zürich\r\n"
                    + "---\r\n"
                    + "# Ledger cut-over\r\n"
                    + "\r\n"
                    + "## Rollback Strategy\r\n"
                    + "\r\n"
                    + "<div class=\"note\" id=\"cut-over-note\">\r\n"
                    + "<!-- the wiki's old anchor, gone since March:"
                    + " <a id=\"legacy-cutover\"></a> -->\r\n"
                    + "<a title=\"p95 > 200 ms\" name=\"zoë-rollback\"></a>\r\n"
                    + "Rollback is by flag, id=\"not-an-attribute\".\r\n"
                    + "</div>\r\n"
                    + "\r\n"
                    + "<details id=\"faq\">\r\n"
                    + "<summary>Open questions</summary>\r\n"
                    + "<!--\r\n"
                    + "<span id=\"draft-answer\">Draft: keep both ledgers a week?</span>\r\n"
                    + "-->\r\n"
                    + "</details>\r\n"
                    + "\r\n"
                    + "| Step | Owner |\r\n"
                    + "|------|-------|\r\n"
                    + "| Backfill | Zoë |\r\n";

    @Test
    void idsInsideACommentOfAnHtmlBlockAreNoAnchors() {
        assertThat(PARSER.parse(SPEC).anchors())
                .contains("cut-over-note", "zoë-rollback", "faq")
                .doesNotContain("legacy-cutover", "draft-answer", "not-an-attribute");
    }

    @Test
    void theCommentsAreStillReadAsComments() {
        assertThat(PARSER.parse(SPEC).comments())
                .extracting(c -> c.text())
                .anySatisfy(t -> assertThat(t).contains("legacy-cutover"))
                .anySatisfy(t -> assertThat(t).contains("draft-answer"));
    }
}
