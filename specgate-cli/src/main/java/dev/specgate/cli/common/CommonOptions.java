package dev.specgate.cli.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options every subcommand accepts: {@code --today} and {@code --stacktrace}. */
public final class CommonOptions {

    private static final String TODAY =
            "Today's date, YYYY-MM-DD (default: the system date): used for overdue checks"
                    + " and for the dates the command writes.";
    private static final String STACKTRACE = "Print the full stack trace of an internal error.";

    @Option(
            names = "--today",
            paramLabel = "YYYY-MM-DD",
            converter = IsoDateConverter.class,
            description = TODAY)
    private LocalDate today;

    @Option(names = "--stacktrace", description = STACKTRACE)
    private boolean stacktrace;

    /**
     * These options as a mixin built in code, bound to this object: the same model picocli reads
     * from the annotations above (see {@link CodeModel}).
     */
    public CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(this);
        CodeModel.Binding<LocalDate> date = CodeModel.field(() -> today, v -> today = v);
        mixin.addOption(
                OptionSpec.builder("--today")
                        .paramLabel("YYYY-MM-DD")
                        .type(LocalDate.class)
                        .converters(new IsoDateConverter())
                        .description(TODAY)
                        .prompt("")
                        .descriptionKey("")
                        .setter(date)
                        .getter(date)
                        .build());
        CodeModel.Binding<Boolean> stack =
                CodeModel.field(() -> stacktrace, v -> stacktrace = v != null && v);
        mixin.addOption(
                OptionSpec.builder("--stacktrace")
                        .paramLabel("<stacktrace>")
                        .type(boolean.class)
                        .description(STACKTRACE)
                        .prompt("")
                        .descriptionKey("")
                        .initialValue(false)
                        .setter(stack)
                        .getter(stack)
                        .build());
        return mixin;
    }

    /**
     * These options with {@code --today} given as {@code value}, as picocli sets them, for a
     * command line parsed without picocli (a plain {@code check}); {@code null} when picocli would
     * refuse the value (it then parses the command line and reports it).
     */
    public static CommonOptions withToday(String value) {
        CommonOptions o = new CommonOptions();
        try {
            o.today = new IsoDateConverter().convert(value);
        } catch (RuntimeException e) {
            return null;
        }
        return o;
    }

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
