package dev.specgate.cli.lsp;

import dev.specgate.lsp.SpecgateLsp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** LSP4J's own client, talking to the server in-process over a pair of connected sockets. */
final class LspClient implements AutoCloseable {

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final LanguageServer server;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final Socket clientSide;

    LspClient(LocalDate today) throws Exception {
        Socket serverSide;
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            clientSide = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort());
            serverSide = listen.accept();
        }
        Thread t =
                new Thread(
                        () -> {
                            try {
                                exitCode.complete(
                                        SpecgateLsp.run(
                                                serverSide.getInputStream(),
                                                serverSide.getOutputStream(),
                                                () -> today));
                            } catch (Throwable e) {
                                exitCode.completeExceptionally(e);
                            }
                        },
                        "test-lsp-server");
        t.setDaemon(true);
        t.start();
        Launcher<LanguageServer> launcher =
                LSPLauncher.createClientLauncher(
                        new Client(), clientSide.getInputStream(), clientSide.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    /** Opens a document and waits for its first diagnostics. */
    PublishDiagnosticsParams open(String uri, String text) throws InterruptedException {
        server.getTextDocumentService()
                .didOpen(
                        new DidOpenTextDocumentParams(
                                new TextDocumentItem(uri, "markdown", 1, text)));
        while (true) {
            PublishDiagnosticsParams p = published.poll(30, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no diagnostics for " + uri);
            }
            if (p.getUri().equals(uri)) {
                return p;
            }
        }
    }

    @Override
    public void close() throws IOException {
        clientSide.close();
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(
                ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }

    static ClientCapabilities none() {
        return new ClientCapabilities();
    }
}
