package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppressing a finding on a table's body row, a block quote's later line or a list item's lazy
 * continuation line (a spec with CRLF line ends and non-ASCII text): no {@code
 * specgate-disable-next-line} comment is offered there, since a comment line above it ends the
 * table, quote or list and the page renders broken (before, the quick fix inserted one: the check
 * agreed, the page did not); it silences only the line under it, so it cannot stand above the whole
 * block for that line. The comment for the whole file is offered instead; a finding on a list
 * item's own line still gets its comment, which silences it and leaves the list whole.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BlockSuppressionLspTest {

    @TempDir Path tmp;

    @Test
    void noLineCommentInsideATableQuoteOrLazyLineTheFileWideOneInstead() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String risk = "- **Timeline Risk:** SDK releases follow their own monthly trains.\n";
        String text = Files.readString(spec);
        assertThat(text).contains(risk);
        text =
                text.replace(
                                risk,
                                risk
                                        + "\n"
                                        + "| Step | Owner | Estimate |\n"
                                        + "|------|-------|----------|\n"
                                        + "| Backfill keys (`[id]` column) | Zahlungen | 2 days |\n"
                                        + "| Cut-over | Zahlungen | [Time estimate] |\n"
                                        + "\n"
                                        + "> **Note:** a key is kept for 24 h; a retry after that\n"
                                        + "> is a new refund, estimated at [Time estimate].\n"
                                        + "\n"
                                        + "- Rollout: a canary at 5 %, then\n"
                                        + "every region at once, over [Time estimate].\n")
                        .replace("\n", "\r\n");
        List<String> lines = text.lines().toList();
        int row = lines.indexOf("| Cut-over | Zahlungen | [Time estimate] |");
        int quote = lines.indexOf("> is a new refund, estimated at [Time estimate].");
        int lazy = lines.indexOf("every region at once, over [Time estimate].");
        int item = lines.indexOf("- **Duration:** [Time estimate]");
        List<String> before = LspFeaturesTest.checkRules(spec, text);
        assertThat(before)
                .contains(
                        "placeholder-template@" + (row + 1),
                        "placeholder-template@" + (quote + 1),
                        "placeholder-template@" + (lazy + 1),
                        "placeholder-template@" + (item + 1));
        String uri = spec.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "demo")) {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).contains("placeholder-template");

            for (int line : List.of(row, quote, lazy)) {
                assertThat(titles(actions(session, uri, line)))
                        .as("line %d: %s", line + 1, lines.get(line))
                        .contains("Suppress placeholder-template in this file")
                        .doesNotContain("Suppress placeholder-template on this line");
            }

            // a list item's own line: the comment goes above it, silences it, and the list and
            // the table stay as they were
            CodeAction onLine =
                    actions(session, uri, item).stream()
                            .filter(
                                    a ->
                                            a.getTitle()
                                                    .equals(
                                                            "Suppress placeholder-template on this"
                                                                    + " line"))
                            .findFirst()
                            .orElseThrow();
            String after =
                    SpecgateLanguageServerTest.apply(text, onLine.getEdit().getChanges().get(uri));
            assertThat(after)
                    .isEqualTo(
                            text.replace(
                                    "\r\n- **Duration:** [Time estimate]\r\n",
                                    "\r\n<!-- specgate-disable-next-line placeholder-template"
                                            + " -->\r\n- **Duration:** [Time estimate]\r\n"));
            List<String> checked = LspFeaturesTest.checkRules(spec, after);
            assertThat(checked)
                    .doesNotContain("placeholder-template@" + (item + 2))
                    .contains("placeholder-template@" + (row + 1));
        }
    }

    /**
     * A block quote and a table that list items hold after their first block: a comment line above
     * the quote's or table's first line, indented as it is, is a block of the item, which the quote
     * or table follows whole (commonmark renders the page as before: CommentLineFitsTest), so it is
     * offered there, and once inserted {@code check} no longer reports the finding it silences; the
     * quote's later line and the table's body row still get no comment (before, none of these lines
     * did).
     */
    @Test
    void aLineCommentAboveAQuoteOrTableInAListItemSilencesItInCheck() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String risk = "- **Timeline Risk:** SDK releases follow their own monthly trains.\n";
        String text = Files.readString(spec);
        assertThat(text).contains(risk);
        text =
                text.replace(
                                risk,
                                risk
                                        + "\n"
                                        + "1. Canary at 5 % first.\n"
                                        + "\n"
                                        + "   > **Note:** keys are kept for [Time estimate];\n"
                                        + "   > a retry after that is a new refund, [Time estimate].\n"
                                        + "2. Régions, one by one:\n"
                                        + "   | Région | Owner | [Time estimate] |\n"
                                        + "   |--------|-------|-----------------|\n"
                                        + "   | eu-west | Zahlungen | [Time estimate] |\n")
                        .replace("\n", "\r\n");
        List<String> lines = text.lines().toList();
        int quote = lines.indexOf("   > **Note:** keys are kept for [Time estimate];");
        int later = lines.indexOf("   > a retry after that is a new refund, [Time estimate].");
        int header = lines.indexOf("   | Région | Owner | [Time estimate] |");
        int row = lines.indexOf("   | eu-west | Zahlungen | [Time estimate] |");
        assertThat(LspFeaturesTest.checkRules(spec, text))
                .contains(
                        "placeholder-template@" + (quote + 1),
                        "placeholder-template@" + (later + 1),
                        "placeholder-template@" + (header + 1),
                        "placeholder-template@" + (row + 1));
        String uri = spec.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "demo")) {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).contains("placeholder-template");
            for (int line : List.of(later, row)) {
                assertThat(titles(actions(session, uri, line)))
                        .as("line %d: %s", line + 1, lines.get(line))
                        .doesNotContain("Suppress placeholder-template on this line");
            }
            String after = text;
            for (int line : List.of(header, quote)) { // the lower first: the other stays put
                CodeAction onLine =
                        actions(session, uri, line).stream()
                                .filter(
                                        a ->
                                                a.getTitle()
                                                        .equals(
                                                                "Suppress placeholder-template on"
                                                                        + " this line"))
                                .findFirst()
                                .orElseThrow(
                                        () -> new AssertionError("none on " + lines.get(line)));
                after =
                        SpecgateLanguageServerTest.apply(
                                after, onLine.getEdit().getChanges().get(uri));
            }
            String comment = "<!-- specgate-disable-next-line placeholder-template -->\r\n";
            assertThat(after)
                    .isEqualTo(
                            text.replace(
                                            "\r\n   > **Note:**",
                                            "\r\n   " + comment + "   > **Note:**")
                                    .replace(
                                            "\r\n   | Région |",
                                            "\r\n   " + comment + "   | Région |"));
            // check: the two lines silenced (each one further down), the others still reported
            assertThat(LspFeaturesTest.checkRules(spec, after))
                    .doesNotContain(
                            "placeholder-template@" + (quote + 2),
                            "placeholder-template@" + (header + 3))
                    .contains(
                            "placeholder-template@" + (later + 2),
                            "placeholder-template@" + (row + 3))
                    .noneMatch(r -> r.startsWith("suppression-"));
        }
    }

    /**
     * A finding on a list's later item (Phase 4's Success Criteria, CRLF, non-ASCII): the comment
     * goes above the item indented as the item before's content, so it is that item's last block
     * and the list stays one list (at the margin, as before, it ended the list, and the item opened
     * a second one); {@code check} no longer reports the finding it silences, and nothing else
     * changes.
     */
    @Test
    void aLineCommentAboveALaterListItemKeepsTheListWholeAndSilencesIt() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path spec = tmp.resolve(LspFeaturesTest.REFUND);
        String criteria = "- **Success Criteria:** Duplicate refunds below 5 per month\n";
        String text = Files.readString(spec);
        assertThat(text).contains(criteria);
        text =
                text.replace(
                                criteria,
                                "- **Success Criteria:** Doppelte Erstattungen unter 5 pro Monat"
                                        + " nach [Time estimate]\n")
                        .replace("\n", "\r\n");
        List<String> lines = text.lines().toList();
        int item =
                lines.indexOf(
                        "- **Success Criteria:** Doppelte Erstattungen unter 5 pro Monat nach"
                                + " [Time estimate]");
        assertThat(lines.get(item - 1)).startsWith("- **Deliverables:** ");
        List<String> before = LspFeaturesTest.checkRules(spec, text);
        assertThat(before).contains("placeholder-template@" + (item + 1));
        String uri = spec.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "demo")) {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).contains("placeholder-template");
            CodeAction onLine =
                    actions(session, uri, item).stream()
                            .filter(
                                    a ->
                                            a.getTitle()
                                                    .equals(
                                                            "Suppress placeholder-template on this"
                                                                    + " line"))
                            .findFirst()
                            .orElseThrow();
            String after =
                    SpecgateLanguageServerTest.apply(text, onLine.getEdit().getChanges().get(uri));
            assertThat(after)
                    .isEqualTo(
                            text.replace(
                                    "\r\n- **Success Criteria:** Doppelte",
                                    "\r\n  <!-- specgate-disable-next-line placeholder-template"
                                            + " -->\r\n- **Success Criteria:** Doppelte"));
            assertThat(lists(after)).isEqualTo(lists(text));
            // the one finding silenced; every other as it was, one line further down below it
            List<String> expected = new java.util.ArrayList<>();
            for (String r : before) {
                int at = Integer.parseInt(r.substring(r.indexOf('@') + 1));
                if (!r.equals("placeholder-template@" + (item + 1))) {
                    expected.add(at <= item ? r : r.substring(0, r.indexOf('@') + 1) + (at + 1));
                }
            }
            assertThat(LspFeaturesTest.checkRules(spec, after))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** How many lists commonmark renders of {@code text}. */
    private static int lists(String text) {
        String page =
                org.commonmark.renderer.html.HtmlRenderer.builder()
                        .build()
                        .render(org.commonmark.parser.Parser.builder().build().parse(text));
        return page.split("<ul>|<ol", -1).length - 1;
    }

    private static List<CodeAction> actions(LspSession session, String uri, int line)
            throws Exception {
        return session
                .server
                .getTextDocumentService()
                .codeAction(
                        new CodeActionParams(
                                new TextDocumentIdentifier(uri),
                                new Range(new Position(line, 0), new Position(line, 0)),
                                new CodeActionContext(List.of())))
                .get(30, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .toList();
    }

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(CodeAction::getTitle).toList();
    }
}
