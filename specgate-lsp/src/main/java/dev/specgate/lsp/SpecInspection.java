package dev.specgate.lsp;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.LinkTargets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

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
 * @param findings the findings shown, after the configuration's baseline hid those it records
 * @param diagnostics {@code findings} as the editor shows them
 * @param today the date it was checked against
 * @param linkTargets the link targets the check asked about (absolute, normalized) and whether each
 *     existed then: a save that makes one is a reason to check the spec again
 * @param configError why the spec's configuration (or the template it names) cannot be used, as
 *     {@code check} says it; null when it can
 * @param unchecked the text parsed without a configuration when {@code configError} kept it from
 *     being checked, for what does not depend on the configuration (the outline, folding, links);
 *     null otherwise
 */
record SpecInspection(
        OpenSpec spec,
        SpecProject project,
        CheckedSpec checked,
        LspAdapter adapter,
        List<dev.specgate.core.diagnostic.Diagnostic> findings,
        List<Diagnostic> diagnostics,
        LocalDate today,
        Map<Path, Boolean> linkTargets,
        ConfigException configError,
        SpecDocument unchecked) {

    /** The rule id of the one diagnostic shown when the configuration cannot be used. */
    static final String CONFIG_ERROR = "config";

    /** The rule id of the one diagnostic shown when the document's URI names no local file. */
    static final String NO_FILE = "uri";

    /**
     * The code of the information diagnostic shown when the spec is a further name of a file that a
     * search of the workspace checks under another name (a link to a spec).
     */
    static final String ALIAS = "alias";

    /**
     * The code of the information diagnostic shown on a file that reads like a spec where the
     * project's search does not look ({@link SpecProject#placeNotice}): nothing else is shown on
     * it.
     */
    static final String NOT_CHECKED = "not-checked";

    /** A {@code **Document Status:**} line, which every spec of the template holds. */
    private static final java.util.regex.Pattern STATUS_LINE =
            java.util.regex.Pattern.compile("^[ \\t>]*\\*\\*Document Status:\\*\\*");

    /** The opening (or closing) line of a fenced code block: three backticks or tildes. */
    private static final java.util.regex.Pattern FENCE =
            java.util.regex.Pattern.compile("^[ \\t>]*(`{3,}|~{3,})");

    /**
     * Whether a file the project's search leaves out reads like a spec: named as one ({@code
     * *_spec_*.md}) or holding a {@code **Document Status:**} line.
     */
    static boolean looksLikeSpec(Path file, String text) {
        Path name = file.getFileName();
        return name != null && name.toString().contains("_spec_") || hasStatusLine(text);
    }

    /**
     * Whether {@code text} holds a status line outside fenced code blocks: a page that documents
     * the template (shows a spec's header in an example) does not read like a spec.
     */
    private static boolean hasStatusLine(String text) {
        String fence = null;
        for (String line : text.split("\\r\\n|\\r|\\n", -1)) {
            java.util.regex.Matcher f = FENCE.matcher(line);
            if (f.find()) {
                String marker = f.group(1);
                if (fence == null) {
                    fence = marker;
                } else if (marker.charAt(0) == fence.charAt(0)
                        && marker.length() >= fence.length()) {
                    fence = null;
                }
                continue;
            }
            if (fence == null && STATUS_LINE.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code file} as a message shows it: relative to the workspace folder ({@code folders},
     * absolute and normalised) that holds it, with {@code /}, else in full.
     */
    static String shown(Path file, List<Path> folders) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path f : folders) {
            if (abs.startsWith(f) && !abs.equals(f)) {
                return f.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    /** Checks {@code spec} as it stands. */
    static SpecInspection of(OpenSpec spec, Projects projects, LocalDate today) {
        return of(spec, projects, today, List.of());
    }

    /**
     * Checks {@code spec} as it stands and, when a search of the workspace {@code folders} (or, for
     * a spec outside them, of its own folder) meets it as a further name of a file checked under
     * another, says so first, in the façade's words ({@link SpecProject#aliasNotice}).
     */
    static SpecInspection of(
            OpenSpec spec, Projects projects, LocalDate today, List<Path> folders) {
        SpecSource source;
        try {
            source = SpecSource.of(spec.text());
        } catch (IllegalArgumentException unpairedSurrogate) {
            source = SpecSource.of("");
        }
        LspAdapter adapter = new LspAdapter(source);
        Optional<Path> file = spec.file();
        if (file.isEmpty()) {
            Diagnostic d =
                    OpenSpec.isFileUri(spec.uri()) && !OpenSpec.isUnnamed(spec.uri())
                            ? unusable(
                                    "cannot check " + spec.uri() + ": the URI names no local file",
                                    NO_FILE)
                            : new Diagnostic(
                                    new Range(new Position(0, 0), new Position(0, 0)),
                                    "not checked: "
                                            + spec.uri()
                                            + (OpenSpec.isUnnamed(spec.uri())
                                                    ? " names no file yet"
                                                    : " is not a file: URI")
                                            + "; save it as a file to check it",
                                    DiagnosticSeverity.Information,
                                    LspAdapter.SOURCE,
                                    NO_FILE);
            return new SpecInspection(
                    spec, null, null, adapter, List.of(), List.of(d), today, Map.of(), null, null);
        }
        SpecProject project;
        try {
            project = projects.of(file.get());
        } catch (ConfigException e) {
            return unusableConfig(spec, source, adapter, today, e, folders);
        }
        if (!project.discovers(file.get())) {
            Optional<Path> name = projects.searchedName(file.get(), folders);
            if (name.isPresent()) {
                // the real path of a spec a search takes through a link: checked as check . does
                Optional<SpecInspection> named =
                        underSearchedName(
                                spec, source, adapter, projects, today, folders, name.get());
                if (named.isPresent()) {
                    return named.get();
                }
            }
            if (projects.takesLoose(file.get(), folders)) {
                // Markdown directly in a workspace folder with no directives/: check FOLDER
                // takes it as it is
                LinkTargets targets = new LinkTargets();
                CheckedSpec checked =
                        project.inspect(
                                file.get(), source, CheckOptions.asOf(today), null, targets);
                return shown(spec, project, checked, adapter, today, targets.asked(), folders);
            }
            // as check . leaves it: no findings; but a file that reads like a spec is told why
            List<Diagnostic> notice =
                    looksLikeSpec(file.get(), spec.text())
                                    || SpecDiscovery.whySkippedInPlace(file.get()).isPresent()
                            ? project.placeNotice(file.get(), p -> shown(p, folders))
                                    .map(
                                            n ->
                                                    List.of(
                                                            new Diagnostic(
                                                                    new Range(
                                                                            new Position(0, 0),
                                                                            new Position(0, 0)),
                                                                    n,
                                                                    DiagnosticSeverity.Information,
                                                                    LspAdapter.SOURCE,
                                                                    NOT_CHECKED)))
                                    .orElse(List.of())
                            : List.of();
            return new SpecInspection(
                    spec, project, null, adapter, List.of(), notice, today, Map.of(), null, null);
        }
        LinkTargets targets = new LinkTargets();
        CheckedSpec checked =
                project.inspect(file.get(), source, CheckOptions.asOf(today), null, targets);
        SpecInspection i = shown(spec, project, checked, adapter, today, targets.asked(), folders);
        Optional<Diagnostic> alias = aliasNotice(projects, project, file.get(), folders);
        return alias.isEmpty() ? i : i.after(alias.get());
    }

    /** This inspection with {@code notice} shown before its diagnostics. */
    private SpecInspection after(Diagnostic notice) {
        List<Diagnostic> shown = new java.util.ArrayList<>(diagnostics.size() + 1);
        shown.add(notice);
        shown.addAll(diagnostics);
        return new SpecInspection(
                spec,
                project,
                checked,
                adapter,
                findings,
                shown,
                today,
                linkTargets,
                configError,
                unchecked);
    }

    /**
     * {@code spec}, opened under its real path, checked under {@code name}, the name a search of a
     * workspace folder takes the same file under (through a linked folder or a link), as {@code
     * check .} checks it: that name's project, its relative links and File field, its path in the
     * findings; the first diagnostic says so (code {@code alias}). Empty when that name's project
     * does not take it after all.
     */
    private static Optional<SpecInspection> underSearchedName(
            OpenSpec spec,
            SpecSource source,
            LspAdapter adapter,
            Projects projects,
            LocalDate today,
            List<Path> folders,
            Path name) {
        SpecProject project;
        try {
            project = projects.of(name);
        } catch (ConfigException e) {
            return Optional.of(unusableConfig(spec, source, adapter, today, e, folders));
        }
        if (!project.discovers(name)) {
            return Optional.empty();
        }
        LinkTargets targets = new LinkTargets();
        CheckedSpec checked =
                project.inspect(name, source, CheckOptions.asOf(today), null, targets);
        SpecInspection i = shown(spec, project, checked, adapter, today, targets.asked(), folders);
        Diagnostic notice =
                new Diagnostic(
                        new Range(new Position(0, 0), new Position(0, 0)),
                        shown(spec.file().orElseThrow(), folders)
                                + " is checked as "
                                + shown(name, folders)
                                + ": it is the same file, which a search of the workspace finds"
                                + " under that name",
                        DiagnosticSeverity.Information,
                        LspAdapter.SOURCE,
                        ALIAS);
        return Optional.of(i.after(notice));
    }

    /**
     * The façade's notice that {@code file} is a further name of a file the workspace search checks
     * under another, as an information diagnostic on the first line; its paths as written from the
     * folder searched. The search is the one {@code projects} keeps.
     */
    private static Optional<Diagnostic> aliasNotice(
            Projects projects, SpecProject project, Path file, List<Path> folders) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = abs.getParent();
        for (Path f : folders) {
            if (abs.startsWith(f) && !abs.equals(f)) {
                root = f;
                break;
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        Path from = root;
        return project.aliasNotice(
                        abs,
                        () -> projects.aliases(project, from, abs),
                        p -> p.startsWith(from) ? from.relativize(p).toString() : p.toString())
                .map(
                        notice ->
                                new Diagnostic(
                                        new Range(new Position(0, 0), new Position(0, 0)),
                                        notice,
                                        DiagnosticSeverity.Information,
                                        LspAdapter.SOURCE,
                                        ALIAS));
    }

    /**
     * Checks a spec no editor holds open, read from disk as {@code check} reads it; paths in its
     * findings as written from the workspace {@code folders}.
     */
    static SpecInspection ofFile(
            Path file, Projects projects, LocalDate today, List<Path> folders) {
        OpenSpec spec = new OpenSpec(file.toUri().toString(), 0, "");
        SpecProject project;
        try {
            project = projects.of(file);
        } catch (ConfigException e) {
            return of(spec, projects, today);
        }
        if (!project.discovers(file)) {
            return new SpecInspection(
                    spec,
                    project,
                    null,
                    new LspAdapter(SpecSource.of("")),
                    List.of(),
                    List.of(),
                    today,
                    Map.of(),
                    null,
                    null);
        }
        CheckedSpec checked = project.inspect(file, CheckOptions.asOf(today));
        LspAdapter adapter =
                new LspAdapter(checked.readable() ? checked.source() : SpecSource.of(""));
        return shown(spec, project, checked, adapter, today, Map.of(), folders);
    }

    /**
     * The check as {@code check .} run in the workspace folder reports it: without the findings the
     * baseline records, and a finding that names the spec in a command to run ({@code approve
     * --refresh}) naming it as written from that folder, not by the absolute path the editor gave.
     */
    private static SpecInspection shown(
            OpenSpec spec,
            SpecProject project,
            CheckedSpec checked,
            LspAdapter adapter,
            LocalDate today,
            Map<Path, Boolean> linkTargets,
            List<Path> folders) {
        List<dev.specgate.core.diagnostic.Diagnostic> findings;
        try {
            findings = asWritten(project.reported(checked).diagnostics(), checked, folders);
        } catch (BaselineException e) {
            Diagnostic d = unusable(e.getMessage(), CONFIG_ERROR);
            return new SpecInspection(
                    spec,
                    project,
                    null,
                    adapter,
                    List.of(),
                    List.of(d),
                    today,
                    Map.of(),
                    null,
                    null);
        }
        return new SpecInspection(
                spec,
                project,
                checked,
                adapter,
                findings,
                adapter.diagnostics(findings),
                today,
                linkTargets,
                null,
                null);
    }

    /**
     * {@code findings} with the spec a message asks {@code approve --refresh} to be given written
     * as {@code check .} in the workspace folder writes it ({@link #asWritten(String, Path,
     * List)}).
     */
    private static List<dev.specgate.core.diagnostic.Diagnostic> asWritten(
            List<dev.specgate.core.diagnostic.Diagnostic> findings,
            CheckedSpec checked,
            List<Path> folders) {
        if (checked.file() == null
                || findings.stream()
                        .noneMatch(d -> d.message().contains(Approvals.REFRESH_COMMAND))) {
            return findings;
        }
        return findings.stream()
                .map(
                        d ->
                                new dev.specgate.core.diagnostic.Diagnostic(
                                        d.ruleId(),
                                        d.severity(),
                                        d.range(),
                                        asWritten(d.message(), checked.file(), folders)))
                .toList();
    }

    /**
     * {@code text} (a finding's message, a gate's reason) with the spec it asks {@code approve
     * --refresh} to be given, {@code file}, written as {@code check .} and {@code status} run in
     * the workspace folder write it ({@link Approvals#withRefreshPath}): relative to that folder,
     * in full outside every folder. The editor names a spec by its absolute path, which the
     * façade's words would otherwise repeat.
     */
    static String asWritten(String text, Path file, List<Path> folders) {
        if (file == null || !text.contains(Approvals.REFRESH_COMMAND)) {
            return text;
        }
        return Approvals.withRefreshPath(text, shown(file, folders));
    }

    /**
     * Core's edit of the text checked, as a workspace edit. To a client that takes versioned edits
     * ({@code versioned}) it names the version it was made from, so that a buffer changed in the
     * meantime refuses it rather than taking it misplaced; to others it is keyed by URI.
     */
    WorkspaceEdit workspaceEdit(SpecEdit edit, boolean versioned) {
        List<TextEdit> edits = edit.edits().stream().map(adapter::textEdit).toList();
        if (!versioned) {
            return new WorkspaceEdit(Map.of(spec.uri(), edits));
        }
        return new WorkspaceEdit(
                List.of(
                        Either.forLeft(
                                new TextDocumentEdit(
                                        new VersionedTextDocumentIdentifier(
                                                spec.uri(), spec.version()),
                                        edits))));
    }

    /** The project that parses a text whose configuration cannot be used, made when first asked. */
    private static final class Unconfigured {
        static final SpecProject PROJECT = SpecProject.builtin();
    }

    /**
     * The project, with no configuration, that reads and parses a text whose configuration cannot
     * be used (never to check it: {@code check} checks nothing under such a configuration).
     */
    static SpecProject unconfigured() {
        return Unconfigured.PROJECT;
    }

    /** Whether the text was checked and parsed. */
    boolean parsed() {
        return checked != null && checked.readable();
    }

    /**
     * The text's document: the check's, or, when the configuration cannot be used, the text parsed
     * without one, for what does not depend on it (the outline, folding, links to files and
     * headings); empty when it was neither checked nor parsed.
     */
    Optional<SpecDocument> document() {
        return parsed() ? Optional.of(checked.document()) : Optional.ofNullable(unchecked);
    }

    /**
     * A spec whose configuration (or the template it names) cannot be used: one error on its first
     * line in {@code check}'s words ({@code cannot use the configuration: .specgate.yml:2: not
     * valid YAML: ...}, the file as written from the workspace folder), no findings, and the text
     * parsed without a configuration for the outline and the links.
     */
    private static SpecInspection unusableConfig(
            OpenSpec spec,
            SpecSource source,
            LspAdapter adapter,
            LocalDate today,
            ConfigException e,
            List<Path> folders) {
        if (spec.file().filter(f -> f.equals(e.file().toAbsolutePath().normalize())).isPresent()) {
            // the configuration itself, opened (a client that sends it): the problem on its line,
            // as ConfigNotices says it there; it is no spec to outline
            return new SpecInspection(
                    spec,
                    null,
                    null,
                    adapter,
                    List.of(),
                    List.of(ConfigNotices.onFile(e)),
                    today,
                    Map.of(),
                    e,
                    null);
        }
        Diagnostic d =
                unusable(
                        "cannot use the configuration: " + configProblem(e, folders), CONFIG_ERROR);
        SpecDocument unchecked = Unconfigured.PROJECT.parse(source.text());
        return new SpecInspection(
                spec, null, null, adapter, List.of(), List.of(d), today, Map.of(), e, unchecked);
    }

    /**
     * What is wrong with a configuration, as {@code check} says it ({@code FILE:LINE: PROBLEM}),
     * the file as written from the workspace folder that holds it.
     */
    static String configProblem(ConfigException e, List<Path> folders) {
        return shown(e.file(), folders) + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.problem();
    }

    /**
     * The one diagnostic shown, on the first line, when the spec cannot be checked: its
     * configuration cannot be used, or its URI names no file.
     */
    private static Diagnostic unusable(String message, String code) {
        return new Diagnostic(
                new Range(new Position(0, 0), new Position(0, 0)),
                message,
                DiagnosticSeverity.Error,
                LspAdapter.SOURCE,
                code);
    }
}
