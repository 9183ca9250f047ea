package dev.specgate.core.parse.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fragment ids of headings as GitHub renders them: lowercase, punctuation dropped, spaces to
 * hyphens, repeats numbered.
 */
public final class AnchorSlugs {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The next slug for a heading with this text, numbering repeats {@code -1}, {@code -2}. */
    public String next(String headingText) {
        String base = slug(headingText);
        Integer count = seen.get(base);
        if (count == null) {
            seen.put(base, 0);
            return base;
        }
        seen.put(base, count + 1);
        return base + "-" + (count + 1);
    }

    /**
     * Replaces each inline link or image ({@code [text](dest)}, {@code ![alt](src)}) by its text,
     * as the regex {@code !?\[([^\]]*)\]\([^)]*\)} would, in one pass: the regex itself rescans to
     * the end from every {@code [} of a heading such as {@code [[[[...}.
     */
    static String withoutLinkMarkup(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        int copied = 0;
        int from = 0;
        while (true) {
            int open = text.indexOf('[', from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf(']', open + 1);
            if (close < 0) {
                break;
            }
            boolean destination = close + 1 < n && text.charAt(close + 1) == '(';
            int paren = destination ? text.indexOf(')', close + 2) : -1;
            if (destination && paren < 0) {
                break; // no ')' left: no later link either
            }
            if (paren < 0) {
                // every '[' before this ']' has the same first ']': none of them starts a link
                from = close + 1;
                continue;
            }
            int start =
                    open > 0 && text.charAt(open - 1) == '!' && open - 1 >= copied
                            ? open - 1
                            : open;
            sb.append(text, copied, start).append(text, open + 1, close);
            copied = paren + 1;
            from = paren + 1;
        }
        return sb.append(text, copied, n).toString();
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The slug of one heading text, without numbering. */
    public static String slug(String headingText) {
        String text = headingText;
        if (text.indexOf('[') >= 0) {
            text = withoutLinkMarkup(text);
        }
        StringBuilder sb = new StringBuilder(text.length());
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 128) {
                // as below, without Character's tables: most headings are ASCII
                if (isAsciiLetterOrDigit(c) || c == '-' || c == '_') {
                    sb.append(c);
                } else if (c == ' ') {
                    sb.append('-');
                }
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            } else if (Character.isSurrogate(c)) {
                int cp = lower.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) {
                    sb.appendCodePoint(cp);
                }
                i++;
            }
        }
        return sb.toString();
    }
}
