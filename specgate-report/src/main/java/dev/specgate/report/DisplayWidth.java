package dev.specgate.report;

/**
 * How many terminal columns a text takes: East Asian wide and full-width characters (CJK, Hangul,
 * most emoji) take two, combining marks none, everything else one. Enough to keep table columns
 * aligned for titles in any script, without a Unicode width table.
 */
public final class DisplayWidth {

    private DisplayWidth() {}

    /**
     * The columns {@code text} takes in a terminal. An emoji written as a sequence takes the two
     * columns of the one picture it shows: a narrow character made an emoji by the variation
     * selector U+FE0F ({@code ⚠️}, {@code ❤️}, {@code 1️⃣}), the emoji a zero width joiner joins to
     * the one before ({@code 👩‍💻}, {@code ❤️‍🔥}), a skin tone after an emoji ({@code 👍🏽}), and
     * a flag's pair of regional indicators ({@code 🇯🇵}) count as one.
     */
    public static int of(String text) {
        int width = 0;
        int previous = -1;
        boolean flagOpen = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
            if (cp == 0xFE0F) {
                // emoji presentation: a narrow base shows as a picture, two columns
                if (previous >= 0 && columns(previous) == 1) {
                    width++;
                }
            } else if (previous == 0x200D
                    || cp >= 0x1F3FB && cp <= 0x1F3FF && previous >= 0 && isWide(previous)) {
                // joined to the emoji before, or its skin tone: no columns of its own
            } else if (regional && flagOpen) {
                flagOpen = false; // the flag's second letter
            } else {
                flagOpen = regional;
                width += columns(cp);
            }
            if (cp != 0xFE0F) {
                previous = cp;
            }
        }
        return width;
    }

    /** {@code text} followed by spaces up to {@code columns} columns. */
    public static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - of(text)));
    }

    /** Spaces up to {@code columns} columns, then {@code text}. */
    public static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - of(text))) + text;
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || cp >= 0x1160 && cp <= 0x11FF) { // Hangul's conjoining vowels and finals
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode 15), as start-end pairs in order. */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
        0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
        0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
        0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
        0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
        0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF,
        0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F,
        0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x18CFF, 0x1B000, 0x1B2FF, 0x1F000, 0x1FAFF,
        0x20000, 0x3FFFD
    };

    private static boolean isWide(int cp) {
        for (int i = 0; i < WIDE.length && cp >= WIDE[i]; i += 2) {
            if (cp <= WIDE[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
