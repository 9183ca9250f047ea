package dev.specgate.core.discovery;

import dev.specgate.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project a spec belongs to: the folder that holds its {@code directives/} folder, else (a
 * team's own spec folder, {@code docs/specs/}) the folder of its {@code .specgate.yml}.
 */
public final class ProjectRoot {

    private ProjectRoot() {}

    /** The folder that holds the nearest enclosing {@code directives/} folder of {@code path}. */
    public static Optional<Path> of(Path path) {
        for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() != null
                    && p.getFileName().toString().equals(SpecDiscovery.DIRECTIVES)) {
                return Optional.ofNullable(p.getParent());
            }
        }
        return Optional.empty();
    }

    /**
     * The project root of a spec file, where its File Organization's paths start: the folder that
     * holds its {@code directives/} folder; for a spec under none, the folder of the nearest {@code
     * .specgate.yml} at or above it (under {@code specs: [docs/specs/*.md]} the spec's own folder
     * put {@code scaffold}'s folders and doc stubs inside the spec folder, where {@code check} took
     * a stub for a spec); else the spec's own folder.
     */
    public static Path ofSpec(Path specFile) {
        Path abs = specFile.toAbsolutePath().normalize();
        return of(abs).or(() -> configured(abs.getParent())).orElse(abs.getParent());
    }

    private static Optional<Path> configured(Path folder) {
        return ConfigLoader.find(folder).map(c -> c.toAbsolutePath().normalize().getParent());
    }
}
