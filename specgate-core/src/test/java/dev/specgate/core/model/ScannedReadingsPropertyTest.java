package dev.specgate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Readings that every check makes of every spec, moved from regular expressions and lower-cased
 * copies to scans: each must read exactly as the expression or the copy did. {@link Durations}
 * keeps its expressions for text that is not ASCII, so both of its readings are compared.
 */
class ScannedReadingsPropertyTest {

    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** {@link IsoDates#parse} as it read before: the expression, then three substrings. */
    private static Optional<LocalDate> isoByRegex(String text) {
        String t = FieldValues.plain(text);
        if (!ISO_SHAPE.matcher(t).matches()) {
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

    /** {@link FieldValues#isDeadlineLabel} as it read before: trimmed and lower-cased. */
    private static boolean deadlineByCopy(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        return l.endsWith(" by") || l.equals("due") || l.equals("deadline");
    }

    @Property(tries = 3000)
    void durationsScanReadsAsTheExpressions(@ForAll("durations") String value) {
        String v = FieldValues.plain(value);
        boolean ascii = v.chars().allMatch(c -> c < 128);
        assertThat(Durations.read(v, ascii)).isEqualTo(Durations.read(v, false));
        if (ascii) {
            assertThat(Durations.read(v, true)).isEqualTo(Durations.read(v, false));
        }
    }

    @Property(tries = 3000)
    void isoDatesScanReadsAsTheExpression(@ForAll("dates") String text) {
        assertThat(IsoDates.parse(text)).isEqualTo(isoByRegex(text));
        assertThat(IsoDates.looksLikeIsoDate(text)).isEqualTo(ISO_SHAPE.matcher(text).matches());
    }

    @Property(tries = 3000)
    void deadlineLabelsReadAsTheLowerCasedCopy(@ForAll("labels") String label) {
        assertThat(FieldValues.isDeadlineLabel(label)).isEqualTo(deadlineByCopy(label));
    }

    @Provide
    Arbitrary<String> durations() {
        return Arbitraries.of(
                        "2",
                        "12",
                        "1.5",
                        ".",
                        "0",
                        " ",
                        "\t",
                        "\u000B",
                        "day",
                        "DAY",
                        "week",
                        "Weeks",
                        "sprint",
                        "MONTH",
                        "s",
                        "S",
                        "_",
                        "x",
                        "-",
                        ",",
                        "to",
                        "2026-11-26",
                        "2026-12-16",
                        "2026-02-30",
                        "12026-01-01",
                        "é",
                        "\u212A",
                        "\u017F",
                        "**",
                        "(",
                        ")")
                .list()
                .ofMaxSize(9)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "2026", "0000", "9999", "-", "02", "13", "00", "28", "29", "30", "1", "x",
                        " ", "*", "_", "\u0663", "\uFF11", "é");
        return pieces.list().ofMaxSize(7).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> labels() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "Decision",
                        "decision",
                        " ",
                        "\t",
                        "\u0001",
                        "by",
                        "BY",
                        "bY",
                        "By",
                        "b",
                        "y",
                        "Due",
                        "DUE",
                        "due",
                        "dUe",
                        "Deadline",
                        "DEADLINE",
                        "deadlıne",
                        "dead",
                        "line",
                        "\u0130",
                        "\u212A",
                        "\u00A0",
                        "needed",
                        "Answer");
        return pieces.list().ofMaxSize(5).map(l -> String.join("", l));
    }

    @Example
    void realDurations() {
        String[] values = {
            "2 weeks",
            "1 sprints",
            "3 weeks, 2026-11-26 to 2026-12-16",
            "2026-12-16 to 2026-11-26",
            "1.5 sprints",
            "about a month",
            "10weeksX",
            "2 weeks_",
            "2 days.",
            "TBD",
        };
        for (String v : values) {
            assertThat(Durations.read(v, true)).as(v).isEqualTo(Durations.read(v, false));
        }
        assertThat(Durations.read("2 weeks")).isEqualTo(new Durations.Length(14));
        assertThat(Durations.read("10weeksX")).isInstanceOf(Durations.Unusable.class);
    }
}
