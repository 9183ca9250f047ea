package dev.specgate.core.discovery;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A folder (or file) that a search for specs could not read, so that specs in it may have gone
 * unchecked: it is reported as an unreadable-file error, never passed over in silence.
 *
 * @param path the folder or file, as the search met it
 * @param reason why it could not be read, such as "permission denied"
 */
public record UnreadablePath(Path path, String reason) {

    public UnreadablePath {
        requireNonNull(path, "path must not be null");
        requireNonNull(reason, "reason must not be null");
    }

    /**
     * What every surface says of it: {@code cannot search this folder for specs: REASON (specs in
     * it are not LEFT_OUT)}, {@code leftOut} being what a command does with specs ({@code checked},
     * {@code listed}).
     */
    public String message(String leftOut) {
        return "cannot search this folder for specs: "
                + reason
                + " (specs in it are not "
                + leftOut
                + ")";
    }

    /**
     * {@link #message} after the folder as the surface shows it ({@code shown}): {@code SHOWN:
     * cannot search this folder for specs: ...}, the one line 'specgate list' prints on stderr,
     * trace refuses with, and MCP's list_specs gives as a notice and trace as a refusal.
     */
    public String said(String shown, String leftOut) {
        return shown + ": " + message(leftOut);
    }
}
