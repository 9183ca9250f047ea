package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

/**
 * One replacement in a spec's text: the characters {@code [start, end)} become {@code replacement}.
 * Offsets count UTF-16 units in {@link SpecSource#text()}; {@code start == end} is an insertion.
 *
 * @param start the first offset replaced
 * @param end the offset just past the last one replaced
 * @param replacement the new text
 */
public record TextEdit(int start, int end, String replacement) implements Comparable<TextEdit> {

    public TextEdit {
        if (start < 0) {
            throw new IllegalArgumentException("start " + start + " must be >= 0");
        }
        if (end < start) {
            throw new IllegalArgumentException("end " + end + " must be >= start " + start);
        }
        requireNonNull(replacement, "replacement must not be null");
    }

    /** Whether this edit and {@code other} touch the same characters (or insert at one point). */
    public boolean overlaps(TextEdit other) {
        if (start == end && other.start == other.end) {
            return start == other.start;
        }
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(TextEdit o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
