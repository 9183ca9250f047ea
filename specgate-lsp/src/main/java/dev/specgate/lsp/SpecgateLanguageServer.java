package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileOperationFilter;
import org.eclipse.lsp4j.FileOperationOptions;
import org.eclipse.lsp4j.FileOperationPattern;
import org.eclipse.lsp4j.FileOperationPatternKind;
import org.eclipse.lsp4j.FileOperationPatternOptions;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Specgate's language server: diagnostics exactly as {@code check} gives them, quick fixes, hover,
 * completion, the outline, folding, links, definition, references, rename of a heading across the
 * workspace, code lenses, and the commands that tick a checklist item and move the status. What it
 * announces follows what the client says it supports: pull diagnostics (then nothing is pushed),
 * hierarchical symbols, Markdown hovers, watched files.
 */
public final class SpecgateLanguageServer implements LanguageServer, LanguageClientAware {

    private final SpecChecks checks;
    private final SpecTextDocuments documents;
    private final SpecWorkspaceService workspace;
    private final ConfigNotices configNotices;
    private final String version;
    private final ServerLog log;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile boolean shutdown;

    /** The server's own watch of the configurations, for a client that does not watch files. */
    private volatile ConfigWatch configWatch;

    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private final List<WorkspaceFolder> folders = new ArrayList<>();

    /** A server that checks against {@code today}, debouncing edits by {@code debounce}. */
    public SpecgateLanguageServer(Supplier<LocalDate> today, Duration debounce) {
        this(today, debounce, null);
    }

    /**
     * As {@link #SpecgateLanguageServer(Supplier, Duration)}, telling clients {@code version} as
     * the server's (the command line's {@code --version}); {@code null} for the version in this
     * module's jar, or {@code unknown}.
     */
    public SpecgateLanguageServer(Supplier<LocalDate> today, Duration debounce, String version) {
        this(today, debounce, version, new ServerLog(System.err, false));
    }

    /**
     * As {@link #SpecgateLanguageServer(Supplier, Duration, String)}, saying what it has to say on
     * {@code log} (the client's log once it has sent {@code initialize}).
     */
    SpecgateLanguageServer(
            Supplier<LocalDate> today, Duration debounce, String version, ServerLog log) {
        requireNonNull(today, "today must not be null");
        this.log = requireNonNull(log, "log must not be null");
        this.version =
                version != null
                        ? version
                        : Optional.ofNullable(getClass().getPackage().getImplementationVersion())
                                .orElse("unknown");
        this.checks = new SpecChecks(today, debounce, this::folderPaths, log);
        this.configNotices = new ConfigNotices(this::client, this::folderPaths);
        WorkspaceSpecs specs = new WorkspaceSpecs(this, checks);
        this.documents = new SpecTextDocuments(this, checks, specs);
        this.workspace = new SpecWorkspaceService(this, checks, new SpecCommands(this, checks));
    }

