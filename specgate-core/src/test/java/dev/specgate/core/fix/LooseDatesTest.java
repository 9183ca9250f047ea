package dev.specgate.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LooseDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026/10/20|2026-10-20",
                "2026.10.20|2026-10-20",
                "2026-1-5|2026-01-05",
                "2026-10-20T09:30|2026-10-20",
                "2026-10-20 09:30:00|2026-10-20",
                "20.10.2026|2026-10-20",
                "20/10/2026|2026-10-20",
                "10/20/2026|2026-10-20",
                "20 October 2026|2026-10-20",
                "20th Oct 2026|2026-10-20",
                "October 20, 2026|2026-10-20",
                "Sept 3 2026|2026-09-03",
                "29.02.2028|2028-02-29",
                "02/11/2026|ambiguous",
                "11/11/2026|ambiguous",
                "31.02.2026|not a date",
                "2026-13-01|not a date",
                "20 Foo 2026|not a date",
                "next sprint|not a date",
                "20261020|not a date"
            })
    void readsOnlyUnambiguousRealDates(String text, String expected) {
        String actual = LooseDates.parse(text).map(Object::toString).orElse(null);

        if (expected.contains("-")) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isNull();
        }
    }
}
