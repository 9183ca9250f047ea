package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

/**
 * A File Organization entry that would write outside the project root; the message names it, its
 * line and why ({@link #reason()}).
 */
public final class UnsafeLayoutException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public UnsafeLayoutException(String message) {
        this(message, message);
    }

    /** {@code reason} is why, in a few words: {@code contains '..'}, {@code is absolute}. */
    public UnsafeLayoutException(String message, String reason) {
        super(message);
        this.reason = requireNonNull(reason, "reason must not be null");
    }

    /** Why the entry is refused, without the entry: {@code contains '..'}. */
    public String reason() {
        return reason;
    }
}
