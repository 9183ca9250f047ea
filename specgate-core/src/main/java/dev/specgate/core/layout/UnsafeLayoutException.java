package dev.specgate.core.layout;

/** A File Organization entry that would write outside the project root; the message names it. */
public final class UnsafeLayoutException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnsafeLayoutException(String message) {
        super(message);
    }
}
