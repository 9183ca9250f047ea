package dev.specgate.core.layout;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A File Organization entry and what exists of it.
 *
 * @param entry the entry
 * @param exists whether its path exists (as a directory or file, as the entry says)
 * @param testFiles for a test directory, how many test files it holds (at any depth)
 * @param refused why the path is not looked at, when {@link LayoutPaths} refuses it as {@code
 *     scaffold} does ({@code contains '..'}, {@code is absolute}): it is then not missing but
 *     unsafe, and never followed
 */
public record TracedEntry(
        LayoutEntry entry, boolean exists, OptionalInt testFiles, Optional<String> refused) {

    public TracedEntry {
        requireNonNull(entry, "entry must not be null");
        requireNonNull(testFiles, "testFiles must not be null");
        requireNonNull(refused, "refused must not be null");
    }

    /** An entry whose path was looked at. */
    public TracedEntry(LayoutEntry entry, boolean exists, OptionalInt testFiles) {
        this(entry, exists, testFiles, Optional.empty());
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

    /** What a trace says of the entry: {@code exists}, {@code refused} or {@code missing}. */
    public String state() {
        return exists ? "exists" : refused.isPresent() ? "refused" : "missing";
    }
}
