package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.ConfiguredDiscovery;
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
     * Opens the projects of {@code roots}, each starting the search of its paths' specs at once
     * ({@link #find()} takes it), while its checker is built.
     *
     * @throws ConfigException when a configuration cannot be used
     */
    public static SpecWorkspace open(List<Path> roots, ConfigChoice choice) throws ConfigException {
        requireNonNull(roots, "roots must not be null");
        requireNonNull(choice, "choice must not be null");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("roots must not be empty");
        }
        // each root's governing configuration, found (and loaded where finding it loads it) once
        Map<Optional<Path>, List<Path>> byConfig = new LinkedHashMap<>();
        Map<Optional<Path>, Optional<SpecProject.Governing>> governing = new LinkedHashMap<>();
        for (Path root : roots) {
            Optional<SpecProject.Governing> g = SpecProject.governing(root, choice);
            Optional<Path> config = g.map(c -> c.file().toAbsolutePath().normalize());
            governing.putIfAbsent(config, g);
            byConfig.computeIfAbsent(config, k -> new ArrayList<>()).add(root);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Optional<Path>, List<Path>> e : byConfig.entrySet()) {
            // each part's search starts at once, while its checker is built
            parts.add(
                    new Part(
                            SpecProject.open(governing.get(e.getKey()), choice, e.getValue()),
                            e.getValue()));
        }
        return new SpecWorkspace(parts);
    }

    /**
     * What a part found: a project and its specs.
     *
     * @param project the project whose configuration the specs follow
     * @param selection its specs (none below a nested configuration of its own)
     */
    public record Found(SpecProject project, ConfiguredDiscovery.Selection selection) {
        public Found {
            requireNonNull(project, "project must not be null");
            requireNonNull(selection, "selection must not be null");
        }
    }

    /**
     * The specs of every part, each under the configuration it follows: with {@link
     * ConfigChoice#nearest()}, a folder below a part's paths that holds its own {@code
     * .specgate.yml} is a project of its own (its specs follow that file, as {@code check FILE} and
     * {@code status} of one of them do), searched with its own configuration's globs, and so on
     * below it; a named configuration, or none, applies to everything. A part whose specs all
     * belong to nested projects is left out.
     *
     * @throws NothingToCheckException when a path holds nothing at all
     * @throws ConfigException when a nested configuration cannot be used
     */
    public List<Found> find() throws NothingToCheckException, ConfigException {
        List<Found> found = new ArrayList<>();
        for (Part part : parts) {
            found.addAll(find(part));
        }
        return found;
    }

    /**
     * {@link #find()} for one of the parts: its project's specs and those of the nested projects
     * below its paths.
     *
     * @throws NothingToCheckException when one of its paths holds nothing at all
     * @throws ConfigException when a nested configuration cannot be used
     */
    public List<Found> find(Part part) throws NothingToCheckException, ConfigException {
        List<Found> found = new ArrayList<>();
        split(part.project(), part.project().find(part.roots()), found);
        return found;
    }

    private static void split(
            SpecProject project, ConfiguredDiscovery.Selection selection, List<Found> into)
            throws ConfigException {
        // the search left each nested folder to its own configuration: none of its specs are here
        if (!selection.specs().isEmpty()
                || !selection.excluded().isEmpty()
                || !selection.unreadable().isEmpty()) {
            into.add(new Found(project, selection));
        }
        for (Path config : selection.nestedConfigs()) {
            Path dir = config.getParent();
            SpecProject nested = SpecProject.openNested(config);
            split(nested, nested.findAny(List.of(dir)), into);
        }
    }

    /** The project of the first path (the one a single-path command works in). */
    public SpecProject first() {
        return parts.get(0).project();
    }
}
