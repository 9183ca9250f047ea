package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.edit.StaleSpecException;
import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.nio.file.Path;

/** A fix could not be written: the spec changed meanwhile (stale), or writing failed. */
public final class FixFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FixFailedException(Path file, IOException cause) {
        super(
                cause instanceof StaleSpecException
                        ? cause.getMessage()
                        : "cannot fix " + file + ": " + IoFailure.reason(cause),
                cause);
        this.file = requireNonNull(file, "file must not be null");
    }

    /** The spec that was not fixed. */
    public Path file() {
        return file;
    }

    /** Whether the spec changed on disk since it was read (a refused edit, not an I/O failure). */
    public boolean stale() {
        return getCause() instanceof StaleSpecException;
    }
}
