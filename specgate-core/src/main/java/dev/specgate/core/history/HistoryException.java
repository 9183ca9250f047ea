package dev.specgate.core.history;

/** The git history cannot be read: no repository, an unknown revision, a broken object store. */
public final class HistoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
