package dev.specgate.web;

/**
 * The dashboard cannot be made or served: nothing to show, an output folder that must not be
 * written, or an address that cannot be bound. The message says which, for the user.
 */
public final class DashboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DashboardException(String message) {
        super(message);
    }
}
