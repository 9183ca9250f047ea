package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects open specs belong to, each opened once through {@link SpecProject#open} with the
 * nearest {@code .specgate.yml}, as {@code check} opens them, and kept until a configuration or
 * template changes; and the further names a search of a folder meets specs under ({@link
 * SpecProject#aliases}), kept until a file is created, deleted or renamed, so that a check as the
 * user types does not walk the workspace.
 */
final class Projects {

    /** The configuration file name a change of which re-checks every open spec. */
    static final String CONFIG_FILE = ".specgate.yml";

    private final Map<Path, SpecProject> byFolder = new ConcurrentHashMap<>();

    /** A project's search of one folder. */
    private record Search(SpecProject project, Path root) {}

    private final Map<Search, Map<Path, Path>> aliases = new ConcurrentHashMap<>();

    /** The project of the spec at {@code file}. */
    SpecProject of(Path file) throws ConfigException {
        Path folder = file.getParent() == null ? file : file.getParent();
        SpecProject known = byFolder.get(folder);
        if (known != null) {
            return known;
        }
        SpecProject opened = SpecProject.open(file, ConfigChoice.nearest());
        byFolder.put(folder, opened);
        return opened;
    }

    /** Whether a change of {@code file} can change what any project checks. */
    boolean concerns(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().equals(CONFIG_FILE)) {
            return true;
        }
        for (SpecProject p : byFolder.values()) {
            Optional<Path> template = p.templateFile();
            if (template.isPresent() && template.get().toAbsolutePath().normalize().equals(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The further names the project's search of {@code root} meets files under, with the name each
     * is checked under: searched once, then kept until {@link #forgetNames}.
     */
    Map<Path, Path> aliases(SpecProject project, Path root) {
        Search search = new Search(project, root);
        Map<Path, Path> known = aliases.get(search);
        if (known == null) {
            known = project.aliases(List.of(root));
            aliases.put(search, known);
        }
        return known;
    }

    /**
     * Forgets the searches, so that the next check of a spec that can have another name searches
     * again (a file or folder was created, deleted or renamed).
     */
    void forgetNames() {
        aliases.clear();
    }

    /** Forgets every project, so that the next check reads configuration and template again. */
    void forget() {
        byFolder.clear();
        aliases.clear();
    }
}
