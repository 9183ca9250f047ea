package dev.specgate.core.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SpaceFoldingTest {

    @Property(tries = 3000)
    void foldsExactlyAsTheRegexWould(@ForAll("spaceSoup") String text) {
        assertThat(SpaceFolding.fold(text)).isEqualTo(text.trim().replaceAll("\\s+", " "));
    }

    @Property(tries = 1000)
    void foldsAnyTextAsTheRegexWould(@ForAll String text) {
        assertThat(SpaceFolding.fold(text)).isEqualTo(text.trim().replaceAll("\\s+", " "));
    }

    @Property(tries = 3000)
    void foldsASliceAsItsString(@ForAll("spaceSoup") String text) {
        char[] around = ("\n " + text + " x").toCharArray();
        String folded = SpaceFolding.fold(text, around, 2, 2 + text.length());
        assertThat(folded).isEqualTo(text.trim().replaceAll("\\s+", " "));
    }

    @Example
    void aSliceWithNothingToFoldIsTheStringItself() {
        String text = "Plan and scope";
        char[] around = (" " + text + "  ").toCharArray();
        assertThat(SpaceFolding.fold(text, around, 1, 1 + text.length())).isSameAs(text);
    }

    @Example
    void aTextWithoutRunsIsReturnedTrimmed() {
        assertThat(SpaceFolding.fold("  Plan and scope ")).isEqualTo("Plan and scope");
        assertThat(SpaceFolding.fold("a \t\n b\u000Bc\u00A0d")).isEqualTo("a b c\u00A0d");
    }

    @Provide
    Arbitrary<String> spaceSoup() {
        return Arbitraries.of(
                        " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u0001", "\u00A0", "\u2028",
                        "a", "é", "x y", "\u0085")
                .list()
                .ofMaxSize(30)
                .map(parts -> String.join("", parts));
    }
}
