package dev.specgate.core.parse.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fragment ids of headings as GitHub renders them: lowercase, punctuation dropped, spaces to
 * hyphens, repeats numbered.
 */
public final class AnchorSlugs {

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
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

    /** The slug of one heading text, without numbering. */
    public static String slug(String headingText) {
        String text = headingText;
        if (text.indexOf('[') >= 0) {
            text = INLINE_LINK.matcher(text).replaceAll("$1");
        }
        StringBuilder sb = new StringBuilder(text.length());
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
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
