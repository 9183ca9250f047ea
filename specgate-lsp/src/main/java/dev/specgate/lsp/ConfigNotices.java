package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * again with the configuration that named it, or without it when it was removed (a spec it governed
 * checked with no configuration, or with one farther up).
 */
final class ConfigNotices {

    /**
     * What was said of each unusable file (absolute, normalized): the message, and the
     * configuration the checked spec followed (the file itself, or the configuration that names a
     * template that cannot be used).
     */
    private final Map<Path, Said> said = new java.util.HashMap<>();

    private record Said(String problem, Path config) {}

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

    /**
     * Takes in a check: says what is newly wrong with its configuration, or takes it back. One
     * check at a time decides, so that what is said on the file, what is remembered as said and the
     * one message agree, whatever thread hands the check in.
     */
    synchronized void checked(SpecInspection i) {
        LanguageClient c = client.get();
        if (c == null) {
            return;
        }
        ConfigException e = i.configError();
        if (e != null) {
            Path file = e.file().toAbsolutePath().normalize();
            String problem = SpecInspection.configProblem(e, folders.get());
            // the configuration itself, or the one that names the template
            Path config =
                    file.getFileName().toString().equals(Projects.CONFIG_FILE)
                            ? file
                            : i.spec()
                                    .file()
                                    .flatMap(SpecProject::nearestConfigFile)
                                    .map(p -> p.toAbsolutePath().normalize())
                                    .orElse(file);
            Said before = said.put(file, new Said(problem, config));
            if (before != null && before.problem().equals(problem)) {
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
        if (i.project() == null || said.isEmpty() || i.spec().file().isEmpty()) {
            return;
        }
        Path spec = i.spec().file().get().toAbsolutePath().normalize();
        Optional<Path> following =
                i.project().configFile().map(p -> p.toAbsolutePath().normalize());
        List<Path> taken = new java.util.ArrayList<>();
        for (Map.Entry<Path, Said> s : said.entrySet()) {
            Path config = s.getValue().config();
            boolean usedNow = following.filter(config::equals).isPresent();
            // removed: a spec it governed is checked without it
            boolean gone = spec.startsWith(config.getParent()) && !Files.exists(config);
            if (usedNow || gone) {
                taken.add(s.getKey());
                c.publishDiagnostics(
                        new PublishDiagnosticsParams(s.getKey().toUri().toString(), List.of()));
            }
        }
        taken.forEach(said::remove);
    }
}
