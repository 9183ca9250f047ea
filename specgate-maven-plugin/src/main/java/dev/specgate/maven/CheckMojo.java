package dev.specgate.maven;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.baseline.Fingerprinter;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's specs, as {@code specgate check} does, and fails the build when there are
 * errors (or warnings, with {@code strict}). Follows the project's {@code .specgate.yml}: its
 * template, globs, rule levels, strictness and baseline. Bound to {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    /** The spec files or folders to check (default: the project's folder). */
    @Parameter private List<File> paths;

    /** The folder the nearest {@code .specgate.yml} is searched from. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** A configuration file to use instead of the nearest {@code .specgate.yml}. */
    @Parameter(property = "specgate.config")
    private File configFile;

    /** Fail on warnings too (as does {@code strict: true} in {@code .specgate.yml}). */
    @Parameter(property = "specgate.strict", defaultValue = "false")
    private boolean strict;

    /** Report only findings not recorded in this baseline file. */
    @Parameter(property = "specgate.baseline")
    private File baseline;

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
        Optional<SpecgateConfig> config = config();
        List<File> given = paths == null || paths.isEmpty() ? List.of(basedir) : paths;
        List<Path> roots = new ArrayList<>();
        for (File f : given) {
            if (!f.exists()) {
                throw new MojoExecutionException("Specgate: path not found: " + f);
            }
            roots.add(f.toPath());
        }
        List<Path> files = new ConfiguredDiscovery(config).find(roots).specs();
        if (files.isEmpty()) {
            getLog().info("Specgate: no specs found under " + given);
            return;
        }
        SpecChecker.Builder builder = SpecChecker.builder();
        config.ifPresent(c -> c.configure(builder));
        CheckRun run = CheckRun.of(builder.build(), files, CheckOptions.asOf(date()));
        Optional<Path> known =
                Optional.ofNullable(baseline)
                        .map(File::toPath)
                        .or(() -> config.flatMap(SpecgateConfig::baseline));
        if (known.isPresent()) {
            run = withoutBaseline(run, known.get());
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        for (CheckResult r : run.results()) {
            for (Diagnostic d : r.diagnostics()) {
                String line = line(base, r.path(), d);
                switch (d.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    case INFO -> getLog().info(line);
                }
            }
        }
        String summary =
                "Specgate: checked "
                        + run.results().size()
                        + (run.results().size() == 1 ? " spec: " : " specs: ")
                        + run.errors()
                        + (run.errors() == 1 ? " error, " : " errors, ")
                        + run.warnings()
                        + (run.warnings() == 1 ? " warning" : " warnings");
        boolean strictRun = strict || config.flatMap(SpecgateConfig::strict).orElse(false);
        if (run.errors() > 0 || (strictRun && run.warnings() > 0)) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }

    private Optional<SpecgateConfig> config() throws MojoExecutionException {
        Optional<Path> file =
                configFile != null
                        ? Optional.of(configFile.toPath())
                        : ConfigLoader.find(basedir.toPath());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConfigLoader().load(file.get()));
        } catch (ConfigException e) {
            throw new MojoExecutionException("Specgate: " + e.getMessage(), e);
        }
    }

    private CheckRun withoutBaseline(CheckRun run, Path file) throws MojoExecutionException {
        try {
            Baseline known = Baseline.read(file);
            Path dir = file.toAbsolutePath().normalize().getParent();
            Baseline.Filtered filtered = known.filter(run, new Fingerprinter(dir));
            if (filtered.hidden() > 0) {
                getLog().info(
                                "Specgate: "
                                        + filtered.hidden()
                                        + " known findings hidden by the baseline "
                                        + file);
            }
            return filtered.run();
        } catch (BaselineException e) {
            throw new MojoExecutionException("Specgate: " + e.getMessage(), e);
        }
    }

    private LocalDate date() throws MojoExecutionException {
        if (today == null || today.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException(
                    "Specgate: today '" + today + "' is not a real date in YYYY-MM-DD form", e);
        }
    }

    /** {@code path:line:col: severity [rule] message}, the path relative to the project. */
    static String line(Path base, Path file, Diagnostic d) {
        String shown = "<memory>";
        if (file != null) {
            Path abs = file.toAbsolutePath().normalize();
            shown =
                    (abs.startsWith(base) ? base.relativize(abs) : abs)
                            .toString()
                            .replace('\\', '/');
        }
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
