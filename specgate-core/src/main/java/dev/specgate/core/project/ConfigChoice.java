package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which {@code .specgate.yml} a project follows: the nearest one at or above the path it is opened
 * from (the default), a named file, or none at all (the built-in template and rules).
 */
public final class ConfigChoice {

    private enum Mode {
        NEAREST,
        FILE,
        NONE
    }

    private static final ConfigChoice NEAREST = new ConfigChoice(Mode.NEAREST, null);
    private static final ConfigChoice NONE = new ConfigChoice(Mode.NONE, null);

    private final Mode mode;
    private final Path file;

    private ConfigChoice(Mode mode, Path file) {
        this.mode = mode;
        this.file = file;
    }

    /** The nearest configuration at or above the path a project is opened from. */
    public static ConfigChoice nearest() {
        return NEAREST;
    }

    /** This configuration file, for every path. */
    public static ConfigChoice file(Path file) {
        return new ConfigChoice(Mode.FILE, requireNonNull(file, "file must not be null"));
    }

    /** No configuration: the built-in template and rules. */
    public static ConfigChoice none() {
        return NONE;
    }

    /** Whether each path looks for its own nearest configuration. */
    public boolean isNearest() {
        return mode == Mode.NEAREST;
    }

    /** The file named, for {@link #file(Path)}. */
    public Optional<Path> named() {
        return Optional.ofNullable(file);
    }

    /** Whether no configuration is read. */
    public boolean isNone() {
        return mode == Mode.NONE;
    }
}
