package dev.specgate.core.discovery;

/** The changes since a revision could not be read: not a repository, an unknown revision. */
public final class ChangesException extends Exception {

    private static final long serialVersionUID = 1L;

    public ChangesException(String message) {
        super(message);
    }
}
