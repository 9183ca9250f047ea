package dev.specgate.core.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers whether a link target exists, remembering answers for the links of one check (a spec
 * often links the same file many times). Thread-safe.
 */
public final class LinkTargets {

    private final ConcurrentHashMap<Path, Boolean> known;

    /** Answers that ask the file system about every path. */
    public LinkTargets() {
        known = new ConcurrentHashMap<>();
    }

    /**
     * Answers that take every path of {@code existing} to exist without asking the file system
     * again: regular files a run's search has just found (a link between specs is the common link).
     */
    public LinkTargets(Collection<Path> existing) {
        // room for the links to other files too, without growing the table on the way
        known = new ConcurrentHashMap<>(2 * existing.size() + 16);
        for (Path p : existing) {
            known.put(p.toAbsolutePath().normalize(), Boolean.TRUE);
        }
    }

    /** Whether a file or directory exists at {@code path}. */
    public boolean exists(Path path) {
        return known.computeIfAbsent(path.toAbsolutePath().normalize(), p -> Files.exists(p));
    }

    /**
     * Every path asked about so far (absolute and normalized; and those given as existing) and
     * whether it existed: what a check's result depends on besides the spec itself (the incremental
     * cache re-checks them).
     */
    public Map<Path, Boolean> asked() {
        return Map.copyOf(known);
    }
}
