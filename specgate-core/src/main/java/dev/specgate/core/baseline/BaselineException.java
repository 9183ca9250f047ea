package dev.specgate.core.baseline;

/** A baseline file that cannot be read or written; the message names the file and the reason. */
public final class BaselineException extends Exception {

    private static final long serialVersionUID = 1L;

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }

    public BaselineException(String message) {
        super(message);
    }
}
