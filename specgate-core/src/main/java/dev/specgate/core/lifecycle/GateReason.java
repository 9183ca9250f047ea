package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

/**
 * One reason a status gate refuses a move.
 *
 * @param line the 0-based line the reason is about, or -1 when it concerns the whole spec
 * @param message what is wrong, for people
 */
public record GateReason(int line, String message) {

    public GateReason {
        if (line < -1) {
            throw new IllegalArgumentException("line " + line + " must be >= -1");
        }
        requireNonNull(message, "message must not be null");
    }

    /**
     * The reason as every surface lists it under a refusal ({@link GateResult#refusal}): {@code
     * line 12: MESSAGE} (1-based), or the message alone when it concerns the whole spec.
     */
    public String text() {
        return line < 0 ? message : "line " + (line + 1) + ": " + message;
    }

    /** A reason about the whole spec. */
    public static GateReason ofSpec(String message) {
        return new GateReason(-1, message);
    }
}
