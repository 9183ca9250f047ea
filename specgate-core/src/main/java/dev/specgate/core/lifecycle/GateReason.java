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

    /** A reason about the whole spec. */
    public static GateReason ofSpec(String message) {
        return new GateReason(-1, message);
    }
}
