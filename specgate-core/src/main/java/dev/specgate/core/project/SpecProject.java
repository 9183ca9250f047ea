package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.approval.RunSize;
import dev.specgate.core.authoring.NewSpec;
import dev.specgate.core.authoring.SpecScaffold;
import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.baseline.Finding;
import dev.specgate.core.baseline.Fingerprinter;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.NewFileName;
import dev.specgate.core.config.RuleLevel;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.discovery.UnreadablePath;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.history.SpecHistory;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.lifecycle.Board;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.MarkdownTree;
import dev.specgate.core.rules.LinkTargets;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.tasks.TaskListPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way into Specgate's engine. A project is opened once, from the path a command works on
 * and a {@link ConfigChoice}; it owns the configuration (with real defaults when there is none),
 * the template schema, discovery, the checker, the baseline and the strictness reading, and every
 * surface (each command, the Maven plugin, the dashboard, the language and agent servers) asks it.
 * Each file is read and parsed once per run: fixes, fingerprints, summaries and layout traces come
 * from that same text and document. Immutable and thread-safe.
 */
public final class SpecProject {

    private static final List<String> RULE_IDS =
            RuleRegistry.builtin().stream().map(Rule::id).toList();

    private final Optional<SpecgateConfig> config;
    private final SpecChecker checker;

    /** {@link #lifecycle()}, made when first asked (two threads may each make an equal one). */
    private volatile Lifecycle lifecycle;

    private final ConfiguredDiscovery discovery;
    private final SpecFileReader reader;
    private final SpecFixer fixer = new SpecFixer();
    private final SpecFileWriter writer = new SpecFileWriter();

    /**
     * The search started when the project was opened for known paths ({@link EarlySearch}), until
     * the first {@link #find(List)} takes it; null when none.
     */
    private final AtomicReference<EarlySearch> early = new AtomicReference<>();

    /**
     * The incremental cache's file read while the search walked ({@link #readCacheAhead}), until
     * the run that opens the cache takes it; null when none.
     */
    private final AtomicReference<ResultCache.ReadAhead> cacheAhead = new AtomicReference<>();

    private SpecProject(Optional<SpecgateConfig> config) {
        this(config, null, false);
    }

    private SpecProject(Optional<SpecgateConfig> config, TemplateSchema schema, boolean nested) {
        this(config, schema, nested, List.of());
    }

    /**
     * @param nested whether folders below with a configuration of their own are left to it (a
     *     project opened from the nearest configuration); else this project's configuration (or
     *     none) applies to everything below
     * @param roots the paths a search of this project's specs is started for at once, on a thread
     *     of its own, while the checker is built ({@link EarlySearch}); empty for none
     */
    private SpecProject(
            Optional<SpecgateConfig> config,
            TemplateSchema schema,
            boolean nested,
            List<Path> roots) {
        this.config = config;
        this.discovery = new ConfiguredDiscovery(config, nested);
        if (!roots.isEmpty()) {
            ConfiguredDiscovery search = discovery;
            early.set(EarlySearch.start(roots, given -> find(search, given)));
        }
        this.reader =
                config.map(c -> new SpecFileReader(c.maxFileSize(), "max-file-size in " + c.file()))
                        .orElseGet(
                                () ->
                                        new SpecFileReader(
                                                ConfigLoader.DEFAULT_MAX_FILE_SIZE,
                                                "the default max-file-size; a "
                                                        + SpecgateConfig.FILE_NAME
                                                        + " can raise it"));
        SpecChecker.Builder builder = SpecChecker.builder().reader(reader);
        if (schema != null) {
            builder.schema(schema);
        }
        config.ifPresent(
                c -> {
                    builder.schema(c.schema());
                    builder.approvals(Approvals.of(c.approvalField(), c.schema()));
                    builder.projectRoot(c.baseDir());
                    for (Map.Entry<String, RuleLevel> r : c.rules().entrySet()) {
                        r.getValue()
                                .severity()
                                .ifPresentOrElse(
                                        s -> builder.severity(r.getKey(), s),
                                        () -> builder.disable(r.getKey()));
                    }
                });
        this.checker = builder.build();
    }

    /**
     * Opens the project a path belongs to.
     *
     * @param start the file or folder a command works on; the nearest configuration is searched
     *     from here
     * @throws ConfigException when the configuration (or the template it names) cannot be used
     */
    public static SpecProject open(Path start, ConfigChoice choice) throws ConfigException {
        requireNonNull(start, "start must not be null");
        requireNonNull(choice, "choice must not be null");
        return open(governing(start, choice), choice);
    }

    /**
     * The project of a configuration {@link #governing} found (none: the built-in template),
     * loading it only when finding it did not.
     */
    static SpecProject open(Optional<Governing> governing, ConfigChoice choice)
            throws ConfigException {
        return open(governing, choice, List.of());
    }

    /**
     * {@link #open(Optional, ConfigChoice)}, starting the search of the specs under {@code roots}
     * ({@link #find(List)}) as soon as the configuration is known, on a thread of its own, while
     * the checker is built: the first {@link #find(List)} of the same paths takes its result.
     */
    static SpecProject open(Optional<Governing> governing, ConfigChoice choice, List<Path> roots)
            throws ConfigException {
        Optional<SpecgateConfig> config = Optional.empty();
        if (governing.isPresent()) {
            config =
                    Optional.of(
                            governing.get().config().isPresent()
                                    ? governing.get().config().get()
                                    : new ConfigLoader(RULE_IDS).load(governing.get().file()));
        }
        return new SpecProject(config, null, choice.isNearest(), roots);
    }

    /**
     * The project of a nested configuration a search of the project above it found ({@link
     * ConfiguredDiscovery.Selection#nestedConfigs()}): that search already decided that it governs
     * its folder, so no configuration above it is loaded again.
     */
    static SpecProject openNested(Path configFile) throws ConfigException {
        return new SpecProject(
                Optional.of(new ConfigLoader(RULE_IDS).load(configFile)), null, true);
    }

    /** A project with the built-in template and rules and no configuration file. */
    public static SpecProject builtin() {
        return new SpecProject(Optional.empty());
    }

    /** A project with no configuration file that checks against {@code schema}. */
    public static SpecProject of(TemplateSchema schema) {
        return new SpecProject(
                Optional.empty(), requireNonNull(schema, "schema must not be null"), false);
    }

    /** A project that follows a configuration already loaded. */
    public static SpecProject of(SpecgateConfig config) {
        return new SpecProject(Optional.of(requireNonNull(config, "config must not be null")));
    }

    /**
     * A configuration file that governs a path and, when finding it had to load it, the
     * configuration loaded from it (so that opening the project loads no file twice).
     */
    record Governing(Path file, Optional<SpecgateConfig> config) {}

    /**
     * The configuration file {@code choice} gives for {@code start}, if any.
     *
     * @throws ConfigException when a configuration above {@code start} that decides which one
     *     governs cannot be used
     */
    static Optional<Governing> governing(Path start, ConfigChoice choice) throws ConfigException {
        if (choice.isNone()) {
            return Optional.empty();
        }
        if (choice.named().isPresent()) {
            return Optional.of(new Governing(choice.named().get(), Optional.empty()));
        }
        Optional<Path> nearest = ConfigLoader.find(start);
        return nearest.isEmpty() ? Optional.empty() : Optional.of(outermostProject(nearest.get()));
    }

