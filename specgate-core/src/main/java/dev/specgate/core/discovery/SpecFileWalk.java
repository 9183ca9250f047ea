package dev.specgate.core.discovery;

import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one walk of a folder tree for spec candidates, shared by the built-in and the configured
 * discovery: skips {@link SpecDiscovery#skippedFolders()} and folders the configuration ignores
 * whole below the root, records each folder it cannot read that could hold specs (never a silent
 * pass; one that could not is no business of the walk, nor of the search for nested
 * configurations), and offers every file that is not a folder: regular files, links to them or to
 * nothing, devices and pipes (a broken link, a pipe or a device then gets its unreadable-file error
 * instead of vanishing from the run; the walk never opens a file). A link to a folder is followed,
 * wherever it leads, where specs could be below it ({@code mayHold}: a link in {@code
 * directives/spec}, a {@code directives} link, a folder a {@code specs:} glob reaches): somebody
 * put it there to share specs from another folder or checkout. Elsewhere ({@code vendor -> /opt}, a
 * link to {@code /}) it is not followed: what it leads to is not the project's, and walking it
 * could take the whole disk. The root is followed when it is a link; a link back to a folder the
 * walk is already in (a loop) is not followed again, since its specs are being found already.
 */
final class SpecFileWalk {

    private static final Set<FileVisitOption> FOLLOW_LINKS =
            EnumSet.of(FileVisitOption.FOLLOW_LINKS);

    private SpecFileWalk() {}

    /**
     * The files under {@code root} that {@code wanted} accepts, normalized, in walk order; each
     * folder that cannot be read and that {@code mayHold} says could hold specs goes to {@code
     * unreadable}.
     */
    static List<Path> files(
            Path root,
            Predicate<Path> wanted,
            Predicate<Path> mayHold,
            List<UnreadablePath> unreadable) {
        return files(root, wanted, mayHold, unreadable, null);
    }

    /**
     * {@link #files(Path, Predicate, Predicate, List)}, also putting the attributes the walk read
     * of each regular file found (of a link's target: what a check reads) into {@code stamps}, when
     * not null.
     */
    static List<Path> files(
            Path root,
            Predicate<Path> wanted,
            Predicate<Path> mayHold,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps) {
        return files(root, wanted, mayHold, unreadable, stamps, null);
    }

    /**
     * {@link #files(Path, Predicate, Predicate, List, Map)}, leaving each folder below {@code root}
     * that keeps its own configuration to that configuration's project (not walked; noted in {@code
     * nestedConfigs}), when not null.
     */
    static List<Path> files(
            Path root,
            Predicate<Path> wanted,
            Predicate<Path> mayHold,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            NestedConfigs nestedConfigs) {
        return files(root, wanted, mayHold, dir -> false, unreadable, stamps, nestedConfigs);
    }

    /**
     * {@link #files(Path, Predicate, Predicate, List, Map, NestedConfigs)}, not going into a folder
     * below {@code root} that {@code ignoredFolder} says the configuration ignores whole (nor
     * looking for a nested configuration in it).
     */
    static List<Path> files(
            Path root,
            Predicate<Path> wanted,
            Predicate<Path> mayHold,
            Predicate<Path> ignoredFolder,
            List<UnreadablePath> unreadable,
            Map<Path, BasicFileAttributes> stamps,
            NestedConfigs nestedConfigs) {
        List<Path> result = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root,
                    FOLLOW_LINKS,
                    Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            return skipped(dir)
                                            || ignoredFolder.test(dir)
                                            || (!mayHold.test(dir) && Files.isSymbolicLink(dir))
                                            || (nestedConfigs != null && nestedConfigs.owns(dir))
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // a file, a link to one or to nothing, a device or a pipe: never
                            // opened here; reading it says what it is
                            if (wanted.test(file)) {
                                Path found = file.normalize();
                                result.add(found);
                                if (stamps != null && attrs.isRegularFile()) {
                                    stamps.put(found, attrs);
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            if (exc instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE; // an ancestor: walked already
                            }
                            noteUnreadable(file, exc);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                            if (exc != null) { // its listing broke off part way
                                noteUnreadable(dir, exc);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        /**
                         * A folder (or file) that cannot be read is an error where specs could be;
                         * elsewhere (a folder the walk only passes through looking for spec folders
                         * and nested configurations) it holds none, and is let be.
                         */
                        private void noteUnreadable(Path file, IOException exc) {
                            boolean below = !file.equals(root);
                            if (below
                                    && (skipped(file)
                                            || ignoredFolder.test(file)
                                            || !mayHold.test(file))) {
                                return;
                            }
                            unreadable.add(
                                    new UnreadablePath(file.normalize(), IoFailure.reason(exc)));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static boolean skipped(Path dir) {
        Path name = dir.getFileName();
        return name != null && SpecDiscovery.skippedFolders().contains(name.toString());
    }
}
