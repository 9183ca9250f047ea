package dev.specgate.core.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict ISO-8601 calendar dates ({@code 2026-02-28}); {@code 2026-02-30} is not a date. */
public final class IsoDates {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private IsoDates() {}

    /** Whether {@code text} has the shape {@code YYYY-MM-DD}, real or not. */
    public static boolean looksLikeIsoDate(String text) {
        return SHAPE.matcher(text).matches();
    }

    /** The date {@code text} names, if it is a real date in {@code YYYY-MM-DD} form. */
    public static Optional<LocalDate> parse(String text) {
        String t = FieldValues.plain(text);
        if (!looksLikeIsoDate(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDate.of(
                            Integer.parseInt(t.substring(0, 4)),
                            Integer.parseInt(t.substring(5, 7)),
                            Integer.parseInt(t.substring(8, 10))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
