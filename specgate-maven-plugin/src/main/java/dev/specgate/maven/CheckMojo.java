package dev.specgate.maven;

import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.ChangeSelection;
import dev.specgate.core.discovery.ChangesException;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.core.rules.Rule;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.DocumentCount;
import dev.specgate.report.ErrorsOnly;
import dev.specgate.report.OutputFormat;
import dev.specgate.report.ReportContext;
import dev.specgate.report.ReportFile;
import dev.specgate.report.SpecgateVersion;
import dev.specgate.report.TextReporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's specs, as {@code specgate check} does and through the same core façade
 * ({@link SpecProject}), and fails the build when there are errors (or warnings, with {@code
 * strict}). Follows the project's {@code .specgate.yml}: its template, globs, rule levels,
 * strictness and baseline. Bound to {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    /** The spec files or folders to check (default: the project's folder). */
    @Parameter private List<File> paths;

    /** The folder the nearest {@code .specgate.yml} is searched from. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /**
     * The parent project's folder, when the parent is a project of this build (a multi-module
     * build's parent): where specs usually live, and whose {@code <build><plugins>} every module
     * inherits.
     */
    @Parameter(defaultValue = "${project.parent.basedir}", readonly = true)
    private File parentBasedir;

    /** A configuration file to use instead of the nearest {@code .specgate.yml}. */
    @Parameter(property = "specgate.config")
    private File configFile;

    /** Fail on warnings too (as does {@code strict: true} in {@code .specgate.yml}). */
    @Parameter(property = "specgate.strict", defaultValue = "false")
    private boolean strict;

    /** Report only findings not recorded in this baseline file. */
    @Parameter(property = "specgate.baseline")
    private File baseline;

    /**
     * Also report File Organization paths that do not exist ({@code layout-missing}), and the
     * feature's code written while its spec is not yet approved ({@code layout-early}).
     */
    @Parameter(property = "specgate.trace", defaultValue = "false")
    private boolean trace;

    /** Check only specs changed since this git revision, and specs linking to a changed file. */
    @Parameter(property = "specgate.changedSince")
    private String changedSince;

    /**
     * Also write a report in this format: text, json, sarif, junit or github (to {@code output}).
     */
    @Parameter(property = "specgate.format")
    private String format;

    /** The report file for {@code format} (default: target/specgate.EXT). */
    @Parameter(property = "specgate.output")
    private File output;

    /**
     * Report errors alone, as {@code check --errors-only} does: warnings and infos are left out of
     * the build log and the report file, the summary counts what is shown, and the log says how
     * many were left out. Whether the build fails is still judged on every finding (warnings with
     * {@code strict}).
     */
    @Parameter(property = "specgate.errorsOnly", defaultValue = "false")
    private boolean errorsOnly;

    /** Fail when no spec is found (as Surefire's {@code failIfNoTests}); never a silent pass. */
    @Parameter(property = "specgate.failIfNoSpecs", defaultValue = "true")
    private boolean failIfNoSpecs;

    /** The date overdue checks compare with, as YYYY-MM-DD (default: today). */
    @Parameter(property = "specgate.today")
    private String today;

    /** Skip the check. */
    @Parameter(property = "specgate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Specgate check skipped");
            return;
        }
        Optional<OutputFormat> reportFormat = reportFormat();
        List<File> given = paths == null || paths.isEmpty() ? List.of(basedir) : paths;
        List<Path> roots = new ArrayList<>();
        for (File f : given) {
            if (!f.exists()) {
                throw new MojoExecutionException("Specgate: path not found: " + f);
            }
            roots.add(asGiven(f.toPath()));
        }
        CheckOptions options = CheckOptions.asOf(date()).withTrace(trace);
        ProjectRun run = null;
        boolean failed = false;
        List<Rule> rules = new ArrayList<>();
        try {
            Optional<ChangeSelection> changes =
                    changedSince == null || changedSince.isBlank()
                            ? Optional.empty()
                            : Optional.of(ChangeSelection.since(basedir.toPath(), changedSince));
            SpecWorkspace workspace = SpecWorkspace.open(roots, choice());
            for (SpecWorkspace.Part part : workspace.parts()) {
                List<SpecWorkspace.Found> found;
                try {
                    found = workspace.find(part);
                } catch (NothingToCheckException e) {
                    if (failIfNoSpecs) {
                        throw new MojoFailureException(
                                "Specgate: "
                                        + NothingToCheckException.message(
                                                absolute(part.roots()), e.lookedFor())
                                        + noSpecsAdvice());
                    }
                    getLog().warn(
                                    "Specgate: "
                                            + NothingToCheckException.message(
                                                    absolute(part.roots()), e.lookedFor()));
                    continue;
                }
                // each spec under the configuration nearest above it (nested ones included)
                for (SpecWorkspace.Found f : found) {
                    SpecProject project = f.project();
                    ConfiguredDiscovery.Selection files = f.selection();
                    refuseWritingAnInput(reportFormat, project, files);
                    // a file like a spec not taken (x.txt, x.md.bak), an alias of one checked:
                    // said as check says it, not skipped in silence
                    for (String notice : SpecProject.searchNotices(files, this::shown)) {
                        getLog().warn("Specgate: " + TextReporter.escape(notice));
                    }
                    RunOptions runOptions = RunOptions.of(options);
                    if (changes.isPresent()) {
                        runOptions = runOptions.withChanges(changes.get());
                    }
                    Optional<RunOptions.LoadedBaseline> known =
                            project.baseline(Optional.ofNullable(baseline).map(File::toPath));
                    if (known.isPresent()) {
                        runOptions = runOptions.withBaseline(known.get());
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
            }
        } catch (ConfigException | BaselineException | ChangesException e) {
            throw new MojoExecutionException("Specgate: " + e.getMessage(), e);
        } catch (FixFailedException e) {
            throw new MojoExecutionException("Specgate: " + e.getMessage(), e);
        }
        if (run == null) {
            return;
        }
        // the sentence check prints, from core: what the baseline hid, and its entries now stale;
        // the baseline named from the project's folder, where the build (and the refresh) is run
        Path base = basedir.toPath();
        run.baselineNotes(b -> DisplayPath.from(b, base))
                .forEach(said -> getLog().info("Specgate: " + said));
        CheckRun checked = run.checkRun();
        if (errorsOnly) {
            Optional<String> left = ErrorsOnly.notShown(checked, failed, "errorsOnly");
            checked = checked.errorsOnly();
            left.ifPresent(said -> getLog().info("Specgate: " + said));
        }
        log(checked);
        if (reportFormat.isPresent()) {
            writeReport(reportFormat.get(), checked, rules);
        }
        String summary =
                "Specgate: checked "
                        + DocumentCount.of(checked)
                        + ": "
                        + plural(checked.errors(), "error", "errors")
                        + (errorsOnly
                                ? ""
                                : ", " + plural(checked.warnings(), "warning", "warnings"));
        if (failed) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }

    /**
     * Refuses a report file that is one of the files the run reads (as {@code check --output}
     * does): writing the report there would replace a spec, the configuration or the template. Said
     * before anything is written, in core's words.
     */
    private void refuseWritingAnInput(
            Optional<OutputFormat> reportFormat,
            SpecProject project,
            ConfiguredDiscovery.Selection files)
            throws MojoExecutionException {
        if (reportFormat.isEmpty()) {
            return;
        }
        Path file = reportFile(reportFormat.get());
        Optional<String> refusal =
                project.writeRefusal(files, file, "output " + file, SpecProject.Written.REPORT);
        if (refusal.isPresent()) {
            throw new MojoExecutionException("Specgate: " + refusal.get());
        }
    }

    private Path reportFile(OutputFormat f) {
        return output != null
                ? output.toPath()
                : basedir.toPath().resolve("target").resolve("specgate." + extension(f));
    }

    /**
     * {@code path} relative to the working directory when it lies below it, as a path typed on the
     * command line is: the reports then name specs as {@code check} run there names them ({@code
     * directives/spec/...}, which GitHub annotations and the JSON and JUnit reports need), not by
     * the absolute path Maven hands a {@code File} parameter.
     */
    private static Path asGiven(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(here)) {
            return path;
        }
        Path relative = here.relativize(abs);
        return relative.toString().isEmpty() ? Path.of(".") : relative;
    }

    /**
     * What to do about a project with no spec. In a module whose parent is read from a folder of
     * its own (above the module, or beside it by a {@code <relativePath>}, which is then named),
     * the plugin is most often one the parent declares and every module inherits: said, with the
     * remedy docs/integrations.md gives, rather than only the switch that would also hide a
     * misplaced spec folder.
     */
    private String noSpecsAdvice() {
        if (parentBasedir != null) {
            Path module = basedir.toPath().toAbsolutePath().normalize();
            Path parent = parentBasedir.toPath().toAbsolutePath().normalize();
            if (!module.equals(parent)) {
                // a parent above the module, or beside it by a <relativePath> (../parent/pom.xml)
                String where =
                        module.startsWith(parent)
                                ? ""
                                : " (in "
                                        + module.relativize(parent).toString().replace('\\', '/')
                                        + "/, by its <relativePath>)";
                return " (a module inherits the plugins its parent"
                        + where
                        + " declares in <build><plugins>:"
                        + " declare it in the module whose folder holds directives/ with"
                        + " <inherited>false</inherited> beside its <version>, or set"
                        + " failIfNoSpecs to false to allow this)";
            }
        }
        return " (set failIfNoSpecs to false to allow this)";
    }

    /** The roots as a build log names them: absolute, as Maven gave them. */
    private static String absolute(List<Path> roots) {
        return roots.stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
    }

    private ConfigChoice choice() {
        return configFile == null ? ConfigChoice.nearest() : ConfigChoice.file(configFile.toPath());
    }

    private void log(CheckRun run) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        for (CheckResult r : run.results()) {
            for (Diagnostic d : r.diagnostics()) {
                String line = TextReporter.escape(line(base, r.path(), d));
                switch (d.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    case INFO -> getLog().info(line);
                }
            }
        }
    }

    private Optional<OutputFormat> reportFormat() throws MojoExecutionException {
        if (format == null || format.isBlank()) {
            if (output != null) {
                throw new MojoExecutionException(
                        "Specgate: output is set but format is not (text, json, sarif, junit or"
                                + " github)");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(OutputFormat.valueOf(format.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "Specgate: format '"
                            + format
                            + "' is not one of text, json, sarif, junit, github");
        }
    }

    private void writeReport(OutputFormat f, CheckRun run, List<Rule> rules)
            throws MojoExecutionException {
        Path file = reportFile(f);
        ReportContext context =
                new ReportContext(false, rules, SpecgateVersion.get(), false, errorsOnly);
        try {
            ReportFile.write(file, out -> f.reporter(context).write(run, out));
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Specgate: cannot write the report to " + file + ": " + IoFailure.reason(e), e);
        }
        getLog().info("Specgate: wrote the " + f + " report to " + file);
    }

    private static String extension(OutputFormat f) {
        return switch (f) {
            case TEXT, GITHUB -> "txt";
            case JSON -> "json";
            case SARIF -> "sarif";
            case JUNIT -> "xml";
        };
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private LocalDate date() throws MojoExecutionException {
        if (today == null || today.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException(
                    "Specgate: today '" + today + "' is not a real date in YYYY-MM-DD form");
        }
    }

    /** {@code file} as the log names it: relative to the module's folder when below it. */
    private String shown(Path file) {
        return shown(basedir.toPath().toAbsolutePath().normalize(), file);
    }

    private static String shown(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** {@code path:line:col: severity [rule] message}, the path relative to the project. */
    static String line(Path base, Path file, Diagnostic d) {
        String shown = file == null ? "<memory>" : shown(base, file);
        return shown
                + ":"
                + (d.range().startLine() + 1)
                + ":"
                + (d.range().startColumn() + 1)
                + ": "
                + d.severity().label()
                + " ["
                + d.ruleId()
                + "] "
                + d.message();
    }
}
