package dev.specgate.core.input;

/**
 * Runs of characters in a text's chars, found without reading every char: a search that runs on
 * every spec ({@code nesting-depth}'s deep prefixes, the parser's conflict markers where the
 * one-pass block parser did not read the text) and nearly always finds nothing.
 */
public final class CharRuns {

    private CharRuns() {}

    /**
     * Where the first run of {@code run} or more consecutive chars, each {@code a}, {@code b} or
     * {@code c}, begins in {@code text[from, n)}, or -1. Looks at every {@code run}-th char and
     * only around those that are one, so prose is skimmed rather than read.
     */
    public static int find(char[] text, int from, int n, int run, char a, char b, char c) {
        if (run < 1) {
            throw new IllegalArgumentException("run " + run + " must be >= 1");
        }
        int i = from + run - 1;
        while (i < n) {
            char x = text[i];
            if (x != a && x != b && x != c) {
                i += run; // no run of this length can hold position i
                continue;
            }
            int start = i;
            while (start > from && isOne(text[start - 1], a, b, c)) {
                start--;
            }
            int to = i + 1;
            while (to < n && isOne(text[to], a, b, c)) {
                to++;
            }
            if (to - start >= run) {
                return start;
            }
            i = to + run; // text[to] ends this run
        }
        return -1;
    }

    private static boolean isOne(char x, char a, char b, char c) {
        return x == a || x == b || x == c;
    }
}
