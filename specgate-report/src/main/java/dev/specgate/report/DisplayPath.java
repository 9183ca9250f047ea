package dev.specgate.report;

import java.nio.file.Path;

/** How a spec's path is shown: as found (relative when given relative), with forward slashes. */
public final class DisplayPath {

    private DisplayPath() {}

    /** The path as shown in every report. */
    public static String of(Path path) {
        return path == null ? "<memory>" : path.toString().replace('\\', '/');
    }
}
