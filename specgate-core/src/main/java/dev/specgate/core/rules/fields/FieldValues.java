package dev.specgate.core.rules.fields;

/** Reading field values as people write them. */
public final class FieldValues {

    private FieldValues() {}

    /**
     * Drops emphasis and code marks around a value: {@code *2026-01-02*} gives {@code 2026-01-02}.
     */
    public static String plain(String value) {
        String v = value.trim();
        int a = 0;
        int b = v.length();
        while (a < b && isMark(v.charAt(a))) {
            a++;
        }
        while (b > a && isMark(v.charAt(b - 1))) {
            b--;
        }
        return v.substring(a, b).trim();
    }

    private static boolean isMark(char c) {
        return c == '*' || c == '_' || c == '`';
    }
}
