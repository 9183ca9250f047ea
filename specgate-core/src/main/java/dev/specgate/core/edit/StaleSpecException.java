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

    public StaleSpecException(Path file, String reason) {
        super(
                file
                        + " "
                        + reason
                        + " since it was read; nothing was written (run the command again)");
        this.file = file;
    }

    /** The file that changed. */
    public Path file() {
        return file;
    }
}
