package dev.specgate.core.edit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A spec changed on disk (or went away) between reading it and writing an edit of it. Nothing was
 * written; the caller should read the file again and redo the edit.
 */
public final class StaleSpecException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public StaleSpecException(Path file, String reason) {
        super(
                file
                        + " "
                        + reason
                        + " since it was read; nothing was written (run the command again)");
        this.file = file;
        this.reason = reason;
    }

    /** What happened to the file, without its name: "changed on disk", "was deleted". */
    public String reason() {
        return reason;
    }

    /** The file that changed. */
    public Path file() {
        return file;
    }
}
