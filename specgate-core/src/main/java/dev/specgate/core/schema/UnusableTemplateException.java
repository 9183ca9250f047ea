package dev.specgate.core.schema;

/**
 * A template file that no command can use: it cannot be read (missing, not UTF-8, too large), or it
 * defines nothing to check. The message names the template and the cause.
 */
public final class UnusableTemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnusableTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
