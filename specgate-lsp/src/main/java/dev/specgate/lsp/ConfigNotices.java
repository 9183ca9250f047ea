package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the server says of a configuration (or the template it names) that cannot be used, where the
 * writer looks for it: an error diagnostic on the file itself, at the line {@code check} names
 * (code {@code config}), and once, when it first goes wrong or goes wrong otherwise, a message in
 * {@code check}'s one line ({@code .specgate.yml:2: not valid YAML: ...}) saying that specs under
 * it are not checked. Both are taken back (the diagnostics cleared) once a spec under it is checked
 * again with it.
 */
final class ConfigNotices {

    /** The message last said of each unusable file (absolute, normalized). */
    private final Map<Path, String> said = new ConcurrentHashMap<>();

    private final Supplier<LanguageClient> client;
    private final Supplier<List<Path>> folders;

    ConfigNotices(Supplier<LanguageClient> client, Supplier<List<Path>> folders) {
        this.client = client;
        this.folders = folders;
    }

    /** The problem as an error on the configuration file, at the line {@code check} names. */
    static Diagnostic onFile(ConfigException e) {
        int line = Math.max(0, e.line() - 1);
        return new Diagnostic(
                new Range(new Position(line, 0), new Position(line, 0)),
                e.problem(),
                DiagnosticSeverity.Error,
                LspAdapter.SOURCE,
                SpecInspection.CONFIG_ERROR);
    }

    /** Takes in a check: says what is newly wrong with its configuration, or takes it back. */
    void checked(SpecInspection i) {
        LanguageClient c = client.get();
        if (c == null) {
            return;
        }
        ConfigException e = i.configError();
        if (e != null) {
            Path file = e.file().toAbsolutePath().normalize();
            String problem = SpecInspection.configProblem(e, folders.get());
            if (problem.equals(said.put(file, problem))) {
                return;
            }
            c.publishDiagnostics(
                    new PublishDiagnosticsParams(file.toUri().toString(), List.of(onFile(e))));
            c.showMessage(
                    new MessageParams(
                            MessageType.Error,
                            "specgate: "
                                    + problem
                                    + " (specs under it are not checked until it is fixed)"));
            return;
        }
        if (i.project() == null || said.isEmpty()) {
            return;
        }
        for (Optional<Path> used : List.of(i.project().configFile(), i.project().templateFile())) {
            if (used.isPresent()) {
                Path file = used.get().toAbsolutePath().normalize();
                if (said.remove(file) != null) {
                    c.publishDiagnostics(
                            new PublishDiagnosticsParams(file.toUri().toString(), List.of()));
                }
            }
        }
    }
}
