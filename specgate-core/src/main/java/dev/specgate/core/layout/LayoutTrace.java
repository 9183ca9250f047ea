package dev.specgate.core.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
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
     * is never followed.
     */
    public static List<TracedEntry> trace(Path root, List<LayoutEntry> entries) {
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
                                entry, false, OptionalInt.empty(), Optional.of(e.reason())));
                continue;
            }
            boolean directory = entry.kind() == LayoutEntry.Kind.DIRECTORY;
            boolean exists = directory ? Files.isDirectory(target) : Files.isRegularFile(target);
            OptionalInt tests =
                    directory && entry.isTest()
                            ? OptionalInt.of(exists ? countTests(target) : 0)
                            : OptionalInt.empty();
            traced.add(new TracedEntry(entry, exists, tests));
        }
        return List.copyOf(traced);
    }

    /**
     * How many files an existing entry holds: a file entry is one; a directory counts its files at
     * any depth, leaving out hidden ones and those in hidden folders ({@code .gitkeep}, which keeps
     * a scaffolded folder in git, {@code .DS_Store}, {@code .pytest_cache/}): what {@code scaffold}
     * makes, empty folders, holds none.
     */
    static int files(Path target, LayoutEntry entry) {
        if (entry.kind() == LayoutEntry.Kind.FILE) {
            return Files.isRegularFile(target) ? 1 : 0;
        }
        try (Stream<Path> files = Files.walk(target)) {
            return (int)
                    files.filter(Files::isRegularFile)
                            .filter(f -> !hidden(target.relativize(f)))
                            .count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
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

    private static int countTests(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return (int)
                    files.filter(Files::isRegularFile)
                            .filter(f -> TestFileNames.isTestFile(f.getFileName().toString()))
                            .count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
