package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Reviewers#words} folds ASCII and Latin-1 values by a scan instead of NFKC and a regular
 * expression: it must give what they give, for every value.
 */
class ReviewerWordsPropertyTest {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static String byRegex(String v) {
        return NOT_A_WORD
                .matcher(Normalizer.normalize(v, Normalizer.Form.NFKC))
                .replaceAll(" ")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Every char of Latin-1 and Latin Extended, between letters and alone: the scan's edge. */
    @Example
    void foldsEveryLatinCharAsNfkcAndTheExpression() {
        for (char c = 0; c < 0x250; c++) {
            for (String value : new String[] {"Ana" + c + "Lu", String.valueOf(c), c + " Ze"}) {
                assertThat(Reviewers.words(value)).as("U+%04X", (int) c).isEqualTo(byRegex(value));
            }
        }
    }

    @Property(tries = 3000)
    void foldsAsNfkcAndTheExpression(@ForAll("values") String value) {
        assertThat(Reviewers.words(value)).isEqualTo(byRegex(value));
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "Ana",
                        "TBD",
                        "tbd",
                        "O'Neil",
                        "Jean-Luc",
                        " ",
                        "\t",
                        "\u0001",
                        "-",
                        ".",
                        "?",
                        "_",
                        "2",
                        "n/a",
                        "N/A",
                        "\u2014",
                        "Zo\u00eb",
                        "\uFB01",
                        "\u2460",
                        "\u00A0",
                        "x",
                        "Z",
                        "@",
                        "[",
                        "]");
        return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}
