package dev.specgate.report;

import java.nio.file.Path;

/**
 * How a spec's path is shown: as found (relative when given relative), with forward slashes; text
 * that names no file (read from standard input) as {@value #NO_FILE}.
 */
public final class DisplayPath {

    /** How a spec that names no file is shown. */
    public static final String NO_FILE = "<stdin>";

    private DisplayPath() {}

    /** The path as shown in every report. */
    public static String of(Path path) {
        return path == null ? NO_FILE : path.toString().replace('\\', '/');
    }

    /**
     * A path Specgate found from one the user gave (a configuration file found from a spec, a
     * template it names, a file a command writes), shown in the same form: relative to the working
     * directory when {@code given} is relative, as found otherwise.
     */
    public static String like(Path found, Path given) {
        if (found == null || !found.isAbsolute() || given == null || given.isAbsolute()) {
            return of(found);
        }
        return from(found, Path.of(""));
    }

    /**
     * A path Specgate found, shown relative to the folder {@code base} (the working directory for
     * {@code check}, the project's base directory for the Maven plugin, where the build is run), as
     * found when it has no path from there (another Windows drive).
     */
    public static String from(Path found, Path base) {
        if (found == null || base == null) {
            return of(found);
        }
        try {
            Path relative =
                    base.toAbsolutePath()
                            .normalize()
                            .relativize(found.toAbsolutePath().normalize());
            return of(relative.toString().isEmpty() ? Path.of(".") : relative);
        } catch (IllegalArgumentException e) {
            return of(found); // another root (a Windows drive)
        }
    }
}
