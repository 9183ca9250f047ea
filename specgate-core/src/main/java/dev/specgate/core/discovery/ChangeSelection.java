package dev.specgate.core.discovery;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.Link;
import dev.specgate.core.model.SpecDocument;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Narrows a set of specs to those a change concerns: specs that changed themselves, and specs that
 * link to a changed file (or to a folder holding one). Which files changed is the caller's business
 * (the command line asks git); paths are compared in canonical absolute form.
 */
public final class ChangeSelection {

    /**
     * The selection of the changes since {@code rev} in the git repository at or above {@code
     * start}.
     */
    public static ChangeSelection since(Path start, String rev) throws ChangesException {
        GitChanges.Result changes = GitChanges.since(start, rev);
        return new ChangeSelection(changes.paths(), changes.workTree());
    }

    private final Set<Path> changed;
    private final Path root;

    /**
     * @param changed the changed files (deleted ones included), absolute or relative to the working
     *     directory
     * @param root the folder a link starting with {@code /} is relative to (a repository's work
     *     tree)
     */
    public ChangeSelection(Set<Path> changed, Path root) {
        requireNonNull(changed, "changed must not be null");
        this.root = canonical(requireNonNull(root, "root must not be null"));
        Set<Path> c = new HashSet<>();
        for (Path p : changed) {
            c.add(canonical(p));
        }
        this.changed = Set.copyOf(c);
    }

    /**
     * Whether a spec, already read and parsed, changed itself or links to a changed file (or to a
     * folder holding one).
     */
    public boolean concerns(Path spec, SpecDocument doc) {
        requireNonNull(spec, "spec must not be null");
        if (changed.contains(canonical(spec))) {
            return true;
        }
        if (doc == null) {
            return false; // an unreadable spec that did not change is not this run's concern
        }
        Path dir = canonical(spec).getParent();
        for (Link link : doc.links()) {
            if (link.isExternal() || link.isFragmentOnly()) {
                continue;
            }
            Path target = target(dir, link.destination());
            if (target != null && concernsAChange(target)) {
                return true;
            }
        }
        return false;
    }

    private boolean concernsAChange(Path target) {
        if (changed.contains(target)) {
            return true;
        }
        for (Path c : changed) {
            if (c.startsWith(target)) {
                return true;
            }
        }
        return false;
    }

    private Path target(Path dir, String destination) {
        String d = destination;
        int cut = d.indexOf('#');
        if (cut >= 0) {
            d = d.substring(0, cut);
        }
        cut = d.indexOf('?');
        if (cut >= 0) {
            d = d.substring(0, cut);
        }
        if (d.isBlank()) {
            return null;
        }
        try {
            d = URLDecoder.decode(d.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path base = d.startsWith("/") ? root : dir;
            return canonical(base.resolve(d.startsWith("/") ? d.substring(1) : d));
        } catch (IllegalArgumentException e) { // bad %-escape, or InvalidPathException
            return null;
        }
    }

    /** The real path where it exists (its nearest existing parent's otherwise). */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                return rest == null ? real : real.resolve(rest);
            } catch (IOException e) {
                Path name = existing.getFileName();
                rest = rest == null ? name : name.resolve(rest);
                existing = existing.getParent();
            }
        }
        return abs;
    }
}
