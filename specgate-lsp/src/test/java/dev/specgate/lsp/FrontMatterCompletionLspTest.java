package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completing a missing field of a template that keeps its metadata in YAML front matter (MADR's
 * full template; a decision with a byte order mark and CRLF line ends): inside the front matter the
 * key as YAML writes it ({@code consulted: }), which {@code check} then reads as the field; in the
 * body nothing, since a bold {@code **consulted:**} line there is not that field. Before, both
 * offered {@code **consulted:** }, which in the front matter makes it YAML that does not parse.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FrontMatterCompletionLspTest {

    @TempDir Path tmp;

    @Test
    void aMissingFrontMatterFieldIsCompletedAsAKeyInsideTheFrontMatterOnly() throws Exception {
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/madr-full"), tmp);
        Path adr = tmp.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        String text =
                Files.readString(adr)
                        .replace("consulted: Security team, three partner integrators\n", "\n")
                        .replace(
                                "## Context and Problem Statement\n",
                                "## Context and Problem Statement\n\n")
                        .replace("\n", "\r\n");
        assertThat(text).startsWith("\uFEFF---\r\nstatus: accepted\r\n");
        List<String> lines = text.lines().toList();
        int inFrontMatter = lines.indexOf("informed: All engineering, partner newsletter") - 1;
        int inBody = lines.indexOf("## Context and Problem Statement") + 1;
        assertThat(lines.get(inFrontMatter)).isEmpty();
        assertThat(lines.get(inBody)).isEmpty();
        String uri = adr.toUri().toString();
        try (LspSession session = LspSession.pushing(tmp, "adr")) {
            session.open(uri, text);
            assertThat(LspSession.codes(session.next(uri))).doesNotContain("metadata-invalid");

            List<CompletionItem> keys = complete(session, uri, inFrontMatter);
            assertThat(keys).extracting(CompletionItem::getLabel).containsExactly("consulted:");
            assertThat(keys.get(0).getTextEdit().getLeft().getNewText()).isEqualTo("consulted: ");

            assertThat(complete(session, uri, inBody))
                    .extracting(CompletionItem::getLabel)
                    .noneMatch(l -> l.contains("consulted"));

            // what the key completed makes: the field check reads, the front matter still YAML
            String completed =
                    String.join("\r\n", lines.subList(0, inFrontMatter))
                            + "\r\nconsulted: Security team\r\n"
                            + String.join("\r\n", lines.subList(inFrontMatter + 1, lines.size()))
                            + "\r\n";
            assertThat(LspFeaturesTest.checkRules(adr, completed))
                    .noneMatch(r -> r.startsWith("metadata-invalid"))
                    .noneMatch(r -> r.startsWith("field-missing"));
        }
    }

    private static List<CompletionItem> complete(LspSession session, String uri, int line)
            throws Exception {
        return session.server
                .getTextDocumentService()
                .completion(
                        new CompletionParams(
                                new TextDocumentIdentifier(uri), new Position(line, 0)))
                .get(30, TimeUnit.SECONDS)
                .getLeft();
    }
}
