package dev.specgate.bench.jmh;

import dev.specgate.bench.corpus.CorpusMain;
import dev.specgate.bench.corpus.GeneratedSpec;
import dev.specgate.bench.corpus.SpecCorpusGenerator;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.lsp.SpecgateLanguageServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The language server's two targets, measured on the server object in a warm process. */
public class LspBenchmark {

    private LspBenchmark() {}

    /**
     * From an incremental {@code didChange} of a 50 KB spec to its published diagnostics, in a warm
     * server without its debounce (which only waits for the typist: 150 ms after the last key), so
     * the time is the server's own work: apply the change, check through the façade, convert the
     * findings.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
    public static class Change {

        @Param("50000")
        public int specBytes;

        private Path dir;
        private String uri;
        private SpecgateLanguageServer server;
        private volatile CompletableFuture<PublishDiagnosticsParams> next;
        private int version = 1;
        private int line;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            GeneratedSpec spec = SpecCorpusGenerator.of(50, 1, 0).withSpecBytes(specBytes).spec(0);
            dir = Files.createTempDirectory("specgate-jmh-lsp");
            Path file = dir.resolve("directives/spec/" + spec.fileName());
            Files.createDirectories(file.getParent());
            Files.write(file, spec.content());
            uri = file.toUri().toString();
            server =
                    new SpecgateLanguageServer(
                            () -> SpecCorpusGenerator.REFERENCE_DATE, Duration.ZERO);
            server.connect(new Client());
            server.initialize(new InitializeParams()).get();
            List<String> lines = spec.text().lines().toList();
            line = lines.size() / 2;
            next = new CompletableFuture<>();
            server.getTextDocumentService()
                    .didOpen(
                            new DidOpenTextDocumentParams(
                                    new TextDocumentItem(uri, "markdown", 1, spec.text())));
            next.get(30, TimeUnit.SECONDS);
            System.out.println();
            System.out.println("spec: " + spec.content().length + " bytes");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            server.exit();
            delete(dir);
        }

        /** Types one character at the start of a line in the middle, or takes it away again. */
        @Benchmark
        public PublishDiagnosticsParams change() throws Exception {
            version++;
            next = new CompletableFuture<>();
            boolean insert = version % 2 == 0;
            Range at = new Range(new Position(line, 0), new Position(line, insert ? 0 : 1));
            server.getTextDocumentService()
                    .didChange(
                            new DidChangeTextDocumentParams(
                                    new VersionedTextDocumentIdentifier(uri, version),
                                    List.of(
                                            new TextDocumentContentChangeEvent(
                                                    at, insert ? "x" : ""))));
            return next.get(30, TimeUnit.SECONDS);
        }

        private final class Client extends NoClient {
            @Override
            public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
                CompletableFuture<PublishDiagnosticsParams> f = next;
                if (diagnostics.getVersion() != null && diagnostics.getVersion() == version) {
                    f.complete(diagnostics);
                } else if (version == 1) {
                    f.complete(diagnostics);
                }
            }
        }
    }

    /**
     * {@code workspace/diagnostic} over a generated workspace of 10,000 specs (1 % defective),
     * against the façade's run over the same files as {@code check} makes it, each from a cold
     * server or project in a heap capped at 300 MB.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @Fork(
            value = 1,
            jvmArgsAppend = {"-Xmx300m"})
    public static class Workspace {

        @Param("10000")
        public int specs;

        private Path dir;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            SpecCorpusGenerator corpus =
                    SpecCorpusGenerator.of(42, specs - specs / 100, specs / 100);
            dir = Files.createTempDirectory("specgate-jmh-ws");
            CorpusMain.write(corpus, dir);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println();
            System.out.println("peak heap (sum of pool peaks): " + peak / (1024 * 1024) + " MB");
            delete(dir);
        }

        /** Every spec of the workspace folder, through a new server as an editor asks for them. */
        @Benchmark
        public int workspaceDiagnostic() throws Exception {
            SpecgateLanguageServer server =
                    new SpecgateLanguageServer(
                            () -> SpecCorpusGenerator.REFERENCE_DATE, Duration.ZERO);
            server.connect(new NoClient());
            InitializeParams init = new InitializeParams();
            TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
            td.setDiagnostic(new DiagnosticCapabilities());
            ClientCapabilities caps = new ClientCapabilities();
            caps.setTextDocument(td);
            init.setCapabilities(caps);
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
            server.initialize(init).get();
            WorkspaceDiagnosticReport report =
                    server.getWorkspaceService()
                            .diagnostic(new WorkspaceDiagnosticParams(List.of()))
                            .get();
            server.exit();
            if (report.getItems().size() != specs) {
                throw new IllegalStateException(
                        report.getItems().size() + " reports for " + specs + " specs");
            }
            return report.getItems().size();
        }

        /** The same files as {@code check FOLDER} checks them, in process. */
        @Benchmark
        public int check() throws Exception {
            SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());
            ProjectRun run =
                    project.run(
                            project.find(List.of(dir)),
                            RunOptions.of(SpecProject.asOf(SpecCorpusGenerator.REFERENCE_DATE)));
            return run.files().size();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A client that ignores what the server tells it. */
    static class NoClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {}

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
}
