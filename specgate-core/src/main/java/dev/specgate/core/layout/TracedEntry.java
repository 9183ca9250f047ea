package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A File Organization entry and what exists of it.
 *
 * @param entry the entry
 * @param exists whether its path exists (as a directory or file, as the entry says)
 * @param testFiles for a test directory, how many test files it holds (at any depth; {@link
 *     SpecLayout#isCode}), counted in the trace's one walk of it
 * @param refused why the path is not looked at, when {@link LayoutPaths} refuses it as {@code
 *     scaffold} does ({@code contains '..'}, {@code is absolute}): it is then not missing but
 *     unsafe, and never followed
 * @param files for an implementation directory of this feature walked while its spec stands before
 *     the approval point (for {@link SpecLayout#early}; never a shared folder), how many files it
 *     holds at any depth, hidden ones left out ({@link SpecLayout#isCode})
 * @param unreadable why a directory that exists could not be walked (a subfolder that cannot be
 *     opened: {@code tests/unit/x/deep: File name too long}): its files are not counted, which is
 *     no pass ({@code layout-missing} reports it as an error)
 */
public record TracedEntry(
        LayoutEntry entry,
        boolean exists,
        OptionalInt testFiles,
        Optional<String> refused,
        OptionalInt files,
        Optional<String> unreadable) {

    public TracedEntry {
        requireNonNull(entry, "entry must not be null");
        requireNonNull(testFiles, "testFiles must not be null");
        requireNonNull(refused, "refused must not be null");
        requireNonNull(files, "files must not be null");
        requireNonNull(unreadable, "unreadable must not be null");
    }

    /** An entry whose path was looked at and read. */
    public TracedEntry(LayoutEntry entry, boolean exists, OptionalInt testFiles) {
        this(entry, exists, testFiles, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /**
     * Whether the entry is missing although it must exist: an unconditional implementation or test
     * path of a spec in Implementation (a refused path included: it can never exist inside the
     * project).
     */
    public boolean missingWhileRequired(boolean implementing) {
        return implementing
                && !exists
                && !entry.conditional()
                && (entry.isImplementation() || entry.isTest());
    }

    /**
     * The one wording of a directory that cannot be walked, which {@code layout-missing} and {@code
     * layout-early} go on from: {@code Unit tests directory 'tests/unit/x/' cannot be read (why)}.
     */
    public String cannotBeRead() {
        return (entry.label().isEmpty() ? "" : entry.label() + " ")
                + entry.kind().label()
                + " '"
                + entry.path()
                + "' cannot be read ("
                + unreadable.orElse("")
                + ")";
    }

    /**
     * What a trace says of the entry: {@code exists}, {@code unreadable}, {@code refused} or {@code
     * missing}.
     */
    public String state() {
        return unreadable.isPresent()
                ? "unreadable"
                : exists ? "exists" : refused.isPresent() ? "refused" : "missing";
    }
}
