package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects open specs belong to, each opened once through {@link SpecProject#open} with the
 * nearest {@code .specgate.yml}, as {@code check} opens them, and kept until a configuration or
 * template changes.
 */
final class Projects {

    /** The configuration file name a change of which re-checks every open spec. */
    static final String CONFIG_FILE = ".specgate.yml";

    private final Map<Path, SpecProject> byFolder = new ConcurrentHashMap<>();

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

    /** Forgets every project, so that the next check reads configuration and template again. */
    void forget() {
        byFolder.clear();
    }
}
