package dev.specgate.cli.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.CodeModel;
import dev.specgate.cli.common.CommonOptions;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.common.VersionProvider;
import dev.specgate.cli.report.ColorMode;
import dev.specgate.core.approval.RunSize;
import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.discovery.ChangeSelection;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.core.rules.Rule;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.DocumentCount;
import dev.specgate.report.ErrorsOnly;
import dev.specgate.report.FixesSaid;
import dev.specgate.report.OutputFormat;
import dev.specgate.report.ReportContext;
import dev.specgate.report.ReportFile;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate check [PATH...]}: checks specs against the template.
 *
 * <p>Runs use {@link #model()}, picocli's model of this command built in code (reading the
 * annotations below by reflection was most of a one-spec check's start-up); the annotations are the
 * reference it is compared with ({@code CodeModelTest}). An option is added in both places.
 */
@Command(
        name = CheckCommand.NAME,
        mixinStandardHelpOptions = true,
        description = {
            CheckCommand.DESCRIPTION_0,
            CheckCommand.DESCRIPTION_1,
            CheckCommand.DESCRIPTION_2
        })
public final class CheckCommand extends BaseCommand {

    static final String NAME = "check";
    static final String DESCRIPTION_0 =
            "Checks specs against the template and reports every problem at its line.";
    static final String DESCRIPTION_1 =
            "A PATH is a spec file or a directory; a directory is searched for"
                    + " Markdown files (*.md, *.markdown) under directives/spec/ and task lists"
                    + " (*_task_*.md) under directives/tasks/ (or, with no directives/ folder,"
                    + " for the Markdown files it holds), or for the files"
                    + " .specgate.yml's specs: globs select."
                    + " No PATH means the current directory.";
    static final String DESCRIPTION_2 =
            "The PATH - reads one spec from standard input (for editors and agents);"
                    + " --stdin-filename names it.";
    private static final String PATHS =
            "Spec files or directories, or - for one spec on standard input.";
    private static final String STDIN_FILENAME =
            "With the PATH -: the file the text on standard input stands for. Reports name"
                    + " it, the configuration is found from it and must select it, and"
                    + " rules about a spec's file name and links read it (default: "
                    + DisplayPath.NO_FILE
                    + ", which names no file).";
    private static final String FORMAT =
            "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).";
    private static final String ERRORS_ONLY =
            "Report errors only: warnings and infos are left out of the report in every"
                    + " format (and counted on stderr); the exit code is as without it.";
    private static final String STRICT =
            "Fail (exit 1) on warnings too (also 'strict: true' in .specgate.yml).";
    private static final String COLOR =
            "Colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " auto means on a terminal, NO_COLOR unset and TERM not dumb).";
    private static final String OUTPUT =
            "Write the report to FILE (UTF-8, folders created) instead of standard output;"
                    + " '-' is standard output. A device, a FIFO or a symbolic link is"
                    + " written through, never replaced.";
    private static final String CHANGED_SINCE =
            "Check only specs changed since the git revision REV (committed, staged,"
                    + " unstaged or untracked), and specs that link to a changed file.";
    private static final String BASELINE =
            "Report only findings not recorded in FILE (default: 'baseline:' in"
                    + " .specgate.yml); the exit code counts only those.";
    private static final String WRITE_BASELINE =
            "Record every current finding in FILE and exit 0, so that later runs with"
                    + " --baseline FILE report only new ones.";
    private static final String PRUNE_BASELINE =
            "Drop from the baseline FILE the findings fixed since and keep the rest, adding no new"
                    + " finding, and exit 0.";
    private static final String TRACE =
            "Also report File Organization paths that do not exist (layout-missing), and the"
                    + " feature's code written while its spec is not yet approved (layout-early).";
    private static final String FIX =
            "First fix what is safe to fix: the File field's file name, a known section's"
                    + " heading level, malformed task boxes, dates written in another"
                    + " form. Prints each change on stderr (and in the JSON and SARIF"
                    + " reports, with the fixes withheld); running it again changes nothing.";
    private static final String EXCLUDED_OK =
            "When every file named is left out by the configuration (its specs or ignore"
                    + " globs), report so on stderr and exit 0 instead of 2: for hooks"
                    + " that pass each changed file. A path with no spec under it still"
                    + " exits 2.";
    private static final String CACHE =
            "Reuse the results of specs unchanged since the last run with the cache, kept"
                    + " in .specgate-cache/ next to .specgate.yml (--no-cache: check every"
                    + " spec afresh; default: 'cache:' in .specgate.yml, else off). Not"
                    + " used with --fix, --changed-since, a baseline or --trace.";

    @Mixin private ConfigOptions configOptions;

    /** The PATH that stands for standard input. */
    static final String STDIN = "-";

    @Parameters(paramLabel = "PATH", arity = "0..*", description = PATHS)
    private List<Path> paths;

    @Option(names = "--stdin-filename", paramLabel = "PATH", description = STDIN_FILENAME)
    private Path stdinFilename;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = FORMAT)
    private OutputFormat format;

    @Option(names = "--strict", description = STRICT)
    private boolean strict;

    @Option(names = "--errors-only", description = ERRORS_ONLY)
    private boolean errorsOnly;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN", description = COLOR)
    private ColorMode color;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = OUTPUT)
    private Path output;

    @Option(names = "--changed-since", paramLabel = "REV", description = CHANGED_SINCE)
    private String changedSince;

    @Option(names = "--baseline", paramLabel = "FILE", description = BASELINE)
    private Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = WRITE_BASELINE)
    private Path writeBaseline;

    @Option(names = "--prune-baseline", paramLabel = "FILE", description = PRUNE_BASELINE)
    private Path pruneBaseline;

    @Option(names = "--trace", description = TRACE)
    private boolean trace;

    @Option(names = "--fix", description = FIX)
    private boolean fix;

    @Option(names = "--excluded-ok", description = EXCLUDED_OK)
    private boolean excludedOk;

    @Option(names = "--cache", negatable = true, description = CACHE)
    private Boolean cache;

    /** Told once whether the run uses the incremental cache: {@link #onCacheDecided}. */
    private Consumer<Boolean> cacheDecided = NOBODY;

    private static final Consumer<Boolean> NOBODY = used -> {};

    /**
     * picocli's model of a new {@code check} command, built in code: the options, in the order and
     * with every attribute picocli reads from the annotations above.
     */
    public static CommandSpec model() {
        CheckCommand c = new CheckCommand();
        CommandSpec spec = c.codeModel(NAME, DESCRIPTION_0, DESCRIPTION_1, DESCRIPTION_2);
        c.configOptions = new ConfigOptions();
        spec.addMixin("configOptions", c.configOptions.mixin());
        CodeModel.Binding<List<Path>> paths = CodeModel.field(() -> c.paths, v -> c.paths = v);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("PATH")
                        .arity("0..*")
                        .type(List.class)
                        .auxiliaryTypes(Path.class)
                        .description(PATHS)
                        .prompt("")
                        .descriptionKey("")
                        .setter(paths)
                        .getter(paths)
                        .build());
        spec.addOption(
                path(
                        "PATH",
                        STDIN_FILENAME,
                        CodeModel.field(() -> c.stdinFilename, v -> c.stdinFilename = v),
                        "--stdin-filename"));
        CodeModel.Binding<OutputFormat> format = CodeModel.field(() -> c.format, v -> c.format = v);
        spec.addOption(
                OptionSpec.builder("-f", "--format")
                        .defaultValue("text")
                        .paramLabel("FORMAT")
                        .type(OutputFormat.class)
                        .description(FORMAT)
                        .prompt("")
                        .descriptionKey("")
                        .setter(format)
                        .getter(format)
                        .build());
        spec.addOption(
                flag(
                        STRICT,
                        CodeModel.field(() -> c.strict, v -> c.strict = Boolean.TRUE.equals(v)),
                        "--strict",
                        "<strict>"));
        spec.addOption(
                flag(
                        ERRORS_ONLY,
                        CodeModel.field(
                                () -> c.errorsOnly, v -> c.errorsOnly = Boolean.TRUE.equals(v)),
                        "--errors-only",
                        "<errorsOnly>"));
        CodeModel.Binding<ColorMode> color = CodeModel.field(() -> c.color, v -> c.color = v);
        spec.addOption(
                OptionSpec.builder("--color")
                        .defaultValue("auto")
                        .paramLabel("WHEN")
                        .type(ColorMode.class)
                        .description(COLOR)
                        .prompt("")
                        .descriptionKey("")
                        .setter(color)
                        .getter(color)
                        .build());
        spec.addOption(
                path(
                        "FILE",
                        OUTPUT,
                        CodeModel.field(() -> c.output, v -> c.output = v),
                        "-o",
                        "--output"));
        CodeModel.Binding<String> since =
                CodeModel.field(() -> c.changedSince, v -> c.changedSince = v);
        spec.addOption(
                OptionSpec.builder("--changed-since")
                        .paramLabel("REV")
                        .type(String.class)
                        .description(CHANGED_SINCE)
                        .prompt("")
                        .descriptionKey("")
                        .setter(since)
                        .getter(since)
                        .build());
        spec.addOption(
                path(
                        "FILE",
                        BASELINE,
                        CodeModel.field(() -> c.baseline, v -> c.baseline = v),
                        "--baseline"));
        spec.addOption(
                path(
                        "FILE",
                        WRITE_BASELINE,
                        CodeModel.field(() -> c.writeBaseline, v -> c.writeBaseline = v),
                        "--write-baseline"));
        spec.addOption(
                path(
                        "FILE",
                        PRUNE_BASELINE,
                        CodeModel.field(() -> c.pruneBaseline, v -> c.pruneBaseline = v),
                        "--prune-baseline"));
        spec.addOption(
                flag(
                        TRACE,
                        CodeModel.field(() -> c.trace, v -> c.trace = Boolean.TRUE.equals(v)),
                        "--trace",
                        "<trace>"));
        spec.addOption(
                flag(
                        FIX,
                        CodeModel.field(() -> c.fix, v -> c.fix = Boolean.TRUE.equals(v)),
                        "--fix",
                        "<fix>"));
        spec.addOption(
                flag(
                        EXCLUDED_OK,
                        CodeModel.field(
                                () -> c.excludedOk, v -> c.excludedOk = Boolean.TRUE.equals(v)),
                        "--excluded-ok",
                        "<excludedOk>"));
        CodeModel.Binding<Boolean> cache = CodeModel.field(() -> c.cache, v -> c.cache = v);
        spec.addOption(
                OptionSpec.builder("--cache")
                        .paramLabel("<cache>")
                        .negatable(true)
                        .type(Boolean.class)
                        .description(CACHE)
                        .prompt("")
                        .descriptionKey("")
                        .setter(cache)
                        .getter(cache)
                        .build());
        return CodeModel.withStandardHelpOptions(spec);
    }

    /**
     * The command {@code args} stand for when they are a plain check — {@code check} followed by
     * nothing but PATHs, {@code --today DATE}, {@code --strict}, and {@code --cache} or {@code
     * --no-cache}, each option at most once — with the fields picocli would set; {@code null} for
     * any other command line (picocli then parses it, and reports it when it is wrong, as for every
     * command). Most runs are plain, and picocli's model and parse were a quarter of a one-spec
     * check's main thread (docs/performance.md). {@code PlainCheckTest} compares the fields with
     * picocli's for plain and non-plain command lines.
     */
    public static CheckCommand plain(String[] args) {
        if (args.length == 0 || !args[0].equals(NAME)) {
            return null;
        }
        CheckCommand c = new CheckCommand();
        c.common = new CommonOptions();
        c.configOptions = new ConfigOptions();
        c.format = OutputFormat.TEXT; // the defaults picocli converts "text" and "auto" to
        c.color = ColorMode.AUTO;
        boolean today = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return null; // picocli reads an argument file
            }
            switch (arg) {
                case "--today" -> {
                    if (today
                            || i + 1 == args.length
                            || args[i + 1].startsWith("-")
                            || args[i + 1].startsWith("@")) {
                        return null;
                    }
                    c.common = CommonOptions.withToday(args[++i]);
                    if (c.common == null) {
                        return null;
                    }
                    today = true;
                }
                case "--strict" -> {
                    if (c.strict) {
                        return null;
                    }
                    c.strict = true;
                }
                case "--cache", "--no-cache" -> {
                    if (c.cache != null) {
                        return null;
                    }
                    c.cache = arg.equals("--cache");
                }
                default -> {
                    if (arg.isBlank() || arg.startsWith("-")) {
                        return null; // picocli's errors, and the PATH - (standard input)
                    }
                    try {
                        if (c.paths == null) {
                            c.paths = new ArrayList<>();
                        }
                        c.paths.add(Path.of(arg));
                    } catch (InvalidPathException e) {
                        return null;
                    }
                }
            }
        }
        return c;
    }

    private static OptionSpec path(
            String label, String description, CodeModel.Binding<Path> field, String... names) {
        return OptionSpec.builder(names)
                .paramLabel(label)
                .type(Path.class)
                .description(description)
                .prompt("")
                .descriptionKey("")
                .setter(field)
                .getter(field)
                .build();
    }

    /** A {@code boolean} field's option; {@code null} (picocli's reset) is {@code false}. */
    private static OptionSpec flag(
            String description, CodeModel.Binding<Boolean> field, String name, String label) {
        return OptionSpec.builder(name)
                .paramLabel(label)
                .type(boolean.class)
                .description(description)
                .prompt("")
                .descriptionKey("")
                .initialValue(false)
                .setter(field)
                .getter(field)
                .build();
    }

    /**
     * Has {@code listener} told, once the run knows, whether it uses the incremental cache: as the
     * project decides it ({@code SpecProject.readCacheAhead}) from the options as parsed ({@code
     * --cache}, {@code --cache=true}, an argument file) and the configuration ({@code cache:
     * true}); {@code false} for standard input. {@code Main}'s warm-up waits for it before it loads
     * what only a check of changed specs needs (SHA-256, NFKC), which a cached run mostly skips. A
     * run that fails before it knows tells nothing.
     */
    public void onCacheDecided(Consumer<Boolean> listener) {
        this.cacheDecided = requireNonNull(listener, "listener must not be null");
    }

    @Override
    public Integer call() throws Exception {
        requireOutputPlace();
        if (paths != null && paths.stream().anyMatch(p -> p.toString().equals(STDIN))) {
            cacheDecided.accept(false);
            return checkStandardInput();
        }
        if (stdinFilename != null) {
            throw SpecgateException.usage(
                    "--stdin-filename names the spec read from standard input: give the PATH -"
                            + " too");
        }
        if (pruneBaseline != null && (baseline != null || writeBaseline != null)) {
            throw SpecgateException.usage(
                    "--prune-baseline reads and writes the baseline it names, so it cannot be"
                            + " used with "
                            + (baseline != null ? "--baseline" : "--write-baseline"));
        }
        if (writeBaseline != null && (baseline != null || changedSince != null)) {
            throw SpecgateException.usage(
                    "--write-baseline records every finding, so it cannot be used with "
                            + (baseline != null ? "--baseline" : "--changed-since"));
        }
        List<Path> roots = SpecRoots.of(paths);
        SpecWorkspace workspace = configOptions.workspace(roots);
        // every option and input is read and validated before any file is touched (--fix writes)
        Optional<ChangeSelection> changes =
                changedSince == null
                        ? Optional.empty()
                        : Optional.of(ChangeSelection.since(roots.get(0), changedSince));
        CheckOptions options = CheckOptions.asOf(common.today()).withTrace(trace);
        // the run's options but the baseline, which each project loads
        RunOptions planned = RunOptions.of(options).withFix(fix);
        if (cache != null) {
            planned = planned.withCache(cache);
        }
        if (changes.isPresent()) {
            planned = planned.withChanges(changes.get());
        }
        if (writeBaseline != null) {
            planned =
                    planned.withFingerprints(
                            writeBaseline.toAbsolutePath().normalize().getParent());
        }
        // the baseline the run follows: --prune-baseline's is read (and hides findings) as
        // --baseline's is
        Optional<Path> named =
                Optional.ofNullable(pruneBaseline != null ? pruneBaseline : baseline);
        // a run the cache serves reads the cache's file now, while discovery walks the folders on
        // its own thread, instead of after the walk; a large one it does not with approvals links
        // its digest meanwhile
        boolean cached = workspace.first().readCacheAhead(roots, planned, named);
        cacheDecided.accept(cached);
        if (!cached && changes.isEmpty()) {
            RunSize.ahead(roots, workspace.first().approvals().field());
        }
        List<Planned> plan = new ArrayList<>();
        for (SpecWorkspace.Found found : workspace.find()) {
            SpecProject project = found.project();
            ConfiguredDiscovery.Selection selection = found.selection();
            RunOptions runOptions = planned;
            if (writeBaseline == null) {
                Optional<RunOptions.LoadedBaseline> known = project.baseline(named);
                if (known.isPresent()) {
                    runOptions = runOptions.withBaseline(known.get());
                }
            }
            plan.add(new Planned(project, selection, runOptions));
        }
        refuseWritingAnInput(plan);
        if (pruneBaseline != null && plan.size() > 1) {
            throw SpecgateException.usage(
                    "--prune-baseline prunes the baseline of one configuration, but these paths"
                            + " follow "
                            + plan.size()
                            + ": run it for each");
        }
        reportExcluded(plan);
        if (!excludedOk
                && plan.stream()
                        .allMatch(
                                p ->
                                        p.selection().specs().isEmpty()
                                                && p.selection().unreadable().isEmpty())) {
            boolean configured = plan.stream().anyMatch(p -> p.project().configFile().isPresent());
            throw SpecgateException.usage(SpecProject.nothingLeftToCheck(configured));
        }
        ProjectRun run = null;
        boolean failed = false;
        List<Rule> rules = new ArrayList<>();
        for (Planned p : plan) {
            ProjectRun partRun = p.project().run(p.selection(), p.options());
            failed |= p.project().fails(partRun.checkRun(), strict);
            run = run == null ? partRun : run.plus(partRun);
            for (Rule r : p.project().checker().activeRules()) {
                if (rules.stream().noneMatch(x -> x.id().equals(r.id()))) {
                    rules.add(r);
                }
            }
        }
        printFixes(run);
        if (writeBaseline != null) {
            return recordBaseline(run);
        }
        if (pruneBaseline != null) {
            return pruneBaseline(run);
        }
        reportHidden(run, roots.get(0));
        if (changes.isEmpty()) {
            reportLeftOutNear(workspace);
        }
        writeReport(shown(run, failed), rules);
        return (failed ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    /**
     * Spec-like Markdown files that the search leaves out (a team's {@code docs/design/} beside
     * {@code specs:} globs or the built-in {@code directives/spec/}), said once per folder checked,
     * with the glob to add (core's {@code SpecProject.leftOutNear}, the look {@code init} makes): a
     * check that finds some specs says nothing of the others. On stderr whatever the format, as the
     * baseline's notes are: the GitHub Action runs a SARIF report, whose stdout stays the report
     * alone, and shows stderr in the job's log. Only for folders: files named on the command line
     * are what the user meant to check.
     */
    private void reportLeftOutNear(SpecWorkspace workspace) {
        if (paths != null && paths.stream().anyMatch(p -> !Files.isDirectory(p))) {
            return;
        }
        for (SpecWorkspace.Part part : workspace.parts()) {
            for (Path root : part.roots()) {
                String near = part.project().leftOutNear(root);
                if (!near.isEmpty()) {
                    err().println("specgate: " + TextReporter.escape(near));
                }
            }
        }
        err().flush();
    }

    /**
     * {@code check -}: one spec read from standard input, checked as the file {@code
     * --stdin-filename} names would be (or as text that names no file).
     */
    private int checkStandardInput() throws Exception {
        if (paths.size() > 1) {
            throw SpecgateException.usage(
                    "- (standard input) must be the only PATH: check one spec from standard input"
                            + " at a time");
        }
        String refused =
                fix
                        ? "--fix"
                        : changedSince != null
                                ? "--changed-since"
                                : writeBaseline != null ? "--write-baseline" : null;
        if (refused != null) {
            throw SpecgateException.usage(
                    refused + " works on files, so it cannot be used with - (standard input)");
        }
        if (stdinFilename != null && Files.isDirectory(stdinFilename)) {
            throw SpecgateException.usage(
                    "--stdin-filename "
                            + DisplayPath.of(stdinFilename)
                            + " is a folder: name the file the text stands for");
        }
        Path named = stdinFilename != null ? stdinFilename : Path.of(".");
        SpecProject project = configOptions.open(named);
        if (stdinFilename != null) {
            if (ExcludedSpec.warn(project, stdinFilename, err())) {
                if (excludedOk) {
                    return ExitCode.CLEAN.code();
                }
                throw SpecgateException.usage(
                        "nothing to check: the configuration leaves out "
                                + DisplayPath.of(stdinFilename));
            }
        }
        RunOptions options = RunOptions.of(CheckOptions.asOf(common.today()).withTrace(trace));
        Optional<RunOptions.LoadedBaseline> known = project.baseline(Optional.ofNullable(baseline));
        if (known.isPresent()) {
            options = options.withBaseline(known.get());
        }
        // at most one byte over the limit: enough for the check to say the text is too long
        byte[] text = System.in.readNBytes((int) SpecFileReader.MAX_BYTES + 1);
        ProjectRun run = project.run(stdinFilename, text, options);
        boolean failed = project.fails(run.checkRun(), strict);
        reportHidden(run, named);
        writeReport(shown(run, failed), project.checker().activeRules());
        return (failed ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    /**
     * The run as reported: with {@code --errors-only}, its errors alone, and how many warnings and
     * infos were left out said on stderr (as the baseline's hidden findings are), with whether they
     * fail the run all the same (warnings with --strict). The verdict is the whole run's.
     */
    private ProjectRun shown(ProjectRun run, boolean failed) {
        if (!errorsOnly) {
            return run;
        }
        ErrorsOnly.notShown(run.checkRun(), failed, "--errors-only")
                .ifPresent(
                        said -> {
                            err().println("specgate: " + said);
                            err().flush();
                        });
        return run.errorsOnly();
    }

    /**
     * How many findings each baseline hid and how many of its entries matched nothing, when either
     * (core's one sentence per baseline, {@link ProjectRun#baselineNotes}).
     */
    private void reportHidden(ProjectRun run, Path given) {
        for (String said : run.baselineNotes(b -> DisplayPath.like(b, given))) {
            TextReporter.println(err(), "specgate: " + said);
        }
        err().flush();
    }

    /** One project's part of the run, planned (and so validated) before anything runs. */
    private record Planned(
            SpecProject project, ConfiguredDiscovery.Selection selection, RunOptions options) {}

    /** Files named on the command line that the configuration leaves out: said, never silent. */
    private void reportExcluded(List<Planned> plan) {
        for (Planned p : plan) {
            for (Path file : p.selection().excluded()) {
                ExcludedSpec.warnLeftOut(p.project(), file, err());
            }
            ExcludedSpec.sayAliases(p.selection(), err());
        }
    }

    private void printFixes(ProjectRun run) {
        PrintWriter err = err();
        int fixed = 0;
        List<Path> touched = new ArrayList<>();
        for (ProjectRun.FileOutcome f : run.files()) {
            if (f.withheld().isPresent()) {
                err.println(TextReporter.escape(FixesSaid.withheld(f.path(), f.withheld().get())));
            }
            if (f.fixes().isEmpty()) {
                continue;
            }
            String path = DisplayPath.of(f.path());
            for (SpecFixer.Fix x : f.fixes()) {
                // before and after are the spec's text: escaped as every text line quoting it
                TextReporter.println(
                        err,
                        path
                                + ":"
                                + (x.range().startLine() + 1)
                                + ":"
                                + (x.range().startColumn() + 1)
                                + ": "
                                + FixesSaid.fixed(x));
            }
            fixed += f.fixes().size();
            touched.add(f.path());
        }
        if (fixed > 0) {
            err.println(
                    "specgate: fixed "
                            + fixed
                            + (fixed == 1 ? " problem" : " problems")
                            + " in "
                            + DocumentCount.of(touched));
        }
        err.flush();
    }

    /**
     * {@code --prune-baseline}: the baseline again without the findings fixed since; new findings
     * are counted, never added.
     */
    private int pruneBaseline(ProjectRun run) throws BaselineException {
        ProjectRun.BaselineUse use = run.baselines().get(0);
        Baseline pruned = use.pruned();
        pruned.write(pruneBaseline);
        long found = 0;
        for (CheckResult r : run.checkRun().results()) {
            found += r.unsearchedFolder() ? 0 : r.diagnostics().size();
        }
        PrintWriter err = err();
        TextReporter.println(
                err,
                "specgate: kept "
                        + pruned.findings().size()
                        + (pruned.findings().size() == 1 ? " finding" : " findings")
                        + " in "
                        + pruneBaseline
                        + ", dropped "
                        + use.stale()
                        + (use.stale() == 1 ? " that matches" : " that match")
                        + " nothing now (fixed, or their spec gone)"
                        + (found == 0
                                ? ""
                                : "; "
                                        + found
                                        + (found == 1 ? " new finding" : " new findings")
                                        + " not added (specgate check reports "
                                        + (found == 1 ? "it" : "them")
                                        + ")"));
        return unsearchedFolders(run, err);
    }

    /**
     * Names each folder the search could not read, with its error, and gives the exit code of a run
     * that wrote a baseline: such a folder fails it, as check fails on it, rather than passing in
     * silence.
     */
    private static int unsearchedFolders(ProjectRun run, PrintWriter err) {
        List<CheckResult> unsearched = run.unsearchedFolders();
        for (CheckResult folder : unsearched) {
            err.println(
                    "specgate: "
                            + TextReporter.escape(
                                    DisplayPath.of(folder.path())
                                            + ": "
                                            + folder.diagnostics().get(0).message()));
        }
        err.flush();
        return (unsearched.isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS).code();
    }

    private int recordBaseline(ProjectRun run) throws BaselineException {
        Baseline recorded = run.baselineOfAll();
        recorded.write(writeBaseline);
        PrintWriter err = err();
        TextReporter.println(
                err,
                "specgate: recorded "
                        + recorded.findings().size()
                        + (recorded.findings().size() == 1 ? " finding" : " findings")
                        + " of "
                        + DocumentCount.of(run.checkRun()) // a folder not searched is no spec
                        + " in "
                        + writeBaseline);
        // a folder the search could not read is no finding a baseline records: its error named
        // here, and the run fails as check fails on it, rather than passing in silence
        return unsearchedFolders(run, err);
    }

    /**
     * Refuses an {@code --output} or {@code --write-baseline} that is one of the files the run
     * reads (a spec it checks, one it names and leaves out, the configuration, the template):
     * writing there would replace it. Said before anything is written, in core's words ({@link
     * SpecProject#writeRefusal}).
     */
    private void refuseWritingAnInput(List<Planned> plan) {
        refuseWritingAnInput(
                toStdout() ? null : output, "--output", SpecProject.Written.REPORT, plan);
        refuseWritingAnInput(writeBaseline, "--write-baseline", SpecProject.Written.BASELINE, plan);
        refuseWritingAnInput(pruneBaseline, "--prune-baseline", SpecProject.Written.BASELINE, plan);
    }

    private static void refuseWritingAnInput(
            Path target, String option, SpecProject.Written written, List<Planned> plan) {
        if (target == null) {
            return;
        }
        for (Planned p : plan) {
            Optional<String> refusal =
                    p.project()
                            .writeRefusal(
                                    p.selection(),
                                    target,
                                    option + " " + DisplayPath.of(target),
                                    written);
            if (refusal.isPresent()) {
                throw SpecgateException.usage(refusal.get());
            }
        }
    }

    /**
     * Refuses an --output or a --write-baseline that cannot be written (a folder, a place below a
     * file; {@code --write-baseline -}, which names no file) before anything is read or written.
     */
    private void requireOutputPlace() {
        if (writeBaseline != null) {
            if (writeBaseline.toString().equals(STDIN)) {
                throw SpecgateException.usage(
                        "--write-baseline - names no file: a baseline is a file later runs read"
                                + " with --baseline; name one, such as .specgate-baseline.json");
            }
            try {
                ReportFile.requireWritablePlace(writeBaseline);
            } catch (IOException e) {
                throw SpecgateException.usage(
                        "cannot write the baseline to "
                                + DisplayPath.of(writeBaseline)
                                + ": "
                                + IoFailure.reason(e));
            }
        }
        if (toStdout()) {
            return;
        }
        try {
            ReportFile.requireWritablePlace(output);
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write the report to " + output + ": " + IoFailure.reason(e));
        }
    }

    private boolean toStdout() {
        return output == null || output.toString().equals("-");
    }

    private void writeReport(ProjectRun run, List<Rule> rules) {
        if (toStdout()) {
            PrintWriter out = out();
            boolean colored = color.enabled(System.getenv(), ColorMode.stdoutIsTerminal());
            format.reporter(context(rules, colored)).write(run, out);
            out.flush();
            return;
        }
        try {
            ReportFile.write(output, out -> format.reporter(context(rules, false)).write(run, out));
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write the report to " + output + ": " + IoFailure.reason(e));
        }
    }

    private ReportContext context(List<Rule> rules, boolean colored) {
        return new ReportContext(colored, rules, VersionProvider.version(), fix, errorsOnly);
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "no errors",
                ExitCode.FINDINGS,
                "errors found (or warnings with --strict)",
                ExitCode.USAGE,
                "usage error, bad configuration or nothing to check");
    }
}
