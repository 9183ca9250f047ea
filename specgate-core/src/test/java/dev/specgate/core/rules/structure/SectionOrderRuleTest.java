package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run of siblings that stands when sections are out of order. */
class SectionOrderRuleTest {

    @Test
    void inOrderKeepsEverything() {
        assertThat(SectionOrderRule.longestIncreasingRun(new int[] {1, 2, 5, 9}))
                .containsOnly(true);
    }

    @Test
    void sectionMovedToTheEndIsTheOneLeftOut() {
        assertThat(SectionOrderRule.longestIncreasingRun(new int[] {2, 3, 4, 5, 0}))
                .containsExactly(true, true, true, true, false);
    }

    @Test
    void sectionMovedToTheStartIsTheOneLeftOut() {
        assertThat(SectionOrderRule.longestIncreasingRun(new int[] {9, 1, 2, 3}))
                .containsExactly(false, true, true, true);
    }

    @Test
    void swapKeepsTheEarlierSection() {
        assertThat(SectionOrderRule.longestIncreasingRun(new int[] {3, 2, 4, 5}))
                .containsExactly(true, false, true, true);
    }

    @Test
    void emptyGroupKeepsNothing() {
        assertThat(SectionOrderRule.longestIncreasingRun(new int[0])).isEmpty();
    }
}
