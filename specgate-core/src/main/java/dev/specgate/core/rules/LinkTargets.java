package dev.specgate.core.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers whether a link target exists, remembering answers for the links of one check (a spec
 * often links the same file many times). Thread-safe.
 */
public final class LinkTargets {

    private final ConcurrentHashMap<Path, Boolean> known = new ConcurrentHashMap<>();

    /** Whether a file or directory exists at {@code path}. */
    public boolean exists(Path path) {
        return known.computeIfAbsent(path.toAbsolutePath().normalize(), p -> Files.exists(p));
    }

    /**
     * Every path asked about so far (absolute and normalized) and whether it existed: what a
     * check's result depends on besides the spec itself (the incremental cache re-checks them).
     */
    public Map<Path, Boolean> asked() {
        return Map.copyOf(known);
    }
}
