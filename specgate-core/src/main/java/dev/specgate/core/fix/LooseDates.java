package dev.specgate.core.fix;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates people write in other forms than {@code YYYY-MM-DD}, when the form says which part is
 * the day: {@code 2026/10/20}, {@code 2026.10.20}, {@code 2026-1-5}, {@code 20.10.2026}, {@code 20
 * October 2026}, {@code Oct 20, 2026}, an ISO date with a time, and {@code 20/10/2026} or {@code
 * 10/20/2026} when one number is over 12. {@code 02/11/2026} could be either, and is not read.
 */
public final class LooseDates {

    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}.*)?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern DAY_MONTH_NAME =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.? ([A-Za-z]+)\\.?,? (\\d{4})");
    private static final Pattern MONTH_NAME_DAY =
            Pattern.compile("([A-Za-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})");
    private static final Map<String, Integer> MONTHS =
            Map.ofEntries(
                    Map.entry("jan", 1),
                    Map.entry("feb", 2),
                    Map.entry("mar", 3),
                    Map.entry("apr", 4),
                    Map.entry("may", 5),
                    Map.entry("jun", 6),
                    Map.entry("jul", 7),
                    Map.entry("aug", 8),
                    Map.entry("sep", 9),
                    Map.entry("sept", 9),
                    Map.entry("oct", 10),
                    Map.entry("nov", 11),
                    Map.entry("dec", 12));

    private LooseDates() {}

    /** The date {@code text} names unambiguously, if it names a real one. */
    public static Optional<LocalDate> parse(String text) {
        String t = text.trim().replaceAll("\\s+", " ");
        Matcher m = YEAR_FIRST.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = DOTTED.matcher(t);
        if (m.matches()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        m = SLASHED.matcher(t);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a > 12 && b <= 12) {
                return date(m.group(3), m.group(2), m.group(1));
            }
            if (b > 12 && a <= 12) {
                return date(m.group(3), m.group(1), m.group(2));
            }
            return Optional.empty(); // 02/11/2026: day first or month first?
        }
        Matcher dayFirst = DAY_MONTH_NAME.matcher(t);
        if (dayFirst.matches()) {
            return month(dayFirst.group(2))
                    .flatMap(mo -> date(dayFirst.group(3), mo, dayFirst.group(1)));
        }
        Matcher monthFirst = MONTH_NAME_DAY.matcher(t);
        if (monthFirst.matches()) {
            return month(monthFirst.group(1))
                    .flatMap(mo -> date(monthFirst.group(3), mo, monthFirst.group(2)));
        }
        return Optional.empty();
    }

    private static Optional<String> month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
            String full = java.time.Month.of(e.getValue()).name().toLowerCase(Locale.ROOT);
            if (n.equals(e.getKey()) || n.equals(full)) {
                return Optional.of(Integer.toString(e.getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(
                    LocalDate.of(
                            Integer.parseInt(year),
                            Integer.parseInt(month),
                            Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
