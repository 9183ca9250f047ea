package dev.specgate.core.schema;

import java.util.Locale;

/**
 * The normalized form under which headings match: case-insensitive, whitespace (no-break spaces
 * included) folded, emphasis marks and a trailing parenthetical or colon dropped. {@code ### File
 * Organization} matches {@code ### File Organization (Rigour Vibe Structure)}.
 */
public final class HeadingKey {

    private HeadingKey() {}

    /** The key of a heading text. */
    public static String of(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c == '*' || c == '`') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        String s = sb.toString();
        while (true) {
            String before = s;
            if (s.endsWith(")")) {
                int open = s.lastIndexOf('(');
                if (open > 0) {
                    s = s.substring(0, open).trim();
                }
            }
            if (s.endsWith(":")) {
                s = s.substring(0, s.length() - 1).trim();
            }
            if (s.equals(before)) {
                break;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
