package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.authoring.NewSpec;
import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.authoring.TitleSlug;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.discovery.UnreadablePath;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.edit.StaleSpecException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.LayoutPaths;
import dev.specgate.core.layout.Scaffold;
import dev.specgate.core.layout.ScaffoldStep;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.layout.UnsafeLayoutException;
import dev.specgate.core.lifecycle.FieldEdits;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SectionBodies;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecTrace;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.tasks.TaskListPlan;
import dev.specgate.report.ErrorsOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each tool does, over the project under one root. Every verdict comes from {@link
 * SpecProject}, opened afresh for each call (so a changed {@code .specgate.yml} is followed) and
 * once in it (so that one call follows one configuration, even one changed during the call), and
 * every write goes through core's edit machinery, which refuses to replace a file that changed
 * since it was read. A call that cannot be done throws {@link ToolRefusal}; the file is then
 * untouched.
 */
final class SpecTools {

    private static final SpecFileWriter WRITER = new SpecFileWriter();

    /**
     * How a call opens what it works in ({@code SpecProject.open} and {@code SpecWorkspace.open},
     * or a test's seam): the project of a path for every tool but {@code check} and {@code trace},
     * the resources and the watcher's project; {@code check} and {@code trace} open a {@link
     * #workspace} of the paths they are given instead, by design (several roots, each file
     * following its own nearest configuration, as {@code specgate check} does). {@code
     * specgate://project} opens the root's project once and checks the root in it.
     */
    @FunctionalInterface
    interface Projects {
        SpecProject open(Path start) throws ConfigException;

        /** The projects of {@code roots}, each path following its own configuration. */
        default SpecWorkspace workspace(List<Path> roots, ConfigChoice choice)
                throws ConfigException {
            return SpecWorkspace.open(roots, choice);
        }
    }

    private final McpServerOptions options;
    private final Path root;
    private final Projects projects;
    private final WarmChecks warm = new WarmChecks();

    SpecTools(McpServerOptions options) {
        this(options, start -> SpecProject.open(start, options.config()));
    }

    /** For tests: the tools, opening projects and workspaces through {@code projects}. */
    SpecTools(McpServerOptions options, Projects projects) {
        this.options = requireNonNull(options, "options must not be null");
        this.projects = requireNonNull(projects, "projects must not be null");
        this.root = options.root();
    }

    // ---- read tools

    Map<String, Object> listSpecs(Map<String, Object> args) {
        return listSpecs(open(root), args);
    }