    /**
     * The configuration that governs a path whose nearest configuration is {@code nearest}, as a
     * walk from the outermost configuration above it would find it: going down from there, a nested
     * configuration becomes the project's unless the one governing so far ignores its file ({@link
     * dev.specgate.core.discovery.NestedConfigs}), in which case its folder is no project of its
     * own and the outer configuration's {@code ignore:} leaves the path out. Each configuration of
     * the walk is loaded once; the one that governs is named as {@code nearest} is (relative or
     * absolute).
     *
     * @throws ConfigException when a configuration of the walk cannot be used: it decides which one
     *     governs, so it is never passed over
     */
    private static Governing outermostProject(Path nearest) throws ConfigException {
        List<Path> chain = new ArrayList<>(); // nearest first
        chain.add(nearest.toAbsolutePath().normalize());
        for (Path dir = chain.get(0).getParent().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SpecgateConfig.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                chain.add(candidate);
            }
        }
        if (chain.size() == 1) {
            return new Governing(nearest, Optional.empty());
        }
        ConfigLoader loader = new ConfigLoader(RULE_IDS);
        int governing = chain.size() - 1;
        SpecgateConfig config = loader.load(named(chain.get(governing), chain.get(0), nearest));
        for (int k = chain.size() - 2; k >= 0; k--) {
            if (!config.ignores(chain.get(k))) {
                governing = k;
                config = loader.load(named(chain.get(k), chain.get(0), nearest));
            }
        }
        return new Governing(config.file(), Optional.of(config));
    }

    /**
     * {@code file} (absolute) named as the user named {@code nearest}, whose absolute form is
     * given.
     */
    private static Path named(Path file, Path nearestAbsolute, Path nearest) {
        if (file.equals(nearestAbsolute)) {
            return nearest;
        }
        return nearest.isAbsolute() ? file : Path.of("").toAbsolutePath().relativize(file);
    }

    /** A loader that knows the rule ids the checker runs. */
    public static ConfigLoader configLoader() {
        return new ConfigLoader(RULE_IDS);
    }

    /** The ids of the rules the checker runs, in order. */
    public static List<String> ruleIds() {
        return RULE_IDS;
    }

    /**
     * The nearest {@code .specgate.yml} at or above {@code start}, as {@link #open} with {@link
     * ConfigChoice#nearest()} first looks for it, without reading it: what a server watches for a
     * change (a configuration made, removed or replaced) before it opens the project again.
     */
    public static Optional<Path> nearestConfigFile(Path start) {
        return ConfigLoader.find(requireNonNull(start, "start must not be null"));
    }

    /** The configuration file followed, if any. */
    public Optional<Path> configFile() {
        return config.map(SpecgateConfig::file);
    }

    /**
     * The project root of {@code file}, the folder a command's writes for it stay inside: the
     * configuration's folder when it holds the file, else the folder that holds the file's {@code
     * directives/} folder, else the file's own folder ({@link ProjectRoot#ofSpec}). {@code tasks}
     * refuses a task list a symbolic link would carry out of it ({@code
     * TaskListPlan#outsideRefusal}), as the MCP tools refuse one out of the server's root.
     */
    public Path root(Path file) {
        Path abs = requireNonNull(file, "file must not be null").toAbsolutePath().normalize();
        return config.map(SpecgateConfig::baseDir)
                .map(base -> base.toAbsolutePath().normalize())
                .filter(abs::startsWith)
                .orElseGet(() -> ProjectRoot.ofSpec(abs));
    }

    /**
     * What {@code check} and MCP's {@code check} say when every file named is left out and nothing
     * is left to check: by the configuration when one of the projects follows one, else as a search
     * of their folders leaves them (a README in {@code directives/tasks/}, say).
     */
    public static String nothingLeftToCheck(boolean configured) {
        return "nothing to check: every file named is left out"
                + (configured ? " by the configuration" : ", as a search leaves it");
    }

    /** A file a surface writes for a run: what a refusal to write it over an input calls it. */
    public enum Written {
        /** A check's report ({@code check --output}, the Maven plugin's report file). */
        REPORT("the report", ""),
        /** A baseline of the run's findings ({@code check --write-baseline}). */
        BASELINE("the baseline", ", such as .specgate-baseline.json");

        private final String noun;
        private final String example;

        Written(String noun, String example) {
            this.noun = noun;
            this.example = example;
        }
    }

    /**
     * The refusal of writing {@code written} to {@code target} when that would replace a file the
     * run reads, in one sentence: {@code "NAMED is a spec this run checks: writing the baseline
     * there would replace it; name another file, such as .specgate-baseline.json"}. The file may be
     * a spec {@code selection} checks, a file it was given and leaves out ({@link
     * ConfiguredDiscovery.Selection#inputRole}), this project's configuration or its template file,
     * under any name (a link, a relative path). {@code named} is how the surface names the target,
     * as the user gave it ({@code "--write-baseline directives/spec/x.md"}, {@code "output
     * target/specgate.json"}). Empty when writing there replaces no input. Every surface that
     * writes one (the command line, the Maven plugin) asks this before anything is read or written,
     * and refuses with this sentence.
     */
    public Optional<String> writeRefusal(
            ConfiguredDiscovery.Selection selection, Path target, String named, Written written) {
        requireNonNull(selection, "selection must not be null");
        requireNonNull(target, "target must not be null");
        requireNonNull(named, "named must not be null");
        requireNonNull(written, "written must not be null");
        Optional<String> role = selection.inputRole(target);
        if (role.isEmpty() && configFile().filter(c -> sameFile(c, target)).isPresent()) {
            role = Optional.of("the configuration this run follows");
        }
        if (role.isEmpty() && templateFile().filter(t -> sameFile(t, target)).isPresent()) {
            role = Optional.of("the template this run checks specs against");
        }
        Path name = target.getFileName();
        if (role.isEmpty() && name != null && name.toString().equals(SpecgateConfig.FILE_NAME)) {
            // not this run's input (yet): the next run below that folder would read it as its
            // configuration, and fail on it
            return Optional.of(
                    named
                            + " is named as a project's configuration, which the next run would"
                            + " read: writing "
                            + written.noun
                            + " there would break it; name another file"
                            + written.example);
        }
        return role.map(
                r ->
                        named
                                + " is "
                                + r
                                + ": writing "
                                + written.noun
                                + " there would replace it; name another file"
                                + written.example);
    }

    /** Whether {@code a} and {@code b} are one existing file, however each is named. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether an {@code ignore:} glob of the configuration leaves out everything below the folder
     * {@code dir}, so that discovery does not go into it (nor need a watcher watch it).
     */
    public boolean ignoresFolder(Path dir) {
        requireNonNull(dir, "dir must not be null");
        return config.isPresent() && config.get().ignoresFolder(dir);
    }

    /**
     * Whether a search of the project ({@code check .}, a watch) takes {@code file}: by the
     * configuration's {@code specs:} globs when it has some, else by the built-in places ({@link
     * SpecDiscovery#takesInPlace}: below {@code directives/spec/} or {@code directives/tasks/});
     * never a file an {@code ignore:} glob matches, nor one below a folder the walk never goes into
     * ({@link SpecDiscovery#skippedFolders}: {@code build/}, {@code node_modules/}, ...), which the
     * globs may well select. The editor checks only such files.
     */
    public boolean discovers(Path file) {
        requireNonNull(file, "file must not be null");
        if (config.isPresent()) {
            SpecgateConfig c = config.get();
            if (!c.specs().isEmpty() || c.ignores(file)) {
                return c.selects(file) && unsearchedFolder(c, file).isEmpty();
            }
        }
        return SpecDiscovery.takesInPlace(file);
    }

    /**
     * The folder between the configuration's folder and {@code file} that a search does not go into
     * although a {@code specs:} glob selects what is below it, as the walk skips it: one named as
     * {@link SpecDiscovery#skippedFolders} ({@code build/}, {@code node_modules/}, ...); empty when
     * there is none.
     */
    private static Optional<Path> unsearchedFolder(SpecgateConfig c, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = c.baseDir();
        for (Path dir = abs.getParent();
                dir != null && dir.startsWith(base) && !dir.equals(base);
                dir = dir.getParent()) {
            Path name = dir.getFileName();
            if (name != null && SpecDiscovery.skippedFolders().contains(name.toString())) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a search of the project does not take {@code file} ({@link #discovers}), in the words
     * every surface says it in: the configuration's {@link #exclusionNotice} when its globs leave
     * it out, or {@code check .}'s when it stands in a spec or tasks folder that does not take it
     * ({@link SpecDiscovery#whySkippedInPlace}), else {@code not checked: FILE is not where this
     * project's specs are (directives/spec/ or the `specs:` globs of .specgate.yml)}; empty when it
     * takes the file.
     */
    public Optional<String> placeNotice(Path file, Function<Path, String> shown) {
        if (discovers(file)) {
            return Optional.empty();
        }
        Optional<String> excluded = exclusionNotice(file, shown);
        if (excluded.isPresent()) {
            return excluded;
        }
        Optional<Path> unsearched = config.flatMap(c -> unsearchedFolder(c, file));
        if (unsearched.isPresent()) {
            // selected by the globs, but below a folder the walk never goes into
            return Optional.of(
                    shown.apply(file)
                            + " is not checked: a search does not go into "
                            + shown.apply(unsearched.get())
                            + "/ (version control, build output and dependency folders are never"
                            + " searched; move the spec out of it)");
        }
        Optional<String> skipped = SpecDiscovery.whySkippedInPlace(file);
        if (skipped.isPresent()) {
            // in a spec or tasks folder, but not taken: in check .'s words
            return Optional.of(shown.apply(file) + " is not checked: " + skipped.get());
        }
        return Optional.of(
                "not checked: "
                        + shown.apply(file)
                        + " is not where this project's specs are (directives/spec/ or the"
                        + " `specs:` globs of "
                        + SpecgateConfig.FILE_NAME
                        + ")");
    }

    /**
     * Why the configuration would not select {@code file} as a spec ("an ignore: glob matches it",
     * "no specs: glob matches ..."), or empty when it would (always, without a configuration).
     */
    public Optional<String> exclusion(Path file) {
        requireNonNull(file, "file must not be null");
        if (config.isEmpty() || config.get().selects(file)) {
            return Optional.empty();
        }
        SpecgateConfig c = config.get();
        return Optional.of(
                c.ignores(file)
                        ? "an ignore: glob matches it"
                        : "no specs: glob matches " + c.relativePath(file).orElse(file.toString()));
    }

    /**
     * Why a file named to {@code check} is left out: the configuration's {@link #exclusion}, or,
     * with no configuration, the built-in search's places ({@link SpecDiscovery#whyLeftOutInPlace}:
     * a README or a file not named as a task list in {@code directives/tasks/}, which a search of
     * the folder lets be and so naming it does not check as a spec); empty when it is checked.
     */
    public Optional<String> leftOut(Path file) {
        Optional<String> why = exclusion(file);
        if (why.isPresent() || config.isPresent()) {
            return why;
        }
        return SpecDiscovery.whyLeftOutInPlace(file);
    }

    /**
     * {@code FILE is not checked: WHY in CONFIG}, when the configuration (or, with none, the
     * built-in search's places) leaves {@code file} out ({@link #leftOut}); empty when it selects
     * it. The one wording every surface says it in.
     *
     * @param shown how a path is written for the reader (relative to the working directory, to an
     *     agent's root, ...): applied to {@code file} and to the configuration file
     */
    public Optional<String> exclusionNotice(Path file, Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        return leftOut(file)
                .map(
                        why ->
                                shown.apply(file)
                                        + " is not checked: "
                                        + why
                                        + configFile()
                                                .map(c -> " in " + shown.apply(c))
                                                .orElse(""));
    }

    /**
     * Why {@code mover} may not move {@code file}'s status, when the configuration leaves the file
     * out: its gates would pass a spec that {@code check} never checks. The one decision {@code
     * status}, {@code approve}, the editor's {@code specgate.moveStatus} and the MCP tool {@code
     * set_status} refuse by, in one wording: {@code FILE is not checked: WHY in CONFIG; MOVER moves
     * only specs that check checks (change the globs so that they select it); the file is
     * unchanged}. Empty when the configuration selects the file.
     *
     * @param mover what refuses, as the reader knows it ({@code status}, {@code set_status}, ...)
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> moveRefusal(Path file, String mover, Function<Path, String> shown) {
        requireNonNull(mover, "mover must not be null");
        return exclusionNotice(file, shown)
                .map(
                        notice ->
                                notice
                                        + "; "
                                        + mover
                                        + " moves only specs that check checks (change the globs"
                                        + " so that they select it); the file is unchanged");
    }

    /**
     * Why {@code reader} does not show {@code file}, when the configuration leaves the file out:
     * where a spec stands or how far its checklist is, said of a file {@code check} never checks,
     * would pass for a spec's. The one decision {@code status SPEC}, {@code progress SPEC}, {@code
     * next SPEC} and MCP's {@code progress} and {@code next_item} refuse by, in one wording: {@code
     * FILE is not checked: WHY in CONFIG; READER shows only specs that check checks (change the
     * globs so that they select it)}. Empty when the configuration selects the file.
     *
     * @param reader what refuses, as the reader knows it ({@code status}, {@code progress})
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> showRefusal(Path file, String reader, Function<Path, String> shown) {
        requireNonNull(reader, "reader must not be null");
        return exclusionNotice(file, shown)
                .map(
                        notice ->
                                notice
                                        + "; "
                                        + reader
                                        + " shows only specs that check checks (change the globs"
                                        + " so that they select it)");
    }

    /**
     * Why this project's specs have no status lifecycle ({@code Lifecycle.notApplicable}), in the
     * one wording of {@code status}, the editor's {@code specgate.moveStatus} and the MCP tool
     * {@code set_status}: {@code the configured template 'NAME' (CONFIG) has no Document Status
     * field, so its specs have no status lifecycle}; empty when they have one.
     *
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> lifecycleRefusal(Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        return Lifecycle.notApplicable(schema())
                .map(why -> templateUnfit(why + ", so its specs have no status lifecycle", shown));
    }

    /**
     * Why no move of this project's specs records an approval, in the one wording of {@code
     * approve}'s refusal, {@code status --by}'s and the note {@code status} and the MCP tool {@code
     * set_status} give of a move to a status named Approved that records none ({@link
     * #approvalNote}): {@code the configured template 'NAME' (CONFIG) has no Document Status field,
     * so no move records an approval (only a move to Approved in the Document Status field does)},
     * or, when {@code .specgate.yml}'s {@code lifecycle:} settings make it so, {@code
     * 'lifecycle.status-field' in CONFIG keeps the status in the 'Status' field, not in Document
     * Status, so ...}. Empty when a move to Approved records one ({@link
     * Lifecycle#approvalStatus()}).
     *
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> approvalRefusal(Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        if (lifecycle().approvalStatus().isPresent()) {
            return Optional.empty();
        }
        String config = configFile().map(shown).orElse(SpecgateConfig.FILE_NAME);
        TemplateSchema schema = schema();
        // a team's own status field with an Approved records approvals once the project names
        // the field they go in: say so, rather than leave the reader at a dead end
        String optIn =
                !schema.approvalsInStatusField()
                                && schema.withApprovalsInStatusField().recordsApprovals()
                        ? ", or in the template's own '"
                                + schema.field(schema.statusField())
                                        .map(f -> f.label())
                                        .orElse(schema.statusField())
                                + "' field once "
                                + config
                                + " names the field approvals go in: approval-field: "
                                + SpecgateConfig.DEFAULT_APPROVAL_FIELD
                        : "";
        String so =
                ", so no move records an approval (only a move to Approved in the Document Status"
                        + " field does"
                        + optIn
                        + ")";
        return schema.noApproval()
                .map(
                        no ->
                                no.key()
                                        .map(k -> "'" + k + "' in " + config + " " + no.why() + so)
                                        .orElseGet(() -> templateUnfit(no.why() + so, shown)));
    }

    /**
     * What a move of a spec to {@code target} does to its approval, for every surface that tells of
     * a move ({@code status}, the MCP tool {@code set_status}): {@link Lifecycle#approvalNote}, and
     * for a move to a status named Approved in a lifecycle that records no approval, {@code No
     * approval is recorded: } and {@link #approvalRefusal}'s words.
     *
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> approvalNote(
            SpecDocument document,
            SpecStatus target,
            Optional<String> by,
            Function<Path, String> shown) {
        requireNonNull(target, "target must not be null");
        Lifecycle lifecycle = lifecycle();
        Optional<String> note = lifecycle.approvalNote(document, target, by);
        if (note.isPresent() || !target.label().equalsIgnoreCase(SpecStatus.APPROVED.label())) {
            return note;
        }
        return approvalRefusal(shown).map(why -> "No approval is recorded: " + why + ".");
    }

    /**
     * {@code the configured template 'NAME' (CONFIG) WHY}: how every refusal of a command that the
     * project's template does not fit names the template ({@link #lifecycleRefusal}, {@code
     * status}'s refusal of a lifecycle the configuration does not fit).
     *
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public String templateUnfit(String why, Function<Path, String> shown) {
        requireNonNull(why, "why must not be null");
        requireNonNull(shown, "shown must not be null");
        return "the configured template '"
                + schema().name()
                + "'"
                + configFile().map(c -> " (" + shown.apply(c) + ")").orElse("")
                + " "
                + why;
    }

    /**
     * Why {@code history} cannot show this project's status moves: its template has no status
     * lifecycle ({@link #lifecycleRefusal}), or keeps each spec's metadata, the status among it, in
     * a file beside the spec ({@link TemplateSchema#sidecar}), which a past commit's reading of the
     * spec does not hold. Every commit would otherwise read as one whose status cannot be read.
     * Empty when history can read the moves.
     *
     * @param shown how a path is written for the reader, as for {@link #exclusionNotice}
     */
    public Optional<String> historyRefusal(Function<Path, String> shown) {
        Optional<String> none = lifecycleRefusal(shown);
        if (none.isPresent()) {
            return none;
        }
        return schema().sidecar()
                .map(
                        sidecar ->
                                templateUnfit(
                                        "keeps each spec's status in "
                                                + sidecar
                                                + " beside it, which history does not read at"
                                                + " past commits",
                                        shown));
    }

    /**
     * Why {@code file}'s status gates are not judged, when the configuration leaves the file out:
     * the moves open from a status, judged for a file {@code check} never checks, would pass for a
     * spec's, as {@link #showRefusal} says of {@code status SPEC}. What MCP's {@code get_spec}
     * gives as its {@code gates}' reason, in one wording: {@code FILE is not checked: WHY in
     * CONFIG; gates are judged only for specs that check checks (change the globs so that they
     * select it)}. Empty when the configuration selects the file.
     */
    public Optional<String> gatesRefusal(Path file, Function<Path, String> shown) {
        return exclusionNotice(file, shown)
                .map(
                        notice ->
                                notice
                                        + "; gates are judged only for specs that check checks"
                                        + " (change the globs so that they select it)");
    }

    /**
     * For each further name under which a search ({@link #find}, {@link #findAny}) met a file it
     * keeps under another (a link to a spec beside it, a file named twice), that the file is
     * checked once: {@code ALIAS is not checked again: it is the same file as SPEC, checked under
     * that name}. In the order of the aliases; what {@code check} and {@code list} say on stderr,
     * the MCP tools in their result and the dashboard on its overview.
     *
     * @param shown how a path is written for the reader
     */
    public static List<String> aliasNotices(
            ConfiguredDiscovery.Selection selection, Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        List<String> notices = new ArrayList<>(selection.aliases().size());
        for (Map.Entry<Path, Path> a : selection.aliases().entrySet()) {
            notices.add(aliasNotice(a.getKey(), a.getValue(), shown));
        }
        return notices;
    }

    /**
     * Everything a search has to say besides the specs it found, one line each: {@link
     * #aliasNotices}, then {@link #skippedNotices}. What {@code check} and {@code list} say on
     * stderr, whatever the report's format, the MCP {@code check} and {@code list_specs} tools in
     * their {@code notices} and the dashboard on its overview.
     *
     * @param shown how a path is written for the reader
     */
    public static List<String> searchNotices(
            ConfiguredDiscovery.Selection selection, Function<Path, String> shown) {
        List<String> notices = new ArrayList<>(aliasNotices(selection, shown));
        notices.addAll(skippedNotices(selection, shown));
        return notices;
    }

    /**
     * Everything {@code list} says of a search besides its rows, one line each: {@link
     * #searchNotices}, then each folder the search could not read ({@code FOLDER: cannot search
     * this folder for specs: ...; its specs are not listed}), which is no spec and no row. The one
     * answer of {@code list} (on stderr, exit 2 when a folder could not be read) and MCP's {@code
     * list_specs} (its notices); the filters' notes are {@code ListFilters.notes}.
     *
     * @param shown how a path is written for the reader
     */
    public static List<String> listNotices(
            ConfiguredDiscovery.Selection selection, Function<Path, String> shown) {
        List<String> notices = new ArrayList<>(searchNotices(selection, shown));
        for (UnreadablePath u : selection.unreadable()) {
            notices.add(u.said(shown.apply(u.path()), "listed"));
        }
        return notices;
    }

    /**
     * For each file a search met where specs or task lists are looked for, that reads like one but
     * is not taken ({@code ConfiguredDiscovery.Selection.skipped}), that it is not checked and why:
     * {@code directives/spec/x.txt is not checked: only Markdown files (.md, .markdown) are specs
     * (rename it to .md if it is one)}. Said whenever the search found it, not only when it found
     * nothing else: no silent pass. In path order.
     *
     * @param shown how a path is written for the reader
     */
    public static List<String> skippedNotices(
            ConfiguredDiscovery.Selection selection, Function<Path, String> shown) {
        requireNonNull(shown, "shown must not be null");
        List<String> notices = new ArrayList<>(selection.skipped().size());
        for (Map.Entry<Path, String> s : selection.skipped().entrySet()) {
            notices.add(shown.apply(s.getKey()) + " is not checked: " + s.getValue());
        }
        return notices;
    }

    private static String aliasNotice(Path alias, Path kept, Function<Path, String> shown) {
        return shown.apply(alias)
                + " is not checked again: it is the same file as "
                + shown.apply(kept)
                + ", checked under that name";
    }

    /**
     * The {@link #aliasNotices} notice of one file, when a search of {@code roots} ({@link
     * #findAny}) meets it under a further name of a file it checks under another: what an editor
     * that opened the file under that name says of it. Only a file that can have another name (a
     * symbolic link, one in a linked folder, or a file with several hard links) costs the search;
     * any other is checked under its own name wherever it is met.
     *
     * @param file the file, as the editor names it
     * @param roots the folders a search starts from (a workspace's folders)
     * @param shown how a path is written for the reader
     */
    public Optional<String> aliasNotice(Path file, List<Path> roots, Function<Path, String> shown) {
        requireNonNull(roots, "roots must not be null");
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        return aliasNotice(file, () -> aliases(roots), shown);
    }

    /**
     * {@link #aliasNotice(Path, List, Function)} with the search's outcome kept by the caller:
     * {@code aliases} (what {@link #aliases} gave for the folders searched) is asked only when the
     * file can have another name. A server that answers as the user types keeps {@link #aliases}
     * while no file is created, deleted or renamed there, rather than walk the folders per check.
     */
    public Optional<String> aliasNotice(
            Path file, Supplier<Map<Path, Path>> aliases, Function<Path, String> shown) {
        requireNonNull(file, "file must not be null");
        requireNonNull(aliases, "aliases must not be null");
        requireNonNull(shown, "shown must not be null");
        Path name = file.toAbsolutePath().normalize();
        if (!mayHaveAnotherName(name)) {
            return Optional.empty();
        }
        Path kept = aliases.get().get(name);
        return kept == null ? Optional.empty() : Optional.of(aliasNotice(name, kept, shown));
    }

    /**
     * The further names a search of {@code roots} ({@link #findAny}) meets files under, each with
     * the name the file is checked under, absolute: what {@link #aliasNotice} tells. One walk of
     * the folders; it holds until a file or folder under them is created, deleted or renamed (or
     * the configuration changes).
     */
    public Map<Path, Path> aliases(List<Path> roots) {
        requireNonNull(roots, "roots must not be null");
        List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        return findAny(absolute).aliases();
    }

    /**
     * Whether a search may meet {@code file} under another name and keep that one: it is a link, or
     * stands in a linked folder, or has more than one hard link (unknown counts as may).
     */
    private static boolean mayHaveAnotherName(Path file) {
        try {
            if (Files.isSymbolicLink(file) || !file.toRealPath().equals(file)) {
                return true;
            }
            Object links = Files.getAttribute(file, "unix:nlink");
            return !(links instanceof Integer n) || n > 1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return true; // no link count on this file system: search
        } catch (IOException e) {
            return false; // gone or unreadable: its check says so
        }
    }

    /**
     * The folder new specs go in, when the configuration says: the literal leading folders of its
     * first {@code specs:} glob, under the configuration's folder ({@code docs/adr/*.md} gives
     * {@code docs/adr}), a folder written as a set of names taken by its first ({@code
     * docs/{specs,rfcs}/*.md} gives {@code docs/specs}); absolute. Empty without a configuration,
     * without {@code specs:} globs, or when the first glob starts with a wildcard ({@code **}{@code
     * /*.md}).
     */
    public Optional<Path> specFolder() {
        if (config.isEmpty() || config.get().specs().isEmpty()) {
            return Optional.empty();
        }
        String prefix = config.get().specs().get(0).folderForNew();
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(config.get().baseDir().resolve(prefix).normalize());
    }

    /**
     * The spec {@code new} and MCP's {@code new_spec} write for a project worked on from {@code
     * dir}: made from the template by {@link SpecScaffold}, in the folder {@link #specFolder()}
     * names, else {@code dir}'s {@code directives/spec/}; its file named by the configuration's
     * {@code new-file-name:} ({@code {number}} the next number free in that folder and among the
     * project's specs), else by the template's File convention; its File field naming it from the
     * project's root (the configuration's folder when the spec goes below it, else {@code dir}).
     *
     * @return the spec, its path relative to {@code dir} (a {@code ../} where the configuration's
     *     folder lies above {@code dir})
     * @throws IOException when the folder cannot be listed for a {@code {number}}
     * @throws IllegalArgumentException as {@link SpecScaffold#create(String, String, LocalDate,
     *     Optional, Optional, Path)}
     */
    public NewSpec newSpec(
            Path dir,
            String title,
            String slug,
            LocalDate date,
            Optional<String> type,
            Optional<String> assignee)
            throws IOException {
        requireNonNull(dir, "dir must not be null");
        Path base = dir.toAbsolutePath().normalize();
        Path folder =
                specFolder()
                        .orElse(
                                base.resolve(SpecDiscovery.DIRECTIVES)
                                        .resolve(SpecDiscovery.SPEC_FOLDER));
        Optional<NewFileName> naming = config.flatMap(SpecgateConfig::newFileName);
        SpecScaffold scaffold = new SpecScaffold(schema());
        String name =
                naming.isPresent()
                        ? naming.get().name(folder, numberedElsewhere(naming.get()), date, slug)
                        : scaffold.fileName(date, slug);
        Path projectRoot = projectRoot(folder).orElse(base);
        NewSpec made =
                scaffold.create(
                        title, slug, date, type, assignee, projectRoot.relativize(folder), name);
        return new NewSpec(
                base.relativize(folder.resolve(name)), made.markdown(), made.byteOrderMark());
    }

    /**
     * The specs this project's search finds under its configuration's folder, whose numbers a
     * {@code {number}} of {@code naming} must not take again: those in the folders of its other
     * {@code specs:} globs, or below the new spec's folder ({@code docs/adr/superseded/}); none
     * when the name holds no {@code {number}} (no search is made then).
     */
    private List<Path> numberedElsewhere(NewFileName naming) {
        if (!naming.numbered() || config.isEmpty()) {
            return List.of();
        }
        return discovery.find(List.of(config.get().baseDir())).specs();
    }

    /** Where the template comes from: "built-in", or the template file's path. */
    public String templateOrigin() {
        return templateFile().map(Path::toString).orElse("built-in");
    }

    /** The configuration's own template file, if it names one (not the built-in template). */
    public Optional<Path> templateFile() {
        // by name: lifecycle: or metadata: settings give the built-in template a new instance
        if (config.isEmpty() || schema().name().equals(TemplateSchema.BUILTIN_NAME)) {
            return Optional.empty();
        }
        return Optional.of(config.get().baseDir().resolve(schema().name()).normalize());
    }

    /** The template specs are checked against. */
    public TemplateSchema schema() {
        return checker.schema();
    }

    /** The checker, with the configuration's template and rule levels. */
    public SpecChecker checker() {
        return checker;
    }

    /** Whether warnings fail a run when the caller does not say ({@code strict:}). */
    public boolean strictByDefault() {
        return config.flatMap(SpecgateConfig::strict).orElse(false);
    }

    /**
     * Whether the configuration lets the MCP server approve specs and edit approved ones for an
     * agent ({@code mcp: {allow-approve: true}}); false without a configuration.
     */
    public boolean mcpAllowsApproval() {
        return config.map(SpecgateConfig::mcpAllowApprove).orElse(false);
    }

    /** The configuration's baseline file, if it names one. */
    public Optional<Path> configuredBaseline() {
        return config.flatMap(SpecgateConfig::baseline);
    }

    /**
     * The reader of this project's spec files: strict UTF-8, at most the configuration's {@code
     * max-file-size}.
     */
    public SpecFileReader reader() {
        return reader;
    }

    /**
     * Reads one spec file as a check of this project reads it.
     *
     * @throws UnreadableSpecException when it cannot be read, or is over {@code max-file-size}
     */
    public SpecSource read(Path file) throws UnreadableSpecException {
        return SpecSource.read(requireNonNull(file, "file must not be null"), reader);
    }

    /** How this project records approvals (its approval field). */
    public Approvals approvals() {
        return checker.approvals();
    }

    /**
     * The status and approval history of specs from git, read with this project's parser, template,
     * approvals and gates.
     */
    public SpecHistory history() {
        return new SpecHistory(checker.parser(), schema(), approvals(), lifecycle());
    }

    /**
     * The lifecycle (status gates) checked with this project's checker: made once, when first
     * asked, and shared (it is immutable), so that a request asking it several times (an editor's
     * code actions) builds its gates once.
     */
    public Lifecycle lifecycle() {
        Lifecycle made = lifecycle;
        if (made == null) {
            made = Lifecycle.of(checker);
            lifecycle = made;
        }
        return made;
    }

    /**
     * The specs and task lists under {@code roots} as the configuration selects them; files named
     * that the configuration leaves out are reported back as excluded, and folders that could hold
     * specs but cannot be read as unreadable.
     *
     * @throws NothingToCheckException naming the first root under which nothing at all was found or
     *     named: every path a command is given must hold something to check
     */
    public ConfiguredDiscovery.Selection find(List<Path> roots) throws NothingToCheckException {
        requireNonNull(roots, "roots must not be null");
        EarlySearch started = early.getAndSet(null);
        if (started != null && started.isOf(roots)) {
            ConfiguredDiscovery.Selection found = started.result();
            if (found != null) {
                return found;
            }
        }
        return find(discovery, roots);
    }

    /** {@link #find(List)} with {@code discovery}. */
    private static ConfiguredDiscovery.Selection find(
            ConfiguredDiscovery discovery, List<Path> roots) throws NothingToCheckException {
        List<Path> specs = new ArrayList<>();
        List<Path> excluded = new ArrayList<>();
        List<UnreadablePath> unreadable = new ArrayList<>();
        Map<Path, BasicFileAttributes> stamps = new HashMap<>();
        List<Path> nested = new ArrayList<>();
        Map<Path, String> skipped = new HashMap<>();
        for (Path root : roots) {
            // every name of each root's files: one file per name is kept once, over all roots
            ConfiguredDiscovery.Selection one = discovery.findEveryName(List.of(root));
            if (one.isEmpty()) {
                throw new NothingToCheckException(
                        List.of(root), discovery.nothingFound(root, one.skipped()));
            }
            if (roots.size() == 1) {
                return ConfiguredDiscovery.oneNamePerFile(one); // its specs come sorted, each once
            }
            specs.addAll(one.specs());
            excluded.addAll(one.excluded());
            unreadable.addAll(one.unreadable());
            stamps.putAll(one.stamps());
            nested.addAll(one.nestedConfigs());
            skipped.putAll(one.skipped());
        }
        return ConfiguredDiscovery.oneNamePerFile(
                new ConfiguredDiscovery.Selection(
                        specs.stream().distinct().sorted().toList(),
                        excluded,
                        unreadable,
                        stamps,
                        nested,
                        Map.of(),
                        skipped));
    }

    /**
     * What {@link #find(List)} looks for, in a user's words (the {@code specs:} globs or the
     * default layout), for a surface that says why nothing was found.
     */
    public String lookedFor() {
        return discovery.lookedFor();
    }

    /**
     * What a search of {@code root} that found nothing says after "looked for": what it looked for
     * there and what it saw near it ({@code ConfiguredDiscovery.nothingFound}), in the words {@link
     * #find(List)}'s {@link NothingToCheckException} carries, for a surface that finds nothing
     * otherwise (the dashboard).
     */
    public String nothingFound(Path root) {
        return discovery.nothingFound(root, discovery.find(List.of(root)).skipped());
    }

    /**
     * What a look near {@code root} sees where this project's search does not look for specs
     * ({@link ConfiguredDiscovery#seenNear}): said by {@code init} over a project that already has
     * specs, since a search that finds some says nothing of the others.
     */
    public String seenNear(Path root) {
        return discovery.seenNear(root);
    }

    /**
     * What a {@code check} of the folder {@code root} says of the Markdown files its search leaves
     * out that look like specs: {@link #seenNear(Path)} (a team's {@code docs/design/} with the
     * glob that would take it, or, in the built-in layout, a {@code directives/specs/} that was
     * meant to be {@code directives/spec/} and the configuration that would take a {@code
     * docs/specs/}), since a check that finds some specs says nothing of the others; empty when the
     * look sees nothing. The built-in layout's own {@code directives/spec/} and {@code
     * directives/tasks/} are not looked in. The look is bounded as {@link #seenNear(Path)}'s is.
     */
    public String leftOutNear(Path root) {
        requireNonNull(root, "root must not be null");
        if (!Files.isDirectory(root)) {
            return "";
        }
        return discovery.seenNear(root);
    }

    /** The specs under {@code roots}, possibly none (for a dashboard that waits for specs). */
    public ConfiguredDiscovery.Selection findAny(List<Path> roots) {
        return discovery.find(requireNonNull(roots, "roots must not be null"));
    }

    /**
     * Reads the baseline a run follows: {@code explicit} if given, else the configuration's.
     *
     * @throws BaselineException when it cannot be read
     */
    public Optional<RunOptions.LoadedBaseline> baseline(Optional<Path> explicit)
            throws BaselineException {
        Optional<Path> file = explicit.or(this::configuredBaseline);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunOptions.LoadedBaseline(file.get(), Baseline.read(file.get())));
    }

    /**
     * How the dashboard's board groups this project's specs: by the template's statuses (or {@code
     * lifecycle: order}), else by its Type values, else in one column.
     */
    public Board board() {
        return Board.of(schema());
    }

    /**
     * Parses the text of {@code file} as this project's checker does: the template's metadata form,
     * and the metadata file beside it when the configuration names one.
     */
    public SpecDocument parse(Path file, String text) {
        return checker.parse(file, requireNonNull(text, "text must not be null"));
    }

    /** Parses a spec's text as this project's checker does (no file: no metadata file beside). */
    public SpecDocument parse(String text) {
        return checker.parser().parse(requireNonNull(text, "text must not be null"));
    }

    /**
     * Reads, parses and checks one file, keeping its document. A file that cannot be read gives one
     * unreadable-file error.
     */
    public CheckedSpec inspect(Path file, CheckOptions options) {
        return inspect(file, options, null);
    }

    /**
     * Reads, parses and checks one file as {@link #inspect(Path, CheckOptions)} does, handing
     * {@code tree} (when not null) the block tree of its text when the parser keeps one, so that a
     * renderer (the dashboard) shows the spec from this one parse ({@link
     * dev.specgate.core.parse.SpecParser#parse(String, Consumer)}).
     */
    public CheckedSpec inspect(
            Path file, CheckOptions options, Consumer<? super MarkdownTree> tree) {
        return inspect(file, options, tree, new LinkTargets());
    }

    /**
     * {@link #inspect(Path, CheckOptions, Consumer)} of one spec of many inspected together (the
     * dashboard's site): its link targets asked through {@code links}, the answers the specs share,
     * as a {@link #run} shares them.
     */
    public CheckedSpec inspect(
            Path file,
            CheckOptions options,
            Consumer<? super MarkdownTree> tree,
            LinkTargets.Shared links) {
        return inspect(
                file, options, tree, requireNonNull(links, "links must not be null").forCheck());
    }

    private CheckedSpec inspect(
            Path file,
            CheckOptions options,
            Consumer<? super MarkdownTree> tree,
            LinkTargets targets) {
        requireNonNull(file, "file must not be null");
        requireNonNull(options, "options must not be null");
        SpecSource source;
        try {
            source = SpecSource.read(file, reader);
        } catch (UnreadableSpecException e) {
            return new CheckedSpec(
                    file,
                    null,
                    null,
                    checker.unreadable(file, e, options),
                    schema(),
                    options.today());
        }
        return inspect(file, source, options, tree, targets);
    }

    /** Checks a source already read (the spec as an editor or an agent holds it). */
    public CheckedSpec inspect(Path file, SpecSource source, CheckOptions options) {
        return inspect(file, source, options, null);
    }

    /**
     * Checks a source already read, handing {@code tree} (when not null) the block tree of its text
     * when the parser keeps one.
     */
    public CheckedSpec inspect(
            Path file,
            SpecSource source,
            CheckOptions options,
            Consumer<? super MarkdownTree> tree) {
        return inspect(file, source, options, tree, new LinkTargets());
    }

    /**
     * {@link #inspect(Path, SpecSource, CheckOptions, Consumer)}, noting in {@code targets} the
     * link targets the check asked about and whether each existed, as the result cache records them
     * ({@link WarmResults}) and the language server follows them (a save that makes a file a link
     * of an open spec leads to).
     */
    public CheckedSpec inspect(
            Path file,
            SpecSource source,
            CheckOptions options,
            Consumer<? super MarkdownTree> tree,
            LinkTargets targets) {
        requireNonNull(source, "source must not be null");
        SpecDocument doc = checker.parse(file, source.text(), tree);
        CheckResult result = checker.checkSource(file, doc, source, options, targets);
        return new CheckedSpec(file, source, doc, result, schema(), options.today());
    }

    /**
     * Checks what a search selected: its specs as {@link #run(List, RunOptions)} does, and each
     * folder it could not read as one unreadable-file error, so that no spec goes unchecked in
     * silence.
     */
    public ProjectRun run(ConfiguredDiscovery.Selection selection, RunOptions options)
            throws FixFailedException {
        requireNonNull(selection, "selection must not be null");
        ProjectRun run = run(selection.specs(), options, selection.stamps());
        if (selection.unreadable().isEmpty()) {
            return run;
        }
        List<ProjectRun.FileOutcome> unread = new ArrayList<>();
        for (UnreadablePath u : selection.unreadable()) {
            // no spec: counted as a folder the search could not read, never as a spec checked
            CheckResult result =
                    checker.unreadable(u.path(), u.message("checked"), options.check())
                            .asUnsearchedFolder();
            unread.add(
                    new ProjectRun.FileOutcome(
                            result,
                            List.of(),
                            options.summaries()
                                    ? SpecSummary.of(result, schema(), options.check().today())
                                    : null,
                            List.of()));
        }
        return run.plus(new ProjectRun(unread, 0, Optional.empty()));
    }

    /**
     * Checks every file, in parallel, each read and parsed once; fixes, change selection,
     * fingerprints, baseline and summaries as {@code options} ask. No parse tree is kept.
     *
     * @throws FixFailedException when a fix could not be written (the first such failure; other
     *     files may have been fixed)
     */
    public ProjectRun run(List<Path> files, RunOptions options) throws FixFailedException {
        return run(files, options, Map.of());
    }

    /**
     * {@link #run(List, RunOptions)}, where a run with the incremental cache takes a file's size
     * and time from {@code stamps} (what discovery's walk read, before any file was read) instead
     * of reading them again.
     */
    private ProjectRun run(
            List<Path> files, RunOptions options, Map<Path, BasicFileAttributes> stamps)
            throws FixFailedException {
        requireNonNull(files, "files must not be null");
        requireNonNull(options, "options must not be null");
        ResultCache cache = cache(files, options);
        // specs link each other: a link to a file the search found needs no look at the disk.
        // A run that starts a worker anyway has it build the look-up while this thread reads and
        // parses its first spec (EvenSplit's worker task is queued after it); a run with the
        // cache builds it only when a spec is checked (most are looked up, none when nothing
        // changed: ~12-25 ms of cold code its worker spent before it could look results up)
        LinkTargets.Shared links =
                cache != null
                        ? new LinkTargets.Shared(stamps.keySet(), WHEN_ASKED)
                        : files.size() > EvenSplit.BATCH
                                ? new LinkTargets.Shared(stamps.keySet(), ForkJoinPool.commonPool())
                                : new LinkTargets.Shared(stamps.keySet());
        List<Optional<Outcome>> outcomes;
        // the approval hash links its fast digest at once when the first specs show that a run
        // this size will hash enough to pay for it
        try (RunSize size = RunSize.of(files.size())) {
            if (cache == null) {
                outcomes =
                        EvenSplit.map(
                                files,
                                f -> {
                                    size.spec();
                                    return Optional.ofNullable(
                                            one(f, stamps.get(f), options, links));
                                });
            } else {
                // every file's attributes first: a spec is then known to exist before any link to
                // it is judged, which saves a look at the file system per link between specs
                String here = ResultCache.currentFolder();
                List<Stat> stats =
                        EvenSplit.map(files, f -> Stat.of(f, here, stamps.get(f), cache));
                outcomes =
                        EvenSplit.map(
                                stats,
                                st -> {
                                    size.spec();
                                    return Optional.ofNullable(cached(st, options, cache, links));
                                });
                cache.save();
            }
        }
        List<Outcome> kept = new ArrayList<>();
        for (Optional<Outcome> o : outcomes) {
            if (o.isPresent()) {
                if (o.get().fixFailure != null) {
                    throw o.get().fixFailure;
                }
                kept.add(o.get());
            }
        }
        return collect(kept, options);
    }

    /**
     * Checks a spec that was not read from a file (standard input, an editor's buffer) as {@link
     * #run(List, RunOptions)} checks a file: the same rules, baseline, fingerprints and summary.
     * Bytes that are no spec's text (not UTF-8, binary, over {@link SpecFileReader#MAX_BYTES}) give
     * one unreadable-file error, as such a file does. Nothing is written, so {@code options} must
     * ask for no fixes, and no change selection applies.
     *
     * @param file the path the text stands for, for the rules that look at a spec's name and
     *     neighbours (its File field, its links); null for text that names no file
     * @param bytes the spec as it would be on disk (a byte order mark is allowed)
     */
    public ProjectRun run(Path file, byte[] bytes, RunOptions options) {
        requireNonNull(bytes, "bytes must not be null");
        requireNonNull(options, "options must not be null");
        if (options.fix() || options.changes().isPresent()) {
            throw new IllegalArgumentException(
                    "text that was not read from a file cannot be fixed or selected by changes");
        }
        Outcome o;
        try {
            if (bytes.length > SpecFileReader.MAX_BYTES) {
                throw new UnreadableSpecException(
                        "over the limit of " + SpecFileReader.MAX_BYTES + " bytes");
            }
            o = checked(file, SpecSource.of(bytes), options, new LinkTargets.Shared(List.of()));
        } catch (UnreadableSpecException e) {
            o = unreadable(file, e, options);
        }
        return collect(List.of(o), options);
    }

    /**
     * The result {@code check} reports for one inspected spec: its findings without those the
     * configuration's baseline records, hidden exactly as a run hides them. Editors and agents show
     * these, so that a finding a team has accepted in its baseline is not shown in one place and
     * hidden in another.
     *
     * @throws BaselineException when the configured baseline cannot be read
     */
    public CheckResult reported(CheckedSpec checked) throws BaselineException {
        requireNonNull(checked, "checked must not be null");
        Optional<RunOptions.LoadedBaseline> baseline = baselineNow();
        if (!checked.readable() || baseline.isEmpty()) {
            return checked.result();
        }
        Outcome o = new Outcome();
        o.result = checked.result();
        o.baselineFindings =
                new Fingerprinter(baseline.get().dir())
                        .findings(o.result, checked.source().text(), checked.document());
        RunOptions options =
                RunOptions.of(CheckOptions.asOf(checked.today())).withBaseline(baseline.get());
        return collect(List.of(o), options).files().get(0).result();
    }

    /**
     * The task list {@code tasks} writes for {@code file} read as {@code source} (parsed as this
     * project parses it, its metadata file included), with the guards every surface applies.
     *
     * @throws TaskListPlan.NoTaskListException when the file is a task list or not a spec
     */
    public TaskListPlan taskList(Path file, SpecSource source, LocalDate today)
            throws TaskListPlan.NoTaskListException {
        requireNonNull(source, "source must not be null");
        String text = source.text();
        return TaskListPlan.of(file, text, parse(file, text), schema(), today);
    }

    /**
     * The task lists in {@code plan}'s folder whose Spec link names {@code plan}'s spec, whatever
     * their date, sorted: a second {@code tasks} run on another day finds the list the first one
     * wrote, so it replaces that list instead of making a second one.
     *
     * @throws UnreadableSpecException when the folder or one of its task lists cannot be read
     *     (whether it is this spec's cannot be told); the message names the file and the cause
     */
    public List<Path> taskListsOf(TaskListPlan plan) throws UnreadableSpecException {
        requireNonNull(plan, "plan must not be null");
        Path dir = plan.folder();
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        List<Path> lists;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            lists =
                    files.filter(f -> DocumentKind.of(f) == DocumentKind.TASK_LIST)
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableSpecException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path list : lists) {
            if (specOfTaskList(list).filter(plan.spec()::equals).isPresent()) {
                found.add(list);
            }
        }
        return found;
    }

    /**
     * The spec the task list {@code list} implements, by its {@code **Spec:**} link (absolute and
     * normalised); empty when no regular file is there, it links none, or what it links is not
     * there (a spec since moved or deleted: the list is no other spec's, and its name is this
     * spec's to replace). {@code tasks} and MCP's {@code tasks} hand it, for the list's own name,
     * to {@link TaskListPlan#target(List, boolean, Optional)}, which refuses to write over another
     * spec's list.
     *
     * @throws UnreadableSpecException when the list cannot be read (whose it is cannot be told)
     */
    public Optional<Path> specOfTaskList(Path list) throws UnreadableSpecException {
        requireNonNull(list, "list must not be null");
        if (!Files.isRegularFile(list)) {
            return Optional.empty();
        }
        SpecSource source;
        try {
            source = SpecSource.read(list, reader);
        } catch (UnreadableSpecException e) {
            throw new UnreadableSpecException(
                    "cannot read the task list "
                            + list
                            + " to see which spec it implements: "
                            + e.getMessage(),
                    e);
        }
        Path at = list.toAbsolutePath().normalize();
        return dev.specgate.core.tasks.TaskList.linkedSpec(at, parse(list, source.text()))
                .filter(Files::exists);
    }

    /**
     * {@code checked} as {@code check} reports it: its result {@link #reported(CheckedSpec)}, the
     * rest (summary, approval, schedule) from that result, for surfaces that show a whole spec.
     *
     * @throws BaselineException when the configured baseline cannot be read
     */
    public CheckedSpec asReported(CheckedSpec checked) throws BaselineException {
        CheckResult reported = reported(checked);
        return reported == checked.result() ? checked : checked.withResult(reported);
    }

    /**
     * Whether the configured baseline can be read now, as {@link #reported} reads it (again only
     * when its file changed): surfaces that show results checked earlier call this before showing
     * them, so that they say what {@code check} says instead of showing stale results.
     *
     * @throws BaselineException when the configured baseline cannot be read
     */
    public void requireReadableBaseline() throws BaselineException {
        baselineNow();
    }

    /** The configured baseline as last read, read again only when its file changed. */
    private volatile BaselineRead baselineRead;

    private record BaselineRead(
            Path file,
            ResultValidity.Stamp stamp,
            long readNanos,
            Optional<RunOptions.LoadedBaseline> baseline) {}

    /**
     * The configuration's baseline for {@link #reported}, which editors call on every change: read
     * once, and again unless the file's stamp proves it unchanged ({@link
     * ResultValidity#provesUnchanged}: size, time, identity, and a time well before the read). The
     * same object while its file is unchanged, so that {@link WarmResults} can tell whether a
     * result it reported still has the baseline it was reported with.
     */
    Optional<RunOptions.LoadedBaseline> baselineNow() throws BaselineException {
        Optional<Path> file = configuredBaseline();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ResultValidity.Stamp now = ResultValidity.Stamp.read(file.get());
        if (now == null) {
            return baseline(Optional.empty()); // let the read report what is wrong
        }
        BaselineRead last = baselineRead;
        if (last != null
                && last.file().equals(file.get())
                && ResultValidity.provesUnchanged(last.stamp(), last.readNanos(), now)) {
            return last.baseline();
        }
        long readNanos = ResultValidity.nowNanos();
        Optional<RunOptions.LoadedBaseline> read = baseline(Optional.empty());
        baselineRead = new BaselineRead(file.get(), now, readNanos, read);
        return read;
    }

    /** The outcomes of a run, sorted by path, with the baseline applied. */
    private ProjectRun collect(List<Outcome> outcomes, RunOptions options) {
        List<Outcome> kept = new ArrayList<>(outcomes);
        // not Comparator.comparing: see Diagnostic.compareTo
        kept.sort(
                (a, b) ->
                        String.valueOf(a.result.path()).compareTo(String.valueOf(b.result.path())));
        long hidden = 0;
        long stale = 0;
        long moved = 0;
        List<Finding> held = List.of();
        // each outcome's own result, unless the baseline filters them (no list made for nothing)
        List<CheckResult> results = null;
        if (options.baseline().isPresent()) {
            results = kept.stream().map(o -> o.result).toList();
            RunOptions.LoadedBaseline known = options.baseline().get();
            // the files whose recorded findings were compared: read and checked this run
            Fingerprinter paths = new Fingerprinter(known.dir());
            Set<String> checked = new HashSet<>();
            for (Outcome o : kept) {
                if (o.read && !o.result.unsearchedFolder()) {
                    checked.add(paths.relativePath(o.result.path()));
                }
            }
            // a recorded path no file has now: a spec renamed, moved or deleted since
            Path dir = known.dir().toAbsolutePath().normalize();
            Baseline.Filtered filtered =
                    known.baseline()
                            .filter(
                                    results,
                                    kept.stream().map(o -> o.baselineFindings).toList(),
                                    checked,
                                    p ->
                                            !checked.contains(p)
                                                    && Files.notExists(
                                                            dir.resolve(p),
                                                            LinkOption.NOFOLLOW_LINKS),
                                    // without --trace, layout-missing was not looked for
                                    options.check().trace()
                                            ? rule -> true
                                            : rule -> !RuleIds.onlyTraced(rule));
            hidden = filtered.hidden();
            stale = filtered.stale();
            moved = filtered.moved();
            held = filtered.held();
            results = filtered.run().results();
        }
        List<ProjectRun.FileOutcome> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Outcome o = kept.get(i);
            out.add(
                    new ProjectRun.FileOutcome(
                            results == null ? o.result : results.get(i),
                            o.findings,
                            o.summary,
                            o.fixes,
                            o.withheld));
        }
        List<ProjectRun.BaselineUse> uses = new ArrayList<>(1);
        if (options.baseline().isPresent()) {
            uses.add(
                    new ProjectRun.BaselineUse(
                            options.baseline().get().file(), hidden, stale, moved, held));
        }
        return new ProjectRun(out, uses);
    }

    /** What one file gave, before the baseline. */
    private static final class Outcome {
        CheckResult result;
        List<Finding> findings = List.of();
        List<Finding> baselineFindings = List.of();

        /** Whether the file was read and checked (not unreadable). */
        boolean read = true;

        SpecSummary summary;
        List<SpecFixer.Fix> fixes = List.of();
        Optional<SpecFixer.Withheld> withheld = Optional.empty();
        FixFailedException fixFailure;
    }

    /** The one read, parse and check of a file; null when a change selection leaves it out. */
    private Outcome one(
            Path file, BasicFileAttributes known, RunOptions options, LinkTargets.Shared links) {
        SpecSource source;
        try {
            // the text in this thread's reusable chars (no array per spec), given back once the
            // outcome keeps nothing that views them (finish drops the document); not for fixes,
            // whose edits outlive the check
            source =
                    options.fix()
                            ? SpecSource.read(file, reader, known)
                            : SpecSource.readLent(file, reader, known);
        } catch (UnreadableSpecException e) {
            if (options.changes().isPresent() && !options.changes().get().concerns(file, null)) {
                return null;
            }
            return unreadable(file, e, options);
        }
        try {
            return checked(file, source, options, links);
        } finally {
            source.release();
        }
    }

    /**
     * Whether a run asks for the incremental cache: {@code option} ({@code --cache} or {@code
     * --no-cache}) when given, else the configuration's {@code cache:} key, off by default. A run
     * that asks may still not use it ({@link #usesCache} says when).
     */
    public boolean cacheOn(Optional<Boolean> option) {
        return option.or(() -> config.flatMap(SpecgateConfig::cache)).orElse(false);
    }

    /**
     * Whether a run with {@code options} uses the incremental cache: the one rule every surface
     * follows (the run itself, {@link #readCacheAhead}, the CLI's {@code check}). It does when it
     * asks ({@link #cacheOn}) and needs nothing but each file's diagnostics: no fixes, change
     * selection, baseline, fingerprints, summaries or layout trace, which are always computed
     * afresh; and the template reads no spec's metadata from a sidecar file (a second file a cached
     * result would not follow).
     */
    public boolean usesCache(RunOptions options) {
        requireNonNull(options, "options must not be null");
        return usesCache(options, options.baseline().isPresent());
    }

    /** {@link #usesCache(RunOptions)}, told whether the run hides a baseline's findings. */
    private boolean usesCache(RunOptions options, boolean baseline) {
        return cacheOn(options.cache())
                && schema().sidecar().isEmpty()
                && !options.fix()
                && options.changes().isEmpty()
                && !baseline
                && options.fingerprints().isEmpty()
                && !options.summaries()
                && !options.check().trace();
    }

    /**
     * The incremental cache for a run over {@code files}, or null when the run does not use one
     * ({@link #usesCache}) or has no file.
     */
    private ResultCache cache(List<Path> files, RunOptions options) {
        if (files.isEmpty() || !usesCache(options)) {
            return null;
        }
        return ResultCache.open(
                cacheFolder(files), resultKey(options.check()), cacheAhead.getAndSet(null));
    }

    /**
     * Reads the incremental cache of a run of the specs under {@code roots} with {@code options}
     * (all but its baseline, which the run loads as {@link #baseline}{@code (baseline)} does), now,
     * when that run uses the cache ({@link #usesCache}): called while the search started when the
     * project was opened walks the folders, it reads and decodes the file on a core the walk leaves
     * idle, instead of after the walk. The run takes what was read when it opens the cache in the
     * same folder for the same key (the folder is where the cache lives for the specs found under
     * {@code roots}: beside the configuration, else the folder of the roots' specs, worked out as
     * for the files found); otherwise it reads the file itself, as without this call.
     *
     * @param baseline the baseline file named for the run ({@code --baseline}), if any
     * @return whether the run uses the cache (and its file is being read)
     */
    public boolean readCacheAhead(List<Path> roots, RunOptions options, Optional<Path> baseline) {
        requireNonNull(roots, "roots must not be null");
        requireNonNull(options, "options must not be null");
        requireNonNull(baseline, "baseline must not be null");
        if (roots.isEmpty()
                || !usesCache(
                        options,
                        options.baseline().isPresent()
                                || baseline.or(this::configuredBaseline).isPresent())) {
            return false;
        }
        List<Path> inside = new ArrayList<>(roots.size());
        for (Path root : roots) {
            // a folder's specs are in it or below it: its folder is where they meet, at most
            inside.add(Files.isDirectory(root) ? root.resolve(AHEAD_NAME) : root);
        }
        cacheAhead.set(ResultCache.readAhead(cacheFolder(inside), resultKey(options.check())));
        return true;
    }

    /** A name in a root folder for {@link #readCacheAhead}: only its folder is looked at. */
    private static final String AHEAD_NAME = "-";

    /**
     * The executor of a look-up built by the first check that asks ({@link LinkTargets.Shared}): it
     * never runs the task it is given.
     */
    private static final Executor WHEN_ASKED = task -> {};

    /**
     * Where the cache lives: beside the configuration file; without one, in the folder that holds
     * the specs' {@code directives/} (or the folder common to every file checked).
     */
    Path cacheFolder(List<Path> files) {
        if (config.isPresent()) {
            return config.get().baseDir().resolve(ResultCache.FOLDER);
        }
        Path common = null;
        String last = null;
        int lastCut = -1;
        char sep = files.isEmpty() ? '/' : files.get(0).getFileSystem().getSeparator().charAt(0);
        for (Path f : files) {
            // most specs share their folder with the one before: told by the paths' text, without
            // a parent path made per file (~10 ms of the main thread's cold code at 10,000 specs)
            String text = f.toString();
            int cut = text.lastIndexOf(sep);
            if (cut > 0 && cut == lastCut && text.regionMatches(0, last, 0, cut)) {
                continue;
            }
            last = text;
            lastCut = cut;
            Path dir = f.toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = dir;
            } else {
                while (common != null && !dir.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        for (Path p = common; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("directives")) {
                common = p.getParent();
                break;
            }
        }
        return (common == null ? Path.of("").toAbsolutePath() : common).resolve(ResultCache.FOLDER);
    }

    /**
     * Everything a check result depends on besides the spec's own bytes and the link targets it
     * asked about: this build of Specgate, the template, the whole configuration file's text as it
     * was loaded (its rule levels, section aliases, placeholders, lifecycle, approval field...),
     * the file size limit, and the check's date and fixed strictness. A result recorded under
     * another key does not hold ({@link ResultValidity}).
     */
    public String resultKey(CheckOptions check) {
        requireNonNull(check, "check must not be null");
        StringBuilder key = new StringBuilder();
        key.append("build=").append(BuildIdentity.VALUE).append('\n');
        key.append("template=")
                .append(schema().name())
                .append(':')
                .append(
                        Long.toHexString(
                                ResultValidity.checksum(
                                        schema().source().getBytes(StandardCharsets.UTF_8))))
                .append('\n');
        // the whole configuration as it was loaded, not only its rule levels: its placeholders,
        // sections, aliases, lifecycle and metadata keys shape the template results were checked
        // against (the text read then, not the file again: it may have changed since)
        // (by its name: the folder it is in is the project folder, wherever the project is now)
        config.ifPresent(
                c ->
                        key.append("config=")
                                .append(c.file().getFileName())
                                .append(':')
                                .append(
                                        Long.toHexString(
                                                ResultValidity.checksum(
                                                        c.text().getBytes(StandardCharsets.UTF_8))))
                                .append('\n'));
        key.append("max-file-size=").append(reader.maxBytes()).append('\n');
        key.append("today=").append(check.today()).append('\n');
        key.append("strictness=").append(check.strictness().map(Object::toString).orElse("-"));
        return key.toString();
    }

    /**
     * The check of one file through the cache: its cached result when that can be trusted, else the
     * one read, parse and check of {@link #one}, recorded.
     */
    private Outcome cached(
            Stat st, RunOptions options, ResultCache cache, LinkTargets.Shared links) {
        Path file = st.file;
        String absolute = st.absolute;
        BasicFileAttributes attrs = st.attrs;
        if (attrs != null && attrs.isRegularFile()) {
            CheckResult hit = cache.lookup(file, absolute, attrs, st.entry);
            if (hit != null) {
                Outcome o = new Outcome();
                o.result = hit;
                return o;
            }
        }
        SpecSource source;
        try {
            source = SpecSource.read(file, reader, attrs);
        } catch (UnreadableSpecException e) {
            return unreadable(file, e, options);
        }
        LinkTargets targets = links.forCheck();
        SpecDocument doc = checker.parseChars(file, source.content());
        Outcome o = new Outcome();
        o.result = checker.checkSource(file, doc, source, options.check(), targets);
        finish(o, file, source, doc, options);
        if (attrs != null && attrs.isRegularFile()) {
            cache.store(absolute, attrs, source.bytes(), targets.asked(), o.result);
        }
        return o;
    }

    /**
     * A file of a cached run, its absolute path, its attributes before it is read (or null) and its
     * entry in the cache's file (or null).
     */
    private record Stat(
            Path file, String absolute, BasicFileAttributes attrs, ResultCache.Entry entry) {

        /**
         * The file's attributes: {@code known} (from discovery's walk) when given, else read;
         * {@code here} is {@link ResultCache#currentFolder()}.
         */
        static Stat of(Path file, String here, BasicFileAttributes known, ResultCache cache) {
            String absolute = ResultCache.absolute(file, here);
            BasicFileAttributes attrs = null;
            ResultCache.Entry entry = null;
            try {
                attrs =
                        known != null
                                ? known
                                : Files.readAttributes(file, BasicFileAttributes.class);
                entry = cache.exists(absolute);
            } catch (IOException | RuntimeException e) {
                // not there or not readable: checked (and reported) as without the cache
            }
            return new Stat(file, absolute, attrs, entry);
        }
    }

    /** The unreadable-file error of a file (or text) that cannot be read as a spec. */
    private Outcome unreadable(Path file, UnreadableSpecException e, RunOptions options) {
        Outcome o = new Outcome();
        o.result = checker.unreadable(file, e, options.check());
        o.read = false;
        finish(o, file, null, null, options);
        return o;
    }

    /**
     * The folder the File field's paths of {@code file} are written from: the configuration's
     * folder, absolute, when {@code file} is below it (as {@code field-file} reads it); empty
     * otherwise.
     */
    public Optional<Path> projectRoot(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        Path spec = file.toAbsolutePath().normalize();
        return config.map(c -> c.file().toAbsolutePath().normalize().getParent())
                .filter(spec::startsWith);
    }

    /**
     * The one parse and check of a source already read, and its fixes; null when a change selection
     * leaves it out. {@code links}: the run's answers about link targets.
     */
    private Outcome checked(
            Path file, SpecSource source, RunOptions options, LinkTargets.Shared links) {
        Outcome o = new Outcome();
        CheckOptions check = options.check();
        SpecDocument doc = checker.parseChars(file, source.content());
        if (options.changes().isPresent() && !options.changes().get().concerns(file, doc)) {
            return null;
        }
        CheckResult result = checker.checkSource(file, doc, source, check, links.forCheck());
        if (options.fix()) {
            SpecFixer.Result fixes = fixes(file, source, doc, result, result.diagnostics());
            o.withheld = fixes.withheld();
            if (!fixes.isEmpty()) {
                try {
                    writer.write(fixes.edit());
                    source = SpecSource.read(file, reader);
                } catch (IOException e) {
                    o.fixFailure = new FixFailedException(file, e);
                    return o;
                } catch (UnreadableSpecException e) {
                    o.fixFailure = new FixFailedException(file, new IOException(e.getMessage(), e));
                    return o;
                }
                o.fixes = fixes.fixes();
                doc = checker.parseChars(file, source.content());
                result = checker.checkSource(file, doc, source, check, links.forCheck());
            }
        }
        o.result = result;
        finish(o, file, source, doc, options);
        return o;
    }

    /**
     * The safe fixes of {@code findings} (from the check of {@code checked}), as {@code check
     * --fix} applies them: every surface that offers fixes asks here, so that none voids an
     * approval that holds ({@link SpecFixer.Approved}: such a fix is withheld, and said so).
     */
    public SpecFixer.Result fixes(CheckedSpec checked, List<Diagnostic> findings) {
        requireNonNull(checked, "checked must not be null");
        requireNonNull(findings, "findings must not be null");
        return fixes(
                checked.file(), checked.source(), checked.document(), checked.result(), findings);
    }

    /**
     * The approval an edit of a checked spec must keep, when it holds: its record, and whether a
     * text (the spec after the edit) still has the content it approved. Empty when there is none to
     * keep (none recorded, already stale, or not read before Approved). What {@link #fixes} keeps
     * for {@code check --fix}; the editors' other quick fixes (a suppression comment, an inserted
     * section, a field's value) ask it too, so that none voids an approval unasked.
     */
    public Optional<SpecFixer.Approved> approvalKept(CheckedSpec checked) {
        requireNonNull(checked, "checked must not be null");
        return SpecFixer.Approved.of(
                checked.result().approvalCheck(),
                checker.approvals(),
                text -> checker.parse(checked.file(), text));
    }

    private SpecFixer.Result fixes(
            Path file,
            SpecSource source,
            SpecDocument doc,
            CheckResult result,
            List<Diagnostic> findings) {
        return fixer.fix(
                source,
                doc,
                schema(),
                file,
                projectRoot(file).orElse(null),
                findings,
                SpecFixer.Approved.of(
                        result.approvalCheck(),
                        checker.approvals(),
                        text -> checker.parse(file, text)));
    }

    /**
     * Adds to {@code o} what the run asks besides the check: fingerprints and a summary. The source
     * (null for a file that could not be read) is made a string only for fingerprints.
     */
    private void finish(
            Outcome o, Path file, SpecSource source, SpecDocument doc, RunOptions options) {
        String text =
                options.fingerprints().isEmpty() && options.baseline().isEmpty()
                        ? null
                        : source == null ? "" : source.text();
        if (options.fingerprints().isPresent()) {
            o.findings =
                    new Fingerprinter(options.fingerprints().get()).findings(o.result, text, doc);
        }
        if (options.baseline().isPresent()) {
            o.baselineFindings =
                    new Fingerprinter(options.baseline().get().dir()).findings(o.result, text, doc);
        }
        if (options.summaries()) {
            o.summary = SpecSummary.of(o.result, schema(), options.check().today());
        }
        o.result = o.result.withoutDocument();
    }

    /**
     * Whether a run fails: errors, or warnings when strict ({@code strictFlag} or the
     * configuration's {@code strict: true}).
     */
    public boolean fails(CheckRun run, boolean strictFlag) {
        boolean strict = strictFlag || strictByDefault();
        return run.errors() > 0 || (strict && run.warnings() > 0);
    }

    /** Checks against {@code today}, following each spec's own status. */
    public static CheckOptions asOf(LocalDate today) {
        return CheckOptions.asOf(today);
    }
}
