package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CreateFilesParams;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The workspace side: workspace folders added and removed, a changed configuration or template,
 * workspace diagnostics (with result ids), and the commands.
 */
final class SpecWorkspaceService implements WorkspaceService {

    private final SpecgateLanguageServer server;
    private final SpecChecks checks;
    private final SpecCommands commands;

    SpecWorkspaceService(SpecgateLanguageServer server, SpecChecks checks, SpecCommands commands) {
        this.server = server;
        this.checks = checks;
        this.commands = commands;
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return CompletableFuture.supplyAsync(
                () -> commands.run(params.getCommand(), params.getArguments()));
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        WorkspaceFoldersChangeEvent e = params.getEvent();
        if (e == null) {
            return;
        }
        server.foldersChanged(
                e.getAdded() == null ? List.of() : e.getAdded(),
                e.getRemoved() == null ? List.of() : e.getRemoved());
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Specgate is configured by .specgate.yml, not by the editor
    }

    /**
     * A configuration or template changed: every open spec checked again with it; a file created or
     * deleted: every open spec checked again with a new search for further names of specs (a file
     * only changed keeps the names as they were).
     */
    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        List<Path> created = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        List<Path> saved = new ArrayList<>();
        boolean unknown = false;
        for (FileEvent e : params.getChanges()) {
            Optional<Path> file = OpenSpec.file(e.getUri());
            if (file.isPresent() && checks.projects().concerns(file.get())) {
                server.recheckAll();
                return;
            }
            if (file.isEmpty()) {
                unknown |= e.getType() != FileChangeType.Changed;
                continue;
            }
            (e.getType() == FileChangeType.Created
                            ? created
                            : e.getType() == FileChangeType.Deleted ? deleted : saved)
                    .add(file.get());
        }
        if (unknown) {
            server.namesChanged();
        } else {
            server.namesChanged(created, deleted, saved);
        }
    }

    @Override
    public void didCreateFiles(CreateFilesParams params) {
        server.namesChanged(
                files(params.getFiles().stream().map(f -> f.getUri()).toList()),
                List.of(),
                List.of());
    }

    @Override
    public void didDeleteFiles(DeleteFilesParams params) {
        server.namesChanged(
                List.of(),
                files(params.getFiles().stream().map(f -> f.getUri()).toList()),
                List.of());
    }

    @Override
    public void didRenameFiles(RenameFilesParams params) {
        server.namesChanged(
                files(params.getFiles().stream().map(f -> f.getNewUri()).toList()),
                files(params.getFiles().stream().map(f -> f.getOldUri()).toList()),
                List.of());
    }

    /** The local files the URIs name (others cannot be in a search). */
    private static List<Path> files(List<String> uris) {
        return uris.stream().map(OpenSpec::file).flatMap(Optional::stream).toList();
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
                            for (Path p : project.findAny(List.of(root.get())).specs()) {
                                files.add(p.toAbsolutePath().normalize());
                            }
                        } catch (ConfigException e) {
                            // each open spec shows the configuration error itself
                        }
                    }
                    Map<String, String> previous = new HashMap<>();
                    if (params.getPreviousResultIds() != null) {
                        for (PreviousResultId p : params.getPreviousResultIds()) {
                            previous.put(p.getUri(), p.getValue());
                        }
                    }
                    List<WorkspaceDocumentDiagnosticReport> items =
                            files.parallelStream().map(file -> report(file, previous)).toList();
                    return new WorkspaceDiagnosticReport(items);
                });
    }

    /**
     * One spec's report: its diagnostics with a result id that names them, or "unchanged" when the
     * client already holds that result id, so that unchanged files are not sent again.
     */
    private WorkspaceDocumentDiagnosticReport report(Path file, Map<String, String> previous) {
        Optional<OpenSpec> open =
                checks.all().stream()
                        .filter(s -> s.file().filter(file::equals).isPresent())
                        .findFirst();
        String uri = open.map(OpenSpec::uri).orElse(file.toUri().toString());
        SpecInspection i = checks.current(uri).orElseGet(() -> checks.inspectFile(file));
        Integer version = open.map(OpenSpec::version).orElse(null);
        String resultId = Integer.toHexString(i.diagnostics().hashCode());
        if (resultId.equals(previous.get(uri))) {
            return new WorkspaceDocumentDiagnosticReport(
                    new WorkspaceUnchangedDocumentDiagnosticReport(resultId, uri, version));
        }
        WorkspaceFullDocumentDiagnosticReport full =
                new WorkspaceFullDocumentDiagnosticReport(i.diagnostics(), uri, version);
        full.setResultId(resultId);
        return new WorkspaceDocumentDiagnosticReport(full);
    }
}