    /** {@code list_specs} in the root's project, already open. */
    Map<String, Object> listSpecs(SpecProject project, Map<String, Object> args) {
        ConfiguredDiscovery.Selection selection = project.findAny(List.of(root));
        List<SpecSummary> summaries;
        if (selection.unreadable().isEmpty()) {
            summaries =
                    warm.check(project, selection.specs(), checkOptions()).stream()
                            .map(WarmChecks.Checked::summary)
                            .toList();
            warm.retainOnly(root, java.util.Set.copyOf(selection.specs()));
        } else {
            try {
                // a folder the search could not read is no spec: a notice, as 'specgate list'
                // says it on stderr, not a row
                summaries =
                        project.run(selection, RunOptions.of(checkOptions()).withSummaries(true))
                                .specSummaries();
            } catch (FixFailedException e) {
                throw new IllegalStateException("a run without fixes failed to fix", e);
            }
        }
        Optional<String> status = optionalString(args, "status");
        Optional<String> type = optionalString(args, "type");
        Optional<Boolean> hasErrors = optionalBoolean(args, "hasErrors");
        Optional<Boolean> overdue = optionalBoolean(args, "overdue");
        List<Map<String, Object>> specs = new ArrayList<>();
        // the filters' notes count the specs that write the status or type, as list counts them:
        // before hasErrors and overdue narrow the rows
        List<SpecSummary> written =
                summaries.stream()
                        .sorted(SpecSummary.listOrder(project.schema()))
                        .filter(s -> status.isEmpty() || s.hasStatus(status.get()))
                        .filter(s -> type.isEmpty() || s.hasType(type.get()))
                        .toList();
        written.stream()
                .filter(s -> hasErrors.isEmpty() || (s.errors() > 0) == hasErrors.get())
                .filter(s -> overdue.isEmpty() || (s.overdue() > 0) == overdue.get())
                .forEach(s -> specs.add(s.jsonFields(this::display)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", SpecSummary.JSON_VERSION);
        out.put("specs", specs);
        // what 'specgate list' says on stderr, from the same answers: the search's notices (a
        // folder it could not read is no spec: a notice, not a row), then the filters'
        List<String> notices = new ArrayList<>(SpecProject.listNotices(selection, this::display));
        notices.addAll(
                ListFilters.notes(
                                status,
                                "status",
                                type,
                                "type",
                                List.of(project.schema()),
                                written.size())
                        .notes());
        out.put("notices", notices);
        return out;
    }

    Map<String, Object> getSpec(Map<String, Object> args) {
        Path file = existingFile(args);
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        CheckedSpec checked = project.inspect(file, source, checkOptions());
        SpecDocument doc = checked.document();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("hash", hash(source));
        out.put("kind", kindName(file));
        out.put("status", checked.status().orElse(null));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field f : doc.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", f.label());
            // a front matter YAML list's items as a JSON array, as set_field takes and gives them
            m.put(
                    "value",
                    FieldEdits.listItems(doc, f)
                            .<Object>map(items -> items)
                            .orElseGet(() -> FieldValues.plain(f.value())));
            m.put("line", f.labelRange().startLine() + 1);
            fields.add(m);
        }
        out.put("fields", fields);
        Optional<String> only = optionalString(args, "section");
        if (only.isPresent()) {
            Section one = section(file, doc, only.get(), optionalLine(args));
            out.put(
                    "sections",
                    sections(source, doc, project.schema()).stream()
                            .filter(m -> m.get("line").equals(one.line() + 1))
                            .toList());
        } else {
            out.put("sections", sections(source, doc, project.schema()));
        }
        out.put("checklist", checked.checklist().items().stream().map(McpShapes::item).toList());
        out.put("diagnostics", McpShapes.diagnostics(reported(project, checked), display(file)));
        out.put("summary", checked.summary().jsonFields(this::display));
        out.put("gates", gates(project, file, source, doc));
        return out;
    }

    Map<String, Object> check(Map<String, Object> args) {
        return check(workspace(pathsArgument(args)), args);
    }

    /**
     * {@code check} of the whole root in the root's project, already open (the project that {@link
     * #listSpecs(SpecProject, Map)} lists): what {@code specgate://project} reads, opening the
     * project once. The same answer as {@code check} without paths, whose workspace of the root is
     * this one project (and those nested below it, opened as the search meets them).
     */
    Map<String, Object> checkRoot(SpecProject project) {
        return check(
                new SpecWorkspace(List.of(new SpecWorkspace.Part(project, List.of(root)))),
                Map.of());
    }

    /** The root's project, opened through {@link Projects}. */
    SpecProject rootProject() {
        return open(root);
    }

    private Map<String, Object> check(SpecWorkspace workspace, Map<String, Object> args) {
        boolean errorsOnly = flag(args, "check", "errorsOnly");
        List<CheckResult> results = new ArrayList<>();
        boolean fails = false;
        List<String> notices = new ArrayList<>();
        List<SpecWorkspace.Found> searched = found(workspace);
        // what the baselines of the parts that have one hid and found stale, as check sums them
        ProjectRun baselined = new ProjectRun(List.of(), List.of());
        for (SpecWorkspace.Found found : searched) {
            SpecProject project = found.project();
            try {
                ConfiguredDiscovery.Selection selection = found.selection();
                // what check says on stderr: files left out, and files met under a second name
                for (Path x : selection.excluded()) {
                    notices.add(
                            project.exclusionNotice(x, this::display)
                                    .orElse(
                                            display(x)
                                                    + " is not checked: the configuration leaves"
                                                    + " it out"));
                }
                notices.addAll(SpecProject.searchNotices(selection, this::display));
                RunOptions runOptions = RunOptions.of(checkOptions());
                Optional<RunOptions.LoadedBaseline> known = project.baseline(Optional.empty());
                if (known.isPresent()) {
                    runOptions = runOptions.withBaseline(known.get());
                }
                CheckRun partRun;
                if (known.isEmpty() && selection.unreadable().isEmpty()) {
                    // no baseline to apply: what is remembered from earlier calls is still valid
                    partRun =
                            new CheckRun(
                                    warm.check(project, selection.specs(), checkOptions()).stream()
                                            .map(WarmChecks.Checked::result)
                                            .toList());
                } else {
                    ProjectRun run = project.run(selection, runOptions);
                    partRun = run.checkRun();
                    baselined = baselined.plus(new ProjectRun(List.of(), run.baselines()));
                }
                fails |= project.fails(partRun, false);
                results.addAll(partRun.results());
            } catch (BaselineException e) {
                throw new ToolRefusal(e.getMessage());
            } catch (FixFailedException e) {
                throw new IllegalStateException("a run without fixes failed to fix", e);
            }
        }
        results.sort(java.util.Comparator.comparing(r -> String.valueOf(r.path())));
        CheckRun checkRun = new CheckRun(results);
        if (checkRun.results().isEmpty()) {
            // as check says it: why each file is left out, then that nothing is left to check
            boolean configured =
                    searched.stream().anyMatch(f -> f.project().configFile().isPresent());
            throw new ToolRefusal(SpecProject.nothingLeftToCheck(configured), notices);
        }
        // what check says on stderr of the baseline, before the errors-only notice as check does:
        // the findings it hid, its entries gone stale
        notices.addAll(baselined.baselineNotes(this::display));
        if (errorsOnly) {
            // as check --errors-only: the errors alone, what was left out said, the verdict whole
            ErrorsOnly.notShown(checkRun, fails, "errorsOnly").ifPresent(notices::add);
            checkRun = checkRun.errorsOnly();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", 1);
        out.put(
                "files",
                checkRun.results().stream()
                        .map(r -> McpShapes.file(display(r.path()), r))
                        .toList());
        out.put(
                "summary",
                McpShapes.summary(
                        (int) checkRun.checkedFiles(),
                        checkRun.unsearchedFolders(),
                        checkRun.errors(),
                        checkRun.warnings(),
                        checkRun.infos()));
        out.put("passed", !fails);
        out.put("baseline", baseline(baselined));
        out.put("notices", notices);
        return out;
    }

    /**
     * The baselines {@code check} applied, as counts: {@code baselines}, each one's file, how many
     * findings it hid, how many of its entries for the files checked matched nothing and how many
     * of the hidden it recorded for a spec renamed or moved since ({@code moved}, as {@code check}
     * says it); and, as before there could be several, {@code file} (the first one's) with {@code
     * hidden} and {@code stale} added up over them all. Null when none was applied.
     */
    private Map<String, Object> baseline(ProjectRun baselined) {
        if (baselined.baselines().isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", display(baselined.baseline().get()));
        out.put("hidden", baselined.hidden());
        out.put("stale", baselined.stale());
        long moved = 0;
        List<Map<String, Object>> each = new ArrayList<>();
        for (ProjectRun.BaselineUse b : baselined.baselines()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("file", display(b.file()));
            one.put("hidden", b.hidden());
            one.put("stale", b.stale());
            one.put("moved", b.moved());
            moved += b.moved();
            each.add(one);
        }
        out.put("moved", moved);
        out.put("baselines", each);
        return out;
    }

    Map<String, Object> checkText(Map<String, Object> args) {
        Path file = resolve(requiredString(args, "path"));
        String text = requiredString(args, "text");
        if (Files.isDirectory(file)) {
            // the path names the file the text is for: a folder's name would be checked as a
            // spec's (its file name, its File field) and answer findings no file can have
            throw new ToolRefusal(
                    display(file)
                            + " is a folder: give the path of the spec file the text is for;"
                            + " nothing was checked");
        }
        SpecSource source;
        try {
            source = SpecSource.of(text);
        } catch (IllegalArgumentException e) {
            throw new ToolRefusal("the text cannot be checked: " + e.getMessage());
        }
        SpecProject project = open(nearestExisting(file));
        CheckedSpec checked = project.inspect(file, source, checkOptions());
        CheckResult result = reported(project, checked);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("status", result.status());
        out.put("diagnostics", McpShapes.diagnostics(result, display(file)));
        out.put(
                "summary",
                McpShapes.summary(
                        1,
                        result.errors(),
                        result.warnings(),
                        result.count(dev.specgate.core.diagnostic.Severity.INFO)));
        return out;
    }

    Map<String, Object> template(Map<String, Object> args) {
        SpecProject project = open(root);
        TemplateSchema schema = project.schema();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", schema.name());
        out.put(
                "source",
                project.templateFile().map(this::display).orElse(project.templateOrigin()));
        out.put("title", schema.title().orElse(null));
        out.put("statusField", schema.statuses().isEmpty() ? null : schema.statusField());
        out.put("statuses", schema.statuses());
        List<Map<String, Object>> guidance =
                new ArrayList<>(
                        sections(
                                SpecSource.of(schema.source()),
                                project.parse(schema.source()),
                                schema));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SectionSpec s : schema.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", s.level());
            m.put("title", s.title());
            m.put("heading", s.heading());
            m.put("parent", s.parent() >= 0 ? schema.sections().get(s.parent()).title() : null);
            m.put("optional", s.optional());
            m.put("required", !s.optional());
            m.put("repeats", s.repeats());
            m.put("guidance", guidance(guidance, s));
            sections.add(m);
        }
        out.put("sections", sections);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", f.label());
            m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("allowedValues", f.allowedValues());
            m.put("templateValue", f.templateValue());
            m.put("position", f.inHeader() ? "header" : "footer");
            fields.add(m);
        }
        out.put("fields", fields);
        out.put("placeholders", List.copyOf(schema.enforcedPlaceholders()));
        out.put("configuredPlaceholders", schema.extraPlaceholdersAsWritten());
        return out;
    }

    Map<String, Object> progress(Map<String, Object> args) {
        Path file = existingFile(args);
        SpecProject project = open(file);
        refuseToShow(project, file, "progress");
        SpecSource source = read(project, file);
        Checklist checklist = checklist(project, file, source);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("hash", hash(source));
        out.put("checked", checklist.checked());
        out.put("total", checklist.total());
        out.put(
                "percent",
                checklist.total() == 0
                        ? 0
                        : (int) (100L * checklist.checked() / checklist.total()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (ChecklistSection s : checklist.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title());
            m.put("checked", s.checked());
            m.put("total", s.total());
            m.put("items", s.items().stream().map(McpShapes::item).toList());
            sections.add(m);
        }
        out.put("sections", sections);
        return out;
    }

    Map<String, Object> nextItem(Map<String, Object> args) {
        Path file = existingFile(args);
        SpecProject project = open(file);
        refuseToShow(project, file, "next_item");
        SpecSource source = read(project, file);
        Checklist checklist = checklist(project, file, source);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("hash", hash(source));
        out.put("next", McpShapes.itemOrNull(checklist.next()));
        out.put("open", checklist.total() - checklist.checked());
        out.put("total", checklist.total());
        return out;
    }

    Map<String, Object> trace(Map<String, Object> args) {
        SpecWorkspace workspace = workspace(pathsArgument(args));
        CheckOptions checkOptions = checkOptions();
        List<Map<String, Object>> specs = new ArrayList<>();
        List<SpecWorkspace.Found> found = found(workspace);
        for (SpecWorkspace.Found f : found) {
            for (UnreadablePath u : f.selection().unreadable()) {
                // refused as 'specgate trace' refuses it, not traced without its specs in silence
                throw new ToolRefusal(u.said(display(u.path()), "traced"));
            }
        }
        SpecTrace.Traced traced = SpecTrace.of(found, checkOptions);
        if (traced.nothingToTrace().isPresent()) {
            throw new ToolRefusal(traced.nothingToTrace().get());
        }
        for (SpecTrace trace : traced.specs()) {
            // in trace --format json's shape, from core: early, files, refused, required and
            // testFiles only where they say something
            specs.add(trace.jsonFields(this::display));
        }
        specs.sort(java.util.Comparator.comparing(m -> (String) m.get("path")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("specs", specs);
        out.put("passed", !traced.fails()); // as trace's exit code
        return out;
    }

    // ---- resources

    /** The specs and task lists of the project, as paths relative to the root, sorted. */
    List<String> specPaths() {
        return open(root).findAny(List.of(root)).specs().stream()
                .map(this::display)
                .sorted()
                .toList();
    }

    /**
     * The root's project as its configuration now says, for the watcher (which follows its
     * configuration file, template and metadata files); empty when the configuration cannot be
     * used.
     */
    Optional<SpecProject> project() {
        try {
            return Optional.of(projects.open(root));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * A spec's text (a byte order mark left out), by its path relative to the root: only a spec or
     * task list its project checks, as the resources are listed (a {@code .env} is no resource).
     */
    String specText(String path) {
        Path file = existingFile(Map.of("path", path));
        SpecProject project = open(file);
        Optional<String> notChecked = project.placeNotice(file, this::display);
        if (notChecked.isPresent()) {
            throw new ToolRefusal(
                    notChecked.get()
                            + "; specgate://spec/ serves only the specs and task lists check"
                            + " checks");
        }
        return read(project, file).text();
    }

    /** The configured template's Markdown. */
    String templateText() {
        return open(root).schema().source();
    }

    // ---- guarded writes

    Map<String, Object> markDone(Map<String, Object> args) {
        Path file = existingFile(args);
        String id = requiredString(args, "item").trim();
        String expected = requiredString(args, "hash");
        boolean inOrder = flag(args, "mark_done", "inOrder");
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        requireHash(file, source, expected);
        Checklist checklist = checklist(project, file, source);
        ChecklistEntry entry =
                checklist
                        .byId(id)
                        .orElseThrow(
                                () ->
                                        new ToolRefusal(
                                                "no checklist item has the id '"
                                                        + id
                                                        + "' in "
                                                        + display(file)
                                                        + ": "
                                                        + checklist.idsSaid()
                                                        + " (get_spec or progress list the ids);"
                                                        + " the file is unchanged"));
        List<ChecklistEntry> numbered = checklist.withId(id);
        if (numbered.size() > 1) {
            throw new ToolRefusal(
                    Checklist.duplicateIdRefusal(id, numbered.size(), display(file)),
                    numbered.stream().map(e -> e.id() + " " + e.text()).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("item", McpShapes.item(entry));
        // ticked as done ticks it, and said as done says it: check never checks this file
        project.exclusionNotice(file, this::display).ifPresent(n -> out.put("notices", List.of(n)));
        if (entry.checked()) {
            out.put("changed", false);
            out.put("hash", hash(source));
            out.put("next", McpShapes.itemOrNull(checklist.next()));
            return out;
        }
        if (inOrder) {
            List<ChecklistEntry> open = checklist.openBefore(entry);
            if (!open.isEmpty()) {
                throw new ToolRefusal(
                        "cannot tick "
                                + entry.id()
                                + " in order: "
                                + open.size()
                                + (open.size() == 1 ? " earlier item is" : " earlier items are")
                                + " still open (the file is unchanged; pass inOrder false to"
                                + " tick it anyway)",
                        open.stream().map(e -> e.id() + " " + e.text()).toList());
            }
        }
        SpecEdit edit = source.edit().taskBox(entry.item(), true);
        write(project, file, edit);
        SpecSource after = read(project, file);
        Checklist now = checklist(project, file, after);
        Map<String, Object> ticked = new LinkedHashMap<>(McpShapes.item(entry));
        ticked.put("checked", true);
        out.put("item", ticked);
        out.put("changed", true);
        out.put("hash", hash(after));
        out.put("next", McpShapes.itemOrNull(now.next()));
        return out;
    }

    Map<String, Object> setStatus(Map<String, Object> args) {
        Path file = existingFile(args);
        String target = requiredString(args, "status");
        String expected = requiredString(args, "hash");
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw new ToolRefusal(
                    Lifecycle.taskListRefusal(display(file))
                            + " (work them with progress, next_item and mark_done)");
        }
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        requireHash(file, source, expected);
        // in status's words, from core
        project.lifecycleRefusal(this::display)
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
        // a spec the configuration leaves out: refused as status refuses it, gates unasked
        project.moveRefusal(file, "set_status", this::display)
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
        SpecDocument document = project.parse(file, source.text());
        Lifecycle lifecycle = project.lifecycle();
        SpecStatus to =
                lifecycle
                        .status(target)
                        .orElseThrow(() -> new ToolRefusal(lifecycle.notAStatus(target)));
        Optional<SpecStatus> current = lifecycle.status(document);
        // only a lifecycle with an approval status records approvals
        Optional<SpecStatus> approving = lifecycle.approvalStatus();
        boolean allowed = approvalAllowed(project) || approving.isEmpty();
        if (approving.filter(to::equals).isPresent() && !current.equals(approving) && !allowed) {
            throw new ToolRefusal(
                    "cannot move "
                            + display(file)
                            + " to Approved over MCP: approving is a person's decision (a person"
                            + " runs 'specgate status "
                            + display(file)
                            + " Approved'; or set mcp: {allow-approve: true} in .specgate.yml,"
                            + " or start the server with --allow-approve); the file is unchanged");
        }
        if (current.filter(SpecStatus::holdsApprovedContent).isPresent()
                && !to.holdsApprovedContent()
                && !allowed) {
            throw new ToolRefusal(
                    "cannot move "
                            + display(file)
                            + " from "
                            + current.get().label()
                            + " to "
                            + to.label()
                            + " over MCP: withdrawing an approval is a person's decision (a"
                            + " person runs 'specgate status "
                            + display(file)
                            + " "
                            + to.label()
                            + "'; or set mcp: {allow-approve: true} in .specgate.yml, or start"
                            + " the server with --allow-approve); the file is unchanged");
        }
        GateResult result = lifecycle.evaluate(file, source, document, to, options.today().get());
        String name = display(file);
        if (!result.passed()) {
            throw new ToolRefusal(
                    result.refusal(name),
                    result.reasons().stream().map(r -> McpShapes.shown(r.text(), name)).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", name);
        out.put("from", result.move().from().map(SpecStatus::label).orElse(null));
        out.put("to", to.label());
        if (result.move().stays()) {
            out.put("changed", false);
            out.put("hash", hash(source));
            return out;
        }
        Optional<String> several = lifecycle.approverRefusalWithoutBy(document, to, name);
        if (several.isPresent()) {
            // MCP names no approver: a person runs status with --by
            throw new ToolRefusal(several.get() + "; the file is unchanged");
        }
        write(project, file, lifecycle.moveEdit(source, document, to, options.today().get()));
        out.put("changed", true);
        // in status's words, from core: a move to Approved that records none says why
        project.approvalNote(document, to, Optional.empty(), this::display)
                .ifPresent(n -> out.put("approval", n));
        out.put("hash", hash(read(project, file)));
        return out;
    }

    Map<String, Object> setField(Map<String, Object> args) {
        Path file = existingFile(args);
        String name = requiredString(args, "field");
        List<String> values = stringOrStrings(args, "value");
        String expected = requiredString(args, "hash");
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw new ToolRefusal(
                    display(file)
                            + " is a task list: it has no metadata fields (work it with progress,"
                            + " next_item and mark_done)");
        }
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        requireHash(file, source, expected);
        SpecDocument document = project.parse(file, source.text());
        Lifecycle lifecycle = project.lifecycle();
        FieldEdits.Outcome outcome =
                lifecycle
                        .fields()
                        .set(
                                file,
                                source,
                                document,
                                name,
                                values,
                                new FieldEdits.Words(
                                        "set_status",
                                        "a person's 'specgate approve "
                                                + display(file)
                                                + "' (or set_status Approved, where the project"
                                                + " allows it)"));
        if (outcome instanceof FieldEdits.Refused r) {
            throw new ToolRefusal(r.reason());
        }
        FieldEdits.Change change = (FieldEdits.Change) outcome;
        // core's question, which the language server's field actions ask too
        if (!approvalAllowed(project)) {
            lifecycle
                    .fields()
                    .personsDecision(
                            change,
                            document,
                            display(file),
                            "a person runs 'specgate field "
                                    + display(file)
                                    + " \""
                                    + change.label()
                                    + "\" VALUE'; or set mcp: {allow-approve: true} in"
                                    + " .specgate.yml")
                    .ifPresent(
                            why -> {
                                throw new ToolRefusal(why + "; the file is unchanged");
                            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("field", change.label());
        // a YAML list's items as a JSON array, as it is set
        if (change.list()) {
            out.put("from", change.before().isEmpty() ? null : change.valuesBefore());
            out.put("value", change.values());
        } else {
            out.put("from", change.before().orElse(null));
            out.put("value", change.value());
        }
        out.put("added", change.added());
        out.put("changed", change.changed());
        SpecSource now = source;
        if (change.changed()) {
            write(project, file, change.edit());
            now = read(project, file);
        }
        out.put("hash", hash(now));
        CheckedSpec checked = project.inspect(file, now, checkOptions());
        out.put("diagnostics", McpShapes.diagnostics(reported(project, checked), display(file)));
        change.approvalNote()
                .ifPresent(n -> out.put("approval", McpShapes.shown(n, display(file))));
        project.exclusionNotice(file, this::display).ifPresent(n -> out.put("notices", List.of(n)));
        return out;
    }

    Map<String, Object> newSpec(Map<String, Object> args) {
        String title = requiredString(args, "title");
        Optional<String> type = optionalString(args, "type");
        Optional<String> assignee = optionalString(args, "assignee");
        Optional<String> slug = optionalString(args, "slug");
        // refused in new's words, the argument named as the agent gives it
        SpecScaffold.titleRefusal(title)
                .or(() -> slug.flatMap(s -> SpecScaffold.slugRefusal(s, "slug")))
                .or(
                        () ->
                                slug.isPresent()
                                        ? Optional.empty()
                                        : SpecScaffold.fileNameRefusal(title)
                                                .map(
                                                        why ->
                                                                why
                                                                        + "; name the file with"
                                                                        + " 'slug', e.g."
                                                                        + " audit-log-export"))
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
        SpecProject project = open(root);
        SpecScaffold scaffold = new SpecScaffold(project.schema());
        // refused in new's words, from the template (the argument named as the agent gives it)
        type.flatMap(scaffold.schema()::typeRefusal)
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
        assignee.flatMap(a -> scaffold.assigneeRefusal(a, "assignee"))
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
        NewSpec made;
        try {
            // the folder, the file's name and the File field as 'specgate new' writes them
            made =
                    project.newSpec(
                            root,
                            title,
                            slug.orElseGet(() -> TitleSlug.of(title).orElseThrow()),
                            options.today().get(),
                            type,
                            assignee);
        } catch (IOException e) {
            throw new ToolRefusal(
                    "cannot list the folder of specs to number the new spec: "
                            + IoFailure.reason(e)
                            + "; nothing was written");
        }
        Path file = root.resolve(made.relativePath()).normalize();
        Optional<String> draft = optionalString(args, "text");
        String markdown = draft.orElse(made.markdown());
        if (draft.isPresent()) {
            if (draft.get().isBlank()) {
                throw new ToolRefusal("'text' is empty: leave it out to start from the template");
            }
            // the status as the project's lifecycle reads it (as status and set_status do): a
            // template's own statuses, its own drafts
            Lifecycle lifecycle = project.lifecycle();
            Optional<SpecStatus> written = lifecycle.status(project.parse(markdown));
            if (written.filter(st -> !st.draft()).isPresent()) {
                String drafts =
                        String.join(
                                " or ",
                                lifecycle.drafts().stream().map(SpecStatus::label).toList());
                throw new ToolRefusal(
                        "a new spec starts as "
                                + drafts
                                + ", and the text says '"
                                + written.get().spelling()
                                + "': write "
                                + drafts
                                + ", then move it with set_status; nothing was written");
            }
        }
        // the template's bytes: its byte order mark too (an agent's own text is written as given)
        byte[] bytes = draft.isPresent() ? markdown.getBytes(StandardCharsets.UTF_8) : made.bytes();
        insideTheRoot(file, "nothing was written");
        requireReadBack(project, file, bytes.length, "nothing was written");
        try {
            WRITER.createNew(file, bytes); // its folders too, removed again if the write fails
        } catch (FileAlreadyExistsException e) {
            throw new ToolRefusal(
                    display(file) + " already exists; nothing was written (choose another title)");
        } catch (IOException e) {
            throw new ToolRefusal("cannot write " + display(file) + ": " + IoFailure.reason(e));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("hash", hash(bytes));
        CheckedSpec checked = project.inspect(file, SpecSource.of(markdown), checkOptions());
        out.put("diagnostics", McpShapes.diagnostics(reported(project, checked), display(file)));
        project.exclusion(file)
                .ifPresent(why -> out.put("warning", "check will not see it: " + why));
        return out;
    }

    Map<String, Object> updateSection(Map<String, Object> args) {
        Path file = existingFile(args);
        String name = requiredString(args, "section");
        String body = requiredString(args, "text");
        String expected = requiredString(args, "hash");
        Optional<Long> line = optionalLine(args);
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        requireHash(file, source, expected);
        // with the metadata file beside it, if any: the status may stand there
        SpecDocument doc = project.parse(file, source.text());
        Section target = section(file, doc, name, line);
        // the status as the project's lifecycle reads it (a template's own statuses, in its own
        // words), as status and set_status read it
        Optional<SpecStatus> status = project.lifecycle().status(doc);
        if (status.filter(SpecStatus::holdsApprovedContent).isPresent()
                && !approvalAllowed(project)) {
            throw new ToolRefusal(
                    "cannot edit "
                            + display(file)
                            + ": it is "
                            + status.get().spelling()
                            + ", and changing an approved spec's content is a person's decision"
                            + " (a person edits the section and runs 'specgate check "
                            + display(file)
                            + "', or moves it back with 'specgate status "
                            + display(file)
                            + " Draft'; or set mcp: {allow-approve: true} in .specgate.yml);"
                            + " the file is unchanged");
        }
        // blank lines around the text go (the section's own stay); indentation is Markdown
        String clean =
                body.replace("\r\n", "\n")
                        .replace('\r', '\n')
                        .replaceFirst("^(?:[ \t]*\n)+", "")
                        .stripTrailing();
        SpecDocument bodyDoc = project.parse(clean);
        for (Section s : bodyDoc.sections()) {
            if (s.level() <= target.level()) {
                throw new ToolRefusal(
                        "the text holds the heading '"
                                + s.title()
                                + "' (level "
                                + s.level()
                                + "), which would end section '"
                                + target.title()
                                + "' (level "
                                + target.level()
                                + "): give only its body, with deeper headings if any; the file"
                                + " is unchanged");
            }
        }
        SpecEdit edit = bodyEdit(source, doc, project.schema(), target, clean);
        SpecDocument after = project.parse(file, edit.text());
        int added = bodyDoc.sections().size();
        if (after.sections().size() != doc.sections().size() + added) {
            throw new ToolRefusal(
                    "the text would change the headings after section '"
                            + target.title()
                            + "' (an unclosed code fence or HTML block?); the file is unchanged");
        }
        Optional<String> statusAfter = StatusReading.written(after, project.schema());
        if (statusAfter.isEmpty()
                && StatusReading.written(doc, project.schema()).isPresent()
                && StatusReading.written(bodyDoc, project.schema()).isEmpty()) {
            // the text writes no status, yet the field is gone: the text swallowed it
            throw new ToolRefusal(
                    "the text would hide the spec's status field after section '"
                            + target.title()
                            + "' (an unclosed code fence or HTML block?); the file is unchanged");
        }
        if (!statusAfter.equals(StatusReading.written(doc, project.schema()))) {
            throw new ToolRefusal(
                    "the text would change the spec's status field: move the status with"
                            + " set_status; the file is unchanged");
        }
        write(project, file, edit);
        SpecSource now = read(project, file);
        CheckedSpec checked = project.inspect(file, now, checkOptions());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("section", target.title());
        out.put("line", target.line() + 1);
        out.put("changed", !edit.isIdentity());
        out.put("hash", hash(now));
        out.put("diagnostics", McpShapes.diagnostics(reported(project, checked), display(file)));
        project.exclusionNotice(file, this::display).ifPresent(n -> out.put("notices", List.of(n)));
        return out;
    }

    Map<String, Object> scaffold(Map<String, Object> args) {
        Path file = existingFile(args);
        boolean apply = flag(args, "scaffold", "apply");
        boolean conditional = flag(args, "scaffold", "includeConditional");
        Optional<String> expected = optionalString(args, "hash");
        if (apply && expected.isEmpty()) {
            throw new ToolRefusal(
                    "'hash' is required when apply is true (the content hash from your last read"
                            + " of the spec); nothing was created");
        }
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        if (expected.isPresent()) {
            requireHash(file, source, expected.get());
        }
        SpecDocument doc = project.parse(source.text());
        String slug = FeatureSlug.of(file, project.schema());
        List<LayoutEntry> entries = FileOrganization.read(source.text(), doc, slug, file);
        List<UnreadEntry> unread = FileOrganization.unread(source.text(), doc);
        if (entries.isEmpty()) {
            throw new ToolRefusal(display(file) + ": " + UnreadEntry.nothingToScaffold(unread));
        }
        Path projectRoot = ProjectRoot.ofSpec(file);
        if (!projectRoot.startsWith(root)) {
            throw new ToolRefusal(
                    display(file)
                            + "'s project root "
                            + projectRoot
                            + " is outside the server's root; nothing was created");
        }
        Scaffold plan;
        try {
            plan =
                    Scaffold.plan(
                            new LayoutPaths(projectRoot),
                            file,
                            project.schema().titleOrFileName(doc, file),
                            entries,
                            conditional);
        } catch (UnsafeLayoutException e) {
            throw new ToolRefusal(
                    display(file) + ": " + e.getMessage()); // says nothing was created
        } catch (IOException e) {
            throw new ToolRefusal(
                    "cannot read the project root " + projectRoot + ": " + IoFailure.reason(e));
        }
        if (apply) {
            try {
                plan.apply();
            } catch (IOException e) {
                throw new ToolRefusal(
                        "cannot scaffold " + display(file) + ": " + IoFailure.reason(e));
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ScaffoldStep step : plan.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            String action = step.action().label();
            if (!apply && step.action() != ScaffoldStep.Action.EXISTS) {
                action = "would create";
            }
            m.put("action", action);
            m.put("path", display(step.target()) + (step.directory() ? "/" : ""));
            m.put("directory", step.directory());
            m.put("line", step.entry().line() + 1);
            steps.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(file));
        out.put("applied", apply);
        out.put("steps", steps);
        // what scaffold makes nothing for, said as 'specgate scaffold' says it on stderr
        out.put("unread", unread.stream().map(UnreadEntry::jsonFields).toList());
        return out;
    }

    Map<String, Object> tasks(Map<String, Object> args) {
        Path file = existingFile(args);
        String expected = requiredString(args, "hash");
        Optional<String> replace = optionalString(args, "replace");
        SpecProject project = open(file);
        SpecSource source = read(project, file);
        requireHash(file, source, expected);
        TaskListPlan plan;
        try {
            plan = project.taskList(file, source, options.today().get());
        } catch (TaskListPlan.NoTaskListException e) {
            throw new ToolRefusal(display(file) + " " + e.getMessage());
        }
        Path target = plan.target();
        // a list of this spec written on another day is the one to replace, as tasks does
        List<Path> existingLists;
        Optional<Path> targetsSpec;
        try {
            // the file at the list's name first: when it cannot be read, that is the cause
            targetsSpec =
                    target.startsWith(root) ? project.specOfTaskList(target) : Optional.empty();
        } catch (UnreadableSpecException e) {
            throw new ToolRefusal(TaskListPlan.unreadableAtItsName(display(target), e));
        }
        try {
            existingLists = project.taskListsOf(plan);
        } catch (UnreadableSpecException e) {
            throw new ToolRefusal(e.getMessage());
        }
        try {
            // 'replace' replaces the spec's own list, never another spec's at its name
            target = plan.target(existingLists, replace.isPresent(), targetsSpec);
        } catch (TaskListPlan.AnotherSpecsListException e) {
            throw new ToolRefusal(
                    e.said(this::display, display(file), project.schema())
                            + "; nothing was written ('replace' does not replace another spec's"
                            + " list)");
        } catch (TaskListPlan.ListedElsewhereException e) {
            throw new ToolRefusal(
                    e.said(this::display, display(file))
                            + "; nothing was written"
                            + (e.several()
                                    ? " (remove all but one first)"
                                    : " (to replace it, pass 'replace' with its content hash"
                                            + " from get_spec)"));
        }
        if (!target.startsWith(root)) {
            throw new ToolRefusal(
                    "the task list would go to " + target + ", outside the server's root");
        }
        Path at = target;
        // a link that would carry the list out of the root, in the tasks command's words
        try {
            plan.outsideRefusal(at, root, display(at))
                    .ifPresent(
                            why -> {
                                throw new ToolRefusal(why);
                            });
        } catch (IOException e) {
            throw new ToolRefusal("cannot write " + display(at) + ": " + IoFailure.reason(e));
        }
        SymbolicLinks.broken(at)
                .ifPresent(
                        what -> {
                            throw new ToolRefusal(
                                    display(at)
                                            + " is "
                                            + what
                                            + "; nothing was written (remove the link, or restore"
                                            + " the file it leads to and pass 'replace' with its"
                                            + " content hash)");
                        });
        byte[] bytes;
        boolean replaced = false;
        TaskListPlan.CarriedTicks ticks = null;
        try {
            if (Files.exists(target)) {
                if (replace.isEmpty()) {
                    throw new ToolRefusal(
                            display(target)
                                    + " already exists; nothing was written (to replace it, pass"
                                    + " 'replace' with its content hash from get_spec)");
                }
                SpecSource existing = read(project, target);
                requireHash(target, existing, replace.get());
                // the ticks of the list replaced (its T and V items exist only there) are kept
                ticks = plan.carryTicks(existing.text());
                bytes = ticks.plan().bytes(source.newline(), source.hasBom());
                requireReadBack(project, target, bytes.length, "the file is unchanged");
                WRITER.replace(target, existing.bytes(), bytes);
                replaced = true;
            } else {
                // made here, once: a replace makes them from the plan with the ticks carried
                bytes = plan.bytes(source.newline(), source.hasBom());
                requireReadBack(project, target, bytes.length, "nothing was written");
                WRITER.createNew(target, bytes); // its folders too, removed if the write fails
            }
        } catch (FileAlreadyExistsException e) {
            throw new ToolRefusal(
                    display(target) + " appeared meanwhile; nothing was written (read it first)");
        } catch (StaleSpecException e) {
            throw lostTheRace(target, e);
        } catch (IOException e) {
            throw new ToolRefusal("cannot write " + display(target) + ": " + IoFailure.reason(e));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", display(target));
        out.put("hash", hash(bytes));
        out.put("replaced", replaced);
        if (ticks != null) {
            out.put("ticks_carried", ticks.carried());
            out.put("ticks_dropped", ticks.dropped());
            if (!ticks.unclear().isEmpty()) {
                out.put("ticks_unclear", ticks.unclear());
            }
            if (!ticks.gone().isEmpty()) {
                out.put("items_dropped", ticks.gone());
            }
        }
        out.put("spec", display(file));
        plan.emptyItemsSaid(display(file)).ifPresent(said -> out.put("notices", List.of(said)));
        return out;
    }

    // ---- helpers

    /** The {@code paths} argument: files or folders inside the root; the root when none. */
    private List<Path> pathsArgument(Map<String, Object> args) {
        List<Path> roots = new ArrayList<>();
        Optional<?> paths = checked(args, "paths", List.class);
        if (paths.isPresent()) {
            for (Object p : (List<?>) paths.get()) {
                String s = (String) p; // an array of strings, as ToolArguments checked
                if (s.isBlank()) {
                    throw new ToolRefusal("'paths' must hold non-empty strings");
                }
                Path resolved = resolve(s);
                if (!Files.exists(resolved)) {
                    throw new ToolRefusal("not found: " + s);
                }
                roots.add(resolved);
            }
        }
        if (roots.isEmpty()) {
            roots.add(root);
        }
        return roots;
    }

    /** check's and trace's workspace, opened through {@link Projects}. */
    private SpecWorkspace workspace(List<Path> roots) {
        try {
            return projects.workspace(roots, options.config());
        } catch (ConfigException e) {
            throw configRefusal(e);
        }
    }

    /** The workspace's specs, each with the project whose configuration it follows. */
    private List<SpecWorkspace.Found> found(SpecWorkspace workspace) {
        try {
            return workspace.find();
        } catch (NothingToCheckException e) {
            throw nothingToCheck(e);
        } catch (ConfigException e) {
            throw configRefusal(e);
        }
    }

    private ToolRefusal nothingToCheck(NothingToCheckException e) {
        return new ToolRefusal(
                NothingToCheckException.message(
                        e.roots().stream().map(this::display).collect(Collectors.joining(", ")),
                        e.lookedFor()));
    }

    /** Whether an agent may approve, revoke an approval or edit approved content. */
    private boolean approvalAllowed(SpecProject project) {
        return options.allowApprove() || project.mcpAllowsApproval();
    }

    /** The {@code line} argument: a whole number, 1 or more, as ToolArguments checked. */
    private static Optional<Long> optionalLine(Map<String, Object> args) {
        return checked(args, "line", Number.class)
                .map(n -> n instanceof java.math.BigInteger ? Long.MAX_VALUE : n.longValue());
    }

    /**
     * The section named {@code name} (its title, or its heading with the #s; any case), at {@code
     * line} (1-based) when several have that name.
     */
    private Section section(Path file, SpecDocument doc, String name, Optional<Long> line) {
        String wanted = name.strip().replaceFirst("^#{1,6}\\s+", "").strip();
        List<Section> found =
                doc.sections().stream()
                        .filter(s -> s.title().strip().equalsIgnoreCase(wanted))
                        .toList();
        if (line.isPresent()) {
            found = found.stream().filter(s -> s.line() + 1 == line.get()).toList();
        }
        if (found.isEmpty()) {
            List<String> titles = doc.sections().stream().map(s -> s.title().strip()).toList();
            // a typo: the nearest title, as an unknown argument or status names the nearest one
            String near =
                    titles.stream().anyMatch(t -> t.equalsIgnoreCase(wanted))
                            ? ""
                            : EditDistance.didYouMeanValue(wanted, titles);
            throw new ToolRefusal(
                    display(file)
                            + " has no section '"
                            + wanted
                            + "'"
                            + line.map(l -> " on line " + l).orElse("")
                            + near
                            + " (get_spec lists its sections)");
        }
        if (found.size() > 1) {
            throw new ToolRefusal(
                    display(file)
                            + " has "
                            + found.size()
                            + " sections '"
                            + wanted
                            + "' (lines "
                            + String.join(
                                    ", ", found.stream().map(s -> "" + (s.line() + 1)).toList())
                            + "): pass 'line' to say which");
        }
        return found.get(0);
    }

    /**
     * The edit that replaces a section's own body (the text between its heading and the next
     * heading) with {@code body}: the blank lines around the body, and every other byte, stay.
     */
    private static SpecEdit bodyEdit(
            SpecSource source, SpecDocument doc, TemplateSchema schema, Section s, String body) {
        int heading = s.range().endLine();
        int next = SectionBodies.end(source, doc, schema, s);
        int first = -1;
        int last = -1;
        for (int l = heading + 1; l < next && l < source.lineCount(); l++) {
            if (!source.text().substring(source.lineStart(l), source.lineEnd(l)).isBlank()) {
                first = first < 0 ? l : first;
                last = l;
            }
        }
        String text = source.text();
        if (first >= 0) {
            if (body.isEmpty()) {
                int end =
                        last + 1 < source.lineCount()
                                ? source.lineStart(last + 1)
                                : source.lineEnd(last);
                return source.edit().replace(source.lineStart(first), end, "");
            }
            return source.edit().replace(source.lineStart(first), source.lineEnd(last), body);
        }
        if (body.isEmpty()) {
            return source.edit();
        }
        if (source.lineBreak(heading).isEmpty()) {
            return source.edit().insert(text.length(), "\n\n" + body + "\n");
        }
        int at = source.lineStart(heading + 1);
        boolean blankFollows =
                heading + 1 < next && heading + 1 < source.lineCount() && at < text.length();
        String after = next < source.lineCount() && !blankFollows ? "\n\n" : "\n";
        return source.edit().insert(at, "\n" + body + after);
    }

    /** The template's own text under the heading of {@code spec}: its guidance for that section. */
    private static String guidance(List<Map<String, Object>> templateSections, SectionSpec spec) {
        for (int i = 0; i < templateSections.size(); i++) {
            Map<String, Object> m = templateSections.get(i);
            if (spec.title().equals(m.get("title")) && spec.level() == (int) m.get("level")) {
                templateSections.remove(i);
                return (String) m.get("text");
            }
        }
        return "";
    }

    private CheckOptions checkOptions() {
        return SpecProject.asOf(options.today().get());
    }

    private SpecProject open(Path start) {
        try {
            return projects.open(start);
        } catch (ConfigException e) {
            throw configRefusal(e);
        }
    }

    /** In the words of check and the language server: the file named from the root. */
    private ToolRefusal configRefusal(ConfigException e) {
        return ToolRefusal.configuration(
                "cannot use the configuration: "
                        + display(e.file())
                        + (e.line() > 0 ? ":" + e.line() : "")
                        + ": "
                        + e.problem());
    }

    /**
     * The check as {@code check} reports it: without the findings the configured baseline records.
     */
    private static CheckResult reported(SpecProject project, CheckedSpec checked) {
        try {
            return project.reported(checked);
        } catch (BaselineException e) {
            throw new ToolRefusal(e.getMessage());
        }
    }

    /**
     * Refuses to let {@code tool} show how far a file the configuration leaves out is, as {@code
     * specgate progress} and {@code next} refuse it: core's {@code showRefusal}.
     */
    private void refuseToShow(SpecProject project, Path file, String tool) {
        project.showRefusal(file, tool, this::display)
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(why);
                        });
    }

    private Checklist checklist(SpecProject project, Path file, SpecSource source) {
        return Checklist.of(project.parse(source.text()), DocumentKind.of(file));
    }

    private Map<String, Object> gates(
            SpecProject project, Path file, SpecSource source, SpecDocument doc) {
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            return McpShapes.noGates("a task list has no Document Status and no lifecycle");
        }
        Optional<String> unfit = project.lifecycleRefusal(this::display);
        if (unfit.isPresent()) {
            return McpShapes.noGates(unfit.get());
        }
        // a file the configuration leaves out: no gates judged, as status SPEC refuses to show it
        Optional<String> leftOut = project.gatesRefusal(file, this::display);
        if (leftOut.isPresent()) {
            return McpShapes.noGates(leftOut.get());
        }
        return McpShapes.gates(
                project.lifecycle().inspect(file, source, doc, options.today().get()),
                display(file));
    }

    /**
     * Each section's own text: the lines after its heading up to the next heading, or up to the
     * template's closing fields (the Document Status block after the last section), which belong to
     * no section.
     */
    private static List<Map<String, Object>> sections(
            SpecSource source, SpecDocument doc, TemplateSchema schema) {
        List<Section> all = doc.sections();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            int from = s.range().endLine() + 1;
            int to = Math.max(from, SectionBodies.end(source, doc, schema, s));
            String text =
                    from >= to
                            ? ""
                            : source.text()
                                    .substring(source.lineStart(from), source.lineEnd(to - 1));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", s.level());
            m.put("title", s.title());
            m.put("line", s.line() + 1);
            m.put("text", text.strip());
            out.add(m);
        }
        return out;
    }

    private static final java.util.regex.Pattern HEX_64 =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    private void requireHash(Path file, SpecSource source, String expected) {
        if (!HEX_64.matcher(expected.trim()).matches()) {
            // not a stale read but no hash at all: "changed since you read it" would mislead
            throw new ToolRefusal(
                    "'"
                            + expected
                            + "' is not a content hash (the 64 hex digits 'hash' that get_spec,"
                            + " progress, next_item and every write answer with): read "
                            + display(file)
                            + " with get_spec and pass its hash; the file is unchanged");
        }
        String actual = hash(source);
        if (!actual.equalsIgnoreCase(expected.trim())) {
            throw new ToolRefusal(
                    display(file)
                            + " changed since you read it (its hash is now "
                            + actual
                            + "): read it again (get_spec) and redo the change; the file is"
                            + " unchanged");
        }
    }

    /**
     * Refuses a write whose file is, through a symbolic link, outside the root: the path the agent
     * gave stays inside it, the bytes written would not.
     */
    private void insideTheRoot(Path file) {
        insideTheRoot(file, "the file is unchanged");
    }

    /**
     * Refuses a write whose file (or, for a file not there yet, the folder it would go to) is,
     * through a symbolic link, outside the root; {@code untouched} says what the refusal left as it
     * was.
     */
    private void insideTheRoot(Path file, String untouched) {
        Optional<String> outside;
        try {
            outside = SymbolicLinks.outside(file, root);
        } catch (IOException e) {
            throw new ToolRefusal("cannot write " + display(file) + ": " + IoFailure.reason(e));
        }
        outside.ifPresent(
                where -> {
                    throw new ToolRefusal(
                            display(file)
                                    + " "
                                    + where
                                    + ": the tools write only inside it (a person edits it"
                                    + " there); "
                                    + untouched);
                });
    }

    private void write(SpecProject project, Path file, SpecEdit edit) {
        insideTheRoot(file);
        requireReadBack(project, file, edit.bytes().length, "the file is unchanged");
        try {
            WRITER.write(edit);
        } catch (StaleSpecException e) {
            throw lostTheRace(file, e);
        } catch (IOException e) {
            throw new ToolRefusal("cannot write " + display(file) + ": " + IoFailure.reason(e));
        }
    }

    /**
     * Refuses a write that would leave a file the project's reader refuses (over {@code
     * max-file-size}): no tool, resource or check could read it back, nor an agent mend it.
     */
    private void requireReadBack(SpecProject project, Path file, long size, String unchanged) {
        project.reader()
                .writeRefusal(size)
                .ifPresent(
                        why -> {
                            throw new ToolRefusal(
                                    "cannot write "
                                            + display(file)
                                            + ": "
                                            + why
                                            + "; "
                                            + unchanged);
                        });
    }

    /**
     * Another write came between the hash check and the rename: the agent's read is old, as for a
     * stale hash (the exception's own words name the absolute path and the CLI).
     */
    private ToolRefusal lostTheRace(Path file, StaleSpecException e) {
        return new ToolRefusal(
                display(file)
                        + " "
                        + e.reason()
                        + " while the write was being made: read it again (get_spec) and redo"
                        + " the change; the file is unchanged");
    }

    /** Reads {@code file} as {@code check} reads it in {@code project}: its max-file-size too. */
    private SpecSource read(SpecProject project, Path file) {
        try {
            return SpecSource.read(file, project.reader());
        } catch (UnreadableSpecException e) {
            throw new ToolRefusal(e.describe(display(file)));
        }
    }

    private Path existingFile(Map<String, Object> args) {
        String given = requiredString(args, "path");
        Path file = resolve(given);
        if (!Files.exists(file)) {
            throw new ToolRefusal("spec not found: " + given);
        }
        if (Files.isDirectory(file)) {
            // as the root shows it: "" is the root itself, "."
            throw new ToolRefusal(display(file) + " is a folder: give one spec file");
        }
        return file;
    }

    /** A path the agent gave, inside the root. */
    Path resolve(String given) {
        Path p;
        try {
            p = root.resolve(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ToolRefusal("not a path: " + given + unnamable(given));
        }
        if (!p.startsWith(root)) {
            throw new ToolRefusal(given + " is outside the project root " + root);
        }
        return p;
    }

    /**
     * Why a path that names a file cannot be made, when the cause is the server's locale: under the
     * C locale (a client that passes a few environment variables only, as the TypeScript SDK does)
     * Java cannot name a file whose name is not ASCII.
     */
    static String unnamable(String given) {
        String jnu = System.getProperty("sun.jnu.encoding");
        java.nio.charset.CharsetEncoder names;
        try {
            names = java.nio.charset.Charset.forName(jnu).newEncoder();
        } catch (RuntimeException e) {
            return "";
        }
        boolean replaced = given.indexOf('\uFFFD') >= 0;
        if (!replaced && names.canEncode(given)) {
            return "";
        }
        return " (the server runs under a locale whose file names are "
                + jnu
                + ", which cannot hold this name: start it with LC_ALL=C.UTF-8 in its"
                + " environment, as docs/agents.md says)";
    }

    private Path nearestExisting(Path file) {
        Path p = file;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? root : p;
    }

    /** A path as the tools write it: relative to the root, with forward slashes. */
    String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private static String kindName(Path file) {
        return DocumentKind.of(file) == DocumentKind.TASK_LIST ? "tasks" : "spec";
    }

    static String hash(SpecSource source) {
        return hash(source.bytes());
    }

    /** The content hash: sha256 of the file's bytes, in lowercase hex. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String requiredString(Map<String, Object> args, String name) {
        return checked(args, name, String.class).orElseThrow(() -> unchecked(name));
    }

    /** A string argument, or an array of strings (as ToolArguments checked), as a list. */
    private static List<String> stringOrStrings(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        throw unchecked(name);
    }

    private static Optional<String> optionalString(Map<String, Object> args, String name) {
        return checked(args, name, String.class);
    }

    private static Optional<Boolean> optionalBoolean(Map<String, Object> args, String name) {
        return checked(args, name, Boolean.class);
    }

    /**
     * The true-or-false argument {@code name} of {@code tool}, or, when it is not given, the {@code
     * default} its input schema in tools.json gives it: the one place a default is written.
     */
    private static boolean flag(Map<String, Object> args, String tool, String name) {
        return checked(args, name, Boolean.class)
                .orElseGet(() -> (Boolean) ToolArguments.of(tool).defaultOf(name));
    }

    /**
     * The argument {@code name} as {@link ToolArguments} let it through, of its schema's type, or
     * empty when it is not given: absent, or {@code null}, which ToolArguments lets through for an
     * argument that is not required. The arguments' types and the required ones are checked there,
     * once, in the words a refusal gives: one that reaches a tool unchecked is a bug.
     */
    private static <T> Optional<T> checked(Map<String, Object> args, String name, Class<T> type) {
        Object v = args.get(name);
        if (v == null) {
            return Optional.empty(); // absent, or null for an optional argument
        }
        if (!type.isInstance(v)) {
            throw unchecked(name);
        }
        return Optional.of(type.cast(v));
    }

    private static IllegalStateException unchecked(String name) {
        return new IllegalStateException(
                "'"
                        + name
                        + "' reached the tool unchecked: ToolArguments checks every call's"
                        + " arguments against tools.json first");
    }
}
