package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A configuration that cannot be used. The message names the file, the 1-based line and what is
 * allowed: {@code .specgate.yml:4: unknown key 'rule' (allowed: template, specs, ...)}.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file the configuration file
     * @param line the 1-based line of the problem, or 0 when it concerns the whole file
     * @param problem what is wrong and what is allowed
     */
    public ConfigException(Path file, int line, String problem) {
        super(
                requireNonNull(file, "file must not be null")
                        + (line > 0 ? ":" + line : "")
                        + ": "
                        + requireNonNull(problem, "problem must not be null"));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The problem without file and line. */
    public String problem() {
        return problem;
    }
}
