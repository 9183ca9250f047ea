package dev.specgate.core.layout;

import java.util.OptionalInt;

/**
 * A File Organization entry and what exists of it.
 *
 * @param entry the entry
 * @param exists whether its path exists (as a directory or file, as the entry says)
 * @param testFiles for a test directory, how many test files it holds (at any depth)
 */
public record TracedEntry(LayoutEntry entry, boolean exists, OptionalInt testFiles) {

    /**
     * Whether the entry is missing although it must exist: an unconditional implementation or test
     * path of a spec in Implementation.
     */
    public boolean missingWhileRequired(boolean implementing) {
        return implementing
                && !exists
                && !entry.conditional()
                && (entry.isImplementation() || entry.isTest());
    }
}
