package dev.specgate.cli.common;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --no-config}: which {@code .specgate.yml} a command follows. By
 * default the nearest one in the folder of the file or folder the command works on, or in one of
 * its parents (the working directory when none is given).
 */
public final class ConfigOptions {

    private static final String CONFIG =
            "The .specgate.yml to follow (default: the nearest one, found from the folder the"
                    + " command works on up through its parents; from the working directory when"
                    + " no path is given).";
    private static final String NO_CONFIG = "Ignore any .specgate.yml.";

    @Option(names = "--config", paramLabel = "FILE", description = CONFIG)
    private Path config;

    @Option(names = "--no-config", description = NO_CONFIG)
    private boolean noConfig;

    /**
     * These options as a mixin built in code, bound to this object: the same model picocli reads
     * from the annotations above (see {@link CodeModel}).
     */
    public CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(this);
        CodeModel.Binding<Path> file = CodeModel.field(() -> config, v -> config = v);
        mixin.addOption(
                OptionSpec.builder("--config")
                        .paramLabel("FILE")
                        .type(Path.class)
                        .description(CONFIG)
                        .prompt("")
                        .descriptionKey("")
                        .setter(file)
                        .getter(file)
                        .build());
        CodeModel.Binding<Boolean> none =
                CodeModel.field(() -> noConfig, v -> noConfig = v != null && v);
        mixin.addOption(
                OptionSpec.builder("--no-config")
                        .paramLabel("<noConfig>")
                        .type(boolean.class)
                        .description(NO_CONFIG)
                        .prompt("")
                        .descriptionKey("")
                        .initialValue(false)
                        .setter(none)
                        .getter(none)
                        .build());
        return mixin;
    }

    /**
     * Which configuration the command follows; {@code --config} with {@code --no-config} is a usage
     * error.
     */
    public ConfigChoice choice() {
        if (noConfig && config != null) {
            throw SpecgateException.usage("--config and --no-config cannot be used together");
        }
        if (noConfig) {
            return ConfigChoice.none();
        }
        return config != null ? ConfigChoice.file(config) : ConfigChoice.nearest();
    }

    /** The file given with {@code --config}, as given. */
    public Optional<Path> named() {
        return Optional.ofNullable(config);
    }

    /**
     * The project {@code start} belongs to. A configuration that cannot be used is a usage error
     * (exit 2) naming its file and line (mapped in {@code Main}).
     */
    public SpecProject open(Path start) throws ConfigException {
        return SpecProject.open(start, choice());
    }

    /** The projects of several paths, each following its own nearest configuration. */
    public SpecWorkspace workspace(List<Path> roots) throws ConfigException {
        return SpecWorkspace.open(roots, choice());
    }

    /**
     * Says on {@code err} which configurations a command that shows one project (the dashboard)
     * leaves out: {@code nestedConfigs}, met by its own discovery walk below its root, keep their
     * folders as their own projects, as {@code check} holds them, so their specs are not shown
     * here. Nothing when the command was given a configuration (or none) to follow, which applies
     * to everything.
     */
    public void sayNestedNotFollowed(List<Path> nestedConfigs, String command, PrintWriter err) {
        if (!choice().isNearest()) {
            return;
        }
        for (Path nested : nestedConfigs) {
            Path dir = nested.getParent();
            TextReporter.println(
                    err,
                    "specgate: "
                            + DisplayPath.of(nested)
                            + " keeps its own configuration: the specs under "
                            + DisplayPath.of(dir)
                            + " are its project's, not shown here; run specgate "
                            + command
                            + " "
                            + DisplayPath.of(dir)
                            + " for them");
        }
        err.flush();
    }
}
