package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rule skims a spec for a long run of quote and indent characters before reading lines. */
class NestingDepthRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    private static List<Diagnostic> nesting(String text) {
        return CHECKER
                .check(null, text, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(NestingDepthRule.ID))
                .toList();
    }

    /** The longest run of {@code >}, space and tab, read character by character. */
    private static int longestRun(String text) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == '>' || c == ' ' || c == '\t' ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    @Property(tries = 2000)
    void skimmingFindsARunExactlyWhenOneIsThere(@ForAll("texts") String text) {
        assertThat(NestingDepthRule.hasRun(text, NestingDepthRule.MIN_PREFIX))
                .isEqualTo(longestRun(text) >= NestingDepthRule.MIN_PREFIX);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        " ",
                        "\t",
                        ">",
                        "> ",
                        "- ",
                        "1. ",
                        "word",
                        "\n",
                        "\r\n",
                        "          ",
                        "\t\t\t\t\t",
                        ">>>>>",
                        "é");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Example
    void theShortestPrefixOverTheLimitIsStillReported() {
        String spec = "# Title\n\nText.\n\n";
        // 25 tabs: 100 columns, 50 list levels and the item's own: 51
        String over = spec + "\t".repeat(NestingDepthRule.MIN_PREFIX) + "- deep item\n";
        assertThat(nesting(over)).hasSize(1);
        assertThat(nesting(over).get(0).range().startLine()).isEqualTo(4);
        // 24 tabs and a space: 97 columns, 48 levels and the item's own: 49
        String under = spec + "\t".repeat(NestingDepthRule.MIN_PREFIX - 1) + " - shallower item\n";
        assertThat(nesting(under)).isEmpty();
        // 51 quote markers: over, and the run is long
        assertThat(nesting(spec + ">".repeat(51) + " quoted\n")).hasSize(1);
    }
}
