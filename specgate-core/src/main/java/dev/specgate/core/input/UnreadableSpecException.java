package dev.specgate.core.input;

/** A file that cannot be read as a spec; the message says why in a few words. */
public final class UnreadableSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableSpecException(String message) {
        super(message);
    }

    public UnreadableSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
