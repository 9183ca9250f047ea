package dev.specgate.cli;

import static java.util.Objects.requireNonNull;

/**
 * The one way a command stops with a message for the user. {@link Main} prints the message as one
 * line on stderr and exits with the carried code; a stack trace only with {@code --stacktrace}.
 */
public final class SpecgateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    public SpecgateException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public SpecgateException(ExitCode exitCode, String message, Throwable cause) {
        super(requireNonNull(message, "message must not be null"), cause);
        this.exitCode = requireNonNull(exitCode, "exitCode must not be null");
    }

    /** A usage or input error (exit 2). */
    public static SpecgateException usage(String message) {
        return new SpecgateException(ExitCode.USAGE, message);
    }

    /** A refused action (exit 1): nothing was changed. */
    public static SpecgateException refused(String message) {
        return new SpecgateException(ExitCode.FINDINGS, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
