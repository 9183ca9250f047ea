package dev.specgate.core.parse.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What an HTML block shows a reader as text: its characters with tags (their attributes included),
 * comments and the content of code elements blanked, line breaks kept, so that offsets stay those
 * of the block's literal. Linear in the text's length (a tag is looked for over at most {@link
 * #MAX_TAG_LENGTH} characters).
 */
final class HtmlText {

    /** Elements whose content is code or verbatim text, never prose. */
    static final Set<String> CODE =
            Set.of("code", "pre", "kbd", "samp", "script", "style", "textarea");

    private HtmlText() {}

    /** {@code html} with tags, comments and code elements' content blanked. */
    static String visible(String html) {
        char[] out = html.toCharArray();
        int n = out.length;
        int k = 0;
        while (k < n) {
            if (out[k] != '<') {
                k++;
                continue;
            }
            if (html.startsWith("<!--", k)) {
                int close = html.indexOf("-->", k + 4);
                int end = close < 0 ? n : close + 3;
                blank(out, k, end);
                k = end;
                continue;
            }
            int end = tagEnd(html, k);
            if (end < 0) {
                k++; // a '<' that opens no tag: text ("a < b")
                continue;
            }
            String name = tagName(html, k);
            blank(out, k, end);
            k = end;
            if (name != null && CODE.contains(name)) {
                int close = indexOfIgnoreCase(html, "</" + name, k);
                int stop = close < 0 ? n : close;
                blank(out, k, stop);
                k = stop;
            }
        }
        return new String(out);
    }

    /**
     * The offset after the tag that opens at {@code k} ({@code <div class="x">}, {@code </div>},
     * {@code <br/>}, {@code <!DOCTYPE html>}, {@code <?php ?>}), or -1 when no tag opens there.
     * Quoted attribute values may hold '>'.
     */
    private static int tagEnd(String html, int k) {
        int n = html.length();
        int i = k + 1;
        if (i < n && (html.charAt(i) == '/' || html.charAt(i) == '!' || html.charAt(i) == '?')) {
            i++;
        }
        if (i >= n || !isAsciiLetter(html.charAt(i))) {
            return -1;
        }
        return tagClose(html, i, Math.min(n, k + MAX_TAG_LENGTH));
    }

    /** Longest tag looked for, so a '<' with an unclosed quote after it costs a bounded scan. */
    static final int MAX_TAG_LENGTH = 1000;

    /**
     * The offset after the '>' that closes a tag whose name starts before {@code from}, scanning no
     * further than {@code limit}, or -1 when a '<' or the limit comes first. Quoted attribute
     * values may hold '>' and '<'.
     */
    static int tagClose(String s, int from, int limit) {
        char quote = 0;
        for (int j = from; j < limit; j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /** The lowercase name of an opening tag at {@code k}, or null for a closing tag or other. */
    private static String tagName(String html, int k) {
        int i = k + 1;
        int start = i;
        while (i < html.length()
                && (isAsciiLetter(html.charAt(i)) || Character.isDigit(html.charAt(i)))) {
            i++;
        }
        return i == start ? null : html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        for (int i = from; i + what.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void blank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
    }
}
