package dev.specgate.cli;

import dev.specgate.report.DisplayPath;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The paths a command was given to find specs under: the current directory when none, each of which
 * must exist; and the one message for finding nothing, never a silent pass.
 */
public final class SpecRoots {

    private SpecRoots() {}

    /** {@code paths}, or the current directory; a path that does not exist is a usage error. */
    public static List<Path> of(List<Path> paths) {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            if (!Files.exists(root) && Files.isSymbolicLink(root)) {
                throw SpecgateException.usage(
                        "broken symbolic link: "
                                + DisplayPath.of(root)
                                + " (its target does not exist)");
            }
            if (!Files.exists(root)) {
                throw SpecgateException.usage("path not found: " + DisplayPath.of(root));
            }
        }
        return roots;
    }

    /**
     * The specs and task lists under {@code roots}, found as the configuration (if any) selects
     * them. Finding nothing is a usage error, unless files named on the command line were left out
     * by the configuration on purpose.
     */
    public static ConfiguredDiscovery.Selection select(
            List<Path> roots, Optional<SpecgateConfig> config) {
        ConfiguredDiscovery.Selection selection = new ConfiguredDiscovery(config).find(roots);
        if (selection.specs().isEmpty() && selection.excluded().isEmpty()) {
            throw noSpecs(roots);
        }
        return selection;
    }

    /** The error for a search that found nothing to check. */
    public static SpecgateException noSpecs(List<Path> roots) {
        return SpecgateException.usage(
                "no specs found under "
                        + roots.stream().map(DisplayPath::of).collect(Collectors.joining(", ")));
    }
}
