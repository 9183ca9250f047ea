package dev.specgate.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Schedule#withoutTrailingFields} replaced a regular expression on the hot path of every
 * check; it must cut exactly what the expression's {@code replaceFirst("")} cut.
 */
class TrailingFieldsPropertyTest {

    private static String byRegex(String text) {
        return Schedule.TRAILING_FIELD.matcher(text).replaceFirst("");
    }

    @Property(tries = 3000)
    void cutsWhatTheRegularExpressionCuts(@ForAll("itemTexts") String text) {
        assertThat(Schedule.withoutTrailingFields(text)).isEqualTo(byRegex(text));
    }

    @Provide
    Arbitrary<String> itemTexts() {
        // the characters the expression cares about, bold labels, and plain words
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "**",
                        "*",
                        ":",
                        ":**",
                        "**Decision by:**",
                        "**Owner:** Ana",
                        " ",
                        "\t",
                        "-",
                        "\u2013",
                        "\u2014",
                        "\n",
                        "\r",
                        "\r\n",
                        "\u0085",
                        "\u2028",
                        "\u2029",
                        "\u000B",
                        "\f",
                        "word",
                        "2026-03-01",
                        "é",
                        "\uD83D\uDCE6",
                        "[x]",
                        "`a*b`");
        return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
    }

    @Example
    void realChecklistItems() {
        String[] items = {
            "Keep the trailer row \u2014 **Decision by:** 2026-03-01",
            "Keep the trailer row - **Decision by:** 2026-03-01 **Owner:** Ana",
            "Gzip the export **Answer needed by:** 2026-03-01\n",
            "Which bucket? **Answer needed by:** 2026-03-01\r\nmore",
            "**Decision by:** 2026-03-01",
            "Plain item with no field",
            "Emphasis **bold** then **Decision by:** 2026-04-02",
            "Two lines\n  then **Decision by:** 2026-04-02",
        };
        for (String item : items) {
            assertThat(Schedule.withoutTrailingFields(item)).as(item).isEqualTo(byRegex(item));
        }
        assertThat(Schedule.withoutTrailingFields(items[0])).isEqualTo("Keep the trailer row");
        assertThat(Schedule.withoutTrailingFields(items[3])).isEqualTo(items[3]);
    }
}
