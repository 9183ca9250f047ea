package dev.specgate.core.input;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a symbolic link loop ({@code ln -s a b; ln -s b a}) from a missing file. The JDK reports
 * both as a file that does not exist, or as a file system error whose text is the operating
 * system's; this follows the links itself, as the kernel does, so the message can name the loop.
 */
public final class SymbolicLinks {

    /**
     * The most links followed in resolving one path before the resolution counts as a loop: Linux's
     * limit ({@code MAXSYMLINKS}), past which it fails with "too many levels of symbolic links".
     */
    public static final int MAX_LINKS = 40;

    private static final int CHAIN_SHOWN = 8;

    private SymbolicLinks() {}

    /**
     * The links {@code path} runs through in a loop, as {@code "a -> b -> a"}, or empty when it
     * resolves, does not exist, or cannot be read for another reason. The first link is named as
     * {@code path} names it, the others as the links name their targets.
     */
    public static Optional<String> loop(Path path) {
        requireNonNull(path, "path must not be null");
        if (Files.exists(path)) {
            return Optional.empty();
        }
        Path given = path;
        Path resolved = path.toAbsolutePath().getRoot();
        Deque<String> remaining = new ArrayDeque<>();
        for (Path name : path.toAbsolutePath()) {
            remaining.addLast(name.toString());
        }
        List<String> chain = new ArrayList<>();
        Set<String> states = new HashSet<>();
        int consumed = 0; // names of the given path resolved so far, to name the first link
        boolean followed = false;
        int links = 0;
        while (!remaining.isEmpty()) {
            String name = remaining.pollFirst();
            if (!followed) {
                consumed++;
            }
            if (name.equals(".") || name.isEmpty()) {
                continue;
            }
            if (name.equals("..")) {
                resolved = resolved.getParent() == null ? resolved : resolved.getParent();
                continue;
            }
            Path next = resolved.resolve(name);
            if (!Files.isSymbolicLink(next)) {
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                resolved = next;
                continue;
            }
            if (chain.isEmpty()) {
                chain.add(firstLink(given, consumed));
            }
            // the same link with the same names left to resolve: it can only go round again
            if (!states.add(next + "\0" + String.join("\0", remaining)) || ++links > MAX_LINKS) {
                return Optional.of(shown(chain));
            }
            Path target;
            try {
                target = Files.readSymbolicLink(next);
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
            followed = true;
            chain.add(target.toString());
            List<String> targetNames = new ArrayList<>();
            for (Path t : target) {
                targetNames.add(t.toString());
            }
            for (int i = targetNames.size() - 1; i >= 0; i--) {
                remaining.addFirst(targetNames.get(i));
            }
            if (target.isAbsolute()) {
                resolved = target.getRoot();
            }
        }
        return Optional.empty();
    }

    /**
     * {@code "too many levels of symbolic links: a -> b -> a"} when {@code path} runs into a loop,
     * else empty: the reason a message gives after naming the file.
     */
    public static Optional<String> loopReason(Path path) {
        return loop(path).map(chain -> "too many levels of symbolic links: " + chain);
    }

    /**
     * What stands at {@code path} when it is a symbolic link that leads to nothing: {@code a broken
     * symbolic link (to ../../old/x.md, which does not exist)}, or {@code a symbolic link loop (too
     * many levels of symbolic links: a -> b -> a)}; empty when it is no link or leads to a file or
     * folder. What a command that would create a file there refuses with: creating it would write
     * wherever the link leads, and it names no file to replace.
     */
    public static Optional<String> broken(Path path) {
        requireNonNull(path, "path must not be null");
        if (!Files.isSymbolicLink(path) || Files.exists(path)) {
            return Optional.empty();
        }
        Optional<String> loop = loopReason(path);
        if (loop.isPresent()) {
            return Optional.of("a symbolic link loop (" + loop.get() + ")");
        }
        String to;
        try {
            to = Files.readSymbolicLink(path).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("a broken symbolic link (its target does not exist)");
        }
        return Optional.of("a broken symbolic link (to " + to + ", which does not exist)");
    }

    /**
     * Where a write of {@code file} would land when a symbolic link takes it out of {@code root}:
     * {@code is a link to /elsewhere/list.md, outside the project root /work/app} for a file there,
     * {@code would be written through a link to /elsewhere/tasks/list.md, outside the project root
     * /work/app} for one not there yet whose folder is such a link; empty when its real path is
     * inside the root's. The one rule by which the command line's {@code tasks} and the MCP tools
     * refuse a write that a link would carry out of the project: the path named stays inside it,
     * the bytes written would not. A link that leads nowhere is not followed here ({@link
     * #broken}).
     *
     * @param root the folder writes stay inside, as the caller names it in the words
     * @throws IOException when a real path cannot be read (a folder that cannot be searched)
     */
    public static Optional<String> outside(Path file, Path root) throws IOException {
        requireNonNull(file, "file must not be null");
        requireNonNull(root, "root must not be null");
        Path real = realPath(file);
        if (real.startsWith(root.toRealPath())) {
            return Optional.empty();
        }
        return Optional.of(
                (Files.exists(file) ? "is a link to " : "would be written through a link to ")
                        + real
                        + ", outside the project root "
                        + root);
    }

    /**
     * {@code file}'s real path, every link on it followed; for a file not there yet, its nearest
     * existing folder's real path and the names below it.
     *
     * @throws IOException when the real path of that folder cannot be read
     */
    public static Path realPath(Path file) throws IOException {
        requireNonNull(file, "file must not be null");
        Path at = file.toAbsolutePath().normalize();
        Deque<Path> rest = new ArrayDeque<>();
        while (!Files.exists(at) && at.getParent() != null) {
            rest.push(at.getFileName());
            at = at.getParent();
        }
        Path real = at.toRealPath();
        while (!rest.isEmpty()) {
            real = real.resolve(rest.pop());
        }
        return real;
    }

    /** The leading names of {@code given} up to the first link, as the caller wrote them. */
    private static String firstLink(Path given, int consumed) {
        int fromAbsolute = given.toAbsolutePath().getNameCount() - given.getNameCount();
        int count = consumed - fromAbsolute;
        if (count <= 0 || given.isAbsolute()) {
            Path abs = given.toAbsolutePath();
            return abs.getRoot().resolve(abs.subpath(0, Math.max(1, consumed))).toString();
        }
        return given.subpath(0, count).toString();
    }

    private static String shown(List<String> chain) {
        if (chain.size() <= CHAIN_SHOWN) {
            return String.join(" -> ", chain);
        }
        return String.join(" -> ", chain.subList(0, CHAIN_SHOWN))
                + " -> ... ("
                + (chain.size() - 1)
                + " links followed)";
    }
}
