package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
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
 * {@code specgate.moveStatus} to a TARGET that is no status: refused in the lifecycle's one wording
 * ({@code Lifecycle.notAStatus}, which {@code specgate status} and MCP's {@code set_status} say
 * too), with its suggestion, and nothing is edited.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MoveTargetLspTest {

    @TempDir Path tmp;

    @Test
    void aTargetThatIsNoStatusIsRefusedInTheLifecyclesWords() throws Exception {
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), tmp);
        Path spec = tmp.resolve("directives/spec/2026-07-21_spec_ledger-export-sftp.md");
        String uri = spec.toUri().toString();
        String text = Files.readString(spec);
        String expected =
                SpecProject.open(spec, ConfigChoice.nearest()).lifecycle().notAStatus("Aproved");
        assertThat(expected).endsWith("; did you mean 'Approved'?");
        LspSession session = LspSession.pushing(tmp, "demo");
        try {
            session.open(uri, text);
            session.next(uri);

            Object result =
                    session.server
                            .getWorkspaceService()
                            .executeCommand(
                                    new ExecuteCommandParams(
                                            SpecCommands.MOVE, List.of(uri, "Aproved")))
                            .get(30, TimeUnit.SECONDS);
            MessageParams shown = session.shown.poll(30, TimeUnit.SECONDS);

            Gson gson = new Gson();
            JsonObject answer = gson.fromJson(gson.toJson(result), JsonObject.class);
            assertThat(answer.get("applied").getAsBoolean()).isFalse();
            assertThat(answer.get("message").getAsString()).isEqualTo(expected);
            assertThat(shown.getType()).isEqualTo(MessageType.Error);
            assertThat(shown.getMessage()).isEqualTo(expected);
            assertThat(session.applied).isEmpty();
            assertThat(Files.readString(spec)).isEqualTo(text);
        } finally {
            session.close();
        }
    }
}
