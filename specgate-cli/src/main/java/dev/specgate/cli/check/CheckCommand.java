package dev.specgate.cli.check;

import dev.specgate.cli.CommonOptions;
import dev.specgate.cli.ConfigOptions;
import dev.specgate.cli.ExitCode;
import dev.specgate.cli.SpecRoots;
import dev.specgate.cli.SpecgateException;
import dev.specgate.cli.VersionProvider;
import dev.specgate.cli.report.ColorMode;
import dev.specgate.cli.report.OutputFormat;
import dev.specgate.cli.report.ReportContext;
import dev.specgate.cli.report.ReportFile;
import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.baseline.Fingerprinter;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.ChangeSelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code specgate check [PATH...]}: checks specs against the template. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks specs against the template and reports every problem at its line.",
            "A PATH is a spec file or a directory; a directory is searched for"
                    + " directives/spec/**/*.md (or, with no directives/ folder, for the *.md"
                    + " files it holds), or for the files .specgate.yml's specs: globs select."
                    + " No PATH means the current directory."
        },
        footer = {
            "",
            "Exit codes: 0 no errors, 1 errors found (or warnings with --strict),"
                    + " 2 usage error, bad configuration or nothing to check."
        })
public final class CheckCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private CommonOptions common;

    @Mixin private ConfigOptions configOptions;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Spec files or directories.")
    private List<Path> paths;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(
            names = "--strict",
            description = "Fail (exit 1) on warnings too (also 'strict: true' in .specgate.yml).")
    private boolean strict;

    @Option(
            names = "--color",
            defaultValue = "auto",
            paramLabel = "WHEN",
            description =
                    "Colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                            + " auto means on a terminal and NO_COLOR unset).")
    private ColorMode color;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description =
                    "Write the report to FILE (UTF-8, folders created) instead of standard output.")
    private Path output;

    @Option(
            names = "--changed-since",
            paramLabel = "REV",
            description =
                    "Check only specs changed since the git revision REV (committed, staged,"
                            + " unstaged or untracked), and specs that link to a changed file.")
    private String changedSince;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description =
                    "Report only findings not recorded in FILE (default: 'baseline:' in"
                            + " .specgate.yml); the exit code counts only those.")
    private Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description =
                    "Record every current finding in FILE and exit 0, so that later runs with"
                            + " --baseline FILE report only new ones.")
    private Path writeBaseline;

    @Option(
            names = "--trace",
            description = "Also report File Organization paths that do not exist (layout-missing).")
    private boolean trace;

    @Option(
            names = "--fix",
            description =
                    "First fix what is safe to fix: the File field's file name, a known section's"
                            + " heading level, malformed task boxes, dates written in another"
                            + " form. Prints each change on stderr; running it again changes"
                            + " nothing.")
    private boolean fix;

    @Override
    public Integer call() {
        if (writeBaseline != null && (baseline != null || changedSince != null)) {
            throw SpecgateException.usage(
                    "--write-baseline records every finding, so it cannot be used with "
                            + (baseline != null ? "--baseline" : "--changed-since"));
        }
        List<Path> roots = SpecRoots.of(paths);
        Optional<SpecgateConfig> config = configOptions.load(roots.get(0));
        List<Path> files = SpecRoots.select(roots, config).specs();
        if (changedSince != null) {
            GitChanges.Result changes = GitChanges.since(roots.get(0), changedSince);
            files = new ChangeSelection(changes.paths(), changes.workTree()).select(files);
        }
        SpecChecker checker = ConfigOptions.checker(config);
        CheckOptions options = CheckOptions.asOf(common.today()).withTrace(trace);
        if (fix) {
            new Fixes(checker, options, spec.commandLine().getErr()).apply(files);
        }
        CheckRun run = CheckRun.of(checker, files, options);
        if (writeBaseline != null) {
            return recordBaseline(run);
        }
        Optional<Path> baselineFile =
                Optional.ofNullable(baseline).or(() -> config.flatMap(SpecgateConfig::baseline));
        if (baselineFile.isPresent()) {
            run = applyBaseline(run, baselineFile.get());
        }
        writeReport(run, checker);
        boolean strictRun = strict || config.flatMap(SpecgateConfig::strict).orElse(false);
        boolean failed = run.errors() > 0 || (strictRun && run.warnings() > 0);
        return (failed ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private int recordBaseline(CheckRun run) {
        Path dir = writeBaseline.toAbsolutePath().normalize().getParent();
        Baseline recorded = Baseline.of(run, new Fingerprinter(dir));
        try {
            recorded.write(writeBaseline);
        } catch (BaselineException e) {
            throw SpecgateException.usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "specgate: recorded "
                        + recorded.findings().size()
                        + (recorded.findings().size() == 1 ? " finding" : " findings")
                        + " of "
                        + run.results().size()
                        + (run.results().size() == 1 ? " spec" : " specs")
                        + " in "
                        + writeBaseline);
        err.flush();
        return ExitCode.CLEAN.code();
    }

    private CheckRun applyBaseline(CheckRun run, Path file) {
        Baseline known;
        try {
            known = Baseline.read(file);
        } catch (BaselineException e) {
            throw SpecgateException.usage(e.getMessage());
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        Baseline.Filtered filtered = known.filter(run, new Fingerprinter(dir));
        if (filtered.hidden() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "specgate: "
                            + filtered.hidden()
                            + (filtered.hidden() == 1 ? " known finding" : " known findings")
                            + " hidden by the baseline "
                            + file);
            err.flush();
        }
        return filtered.run();
    }

    private void writeReport(CheckRun run, SpecChecker checker) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            boolean colored = color.enabled(System.getenv(), ColorMode.stdoutIsTerminal());
            format.reporter(context(checker, colored)).write(run, out);
            out.flush();
            return;
        }
        ReportFile.write(output, out -> format.reporter(context(checker, false)).write(run, out));
    }

    private static ReportContext context(SpecChecker checker, boolean colored) {
        return new ReportContext(colored, checker.activeRules(), VersionProvider.version());
    }
}
