package dev.specgate.core.model;

/** Reading field values as people write them. */
public final class FieldValues {

    private FieldValues() {}

    /**
     * Drops emphasis and code marks around a value: {@code *2026-01-02*} gives {@code 2026-01-02}.
     */
    public static String plain(String value) {
        String v = blanksCut(value);
        int a = 0;
        int b = v.length();
        while (a < b && isMark(v.charAt(a))) {
            a++;
        }
        while (b > a && isMark(v.charAt(b - 1))) {
            b--;
        }
        return blanksCut(v.substring(a, b));
    }

    /**
     * {@code value} without the spaces and tabs around it. Not {@link String#trim()}, which also
     * cuts control characters: a value written {@code \u0001Bug Fix\u0007} must not read as {@code
     * Bug Fix} and pass.
     */
    public static String blanksCut(String value) {
        int a = 0;
        int b = value.length();
        while (a < b && isBlank(value.charAt(a))) {
            a++;
        }
        while (b > a && isBlank(value.charAt(b - 1))) {
            b--;
        }
        return a == 0 && b == value.length() ? value : value.substring(a, b);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isMark(char c) {
        return c == '*' || c == '_' || c == '`';
    }

    /** The last path segment of a field value, without code marks or a link's brackets. */
    public static String fileBaseName(String value) {
        return lastSegment(filePath(value));
    }

    /**
     * The last segment of a path, with {@code /} or {@code \\} between segments, without spaces and
     * tabs around it.
     */
    public static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return blanksCut(path.substring(slash + 1));
    }

    /**
     * The path a field value names, as written ({@code ../directives/spec/x.md}): without code
     * marks, or a Markdown link's target.
     */
    public static String filePath(String value) {
        String v = blanksCut(value.replace("`", ""));
        // emphasis around the whole value (*NAME.md*, __path__): marks in pairs, so a name of its
        // own that starts or ends with '_' keeps it
        while (v.length() > 2
                && (v.charAt(0) == '*' || v.charAt(0) == '_')
                && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = blanksCut(v.substring(1, v.length() - 1));
        }
        if (v.startsWith("[") && v.contains("](")) {
            v = v.substring(v.indexOf("](") + 2, v.endsWith(")") ? v.length() - 1 : v.length());
        }
        return blanksCut(v);
    }

    /**
     * The leading {@code ../} and {@code ./} segments of a path as written ({@code ../} of {@code
     * ../directives/spec/x.md}), with {@code /} for {@code \\}; empty when it has none.
     */
    public static String leadingParents(String path) {
        String p = path.replace('\\', '/');
        int end = 0;
        while (true) {
            if (p.startsWith("../", end)) {
                end += 3;
            } else if (p.startsWith("./", end)) {
                end += 2;
            } else {
                return p.substring(0, end);
            }
        }
    }

    /**
     * Whether a label names a deadline: {@code Decision by}, {@code Answer needed by}, {@code Due}.
     */
    public static boolean isDeadlineLabel(String label) {
        return isDeadlineLabel(label.toCharArray(), 0, label.length());
    }

    /**
     * {@link #isDeadlineLabel(String)} of the label {@code chars[from, to)}, read where it stands
     * (a checklist item's field, whose label is then never made a string).
     */
    static boolean isDeadlineLabel(char[] chars, int from, int to) {
        // label.trim().toLowerCase(Locale.ROOT) ends with " by" or is "due" or "deadline", read
        // in place: only the ASCII letters themselves lower-case to these (every field of every
        // checklist item asks this, twice per check)
        int a = from;
        int b = to;
        while (a < b && chars[a] <= ' ') {
            a++;
        }
        while (b > a && chars[b - 1] <= ' ') {
            b--;
        }
        return b - a >= 3 && lowerCaseIs(chars, b - 3, " by")
                || b - a == 3 && lowerCaseIs(chars, a, "due")
                || b - a == 8 && lowerCaseIs(chars, a, "deadline");
    }

    /** Whether {@code chars} at {@code from} hold {@code lower} (ASCII) in either case. */
    private static boolean lowerCaseIs(char[] chars, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = chars[from + i];
            char l = lower.charAt(i);
            if (c != l && !(l >= 'a' && l <= 'z' && c == l - ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }
}
