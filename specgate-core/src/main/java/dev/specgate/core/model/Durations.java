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

    private static final String NO_LENGTH =
            "names no length (N days, weeks, sprints or months) and no two dates";

    /** The units {@link #AMOUNT} names, in its order. */
    private static final String[] UNITS = {"day", "week", "sprint", "month"};

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
        return read(v, isAscii(v));
    }

    /**
     * Reads a plain Duration value: by a scan of its characters when {@code scan} (for ASCII text
     * only, where the regular expressions' word boundaries and case are ASCII's on every Java
     * version), else by {@link #ISO_DATE} and {@link #AMOUNT}. Both read the same: every phase of
     * every spec is read, and the expressions cost most of {@code field-duration} under C1.
     */
    static Reading read(String v, boolean scan) {
        List<LocalDate> dates = new ArrayList<>();
        if (scan) {
            scanDates(v, dates);
        } else {
            Matcher d = ISO_DATE.matcher(v);
            while (d.find()) {
                IsoDates.parse(d.group(1)).ifPresent(dates::add);
            }
        }
        if (dates.size() >= 2) {
            if (dates.get(1).isBefore(dates.get(0))) {
                return new Unusable(
                        "ends on " + dates.get(1) + ", before it starts on " + dates.get(0));
            }
            return new Span(dates.get(0), dates.get(1));
        }
        String number;
        String unitWritten;
        if (scan) {
            int[] at = scanAmount(v);
            if (at == null) {
                return new Unusable(NO_LENGTH);
            }
            number = v.substring(at[0], at[1]);
            unitWritten = v.substring(at[2], at[3]);
        } else {
            Matcher m = AMOUNT.matcher(v);
            if (!m.find()) {
                return new Unusable(NO_LENGTH);
            }
            number = m.group(1);
            unitWritten = m.group(2);
        }
        double amount;
        try {
            amount = amount(number);
        } catch (NumberFormatException e) {
            return new Unusable("'" + number + "' is not a number");
        }
        String unit = unitWritten.toLowerCase(Locale.ROOT);
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

    /**
     * {@code Double.parseDouble(number)}; a whole number of up to 15 digits (nearly every length
     * written) is read as a long, which the double holds exactly, without the JDK's decimal parser.
     */
    private static double amount(String number) {
        if (number.length() <= 15) {
            long n = 0;
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                if (!isDigit(c)) {
                    return Double.parseDouble(number);
                }
                n = n * 10 + (c - '0');
            }
            if (!number.isEmpty()) {
                return n;
            }
        }
        return Double.parseDouble(number);
    }

    private static boolean isAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** What {@code ISO_DATE.matcher(v)}'s finds give, in order (ASCII {@code v}). */
    private static void scanDates(String v, List<LocalDate> dates) {
        int n = v.length();
        int i = 0;
        while (i + 10 <= n) {
            if ((i == 0 || !isWordChar(v.charAt(i - 1)))
                    && (i + 10 == n || !isWordChar(v.charAt(i + 10)))
                    && isDateShape(v, i)) {
                IsoDates.parse(v.substring(i, i + 10)).ifPresent(dates::add);
                i += 10;
            } else {
                i++;
            }
        }
    }

    /**
     * Where {@code AMOUNT.matcher(v).find()} matches (ASCII {@code v}): the number's start and end,
     * the unit's start and end; null when it finds nothing. A match starts a run of digits (a start
     * inside one reads on as the run's start does, and fails as it does); the number, the fraction
     * and the spaces are taken whole (giving any back leaves a digit, a dot or a space where a unit
     * must start).
     */
    private static int[] scanAmount(String v) {
        int n = v.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(v.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int j = i;
            while (j < n && isDigit(v.charAt(j))) {
                j++;
            }
            int numberEnd = j;
            if (j + 1 < n && v.charAt(j) == '.' && isDigit(v.charAt(j + 1))) {
                numberEnd = j + 1;
                while (numberEnd < n && isDigit(v.charAt(numberEnd))) {
                    numberEnd++;
                }
            }
            int u = numberEnd;
            while (u < n && isRegexSpace(v.charAt(u))) {
                u++;
            }
            int unitEnd = u + unitLength(v, u);
            if (unitEnd > u) {
                int e = unitEnd;
                if (e < n && (v.charAt(e) == 's' || v.charAt(e) == 'S')) {
                    e++;
                }
                // the word boundary after "s?": when the s is there and a word goes on, giving
                // the s back leaves it right after the unit, a word character too
                if (e == n || !isWordChar(v.charAt(e))) {
                    return new int[] {start, numberEnd, u, unitEnd};
                }
            }
            i = j;
        }
        return null;
    }

    /** The length of the unit of {@link #UNITS} at {@code at}, in any ASCII case; 0 if none. */
    private static int unitLength(String v, int at) {
        for (String unit : UNITS) {
            if (v.regionMatches(true, at, unit, 0, unit.length())) {
                return unit.length();
            }
        }
        return 0;
    }

    /** Whether {@code v} holds {@code \d{4}-\d{2}-\d{2}} at {@code at}. */
    private static boolean isDateShape(String v, int at) {
        for (int k = 0; k < 10; k++) {
            char c = v.charAt(at + k);
            if (k == 4 || k == 7 ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** A word character of {@code \b} in ASCII text: a letter, a digit or {@code _}. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
    }
}
