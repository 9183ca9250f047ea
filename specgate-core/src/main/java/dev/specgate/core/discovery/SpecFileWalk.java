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
 * discovery: skips {@link SpecDiscovery#skippedFolders()} below the root, records each folder it
 * cannot read that could hold specs (never a silent pass), and offers regular files and links to
 * regular files or to nothing (a broken link then gets its unreadable-file error instead of
 * vanishing from the run); never a link to a device or a pipe, which could be endless or block.
 * Links to folders are followed, wherever they lead (a link is put there on purpose: specs shared
 * from another folder or checkout), the root too when it is one; a link back to a folder the walk
 * is already in (a loop) is not followed again, since its specs are being found already.
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
                            String name =
                                    dir.getFileName() == null ? "" : dir.getFileName().toString();
                            boolean below = !dir.equals(root);
                            return below
                                            && (SpecDiscovery.skippedFolders().contains(name)
                                                    || (nestedConfigs != null
                                                            && nestedConfigs.owns(dir)))
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if ((attrs.isRegularFile() || isLinkToFileOrNothing(file, attrs))
                                    && wanted.test(file)) {
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
                            String name =
                                    file.getFileName() == null ? "" : file.getFileName().toString();
                            boolean skipped =
                                    !file.equals(root)
                                            && SpecDiscovery.skippedFolders().contains(name);
                            if (!skipped && (file.equals(root) || mayHold.test(file))) {
                                unreadable.add(
                                        new UnreadablePath(
                                                file.normalize(), IoFailure.reason(exc)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** A link to a regular file, or a broken one; never to a device. */
    static boolean isLinkToFileOrNothing(Path p, BasicFileAttributes attrs) {
        return attrs.isSymbolicLink() && (Files.isRegularFile(p) || !Files.exists(p));
    }
}
