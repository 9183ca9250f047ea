package dev.specgate.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a phase's Duration as people write it: a length ({@code 2 weeks}, {@code 1.5 sprints}; a
 * sprint is 2 weeks, a month 30 days) or two dates ({@code 3 weeks, 2026-11-26 to 2026-12-16}).
 * What cannot be used says why, so that a timeline never loses a phase in silence.
 */
public final class Durations {

    /** The longest phase read as a length: about ten years. */
    public static final long MAX_DAYS = 3660;

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern AMOUNT =
            Pattern.compile(
                    "(\\d+(?:\\.\\d+)?)\\s*(day|week|sprint|month)s?\\b", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** What a Duration value says. */
    public sealed interface Reading permits Span, Length, Unusable {}

    /** Two dates: the phase runs from {@code start} to {@code end}, both included. */
    public record Span(LocalDate start, LocalDate end) implements Reading {}

    /** A length in days, at least 1 and at most {@link #MAX_DAYS}. */
    public record Length(long days) implements Reading {}

    /** A value that gives no phase, and why (for a finding at its line). */
    public record Unusable(String why) implements Reading {}

    /** Reads a Duration value (emphasis already dropped or not). */
    public static Reading read(String value) {
        String v = FieldValues.plain(value);
        List<LocalDate> dates = new ArrayList<>();
        Matcher d = ISO_DATE.matcher(v);
        while (d.find()) {
            IsoDates.parse(d.group(1)).ifPresent(dates::add);
        }
        if (dates.size() >= 2) {
            if (dates.get(1).isBefore(dates.get(0))) {
                return new Unusable(
                        "ends on " + dates.get(1) + ", before it starts on " + dates.get(0));
            }
            return new Span(dates.get(0), dates.get(1));
        }
        Matcher m = AMOUNT.matcher(v);
        if (!m.find()) {
            return new Unusable(
                    "names no length (N days, weeks, sprints or months) and no two dates");
        }
        double amount;
        try {
            amount = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return new Unusable("'" + m.group(1) + "' is not a number");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double days =
                amount
                        * switch (unit) {
                            case "week" -> 7;
                            case "sprint" -> 14;
                            case "month" -> 30;
                            default -> 1;
                        };
        long rounded = Math.round(days);
        if (rounded < 1) {
            return new Unusable("is shorter than a day");
        }
        if (days > MAX_DAYS) {
            return new Unusable("is longer than " + MAX_DAYS + " days (about ten years)");
        }
        return new Length(rounded);
    }

    /**
     * The last day of a phase of {@code value}'s length starting on {@code start}, if it has one.
     */
    public static Optional<LocalDate> end(LocalDate start, String value) {
        return read(value) instanceof Length l
                ? Optional.of(start.plusDays(l.days() - 1))
                : Optional.empty();
    }
}
