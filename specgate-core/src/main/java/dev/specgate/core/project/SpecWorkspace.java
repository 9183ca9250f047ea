package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The projects a command's paths belong to: with {@link ConfigChoice#nearest()} each path follows
 * its own nearest configuration (a monorepo's {@code specgate check services/*}), so paths are
 * grouped by the configuration file they find; a named file or no configuration gives one project
 * for all of them.
 *
 * @param parts one project per configuration, each with its paths, in the order first named
 */
public record SpecWorkspace(List<Part> parts) {

    /**
     * A project and the paths that follow it.
     *
     * @param project the project
     * @param roots the paths, as given
     */
    public record Part(SpecProject project, List<Path> roots) {
        public Part {
            requireNonNull(project, "project must not be null");
            roots = List.copyOf(roots);
        }
    }

    public SpecWorkspace {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a workspace has at least one project");
        }
    }

    /**
     * Opens the projects of {@code roots}.
     *
     * @throws ConfigException when a configuration cannot be used
     */
    public static SpecWorkspace open(List<Path> roots, ConfigChoice choice) throws ConfigException {
        requireNonNull(roots, "roots must not be null");
        requireNonNull(choice, "choice must not be null");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("roots must not be empty");
        }
        Map<Optional<Path>, List<Path>> byConfig = new LinkedHashMap<>();
        for (Path root : roots) {
            Optional<Path> config =
                    SpecProject.configFile(root, choice).map(p -> p.toAbsolutePath().normalize());
            byConfig.computeIfAbsent(config, k -> new ArrayList<>()).add(root);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Optional<Path>, List<Path>> e : byConfig.entrySet()) {
            Path first = e.getValue().get(0);
            parts.add(new Part(SpecProject.open(first, choice), e.getValue()));
        }
        return new SpecWorkspace(parts);
    }

    /** The project of the first path (the one a single-path command works in). */
    public SpecProject first() {
        return parts.get(0).project();
    }
}
