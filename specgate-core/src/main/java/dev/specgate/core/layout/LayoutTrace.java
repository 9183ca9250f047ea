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
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What exists of a spec's File Organization under its project root. */
public final class LayoutTrace {

    private LayoutTrace() {}

    /**
     * Traces each entry under {@code root}. An entry that would lead outside the root is refused
     * with the reason {@code scaffold} gives ({@link LayoutPaths#resolve}), not called missing; it
     * is never followed. Each existing test directory is walked once, for its test files; each
     * existing implementation directory {@code walked} accepts too, for its files (only those
     * {@code layout-early} can count: a shared folder is never walked, so that it is read alike at
     * every status). What is counted is what {@link SpecLayout#isCode} calls code. A directory that
     * cannot be walked is traced as unreadable, with why.
     *
     * @param walked which implementation directories to count the files of
     */
    public static List<TracedEntry> trace(
            Path root, List<LayoutEntry> entries, Predicate<LayoutEntry> walked) {
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
            if (exists && (test || (directory && entry.isImplementation() && walked.test(entry)))) {
                try {
                    int code = count(target, entry);
                    if (test) {
                        tests = OptionalInt.of(code);
                    } else {
                        files = OptionalInt.of(code);
                    }
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
     * In one walk of {@code entry}'s existing directory, at any depth: how many of its files are
     * code ({@link SpecLayout#isCode}: in a test directory its test files, in another the files
     * that are not hidden nor in a hidden folder, so that {@code .gitkeep}, which keeps a
     * scaffolded folder in git, {@code .DS_Store} and {@code .pytest_cache/} are none).
     */
    private static int count(Path dir, LayoutEntry entry) throws UnreadableFolderException {
        int[] counted = new int[1];
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(
                            f -> {
                                if (SpecLayout.isCode(entry, slashed(dir.relativize(f)))) {
                                    counted[0]++;
                                }
                            });
            return counted[0];
        } catch (IOException e) {
            throw new UnreadableFolderException(e);
        } catch (UncheckedIOException e) {
            // what the walk throws from a subfolder it cannot open
            throw new UnreadableFolderException(e.getCause());
        }
    }

    /** {@code relative}, its names joined by {@code /} on every system. */
    private static String slashed(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path name : relative) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(name);
        }
        return s.toString();
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
