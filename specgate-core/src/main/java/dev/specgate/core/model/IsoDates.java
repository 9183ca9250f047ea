package dev.specgate.core.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** Strict ISO-8601 calendar dates ({@code 2026-02-28}); {@code 2026-02-30} is not a date. */
public final class IsoDates {

    private IsoDates() {}

    /**
     * Whether {@code text} has the shape {@code YYYY-MM-DD}, real or not: ten characters, ASCII
     * digits with hyphens at 4 and 7 (the regular expression {@code \d{4}-\d{2}-\d{2}}, read by a
     * scan: every date field and deadline of every spec asks this).
     */
    public static boolean looksLikeIsoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The date {@code text} names, if it is a real date in {@code YYYY-MM-DD} form. */
    public static Optional<LocalDate> parse(String text) {
        String t = FieldValues.plain(text);
        if (!looksLikeIsoDate(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number the ASCII digits {@code text[from, to)} write. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }
}
