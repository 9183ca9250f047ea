package dev.specgate.core.parse.internal;

import java.util.Arrays;

/**
 * Specgate's bold labels: {@code **Label:** value} or {@code **Label**: value}, one or more on a
 * line, each value running to the next label or the line's end. Read from a line of a block's text
 * as the inline scan masks it ({@link InlineSyntax}: nothing inside code or a comment is one), or
 * straight from the spec's chars where the block holds no Markdown that masking would change (a
 * list item such as {@code - **Owner:** the `billing` team}, {@link DocumentBuilder}'s fast path).
 * Offsets are into whichever array is read.
 *
 * <p>An instance holds the labels found, seven ints each, and is reused for line after line (one
 * per parse): a spec holds about a hundred labelled lines, where a record per label cost an object
 * each. Label {@code k} was found on line {@link #line} of the block; its name, trimmed, is {@code
 * [nameStart, nameEnd)}; {@code [labelStart, labelEnd)} runs from its first '*' to after its colon
 * and closing stars; its value is {@code [valueStart, valueEnd)}.
 */
final class BoldLabels {

    private static final int LINE = 0;
    private static final int NAME_START = 1;
    private static final int NAME_END = 2;
    private static final int LABEL_START = 3;
    private static final int LABEL_END = 4;
    private static final int VALUE_START = 5;
    private static final int VALUE_END = 6;
    private static final int STRIDE = 7;

    private static final int MAX_LABEL_LENGTH = 80;

    private int[] found = new int[4 * STRIDE];
    private int count;

    /** How many labels were found since the last {@link #clear}. */
    int count() {
        return count;
    }

    void clear() {
        count = 0;
    }

    int line(int k) {
        return found[k * STRIDE + LINE];
    }

    int nameStart(int k) {
        return found[k * STRIDE + NAME_START];
    }

    int nameEnd(int k) {
        return found[k * STRIDE + NAME_END];
    }

    int labelStart(int k) {
        return found[k * STRIDE + LABEL_START];
    }

    int labelEnd(int k) {
        return found[k * STRIDE + LABEL_END];
    }

    int valueStart(int k) {
        return found[k * STRIDE + VALUE_START];
    }

    int valueEnd(int k) {
        return found[k * STRIDE + VALUE_END];
    }

    /** The labels found, {@link #STRIDE} ints each in the order above: for tests. */
    int[] toArray() {
        return Arrays.copyOf(found, count * STRIDE);
    }

    private void add(
            int line,
            int nameStart,
            int nameEnd,
            int labelStart,
            int labelEnd,
            int valueStart,
            int valueEnd) {
        int at = count * STRIDE;
        if (at == found.length) {
            found = Arrays.copyOf(found, found.length * 2);
        }
        int[] f = found;
        f[at + LINE] = line;
        f[at + NAME_START] = nameStart;
        f[at + NAME_END] = nameEnd;
        f[at + LABEL_START] = labelStart;
        f[at + LABEL_END] = labelEnd;
        f[at + VALUE_START] = valueStart;
        f[at + VALUE_END] = valueEnd;
        count++;
    }

