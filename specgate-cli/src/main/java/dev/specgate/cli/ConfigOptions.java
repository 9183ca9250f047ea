package dev.specgate.cli;

import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --no-config}: which {@code .specgate.yml} a command follows. By
 * default the nearest one in the folder of the file or folder the command works on, or in one of
 * its parents (the working directory when none is given).
 */
public final class ConfigOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The configuration file (default: the nearest .specgate.yml in the folder the"
                            + " command works on or one of its parents; without a path argument,"
                            + " the working directory).")
    private Path config;

    @Option(names = "--no-config", description = "Ignore any .specgate.yml.")
    private boolean noConfig;

    /**
     * The configuration to follow, searched from {@code start}. A configuration that cannot be used
     * is a usage error (exit 2) naming its file and line.
     */
    public Optional<SpecgateConfig> load(Path start) {
        if (noConfig && config != null) {
            throw SpecgateException.usage("--config and --no-config cannot be used together");
        }
        if (noConfig) {
            return Optional.empty();
        }
        Optional<Path> file = config != null ? Optional.of(config) : ConfigLoader.find(start);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConfigLoader().load(file.get()));
        } catch (ConfigException e) {
            throw SpecgateException.usage(e.getMessage());
        }
    }

    /** A checker that follows the configuration (its template and rule levels), if any. */
    public static SpecChecker checker(Optional<SpecgateConfig> config) {
        SpecChecker.Builder builder = SpecChecker.builder();
        config.ifPresent(c -> c.configure(builder));
        return builder.build();
    }
}
