package dev.specgate.core.parse.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where Markdown's code spans are in a run of inline text: a backtick run opens a span that the
 * next run of the same length closes; a backslash-escaped backtick opens nothing. Linear: the runs
 * are found once, then each is paired with the next of its length without rescanning. Shared by
 * {@link InlineScanner} (which masks the spans) and {@link RenderedHeading} (which keeps their
 * content).
 */
final class CodeSpans {

    private CodeSpans() {}

    /**
     * The spans of {@code chars[0..n)} as pairs {@code {start0, end0, start1, end1, ...}} in order:
     * the offset of the opening run and the offset after the closing run.
     */
    static int[] find(char[] chars, int n) {
        int[] starts = new int[8];
        int[] lengths = new int[8];
        int count = 0;
        for (int k = 0; k < n; ) {
            char ch = chars[k];
            if (ch == '\\' && k + 1 < n && InlineSyntax.isAsciiPunctuation(chars[k + 1])) {
                k += 2;
                continue;
            }
            if (ch == '`') {
                int s = k;
                while (k < n && chars[k] == '`') {
                    k++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    lengths = Arrays.copyOf(lengths, count * 2);
                }
                starts[count] = s;
                lengths[count++] = k - s;
                continue;
            }
            k++;
        }
        if (count <= FEW_RUNS) {
            return pairFew(starts, lengths, count);
        }
        int[] next = nextOfSameLength(lengths, count);
        // a span closes at the next run of its opener's length; a later opener starts after it
        int[] spans = new int[2 * count];
        int found = 0;
        int until = 0;
        for (int r = 0; r < count; r++) {
            if (starts[r] < until || next[r] < 0) {
                continue; // inside a span, or no closing run: literal backticks
            }
            until = starts[next[r]] + lengths[next[r]];
            spans[found++] = starts[r];
            spans[found++] = until;
        }
        return found == spans.length ? spans : Arrays.copyOf(spans, found);
    }

    /**
     * The offset just past the run that closes the backtick run at {@code open} of {@code chars}
     * (the next run of its length before {@code to}), or, when none does, minus the offset just
     * past the opening run. The pairing {@link #find} makes, for text without escapes.
     */
    static int closing(char[] chars, int open, int to) {
        int k = open;
        while (k < to && chars[k] == '`') {
            k++;
        }
        int length = k - open;
        int runEnd = k;
        while (k < to) {
            if (chars[k] != '`') {
                k++;
                continue;
            }
            int run = k;
            while (k < to && chars[k] == '`') {
                k++;
            }
            if (k - run == length) {
                return k;
            }
        }
        return -runEnd;
    }

    /** Up to this many runs (most blocks have none or two) are paired by a direct search. */
    private static final int FEW_RUNS = 8;

    /**
     * The spans of a few runs, as {@link #find} pairs them (each with the next run of its length),
     * without the arrays of the linear pairing: at most {@code FEW_RUNS}² comparisons.
     */
    private static int[] pairFew(int[] starts, int[] lengths, int count) {
        int[] spans = null;
        int found = 0;
        int until = 0;
        for (int r = 0; r < count; r++) {
            if (starts[r] < until) {
                continue; // inside a span
            }
            int q = r + 1;
            while (q < count && lengths[q] != lengths[r]) {
                q++;
            }
            if (q == count) {
                continue; // no closing run: literal backticks
            }
            until = starts[q] + lengths[q];
            if (spans == null) {
                spans = new int[count];
            }
            spans[found++] = starts[r];
            spans[found++] = until;
        }
        return spans == null ? NONE : found == spans.length ? spans : Arrays.copyOf(spans, found);
    }

    private static final int[] NONE = new int[0];

    /** For each run, the index of the next run of the same length, or -1: one backward pass. */
    private static int[] nextOfSameLength(int[] lengths, int count) {
        int[] next = new int[count];
        int[] lastShort = new int[16]; // short runs, the usual ones, without boxing
        Arrays.fill(lastShort, -1);
        Map<Integer, Integer> lastLong = null;
        for (int r = count - 1; r >= 0; r--) {
            int length = lengths[r];
            if (length < lastShort.length) {
                next[r] = lastShort[length];
                lastShort[length] = r;
            } else {
                if (lastLong == null) {
                    lastLong = new HashMap<>();
                }
                Integer later = lastLong.put(length, r);
                next[r] = later == null ? -1 : later;
            }
        }
        return next;
    }
}
