package dev.specgate.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP4J client talking JSON-RPC to {@link SpecgateLsp#run} over a pair of connected sockets,
 * in-process: the server sees exactly the bytes an editor would send.
 */
final class LspSession implements AutoCloseable {

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final BlockingQueue<ApplyWorkspaceEditParams> applied = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> shown = new LinkedBlockingQueue<>();
    final LanguageServer server;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final Socket clientSide;
    private final Socket serverSide;
    InitializeResult initialized;

    private LspSession(LocalDate today) throws IOException {
        // a connected pair of sockets: java.io's pipes break when a writing thread ends
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            clientSide = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort());
            serverSide = listen.accept();
        }
        InputStream serverIn = serverSide.getInputStream();
        OutputStream toClient = serverSide.getOutputStream();
        InputStream clientIn = clientSide.getInputStream();
        OutputStream toServer = clientSide.getOutputStream();
        Thread serverThread =
                new Thread(
                        () -> {
                            try {
                                exitCode.complete(SpecgateLsp.run(serverIn, toClient, () -> today));
                            } catch (Throwable t) {
                                exitCode.completeExceptionally(t);
                            }
                        },
                        "test-lsp-server");
        serverThread.setDaemon(true);
        serverThread.start();
        Launcher<LanguageServer> launcher =
                LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A session initialized with {@code capabilities}. */
    static LspSession start(LocalDate today, ClientCapabilities capabilities) throws Exception {
        return start(today, capabilities, List.of());
    }

    /** A session initialized with {@code capabilities} and workspace folders. */
    static LspSession start(
            LocalDate today, ClientCapabilities capabilities, List<WorkspaceFolder> folders)
            throws Exception {
        LspSession s = new LspSession(today);
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(folders);
        init.setCapabilities(capabilities);
        init.setProcessId((int) ProcessHandle.current().pid());
        s.initialized = s.server.initialize(init).get(30, TimeUnit.SECONDS);
        s.server.initialized(new InitializedParams());
        return s;
    }

    /**
     * A session of a client that takes pushed diagnostics, checking as of 2026-11-25, with one
     * workspace folder.
     */
    static LspSession pushing(java.nio.file.Path folder, String name) throws Exception {
        return start(
                LocalDate.parse("2026-11-25"),
                SpecgateLanguageServerTest.pushClient(),
                List.of(new WorkspaceFolder(folder.toUri().toString(), name)));
    }

    void open(String uri, String text) {
        server.getTextDocumentService()
                .didOpen(
                        new DidOpenTextDocumentParams(
                                new TextDocumentItem(uri, "markdown", 1, text)));
    }

    /** The next diagnostics published for {@code uri} (older ones for it are skipped). */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = published.poll(30, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no diagnostics published for " + uri + " in 30 s");
            }
            if (p.getUri().equals(uri)) {
                return p;
            }
        }
    }

    /** The diagnostics published for {@code uri} at {@code version}. */
    PublishDiagnosticsParams at(String uri, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = next(uri);
            if (p.getVersion() != null && p.getVersion() == version) {
                return p;
            }
        }
    }

    /** Shuts down and exits politely; returns the server's exit code. */
    int shutdownAndExit() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        return exitCode.get(30, TimeUnit.SECONDS);
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
        public void showMessage(MessageParams messageParams) {
            shown.add(messageParams);
        }

        @Override
        public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(
                ApplyWorkspaceEditParams params) {
            applied.add(params);
            return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(
                ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}

        @Override
        public CompletableFuture<Void> registerCapability(
                org.eclipse.lsp4j.RegistrationParams params) {
            return CompletableFuture.completedFuture(null);
        }
    }

    static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    }
}
