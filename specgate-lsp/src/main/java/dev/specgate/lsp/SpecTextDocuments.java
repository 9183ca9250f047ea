package dev.specgate.lsp;

import dev.specgate.lsp.WorkspaceSpecs.SpecView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The document side of the server: synchronisation, diagnostics and the editing features. */
final class SpecTextDocuments implements TextDocumentService {

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;
    private final QuickFixes fixes;
    private final WorkspaceSpecs workspace;
    private final SpecNavigation navigation;
    private final SpecCompletion completion;

    SpecTextDocuments(SpecgateLanguageServer server, SpecChecks checks, WorkspaceSpecs workspace) {
        this.server = server;
        this.checks = checks;
        this.workspace = workspace;
        this.fixes = new QuickFixes(server::versionedEdits, server::disabledActions);
        this.navigation = new SpecNavigation(workspace);
        this.completion = new SpecCompletion(workspace);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        checks.put(new OpenSpec(doc.getUri(), doc.getVersion(), doc.getText()));
        server.servedChanged(); // a spec outside the folders watched: its project's root
        checks.schedule(doc.getUri(), true, server::publish);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        checks.get(uri)
                .ifPresent(
                        before -> {
                            String text =
                                    LspAdapter.apply(before.text(), params.getContentChanges());
                            Integer version = params.getTextDocument().getVersion();
                            checks.put(
                                    new OpenSpec(
                                            uri,
                                            version == null ? before.version() + 1 : version,
                                            text));
                            checks.schedule(uri, false, server::publish);
                        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        checks.close(uri);
        server.servedChanged();
        if (server.client() != null && !server.clientPulls()) {
            server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is what is checked; but a save may have made a file (save as), a further
        // name of a spec, or replaced one (an atomic save splits a hard link): the spec is checked
        // again, and the others whose checks that can change (SpecChecks.saved)
        Optional<java.nio.file.Path> file = OpenSpec.file(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            server.namesChanged();
            return;
        }
        server.saved(file.get());
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        new DocumentDiagnosticReport(
                                new RelatedFullDocumentDiagnosticReport(
                                        checks.current(params.getTextDocument().getUri())
                                                .map(SpecInspection::diagnostics)
                                                .orElse(List.of()))));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(
            CodeActionParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        checks.current(params.getTextDocument().getUri())
                                .map(
                                        i ->
                                                fixes
                                                        .actions(
                                                                i,
                                                                params.getRange(),
                                                                params.getContext().getOnly())
                                                        .stream()
                                                        .map(Either::<Command, CodeAction>forRight)
                                                        .toList())
                                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        checks.current(params.getTextDocument().getUri())
                                .flatMap(
                                        i ->
                                                new SpecHover(
                                                                server.markdownHover(),
                                                                workspace,
                                                                server.folderPaths())
                                                        .at(i, params.getPosition()))
                                .orElse(null));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        checks.current(params.getTextDocument().getUri())
                                .map(i -> SpecOutline.of(i, server.hierarchicalSymbols()))
                                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
            CompletionParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        Either.forLeft(
                                checks.current(params.getTextDocument().getUri())
                                        .map(i -> completion.at(i, params.getPosition()))
                                        .orElse(List.of())));
    }

    /** The open spec as navigation reads it. */
    private Optional<SpecView> view(TextDocumentIdentifier doc) {
        return workspace.view(doc.getUri());
    }

    /**
     * The open spec as navigation reads it when it has a project that can search the workspace: a
     * spec whose configuration cannot be used gets no references and no rename, which would miss
     * the specs that configuration governs.
     */
    private Optional<SpecView> searchable(TextDocumentIdentifier doc) {
        return view(doc).filter(v -> v.project() != null);
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        view(params.getTextDocument())
                                .map(SpecNavigation::folding)
                                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return CompletableFuture.supplyAsync(
                () -> view(params.getTextDocument()).map(navigation::links).orElse(List.of()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
            definition(DefinitionParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        Either.forLeft(
                                view(params.getTextDocument())
                                        .map(v -> navigation.definition(v, params.getPosition()))
                                        .orElse(List.of())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration =
                params.getContext() != null && params.getContext().isIncludeDeclaration();
        return CompletableFuture.supplyAsync(
                () ->
                        searchable(params.getTextDocument())
                                .map(
                                        v ->
                                                navigation.references(
                                                        v, params.getPosition(), declaration))
                                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
            prepareRename(PrepareRenameParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        searchable(params.getTextDocument())
                                .flatMap(v -> navigation.prepareRename(v, params.getPosition()))
                                .map(
                                        Either3
                                                ::<Range, PrepareRenameResult,
                                                        PrepareRenameDefaultBehavior>forSecond)
                                .orElse(null));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        searchable(params.getTextDocument())
                                .map(
                                        v ->
                                                navigation.rename(
                                                        v,
                                                        params.getPosition(),
                                                        params.getNewName()))
                                .orElse(null));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return CompletableFuture.supplyAsync(
                () ->
                        checks.current(params.getTextDocument().getUri())
                                .map(SpecLenses::of)
                                .orElse(List.of()));
    }
}