    /**
     * Adds the labels of {@code [start, end)}, line {@code lineIndex} of a block, in line order.
     *
     * @param masked the text with code spans, escapes, comments and autolinks blanked (or the text
     *     itself where blanking cannot change what is found)
     * @param text the text, unmasked: names and values are trimmed in it
     * @param inComment for each offset whether it lies in an HTML comment, or null when none does
     * @param lastValueEnd where the line's last value ends at most (before a backslash hard break)
     * @param atLineStartOnly only a label that opens the line counts
     */
    void read(
            char[] masked,
            char[] text,
            boolean[] inComment,
            int lineIndex,
            int start,
            int end,
            int lastValueEnd,
            boolean atLineStartOnly) {
        int k = start;
        while (k < end && (masked[k] == ' ' || masked[k] == '\t')) {
            k++;
        }
        if (atLineStartOnly && !(k + 1 < end && masked[k] == '*' && masked[k + 1] == '*')) {
            return; // the line does not open with one (most lines)
        }
        // a label's value runs to the next label or the line's end: each label is added once the
        // next one (or the end) is known
        // the label whose value's end is not known yet, at open..after, named [nameStart, nameEnd)
        boolean pending = false;
        int nameStart = -1;
        int nameEnd = -1;
        int labelOpen = -1;
        int labelAfter = -1;
        int valueStart = -1;
        int searchFrom = k;
        while (searchFrom < end) {
            // a first label that must open the line is looked for there only, not along the line
            boolean first = !pending;
            int open =
                    atLineStartOnly && first
                            ? (k + 1 < end && masked[k] == '*' && masked[k + 1] == '*' ? k : -1)
                            : indexOfTwoStars(masked, searchFrom, end);
            if (open < 0) {
                break;
            }
            // the label's closing stars: the first '*' within MAX_LABEL_LENGTH of its opening
            int labelEnd = -1;
            int after = -1;
            int j = open + 2;
            int limit = Math.min(end, open + MAX_LABEL_LENGTH + 1);
            while (j < limit && masked[j] != '*') {
                j++;
            }
            if (j < limit && j + 1 < end && masked[j + 1] == '*') {
                if (masked[j - 1] == ':') {
                    labelEnd = j - 1;
                    after = j + 2;
                } else if (j + 2 < end && masked[j + 2] == ':') {
                    labelEnd = j;
                    after = j + 3;
                }
            }
            if (labelEnd <= open + 2) {
                if (atLineStartOnly && first) {
                    break;
                }
                searchFrom = open + 2;
                continue;
            }
            if (pending) {
                // trimmed again: the space before a " - " separator
                int valueEnd = trimEnd(text, valueStart, stripSeparator(text, valueStart, open));
                if (inComment != null) {
                    valueEnd = valueEnd(text, inComment, valueStart, valueEnd);
                }
                add(lineIndex, nameStart, nameEnd, labelOpen, labelAfter, valueStart, valueEnd);
            }
            pending = true;
            // the name trimmed as String.trim() trims
            nameStart = open + 2;
            nameEnd = labelEnd;
            while (nameStart < nameEnd && text[nameStart] <= ' ') {
                nameStart++;
            }
            while (nameEnd > nameStart && text[nameEnd - 1] <= ' ') {
                nameEnd--;
            }
            labelOpen = open;
            labelAfter = after;
            valueStart = after;
            while (valueStart < end && isWhitespace(text[valueStart])) {
                valueStart++;
            }
            searchFrom = after;
        }
        if (pending) {
            int valueEnd = trimEnd(text, valueStart, Math.max(valueStart, lastValueEnd));
            if (inComment != null) {
                valueEnd = valueEnd(text, inComment, valueStart, valueEnd);
            }
            add(lineIndex, nameStart, nameEnd, labelOpen, labelAfter, valueStart, valueEnd);
        }
    }

    /**
     * The end of a label's value in {@code [from, to)} of {@code text}: trailing space and trailing
     * HTML comments ({@code inComment}, null when there are none) dropped.
     */
    static int valueEnd(char[] text, boolean[] inComment, int from, int to) {
        int e = trimEnd(text, from, to);
        if (inComment == null) {
            return e;
        }
        while (e > from && inComment[e - 1]) {
            while (e > from && inComment[e - 1]) {
                e--;
            }
            e = trimEnd(text, from, e);
        }
        return e;
    }

    /** Drops a trailing " - " separator between two labelled values on one line. */
    private static int stripSeparator(char[] text, int from, int to) {
        int e = trimEnd(text, from, to);
        if (e > from
                && (text[e - 1] == '-'
                        || text[e - 1] == '|'
                        || text[e - 1] == ','
                        || text[e - 1] == ';')) {
            e--;
        }
        return e;
    }

    private static int trimEnd(char[] text, int from, int to) {
        int e = to;
        while (e > from && isWhitespace(text[e - 1])) {
            e--;
        }
        return e;
    }

    /**
     * {@link AnchorSlugs#isWhitespace}, answered here for a printable ASCII char (nearly every char
     * a label's value starts or ends with), small enough for C1 to inline.
     */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 128) && AnchorSlugs.isWhitespace(c);
    }

    /**
     * The first "**" of the masked text in {@code [from, to)}, or -1. Two chars a step: where the
     * second of a pair is no '*', neither starts a "**" (a label's value, read to the next label,
     * rarely holds a star).
     */
    private static int indexOfTwoStars(char[] m, int from, int to) {
        int k = from;
        while (k + 1 < to) {
            if (m[k + 1] != '*') {
                k += 2;
            } else if (m[k] == '*') {
                return k;
            } else {
                k++;
            }
        }
        return -1;
    }
}
