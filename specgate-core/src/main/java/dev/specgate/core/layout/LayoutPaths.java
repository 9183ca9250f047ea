package dev.specgate.core.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves entry paths against a project root, refusing any that could land outside it: absolute
 * paths, {@code ..} segments, and paths that pass through a symbolic link leading out of the root.
 */
public final class LayoutPaths {

    private final Path root;
    private final Path realRoot;

    /** Paths under {@code root}, which must exist. */
    public LayoutPaths(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /** Where {@code entry} lands under the root, or why it may not be used. */
    public Path resolve(LayoutEntry entry) throws UnsafeLayoutException {
        String p = entry.path();
        if (p.startsWith("/")
                || p.startsWith("\\")
                || p.startsWith("~")
                || (p.length() > 1 && p.charAt(1) == ':')) {
            throw unsafe(entry, "is absolute");
        }
        for (String segment : p.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw unsafe(entry, "contains '..'");
            }
        }
        Path target;
        try {
            target = root.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw unsafe(entry, "is not a valid path");
        }
        if (!target.startsWith(root)) {
            throw unsafe(entry, "resolves outside the project root");
        }
        Path walked = root;
        for (Path segment : root.relativize(target)) {
            walked = walked.resolve(segment);
            if (!Files.exists(walked, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            try {
                if (!walked.toRealPath().startsWith(realRoot)) {
                    throw unsafe(entry, "leads outside the project root through a symbolic link");
                }
            } catch (IOException e) {
                throw unsafe(entry, "cannot be resolved: " + e.getMessage());
            }
        }
        return target;
    }

    private static UnsafeLayoutException unsafe(LayoutEntry entry, String why) {
        return new UnsafeLayoutException(
                "File Organization entry '"
                        + entry.path()
                        + "' (line "
                        + (entry.line() + 1)
                        + ") "
                        + why
                        + "; nothing was created",
                why);
    }
}
