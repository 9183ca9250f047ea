package dev.specgate.mcp;

import java.util.List;

/**
 * A tool call that is refused or cannot be done: a bad argument, a stale hash, a closed gate. It
 * becomes a tool result with {@code isError} and one line naming every reason; the server goes on.
 */
final class ToolRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> reasons;
    private final boolean configuration;

    ToolRefusal(String message) {
        this(message, List.of());
    }

    ToolRefusal(String message, List<String> reasons) {
        this(message, reasons, false);
    }

    private ToolRefusal(String message, List<String> reasons, boolean configuration) {
        super(message);
        this.reasons = List.copyOf(reasons);
        this.configuration = configuration;
    }

    /**
     * A refusal because the project's configuration (its {@code .specgate.yml}, the template it
     * names) cannot be used: nothing of the project can be answered until it is fixed.
     */
    static ToolRefusal configuration(String message) {
        return new ToolRefusal(message, List.of(), true);
    }

    /** Whether the project's configuration cannot be used (see {@link #configuration}). */
    boolean ofConfiguration() {
        return configuration;
    }

    /** The reasons, each one short line. */
    List<String> reasons() {
        return reasons;
    }

    /** The message and every reason on one line. */
    String oneLine() {
        String line =
                reasons.isEmpty() ? getMessage() : getMessage() + ": " + String.join("; ", reasons);
        return line.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
