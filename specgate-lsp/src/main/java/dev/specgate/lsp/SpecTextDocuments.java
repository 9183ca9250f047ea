package dev.specgate.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The document side of the server: synchronisation, diagnostics and the editing features. */
final class SpecTextDocuments implements TextDocumentService {

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;
    private final QuickFixes fixes = new QuickFixes();

    SpecTextDocuments(SpecgateLanguageServer server, SpecChecks checks) {
        this.server = server;
        this.checks = checks;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        checks.put(new OpenSpec(doc.getUri(), doc.getVersion(), doc.getText()));
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
        if (server.client() != null && !server.clientPulls()) {
            server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is what is checked; saving it changes nothing
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
                                                new SpecHover(server.markdownHover())
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
                                        .map(i -> FieldValueCompletion.at(i, params.getPosition()))
                                        .orElse(List.of())));
    }
}
