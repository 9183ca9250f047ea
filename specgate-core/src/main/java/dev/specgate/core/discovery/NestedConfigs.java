package dev.specgate.core.discovery;

import dev.specgate.core.config.SpecgateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The configuration files ({@code .specgate.yml}) a walk meets in folders below its root: each such
 * folder is a project of its own, so the walk leaves it to that project (does not go into it) and
 * notes its configuration here. A folder the outer configuration ignores is walked (and its files
 * ignored) as any other.
 */
final class NestedConfigs {

    private final Predicate<Path> ignored;
    private final List<Path> found = new ArrayList<>();

    /**
     * @param ignored whether the outer configuration ignores a path (its {@code ignore:} globs)
     */
    NestedConfigs(Predicate<Path> ignored) {
        this.ignored = ignored;
    }

    /**
     * Whether {@code dir} (below the walk's root) keeps a configuration of its own that is not
     * ignored; if so, notes it.
     */
    boolean owns(Path dir) {
        Path config = dir.resolve(SpecgateConfig.FILE_NAME);
        if (!Files.isRegularFile(config) || ignored.test(config)) {
            return false;
        }
        found.add(config.normalize());
        return true;
    }

    /** Whether the walk met any. */
    boolean any() {
        return !found.isEmpty();
    }

    /** The configuration files met, in walk order. */
    List<Path> found() {
        return found;
    }
}