    /** A server that checks against the system date each time, with the standard debounce. */
    public SpecgateLanguageServer() {
        this(LocalDate::now, SpecChecks.DEBOUNCE);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    LanguageClient client() {
        return client;
    }

    ClientCapabilities capabilities() {
        return capabilities;
    }

    List<WorkspaceFolder> folders() {
        synchronized (folders) {
            return List.copyOf(folders);
        }
    }

    /** The workspace folders that are local folders, absolute. */
    List<Path> folderPaths() {
        List<Path> paths = new ArrayList<>();
        for (WorkspaceFolder f : folders()) {
            OpenSpec.file(f.getUri()).ifPresent(p -> paths.add(p.toAbsolutePath().normalize()));
        }
        return paths;
    }

    /** Whether the client pulls diagnostics, so that none are pushed. */
    boolean clientPulls() {
        return capabilities.getTextDocument() != null
                && capabilities.getTextDocument().getDiagnostic() != null;
    }

    /** The exit code, once the client has said {@code exit} or gone away. */
    public CompletableFuture<Integer> exitCode() {
        return exit;
    }

    /** Ends the session as the client would by going away: 0 after shutdown, else 1. */
    public void disconnected() {
        end();
    }

    /** The session over: the checks and the watch stopped, what is said goes to the stream. */
    private void end() {
        exit.complete(shutdown ? 0 : 1);
        log.disconnect();
        checks.close();
        ConfigWatch w = configWatch;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            capabilities = params.getCapabilities();
        }
        LanguageClient c = client;
        if (c != null && !exit.isDone()) {
            // from now on what the server says goes to the client's log (allowed during initialize)
            log.connect(c);
        }
        if (params.getWorkspaceFolders() != null) {
            synchronized (folders) {
                // an empty folder (Neovim's empty table, read as null by EmptyFolders, or {}) is
                // no folder: kept, it would fail every later use of the list
                for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                    if (f != null && f.getUri() != null) {
                        folders.add(f);
                    }
                }
            }
        }
        if (params.getProcessId() != null
                && params.getProcessId().longValue() != ProcessHandle.current().pid()) {
            // the client's process: when it dies without saying exit, so does the server (a
            // process this one cannot see, such as one in another container, is not watched)
            ProcessHandle.of(params.getProcessId().longValue())
                    .ifPresent(p -> p.onExit().thenRun(this::disconnected));
        }
        ServerCapabilities caps = new ServerCapabilities();
        caps.setPositionEncoding(PositionEncodingKind.UTF16);
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false)); // a save may make a file: a spec's second name
        caps.setTextDocumentSync(sync);
        // files created, deleted or renamed from the editor: the same
        FileOperationPattern markdown = new FileOperationPattern("**/*.md");
        markdown.setMatches(FileOperationPatternKind.File);
        markdown.setOptions(new FileOperationPatternOptions(true));
        FileOperationPattern folder = new FileOperationPattern("**");
        folder.setMatches(FileOperationPatternKind.Folder);
        FileOperationOptions names =
                new FileOperationOptions(
                        List.of(
                                new FileOperationFilter(markdown),
                                new FileOperationFilter(folder)));
        FileOperationsServerCapabilities operations = new FileOperationsServerCapabilities();
        operations.setDidCreate(names);
        operations.setDidDelete(names);
        operations.setDidRename(names);
        WorkspaceServerCapabilities workspaceCaps = new WorkspaceServerCapabilities();
        workspaceCaps.setFileOperations(operations);
        // folders added and removed: their specs' paths, searches and the server's own watch
        WorkspaceFoldersOptions workspaceFolders = new WorkspaceFoldersOptions();
        workspaceFolders.setSupported(true);
        workspaceFolders.setChangeNotifications(true);
        workspaceCaps.setWorkspaceFolders(workspaceFolders);
        caps.setWorkspace(workspaceCaps);
        caps.setCodeActionProvider(
                new CodeActionOptions(
                        List.of(CodeActionKind.QuickFix, QuickFixes.FIX_ALL, QuickFixes.COMMANDS)));
        caps.setHoverProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(" ", "#", "(", "/", "*")));
        caps.setFoldingRangeProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(SpecCommands.ALL));
        if (clientPulls()) {
            DiagnosticRegistrationOptions pull = new DiagnosticRegistrationOptions(false, true);
            pull.setIdentifier(LspAdapter.SOURCE);
            caps.setDiagnosticProvider(pull);
        }
        ServerInfo info = new ServerInfo("specgate", version);
        return CompletableFuture.completedFuture(new InitializeResult(caps, info));
    }

    @Override
    public void initialized(InitializedParams params) {
        ClientCapabilities c = capabilities;
        boolean dynamicWatch =
                c.getWorkspace() != null
                        && c.getWorkspace().getDidChangeWatchedFiles() != null
                        && Boolean.TRUE.equals(
                                c.getWorkspace()
                                        .getDidChangeWatchedFiles()
                                        .getDynamicRegistration());
        if (dynamicWatch && client != null) {
            // the configurations, and the Markdown files: templates, and specs that come or go
            // (a spec may get or lose a second name)
            DidChangeWatchedFilesRegistrationOptions watch =
                    new DidChangeWatchedFilesRegistrationOptions(
                            List.of(
                                    new FileSystemWatcher(
                                            Either.forLeft("**/" + Projects.CONFIG_FILE)),
                                    new FileSystemWatcher(Either.forLeft("**/*.md"))));
            client.registerCapability(
                    new RegistrationParams(
                            List.of(
                                    new Registration(
                                            "specgate-config",
                                            "workspace/didChangeWatchedFiles",
                                            watch))));
        } else if (!dynamicWatch) {
            // the client sends no changed files (Neovim 0.7): a fixed configuration's error
            // would stay until the spec's next edit, so the server watches for itself
            configWatch =
                    new ConfigWatch(
                            file -> checks.projects().concerns(file), this::recheckAll, log);
            if (exit.isDone()) {
                configWatch.close(); // ended meanwhile: no watch outlives the session
            } else {
                servedChanged();
            }
        }
    }

    /** The server's own watch of the configurations, or null when the client watches them. */
    ConfigWatch configWatch() {
        return configWatch;
    }

    /** Where the server says what it has to say. */
    ServerLog log() {
        return log;
    }

    /**
     * The folders served changed (a workspace folder added or removed, a spec opened or closed):
     * the server's own watch, if any, follows them ({@link ConfigWatch#servedRoots}).
     */
    void servedChanged() {
        ConfigWatch w = configWatch;
        if (w != null) {
            w.follow(
                    ConfigWatch.servedRoots(
                            folderPaths(),
                            checks.all().stream()
                                    .map(OpenSpec::file)
                                    .flatMap(Optional::stream)
                                    .toList()));
        }
    }

    /**
     * Workspace folders added and removed ({@code workspace/didChangeWorkspaceFolders}): the open
     * specs are checked again (their paths are written from the folders, and the folders' searches
     * decide what is taken), and the server's own watch follows.
     */
    void foldersChanged(List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
        synchronized (folders) {
            // Neovim 0.7 sends an empty folder ({}) in the list it has nothing for: no URI, left
            for (WorkspaceFolder r : removed) {
                if (r != null && r.getUri() != null) {
                    folders.removeIf(f -> sameFolder(f, r));
                }
            }
            for (WorkspaceFolder a : added) {
                if (a != null
                        && a.getUri() != null
                        && folders.stream().noneMatch(f -> sameFolder(f, a))) {
                    folders.add(a);
                }
            }
        }
        servedChanged();
        namesChanged();
    }

    /** Whether two workspace folders are one: the same local folder, or else the same URI. */
    private static boolean sameFolder(WorkspaceFolder a, WorkspaceFolder b) {
        Optional<Path> pa = OpenSpec.file(a.getUri()).map(p -> p.toAbsolutePath().normalize());
        Optional<Path> pb = OpenSpec.file(b.getUri()).map(p -> p.toAbsolutePath().normalize());
        return pa.isPresent() && pb.isPresent()
                ? pa.equals(pb)
                : java.util.Objects.equals(a.getUri(), b.getUri());
    }

    /** Whether the client applies versioned document edits ({@code documentChanges}). */
    boolean versionedEdits() {
        var w = capabilities.getWorkspace();
        return w != null
                && w.getWorkspaceEdit() != null
                && Boolean.TRUE.equals(w.getWorkspaceEdit().getDocumentChanges());
    }

    /**
     * Whether the client shows a code action that cannot be applied, with why ({@code disabled}).
     */
    boolean disabledActions() {
        var td = capabilities.getTextDocument();
        return td != null
                && td.getCodeAction() != null
                && Boolean.TRUE.equals(td.getCodeAction().getDisabledSupport());
    }

    /** Whether hovers may be Markdown. */
    boolean markdownHover() {
        var td = capabilities.getTextDocument();
        if (td == null || td.getHover() == null || td.getHover().getContentFormat() == null) {
            return true;
        }
        return td.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
    }

    /** Whether the outline may be nested. */
    boolean hierarchicalSymbols() {
        var td = capabilities.getTextDocument();
        return td != null
                && td.getDocumentSymbol() != null
                && Boolean.TRUE.equals(
                        td.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    }

    /**
     * Shows a check's diagnostics, unless the client pulls them; and, to every client, what is
     * wrong with its configuration, on the configuration file ({@link ConfigNotices}).
     */
    void publish(SpecInspection i) {
        configNotices.checked(i);
        LanguageClient c = client;
        if (c == null || clientPulls()) {
            return;
        }
        c.publishDiagnostics(
                new PublishDiagnosticsParams(i.spec().uri(), i.diagnostics(), i.spec().version()));
    }

    /** Every open spec checked again (the configuration or template changed). */
    void recheckAll() {
        checks.forgetProjects();
        recheckOpen();
    }

    /**
     * Every open spec checked again with a new search for further names of specs (a file or folder
     * was created, deleted or renamed: a spec may have got, or lost, a second name); between such
     * changes the search is kept, not made again at each check.
     */
    void namesChanged() {
        checks.forgetNames();
        recheckOpen();
    }

    /**
     * Files created, deleted (a rename is both) or saved: every open spec checked again when files
     * came or went or a spec may have got, or lost, a second name, the search for further names
     * made again only where it no longer holds ({@link Projects#namesChanged}).
     */
    void namesChanged(List<Path> created, List<Path> deleted, List<Path> saved) {
        if (checks.namesChanged(created, deleted, saved)) {
            recheckOpen();
        }
    }

    /**
     * A spec saved: checked again, and the other open specs whose checks the save can change
     * ({@link SpecChecks#saved}), not every open spec.
     */
    void saved(Path file) {
        checks.saved(file, this::recheck);
    }

    private void recheckOpen() {
        recheck(checks.all().stream().map(OpenSpec::uri).toList());
    }

    private void recheck(List<String> uris) {
        for (String uri : uris) {
            checks.schedule(uri, true, this::publish);
        }
        var w = capabilities.getWorkspace();
        if (clientPulls()
                && client != null
                && w != null
                && w.getDiagnostics() != null
                && Boolean.TRUE.equals(w.getDiagnostics().getRefreshSupport())) {
            client.refreshDiagnostics();
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        end();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
