package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/**
 * Where the server's messages go: the log stream (standard error) until the client has sent {@code
 * initialize}, then the client's log at the message's level, and the stream again after the session
 * or when the client cannot be told; a bug with its stack trace, shown to the writer once.
 */
class ServerLogTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Client client = new Client();

    @Test
    void theStreamBeforeTheClientConnectsTheClientsLogWhileItIsAndTheStreamAfter() {
        ServerLog log = new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        log.say(MessageType.Warning, "cannot watch /srv/spëcs (Permission denied)");
        log.connect(client);
        log.say(MessageType.Warning, "cannot watch /srv/ledger (Too many open files)");
        log.say(MessageType.Info, "LSP4J info: something");
        log.disconnect();
        log.say(MessageType.Error, "skipped a message from the client: garbage");

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "specgate lsp: cannot watch /srv/spëcs (Permission denied)",
                        "specgate lsp: skipped a message from the client: garbage");
        assertThat(client.logged)
                .containsExactly(
                        "2: cannot watch /srv/ledger (Too many open files)",
                        "3: LSP4J info: something");
        assertThat(client.shown).isEmpty();
    }

    @Test
    void aClientThatCannotBeToldLeavesTheMessageOnTheStream() {
        ServerLog log = new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        client.broken = true;
        log.connect(client);
        log.say(MessageType.Error, "LSP4J severe: Failed to send notification message.");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "specgate lsp: LSP4J severe: Failed to send notification message."
                                + System.lineSeparator());
    }

    /**
     * LSP4J's own proxy does not throw when the client's stream is gone: it logs that it could not
     * send, and returns. The message is still said on the stream, after that line, not lost.
     */
    @Test
    void aMessageLsp4jCouldNotSendToAGoneClientIsSaidOnTheStream() {
        ServerLog log = new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        org.eclipse.lsp4j.jsonrpc.RemoteEndpoint gone =
                new org.eclipse.lsp4j.jsonrpc.RemoteEndpoint(
                        message -> {
                            throw new org.eclipse.lsp4j.jsonrpc.JsonRpcException(
                                    new java.io.IOException("Broken pipe"));
                        },
                        org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.toEndpoint(
                                new Object()));
        log.connect(
                org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.toServiceObject(
                        gone, LanguageClient.class));
        try (SpecgateLsp.OneLineLog lsp4j = SpecgateLsp.OneLineLog.install(log)) {
            log.say(MessageType.Warning, "cannot watch /srv/spëcs (Too many open files)");
        }

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "specgate lsp: LSP4J warning: Failed to send notification message. (Broken"
                                + " pipe)",
                        "specgate lsp: cannot watch /srv/spëcs (Too many open files)");
    }

    @Test
    void aBugGoesWithItsStackTraceAndIsShownOnce() {
        ServerLog log = new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        log.connect(client);
        IllegalStateException bug = new IllegalStateException("line 12 past the end");
        log.bug("cannot check file:///tmp/a.md: " + bug, bug);
        log.bug("cannot check file:///tmp/b.md: " + bug, bug);
        log.say(MessageType.Error, "skipped a message", bug); // no --stacktrace: one line

        assertThat(client.logged).hasSize(3);
        assertThat(client.logged.get(0))
                .startsWith(
                        "1: cannot check file:///tmp/a.md: java.lang.IllegalStateException: line 12"
                                + " past the end\njava.lang.IllegalStateException")
                .contains("\tat dev.specgate.lsp.ServerLogTest");
        assertThat(client.logged.get(2)).isEqualTo("1: skipped a message");
        assertThat(client.shown)
                .containsExactly(
                        "1: specgate: cannot check file:///tmp/a.md:"
                                + " java.lang.IllegalStateException: line 12 past the end (a bug in"
                                + " specgate: the server's log has its stack trace; please report"
                                + " it)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static final class Client implements LanguageClient {
        final List<String> logged = new ArrayList<>();
        final List<String> shown = new ArrayList<>();
        boolean broken;

        @Override
        public void logMessage(MessageParams message) {
            if (broken) {
                throw new IllegalStateException("the stream is closed");
            }
            logged.add(message.getType().getValue() + ": " + message.getMessage());
        }

        @Override
        public void showMessage(MessageParams message) {
            shown.add(message.getType().getValue() + ": " + message.getMessage());
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(
                ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
