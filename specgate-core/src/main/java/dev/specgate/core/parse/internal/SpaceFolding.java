package dev.specgate.core.parse.internal;

/**
 * Trims a string and folds each run of whitespace into one space, exactly as {@code
 * text.trim().replaceAll("\\s+", " ")} does, without compiling a regex on every call (a heading
 * title and a link label are folded for every block, and under the C1 compiler the regex's
 * compilation cost more than the rest of the heading's handling).
 */
final class SpaceFolding {

    private SpaceFolding() {}

    static String fold(String text) {
        String t = text.trim();
        int n = t.length();
        int k = 0;
        while (k < n && !needsFolding(t, k)) {
            k++;
        }
        if (k == n) {
            return t; // nothing to fold: no copy
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(t, 0, k);
        while (k < n) {
            char c = t.charAt(k);
            if (isRegexSpace(c)) {
                sb.append(' ');
                while (k < n && isRegexSpace(t.charAt(k))) {
                    k++;
                }
            } else {
                sb.append(c);
                k++;
            }
        }
        return sb.toString();
    }

    /**
     * {@link #fold(String)} of {@code text}, which is {@code chars[from, to)}: answered from the
     * chars when nothing is to be trimmed or folded (most headings), without a call per char.
     */
    static String fold(String text, char[] chars, int from, int to) {
        if (from == to || chars[from] <= ' ' || chars[to - 1] <= ' ') {
            return fold(text); // String.trim() cuts chars <= ' ' at both ends
        }
        for (int k = from; k < to; k++) {
            char c = chars[k];
            if (c > ' ') {
                continue; // no space (most chars): one comparison
            }
            if (isRegexSpace(c) && (c != ' ' || (k + 1 < to && isRegexSpace(chars[k + 1])))) {
                return fold(text);
            }
        }
        return text;
    }

    /** Whether the regex would change the text at {@code k}: a space run other than one ' '. */
    private static boolean needsFolding(String t, int k) {
        char c = t.charAt(k);
        if (!isRegexSpace(c)) {
            return false;
        }
        return c != ' ' || (k + 1 < t.length() && isRegexSpace(t.charAt(k + 1)));
    }

    /**
     * {@code \s} of {@link java.util.regex.Pattern} without UNICODE_CHARACTER_CLASS: ' ', '\t',
     * '\n', '\u000B', '\f', '\r' (9 to 13). Two comparisons, small enough for C1 to inline it in
     * the loops that call it per char.
     */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
