package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace side: a changed configuration or template, and workspace diagnostics. */
final class SpecWorkspaceService implements WorkspaceService {

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;

    SpecWorkspaceService(SpecgateLanguageServer server, SpecChecks checks) {
        this.server = server;
        this.checks = checks;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Specgate is configured by .specgate.yml, not by the editor
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        for (FileEvent e : params.getChanges()) {
            Optional<Path> file = OpenSpec.file(e.getUri());
            if (file.isPresent() && checks.projects().concerns(file.get())) {
                server.recheckAll();
                return;
            }
        }
    }

    /** Every spec of every workspace folder, as {@code check FOLDER} finds and checks them. */
    @Override
    public CompletableFuture<WorkspaceDiagnosticReport> diagnostic(
            WorkspaceDiagnosticParams params) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Set<Path> files = new LinkedHashSet<>();
                    for (WorkspaceFolder f : server.folders()) {
                        Optional<Path> root = OpenSpec.file(f.getUri());
                        if (root.isEmpty()) {
                            continue;
                        }
                        try {
                            SpecProject project =
                                    SpecProject.open(
                                            root.get(),
                                            dev.specgate.core.project.ConfigChoice.nearest());
                            files.addAll(project.findAny(List.of(root.get())).specs());
                        } catch (ConfigException e) {
                            // each open spec shows the configuration error itself
                        }
                    }
                    List<WorkspaceDocumentDiagnosticReport> items = new ArrayList<>();
                    for (Path file : files) {
                        String uri = file.toUri().toString();
                        SpecInspection i =
                                checks.current(uri).orElseGet(() -> checks.inspectFile(file));
                        items.add(
                                new WorkspaceDocumentDiagnosticReport(
                                        new WorkspaceFullDocumentDiagnosticReport(
                                                i.diagnostics(),
                                                uri,
                                                checks.get(uri)
                                                        .map(OpenSpec::version)
                                                        .orElse(null))));
                    }
                    return new WorkspaceDiagnosticReport(items);
                });
    }
}
