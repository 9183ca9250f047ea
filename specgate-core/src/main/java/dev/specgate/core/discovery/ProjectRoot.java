package dev.specgate.core.discovery;

import java.nio.file.Path;
import java.util.Optional;

/** The project a spec belongs to: the folder that holds its {@code directives/} folder. */
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

    /** The project root of a spec file, or the spec's own folder when it is not under one. */
    public static Path ofSpec(Path specFile) {
        Path abs = specFile.toAbsolutePath().normalize();
        return of(abs).orElse(abs.getParent());
    }
}
