package dev.specgate.cli;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --no-config}: which {@code .specgate.yml} a command follows. By
 * default the nearest one at or above the command's first path (the working directory when none is
 * given).
 */
public final class ConfigOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The configuration file (default: the nearest .specgate.yml at or above the"
                            + " first PATH, or the working directory).")
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
}
