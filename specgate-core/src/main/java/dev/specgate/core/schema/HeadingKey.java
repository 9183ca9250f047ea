package dev.specgate.core.schema;

import java.util.Locale;

/**
 * The normalized form under which headings match: case-insensitive, whitespace (no-break spaces
 * included) folded, emphasis marks and a trailing parenthetical or colon dropped. {@code ### File
 * Organization} matches {@code ### File Organization (Rigour Vibe Structure)}.
 */
public final class HeadingKey {

    private HeadingKey() {}

    private static int trimEnd(StringBuilder sb, int end) {
        while (end > 0 && sb.charAt(end - 1) <= ' ') { // as String.trim()
            end--;
        }
        return end;
    }

    /** {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, ASCII answered inline. */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The key of a heading text. */
    public static String of(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c == '*' || c == '`') {
                continue;
            }
            if (isSpace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        // drop trailing parentheticals and colons, moving an end index (no copy per step, so a
        // heading of a million "()" stays linear)
        int end = sb.length();
        while (true) {
            int before = end;
            if (end > 0 && sb.charAt(end - 1) == ')') {
                int open = sb.lastIndexOf("(", end - 1);
                if (open > 0) {
                    end = trimEnd(sb, open);
                }
            }
            if (end > 0 && sb.charAt(end - 1) == ':') {
                end = trimEnd(sb, end - 1);
            }
            if (end == before) {
                break;
            }
        }
        return sb.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
