package dev.specgate.core.schema;

/** Helpers for placeholder text in the template's bracket style. */
public final class Placeholders {

    private Placeholders() {}

    /** Folds runs of whitespace to one space and trims, so that re-wrapped text still matches. */
    public static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether a field value is still a bracketed placeholder, such as {@code [Date]}. */
    public static boolean isBracketed(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']';
    }
}
