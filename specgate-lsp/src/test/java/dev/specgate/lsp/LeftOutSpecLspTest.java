package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specgate.moveStatus} on a spec {@code .specgate.yml}'s globs leave out: refused with the
 * façade's reason, in the words {@code specgate status} refuses it in, and nothing is edited.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LeftOutSpecLspTest {

    @TempDir Path tmp;

    @Test
    void aMoveOfASpecTheGlobsLeaveOutIsRefusedAsStatusRefusesIt() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\n# specs live under directives/spec; drafts parked elsewhere\n"
                        + "specs:\n  - \"directives/spec/2026-1*.md\"\n");
        String name = "directives/spec/2026-07-21_spec_ledger-export-sftp.md";
        Path ledger = tmp.resolve(name);
        String uri = ledger.toUri().toString();
        String text = Files.readString(ledger);
        assertThat(text).contains("**Document Status:** Review");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            // no findings, as check . leaves it out; one information line says why
            assertThat(session.next(uri).getDiagnostics())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getSeverity())
                                        .isEqualTo(
                                                org.eclipse.lsp4j.DiagnosticSeverity.Information);
                                assertThat(d.getMessage())
                                        .isEqualTo(
                                                name
                                                        + " is not checked: no specs: glob"
                                                        + " matches "
                                                        + name
                                                        + " in .specgate.yml");
                            });

            Object result =
                    session.server
                            .getWorkspaceService()
                            .executeCommand(
                                    new ExecuteCommandParams(
                                            SpecCommands.MOVE, List.of(uri, "Draft")))
                            .get(30, TimeUnit.SECONDS);
            MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

            Gson gson = new Gson();
            JsonObject answer = gson.fromJson(gson.toJson(result), JsonObject.class);
            String refusal =
                    name
                            + " is not checked: no specs: glob matches "
                            + name
                            + " in .specgate.yml; specgate.moveStatus moves only specs that check"
                            + " checks (change the globs so that they select it); the file is"
                            + " unchanged";
            assertThat(answer.get("applied").getAsBoolean()).isFalse();
            assertThat(answer.get("message").getAsString()).isEqualTo(refusal);
            assertThat(shown.getType()).isEqualTo(MessageType.Error);
            assertThat(shown.getMessage()).isEqualTo(refusal);
            assertThat(session.applied).isEmpty();
            assertThat(Files.readString(ledger)).isEqualTo(text);
        } finally {
            session.close();
        }
    }
}
