package dev.specgate.cli.check;

import dev.specgate.cli.CommonOptions;
import dev.specgate.cli.ConfigOptions;
import dev.specgate.cli.ExitCode;
import dev.specgate.cli.SpecRoots;
import dev.specgate.cli.SpecgateException;
import dev.specgate.cli.VersionProvider;
import dev.specgate.cli.report.ColorMode;
import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.discovery.ChangeSelection;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.core.rules.Rule;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.OutputFormat;
import dev.specgate.report.ReportContext;
import dev.specgate.report.ReportFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
                    "Write the report to FILE (UTF-8, folders created) instead of standard output;"
                            + " '-' is standard output. A device, a FIFO or a symbolic link is"
                            + " written through, never replaced.")
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
    public Integer call() throws Exception {
        requireOutputPlace();
        if (writeBaseline != null && (baseline != null || changedSince != null)) {
            throw SpecgateException.usage(
                    "--write-baseline records every finding, so it cannot be used with "
                            + (baseline != null ? "--baseline" : "--changed-since"));
        }
        List<Path> roots = SpecRoots.of(paths);
        SpecWorkspace workspace = configOptions.workspace(roots);
        // every option and input is validated before any file is touched (--fix writes)
        Optional<ChangeSelection> changes =
                changedSince == null
                        ? Optional.empty()
                        : Optional.of(ChangeSelection.since(roots.get(0), changedSince));
        CheckOptions options = CheckOptions.asOf(common.today()).withTrace(trace);
        ProjectRun run = null;
        boolean failed = false;
        List<Rule> rules = new ArrayList<>();
        for (SpecWorkspace.Part part : workspace.parts()) {
            SpecProject project = part.project();
            List<Path> files = project.find(part.roots()).specs();
            RunOptions runOptions = RunOptions.of(options).withFix(fix);
            if (changes.isPresent()) {
                runOptions = runOptions.withChanges(changes.get());
            }
            if (writeBaseline != null) {
                runOptions =
                        runOptions.withFingerprints(
                                writeBaseline.toAbsolutePath().normalize().getParent());
            } else {
                Optional<RunOptions.LoadedBaseline> known =
                        project.baseline(Optional.ofNullable(baseline));
                if (known.isPresent()) {
                    runOptions = runOptions.withBaseline(known.get());
                }
            }
            ProjectRun partRun = project.run(files, runOptions);
            failed |= project.fails(partRun.checkRun(), strict);
            run = run == null ? partRun : run.plus(partRun);
            for (Rule r : project.checker().activeRules()) {
                if (rules.stream().noneMatch(x -> x.id().equals(r.id()))) {
                    rules.add(r);
                }
            }
        }
        printFixes(run);
        if (writeBaseline != null) {
            return recordBaseline(run);
        }
        if (run.hidden() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "specgate: "
                            + run.hidden()
                            + (run.hidden() == 1 ? " known finding" : " known findings")
                            + " hidden by the baseline "
                            + run.baseline().map(Path::toString).orElse(""));
            err.flush();
        }
        writeReport(run.checkRun(), rules);
        return (failed ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private void printFixes(ProjectRun run) {
        PrintWriter err = spec.commandLine().getErr();
        int fixed = 0;
        int specs = 0;
        for (ProjectRun.FileOutcome f : run.files()) {
            if (f.fixes().isEmpty()) {
                continue;
            }
            String path = DisplayPath.of(f.path());
            for (SpecFixer.Fix x : f.fixes()) {
                err.println(
                        path
                                + ":"
                                + (x.range().startLine() + 1)
                                + ":"
                                + (x.range().startColumn() + 1)
                                + ": fixed ["
                                + x.ruleId()
                                + "] '"
                                + x.before()
                                + "' -> '"
                                + x.after()
                                + "'");
            }
            fixed += f.fixes().size();
            specs++;
        }
        if (fixed > 0) {
            err.println(
                    "specgate: fixed "
                            + fixed
                            + (fixed == 1 ? " problem" : " problems")
                            + " in "
                            + specs
                            + (specs == 1 ? " spec" : " specs"));
        }
        err.flush();
    }

    private int recordBaseline(ProjectRun run) throws BaselineException {
        Baseline recorded = run.baselineOfAll();
        recorded.write(writeBaseline);
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "specgate: recorded "
                        + recorded.findings().size()
                        + (recorded.findings().size() == 1 ? " finding" : " findings")
                        + " of "
                        + run.files().size()
                        + (run.files().size() == 1 ? " spec" : " specs")
                        + " in "
                        + writeBaseline);
        err.flush();
        return ExitCode.CLEAN.code();
    }

    /** Refuses an --output that cannot be written before anything is read or written. */
    private void requireOutputPlace() {
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

    private void writeReport(CheckRun run, List<Rule> rules) {
        if (toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
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

    private static ReportContext context(List<Rule> rules, boolean colored) {
        return new ReportContext(colored, rules, VersionProvider.version());
    }
}
