package dev.specgate.core.parse.internal;

import java.util.ArrayList;

/**
 * Specgate's bold labels: {@code **Label:** value} or {@code **Label**: value}, one or more on a
 * line, each value running to the next label or the line's end. Read from a line of a block's text
 * as the inline scan masks it ({@link InlineSyntax}: nothing inside code or a comment is one), or
 * straight from the spec's chars where the block holds no Markdown that masking would change (a
 * list item such as {@code - **Owner:** the `billing` team}, {@link DocumentBuilder}'s fast path).
 * Offsets are into whichever array is read.
 */
final class BoldLabels {

    /**
     * A bold label found on line {@code line} of the block, with its value: offsets in the block's
     * text. The label's name, trimmed, is {@code [nameStart, nameEnd)}; {@code [labelStart,
     * labelEnd)} runs from its first '*' to after its colon and closing stars.
     */
    record Label(
            int line,
            int nameStart,
            int nameEnd,
            int labelStart,
            int labelEnd,
            int valueStart,
            int valueEnd) {}

    private static final int MAX_LABEL_LENGTH = 80;

    private BoldLabels() {}

    /**
     * Adds to {@code found} the labels of {@code [start, end)}, line {@code lineIndex} of a block,
     * in line order.
     *
     * @param masked the text with code spans, escapes, comments and autolinks blanked (or the text
     *     itself where blanking cannot change what is found)
     * @param text the text, unmasked: names and values are trimmed in it
     * @param inComment for each offset whether it lies in an HTML comment, or null when none does
     * @param lastValueEnd where the line's last value ends at most (before a backslash hard break)
     * @param atLineStartOnly only a label that opens the line counts
     */
    static void read(
            char[] masked,
            char[] text,
            boolean[] inComment,
            int lineIndex,
            int start,
            int end,
            int lastValueEnd,
            boolean atLineStartOnly,
            ArrayList<Label> found) {
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
            int labelEnd = -1;
            int after = -1;
            for (int j = open + 2; j < end && j - open <= MAX_LABEL_LENGTH; j++) {
                char ch = masked[j];
                if (ch == '*') {
                    if (j + 1 < end && masked[j + 1] == '*') {
                        if (masked[j - 1] == ':') {
                            labelEnd = j - 1;
                            after = j + 2;
                        } else if (j + 2 < end && masked[j + 2] == ':') {
                            labelEnd = j;
                            after = j + 3;
                        }
                    }
                    break;
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
                int valueEnd =
                        valueEnd(
                                text,
                                inComment,
                                valueStart,
                                stripSeparator(text, valueStart, open));
                found.add(
                        new Label(
                                lineIndex,
                                nameStart,
                                nameEnd,
                                labelOpen,
                                labelAfter,
                                valueStart,
                                valueEnd));
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
            while (valueStart < end && AnchorSlugs.isWhitespace(text[valueStart])) {
                valueStart++;
            }
            searchFrom = after;
        }
        if (pending) {
            int valueEnd =
                    valueEnd(text, inComment, valueStart, Math.max(valueStart, lastValueEnd));
            found.add(
                    new Label(
                            lineIndex,
                            nameStart,
                            nameEnd,
                            labelOpen,
                            labelAfter,
                            valueStart,
                            valueEnd));
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
        while (e > from && AnchorSlugs.isWhitespace(text[e - 1])) {
            e--;
        }
        return e;
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
