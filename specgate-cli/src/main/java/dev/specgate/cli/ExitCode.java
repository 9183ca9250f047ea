package dev.specgate.cli;

/**
 * The one table of Specgate's exit codes. Every command ends with one of these; nothing else calls
 * {@code System.exit}.
 */
public enum ExitCode {
    /** Nothing wrong: no errors (and, with {@code --strict}, no warnings). */
    CLEAN(0),
    /** Findings were reported, or an action was refused; files are untouched. */
    FINDINGS(1),
    /** The command line or its input was unusable: bad option, missing path, nothing to check. */
    USAGE(2),
    /** A bug in Specgate: an unexpected exception. Please report it, with --stacktrace. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
