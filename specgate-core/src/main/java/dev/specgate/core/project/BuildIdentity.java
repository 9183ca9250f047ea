package dev.specgate.core.project;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.stream.Stream;

/**
 * Which build of Specgate is running, for the incremental cache's key: results recorded by one
 * build are never trusted by another. A jar is known by its path, size and modification time (a
 * rebuilt or upgraded jar differs); classes in a folder (a development build) by the newest class
 * file under core's package.
 */
final class BuildIdentity {

    static final String VALUE = compute();

    private BuildIdentity() {}

    private static String compute() {
        try {
            CodeSource cs = BuildIdentity.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return "unknown-" + System.nanoTime(); // never matches a recorded cache
            }
            Path where = Path.of(cs.getLocation().toURI());
            BasicFileAttributes attrs = Files.readAttributes(where, BasicFileAttributes.class);
            if (attrs.isRegularFile()) {
                return where + ":" + attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
            }
            Path core = where.resolve("dev/specgate/core");
            FileTime newest = FileTime.fromMillis(0);
            try (Stream<Path> files = Files.walk(core)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (t.compareTo(newest) > 0) {
                        newest = t;
                    }
                }
            }
            return where + ":classes:" + newest.toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
    }
}
