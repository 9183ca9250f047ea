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

    private final String lookedFor;

    /**
     * @param roots the paths searched
     * @param lookedFor what the search looked for there, in a user's words, and what it saw near
     *     there ({@code ConfiguredDiscovery.nothingFound}: a misspelt spec folder, files named like
     *     specs where none is looked for)
     */
    public NothingToCheckException(List<Path> roots, String lookedFor) {
        super("no specs found (looked for " + requireNonNull(lookedFor, "lookedFor") + ")");
        this.roots = List.copyOf(requireNonNull(roots, "roots must not be null"));
        this.lookedFor = lookedFor;
    }

    /**
     * What every surface says of a search that found nothing: {@code no specs found under ROOTS:
     * looked for WHAT}, the roots as the surface shows paths.
     */
    public static String message(String roots, String lookedFor) {
        return "no specs found under " + roots + ": looked for " + lookedFor;
    }

    /**
     * What the search looked for, in a user's words (the globs or the default layout), then what it
     * saw near there, if anything: {@code ...; found directives/specs/ with 3 Markdown files: did
     * you mean directives/spec/? (or set specs: in .specgate.yml)}.
     */
    public String lookedFor() {
        return lookedFor;
    }

    /** The paths that were searched. */
    public List<Path> roots() {
        return roots;
    }
}
