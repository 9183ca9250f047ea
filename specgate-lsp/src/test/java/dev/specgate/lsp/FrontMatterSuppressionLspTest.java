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
 * Suppressing a finding on a line of YAML front matter (a MADR decision whose {@code status:} is
 * not one of the template's, with a byte order mark and CRLF line ends): no {@code
 * specgate-disable-next-line} comment is offered there, since an HTML comment inside the front
 * matter ends it and every field it holds goes missing (before, the quick fix did that: one finding
 * silenced, the five keys reported missing); the comment for the whole file goes above the first
 * heading, after the front matter, and silences it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FrontMatterSuppressionLspTest {

    @TempDir Path tmp;

    @Test
    void aFrontMatterFindingIsSuppressedForTheFileNotByACommentInsideTheYaml() throws Exception {
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/madr-full"), tmp);
        Path adr = tmp.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        String text =
                Files.readString(adr)
                        .replace("status: accepted\n", "status: approved\n")
                        .replace("\n", "\r\n");
        assertThat(text).startsWith("\uFEFF---\r\nstatus: approved\r\n");
        assertThat(LspFeaturesTest.checkRules(adr, text)).contains("field-value@2");
        String uri = adr.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "adr")) {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).contains("field-value");

            List<CodeAction> actions =
                    session
                            .server
                            .getTextDocumentService()
                            .codeAction(
                                    new CodeActionParams(
                                            new TextDocumentIdentifier(uri),
                                            new Range(new Position(1, 0), new Position(1, 0)),
                                            new CodeActionContext(List.of())))
                            .get(30, TimeUnit.SECONDS)
                            .stream()
                            .map(e -> e.getRight())
                            .toList();

            assertThat(actions)
                    .extracting(CodeAction::getTitle)
                    // a value that is no status is fixed only to a status a move leads to from
                    // none: proposed, not accepted (its gate is a step later)
                    .contains("Set status to 'proposed'", "Suppress field-value in this file")
                    .doesNotContain("Set status to 'accepted'")
                    .doesNotContain("Suppress field-value on this line");
            CodeAction inFile =
                    actions.stream()
                            .filter(a -> a.getTitle().equals("Suppress field-value in this file"))
                            .findFirst()
                            .orElseThrow();
            String after =
                    SpecgateLanguageServerTest.apply(text, inFile.getEdit().getChanges().get(uri));
            assertThat(after)
                    .isEqualTo(
                            text.replace(
                                    "\r\n# Sign webhook",
                                    "\r\n<!-- specgate-disable field-value -->\r\n\r\n# Sign webhook"));
            assertThat(LspFeaturesTest.checkRules(adr, after))
                    .noneMatch(r -> r.startsWith("field-value"))
                    .noneMatch(r -> r.startsWith("field-missing"))
                    .noneMatch(r -> r.startsWith("metadata-invalid"));
        }
    }
}
