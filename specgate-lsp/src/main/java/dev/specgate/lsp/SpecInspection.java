package dev.specgate.lsp;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One check of one version of an open spec, through the façade exactly as {@code check FILE} checks
 * it (nearest configuration, its template and rule levels, suppressions, today's date).
 *
 * @param spec the text checked
 * @param project the spec's project, or null when its configuration cannot be used or the document
 *     is not a file
 * @param checked the check, or null when nothing was checked (no file, a configuration error, or a
 *     file the configuration leaves out)
 * @param adapter positions in the text checked
 * @param diagnostics what the editor shows
 * @param today the date it was checked against
 */
record SpecInspection(
        OpenSpec spec,
        SpecProject project,
        CheckedSpec checked,
        LspAdapter adapter,
        List<Diagnostic> diagnostics,
        LocalDate today) {

    /** The rule id of the one diagnostic shown when the configuration cannot be used. */
    static final String CONFIG_ERROR = "config";

    /** Checks {@code spec} as it stands. */
    static SpecInspection of(OpenSpec spec, Projects projects, LocalDate today) {
        SpecSource source;
        try {
            source = SpecSource.of(spec.text());
        } catch (IllegalArgumentException unpairedSurrogate) {
            source = SpecSource.of("");
        }
        LspAdapter adapter = new LspAdapter(source);
        Optional<Path> file = spec.file();
        if (file.isEmpty()) {
            return new SpecInspection(spec, null, null, adapter, List.of(), today);
        }
        SpecProject project;
        try {
            project = projects.of(file.get());
        } catch (ConfigException e) {
            Diagnostic d =
                    new Diagnostic(
                            new Range(new Position(0, 0), new Position(0, 0)),
                            "cannot use the configuration: " + e.getMessage(),
                            DiagnosticSeverity.Error,
                            LspAdapter.SOURCE,
                            CONFIG_ERROR);
            return new SpecInspection(spec, null, null, adapter, List.of(d), today);
        }
        if (project.exclusion(file.get()).isPresent()) {
            return new SpecInspection(spec, project, null, adapter, List.of(), today);
        }
        CheckedSpec checked = project.inspect(file.get(), source, CheckOptions.asOf(today));
        return new SpecInspection(
                spec,
                project,
                checked,
                adapter,
                adapter.diagnostics(checked.result().diagnostics()),
                today);
    }

    /** Checks a spec no editor holds open, read from disk as {@code check} reads it. */
    static SpecInspection ofFile(Path file, Projects projects, LocalDate today) {
        OpenSpec spec = new OpenSpec(file.toUri().toString(), 0, "");
        SpecProject project;
        try {
            project = projects.of(file);
        } catch (ConfigException e) {
            return of(spec, projects, today);
        }
        if (project.exclusion(file).isPresent()) {
            return new SpecInspection(
                    spec, project, null, new LspAdapter(SpecSource.of("")), List.of(), today);
        }
        CheckedSpec checked = project.inspect(file, CheckOptions.asOf(today));
        LspAdapter adapter =
                new LspAdapter(checked.readable() ? checked.source() : SpecSource.of(""));
        return new SpecInspection(
                spec,
                project,
                checked,
                adapter,
                adapter.diagnostics(checked.result().diagnostics()),
                today);
    }

    /** Whether the text was checked and parsed. */
    boolean parsed() {
        return checked != null && checked.readable();
    }
}
