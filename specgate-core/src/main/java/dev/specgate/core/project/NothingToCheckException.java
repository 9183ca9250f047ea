package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A search found no spec at all: never a silent pass. Every surface reports it as "nothing to
 * check" (the command line's exit 2, a failed Maven build unless {@code failIfNoSpecs} is off).
 */
public final class NothingToCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Path> roots;

    public NothingToCheckException(List<Path> roots) {
        super("no specs found");
        this.roots = List.copyOf(requireNonNull(roots, "roots must not be null"));
    }

    /** The paths that were searched. */
    public List<Path> roots() {
        return roots;
    }
}
