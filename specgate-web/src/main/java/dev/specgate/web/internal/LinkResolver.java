package dev.specgate.web.internal;

import java.util.Optional;

/** Where a relative link of a spec points on the site. */
@FunctionalInterface
public interface LinkResolver {

    /**
     * The href to use for a relative destination (a path, maybe with a {@code #fragment}), or empty
     * when it names a file that is not part of the site.
     */
    Optional<String> resolve(String destination);

    /** A resolver for which no relative link is part of the site. */
    static LinkResolver none() {
        return d -> Optional.empty();
    }
}
