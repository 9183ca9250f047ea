package dev.specgate.core.parse.internal;

import dev.specgate.core.input.CharRuns;
import dev.specgate.core.model.MergeConflict;
import java.util.ArrayList;
import java.util.List;

/**
 * git's merge conflict markers, as the parser records them ({@link
 * dev.specgate.core.model.SpecDocument#mergeConflicts()}). A marker stands at the start of its line
 * as git writes it: seven {@code <} or {@code >}, then a space and the side's label ({@code <<<<<<<
 * HEAD}, {@code >>>>>>> feature/export}) or nothing ({@code git merge-file -L ''} writes no label,
 * and an editor that trims trailing white space leaves the seven alone), or seven {@code =} alone.
 * A conflict is the three in that order (a {@code |||||||} ancestor block, {@code
 * merge.conflictStyle=diff3} or {@code zdiff3}, between the first two is passed over); a {@code
 * <<<<<<<} before the {@code =======} starts the conflict again. So an {@code =======} under a line
 * (a heading's underline) or a row of eight {@code <} holds no conflict; three rows of seven in
 * git's order do, whoever drew them (a conflict is never missed for prose that looks like one).
 *
 * <p>Almost no spec holds a marker: the one-pass block parser asks {@link #opens} only of a line
 * that begins with {@code <}, a test of the first char of each line it reads anyway, and the
 * document is read for conflicts ({@link #read}) only when a line opens one.
 */
public final class ConflictMarkers {

    /** How long git's markers are ({@code merge.conflictStyle} and attributes aside). */
    public static final int LENGTH = 7;

    private ConflictMarkers() {}

    /**
     * Whether the line {@code chars[from, end)} (its line break excluded) opens a conflict: seven
     * {@code <}, then the end of the line or a space and the label.
     */
    static boolean opens(char[] chars, int from, int end) {
        return isMarker(chars, from, end, '<');
    }

    /**
     * Whether a line of {@code chars[0, length)} opens a conflict, for a text the one-pass block
     * parser did not read: a stride search for seven {@code <} at a line start.
     */
    static boolean anyOpens(char[] chars, int length) {
        int from = 0;
        while (true) {
            int run = CharRuns.find(chars, from, length, LENGTH, '<', '<', '<');
            if (run < 0) {
                return false;
            }
            int to = run + 1;
            while (to < length && chars[to] == '<') {
                to++;
            }
            if ((run == 0 || chars[run - 1] == '\n' || chars[run - 1] == '\r')
                    && opens(chars, run, lineEnd(chars, to, length))) {
                return true;
            }
            from = to;
        }
    }

    /** Every conflict in {@code chars[0, length)}, in document order. */
    static List<MergeConflict> read(char[] chars, int length) {
        List<MergeConflict> found = new ArrayList<>(1);
        int open = -1;
        int openFrom = 0;
        int middle = -1;
        int line = 0;
        int start = 0;
        while (true) {
            int end = lineEnd(chars, start, length);
            // a '<<<<<<<' restarts a conflict only before its '=======': after it, on the other
            // side, it is that side's text (a marker shown in a fence), and the conflict stands
            if (middle < 0 && opens(chars, start, end)) {
                open = line;
                openFrom = start;
                middle = -1;
            } else if (open >= 0 && middle < 0 && isSeparator(chars, start, end)) {
                middle = line;
            } else if (middle >= 0 && isMarker(chars, start, end, '>')) {
                found.add(
                        new MergeConflict(
                                open,
                                middle,
                                line,
                                label(chars, openFrom, lineEnd(chars, openFrom, length)),
                                label(chars, start, end)));
                open = -1;
                middle = -1;
            }
            if (end >= length) {
                return found;
            }
            start =
                    end
                            + (chars[end] == '\r' && end + 1 < length && chars[end + 1] == '\n'
                                    ? 2
                                    : 1);
            line++;
        }
    }

    private static int lineEnd(char[] chars, int from, int length) {
        int end = from;
        while (end < length && chars[end] != '\n' && chars[end] != '\r') {
            end++;
        }
        return end;
    }

    /**
     * Seven {@code c} at {@code from}, then the end of the line or a space (and the side's label,
     * which git leaves out when a merge names no side: {@code git merge-file -L ''} writes {@code
     * <<<<<<< } and an editor trimming trailing white space then leaves {@code <<<<<<<} alone).
     */
    private static boolean isMarker(char[] chars, int from, int end, char c) {
        if (end - from < LENGTH) {
            return false;
        }
        for (int k = 0; k < LENGTH; k++) {
            if (chars[from + k] != c) {
                return false;
            }
        }
        return end - from == LENGTH || chars[from + LENGTH] == ' ';
    }

    /** Seven {@code =} alone on the line (spaces and tabs after them aside). */
    private static boolean isSeparator(char[] chars, int from, int end) {
        if (end - from < LENGTH) {
            return false;
        }
        for (int k = 0; k < LENGTH; k++) {
            if (chars[from + k] != '=') {
                return false;
            }
        }
        for (int i = from + LENGTH; i < end; i++) {
            if (!isBlank(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The first word of a marker line's label: {@code HEAD} of {@code <<<<<<< HEAD}. */
    private static String label(char[] chars, int from, int end) {
        int i = from + LENGTH;
        while (i < end && isBlank(chars[i])) {
            i++;
        }
        int to = i;
        while (to < end && !isBlank(chars[to])) {
            to++;
        }
        return new String(chars, i, to - i);
    }
}
