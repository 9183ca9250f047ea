package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A template section is a value (equal when its values are, as the record it was), and whether it
 * repeats is read from its heading once and kept.
 */
class SectionSpecTest {

    private static SectionSpec section(String title, boolean optional) {
        return new SectionSpec(3, 3, title, HeadingKey.of(title), 1, optional);
    }

    @Test
    void repeatsWhenItsOptionalHeadingIsOrHoldsAPlaceholder() {
        SectionSpec option = section("[Option name]", true);
        SectionSpec decision = section("Decision: [Short title]", true);
        SectionSpec plain = section("Current State (if applicable)", true);
        SectionSpec required = section("[Option name]", false);
        for (int ask = 0; ask < 2; ask++) { // the second answer is the kept one
            assertThat(option.repeats()).isTrue();
            assertThat(decision.repeats()).isTrue();
            assertThat(plain.repeats()).isFalse();
            assertThat(required.repeats()).isFalse();
        }
    }

    @Test
    void isEqualWhenItsValuesAreWhetherOrNotRepeatsWasAsked() {
        SectionSpec asked = section("Zoë's [Option name]", true);
        SectionSpec fresh = section("Zoë's [Option name]", true);
        asked.repeats();
        assertThat(asked).isEqualTo(fresh).hasSameHashCodeAs(fresh);
        assertThat(asked).hasToString(fresh.toString());
        assertThat(asked)
                .isNotEqualTo(section("Zoë's [Option name]", false))
                .isNotEqualTo(new SectionSpec(4, 3, "Zoë's [Option name]", asked.key(), 1, true));
        assertThat(asked.heading()).isEqualTo("### Zoë's [Option name]");
    }
}
