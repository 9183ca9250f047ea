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

    /** Parses a strict ISO date; a wrong one is a usage error naming the value. */
    public static final class IsoDateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a real date in YYYY-MM-DD form");
            }
        }
    }
}
