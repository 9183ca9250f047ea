package dev.specgate.cli.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options every subcommand accepts: {@code --today} and {@code --stacktrace}. */
public final class CommonOptions {

    @Option(
            names = "--today",
            paramLabel = "YYYY-MM-DD",
            converter = IsoDateConverter.class,
            description =
                    "Today's date, YYYY-MM-DD (default: the system date): used for overdue checks"
                            + " and for the dates the command writes.")
    private LocalDate today;

    @Option(
            names = "--stacktrace",
            description = "Print the full stack trace of an internal error.")
    private boolean stacktrace;

    /** The date given with {@code --today}, or the system date. */
    public LocalDate today() {
        return today != null ? today : LocalDate.now(Clock.systemDefaultZone());
    }

    public boolean stacktrace() {
        return stacktrace;
    }

    /**
     * Parses a strict ISO date of a year from 1970 to 9999; anything else is a usage error naming
     * the value (a year 0 or a negative one would write specs that fail their own check).
     */
    public static final class IsoDateConverter implements ITypeConverter<LocalDate> {

        /** The first year a date option accepts. */
        public static final int MIN_YEAR = 1970;

        /** The last year a date option accepts. */
        public static final int MAX_YEAR = 9999;

        @Override
        public LocalDate convert(String value) {
            LocalDate date;
            try {
                date = LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a real date in YYYY-MM-DD form");
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                throw new TypeConversionException(
                        "'"
                                + value
                                + "' is out of range: use a year from "
                                + MIN_YEAR
                                + " to "
                                + MAX_YEAR);
            }
            return date;
        }
    }
}
