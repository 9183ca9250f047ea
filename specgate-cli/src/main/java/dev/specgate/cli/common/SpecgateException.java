package dev.specgate.cli.common;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The one way a command stops with a message for the user. {@code Main} prints the message as one
 * line on stderr, then each detail (such as every reason a move is refused) indented on a line of
 * its own, and exits with the carried code; a stack trace only with {@code --stacktrace}.
 */
public final class SpecgateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;
    private final transient List<String> details;

    public SpecgateException(ExitCode exitCode, String message) {
        this(exitCode, message, (Throwable) null);
    }

    public SpecgateException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public SpecgateException(ExitCode exitCode, String message, List<String> details) {
        this(exitCode, message, details, null);
    }

    private SpecgateException(
            ExitCode exitCode, String message, List<String> details, Throwable cause) {
        super(requireNonNull(message, "message must not be null"), cause);
        this.exitCode = requireNonNull(exitCode, "exitCode must not be null");
        this.details = List.copyOf(requireNonNull(details, "details must not be null"));
    }

    /** A usage or input error (exit 2). */
    public static SpecgateException usage(String message) {
        return new SpecgateException(ExitCode.USAGE, message);
    }

    /** A refused action (exit 1): nothing was changed. */
    public static SpecgateException refused(String message) {
        return new SpecgateException(ExitCode.FINDINGS, message);
    }

    /** A refused action (exit 1) with every reason, one per line: nothing was changed. */
    public static SpecgateException refused(String message, List<String> details) {
        return new SpecgateException(ExitCode.FINDINGS, message, details);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Lines printed after the message, each indented (may be empty). */
    public List<String> details() {
        return details;
    }
}
