package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status lens and {@code specgate.moveStatus} on a MADR decision: the template's own lifecycle
 * (front matter {@code status:}, with a byte order mark), as {@code specgate status} moves it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OwnLifecycleLspTest {

    @TempDir Path tmp;

    @Test
    void theLensOffersTheNextStatusAndTheMoveEditsOnlyTheFrontMatterValue() throws Exception {
        LspFeaturesTest.copy(
                Path.of("..", "specgate-core/src/test/resources/families/madr-full"), tmp);
        Path config = tmp.resolve(".specgate.yml");
        Files.writeString(
                config,
                Files.readString(config)
                        + "lifecycle:\n  order: [proposed, accepted, deprecated,"
                        + " superseded by ADR-NNNN, rejected]\n");
        Path adr = tmp.resolve("docs/decisions/0004-sign-webhooks-with-ed25519.md");
        String uri = adr.toUri().toString();
        String text = Files.readString(adr);
        assertThat(text).startsWith("\uFEFF---\nstatus: accepted\n");
        LspSession session = LspSession.pushing(tmp, "adr");
        try {
            session.open(uri, text);
            session.next(uri);
            List<? extends CodeLens> lenses =
                    session.server
                            .getTextDocumentService()
                            .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                            .get(30, TimeUnit.SECONDS);
            assertThat(lenses)
                    .extracting(l -> l.getCommand().getTitle())
                    .contains("Next: deprecated — gate passes");

            Object result =
                    session.server
                            .getWorkspaceService()
                            .executeCommand(
                                    new ExecuteCommandParams(SpecCommands.MOVE, List.of(uri)))
                            .get(30, TimeUnit.SECONDS);
            ApplyWorkspaceEditParams edit = session.applied.poll(30, TimeUnit.SECONDS);

            Gson gson = new Gson();
            JsonObject answer = gson.fromJson(gson.toJson(result), JsonObject.class);
            assertThat(answer.get("applied").getAsBoolean()).isTrue();
            assertThat(answer.get("status").getAsString()).isEqualTo("deprecated");
            assertThat(SpecgateLanguageServerTest.apply(text, edit.getEdit().getChanges().get(uri)))
                    .isEqualTo(text.replace("status: accepted\n", "status: deprecated\n"));
        } finally {
            session.close();
        }
    }
}
