package dev.specgate.core.layout;

import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** What exists of a spec's File Organization under its project root. */
public final class LayoutTrace {

    private LayoutTrace() {}

    /**
     * Traces each entry under {@code root}. An entry that would lead outside the root is refused
     * with the reason {@code scaffold} gives ({@link LayoutPaths#resolve}), not called missing; it
     * is never followed. Each existing test directory is walked once, for its test files and its
     * files; with {@code countFiles}, each existing implementation directory too, for its files. A
     * directory that cannot be walked is traced as unreadable, with why.
     */
    public static List<TracedEntry> trace(
            Path root, List<LayoutEntry> entries, boolean countFiles) {
        LayoutPaths paths;
        try {
            paths = new LayoutPaths(root);
        } catch (IOException e) {
            return entries.stream()
                    .map(en -> new TracedEntry(en, false, OptionalInt.empty()))
                    .toList();
        }
        List<TracedEntry> traced = new ArrayList<>(entries.size());
        for (LayoutEntry entry : entries) {
            Path target;
            try {
                target = paths.resolve(entry);
            } catch (UnsafeLayoutException e) {
                traced.add(
                        new TracedEntry(
                                entry,
                                false,
                                OptionalInt.empty(),
                                Optional.of(e.reason()),
                                OptionalInt.empty(),
                                Optional.empty()));
                continue;
            }
            boolean directory = entry.kind() == LayoutEntry.Kind.DIRECTORY;
            boolean exists = directory ? Files.isDirectory(target) : Files.isRegularFile(target);
            boolean test = directory && entry.isTest();
            OptionalInt tests = test ? OptionalInt.of(0) : OptionalInt.empty();
            OptionalInt files = OptionalInt.empty();
            Optional<String> unreadable = Optional.empty();
            if (exists && (test || (directory && countFiles && entry.isImplementation()))) {
                try {
                    int[] counted = count(target);
                    tests = test ? OptionalInt.of(counted[0]) : OptionalInt.empty();
                    files = OptionalInt.of(counted[1]);
                } catch (UnreadableFolderException e) {
                    // said on this spec (layout-missing), never a stop of the whole run
                    tests = OptionalInt.empty();
                    unreadable = Optional.of(e.getMessage());
                }
            }
            traced.add(new TracedEntry(entry, exists, tests, Optional.empty(), files, unreadable));
        }
        return List.copyOf(traced);
    }

    /**
     * In one walk of an existing directory, at any depth: how many test files it holds ({@link
     * TestFileNames}), and how many files, leaving out hidden ones and those in hidden folders
     * ({@code .gitkeep}, which keeps a scaffolded folder in git, {@code .DS_Store}, {@code
     * .pytest_cache/}): what {@code scaffold} makes, empty folders, holds none.
     */
    private static int[] count(Path dir) throws UnreadableFolderException {
        int[] counted = new int[2];
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(
                            f -> {
                                if (TestFileNames.isTestFile(f.getFileName().toString())) {
                                    counted[0]++;
                                }
                                if (!hidden(dir.relativize(f))) {
                                    counted[1]++;
                                }
                            });
            return counted;
        } catch (IOException e) {
            throw new UnreadableFolderException(e);
        } catch (UncheckedIOException e) {
            // what the walk throws from a subfolder it cannot open
            throw new UnreadableFolderException(e.getCause());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A folder, or one in it, that cannot be opened: its path and why, in one line. */
    static final class UnreadableFolderException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableFolderException(IOException cause) {
            super(
                    (cause instanceof FileSystemException f && f.getFile() != null
                                    ? f.getFile() + ": "
                                    : "")
                            + IoFailure.reason(cause),
                    cause);
        }
    }
}
