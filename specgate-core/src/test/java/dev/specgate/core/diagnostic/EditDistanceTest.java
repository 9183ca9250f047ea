package dev.specgate.core.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void levenshteinCountsInsertsDeletesAndReplaces() {
        assertThat(EditDistance.levenshtein("spec", "spec", 5)).isZero();
        assertThat(EditDistance.levenshtein("spec", "specs", 5)).isEqualTo(1);
        assertThat(EditDistance.levenshtein("rollback plan", "rollbak plan", 5)).isEqualTo(1);
        assertThat(EditDistance.levenshtein("kitten", "sitting", 5)).isEqualTo(3);
        // a swap is two edits here
        assertThat(EditDistance.levenshtein("chekc", "check", 5)).isEqualTo(2);
        assertThat(EditDistance.levenshtein("", "abc", 5)).isEqualTo(3);
    }

    @Test
    void levenshteinStopsPastItsLimit() {
        assertThat(EditDistance.levenshtein("technical decisions", "outstanding questions", 2))
                .isEqualTo(3);
        assertThat(EditDistance.levenshtein("kitten", "sitting", 2)).isEqualTo(3);
    }

    @Test
    void withSwapsCountsASwapOfNeighboursAsOne() {
        assertThat(EditDistance.withSwaps("chekc", "check")).isEqualTo(1);
        assertThat(EditDistance.withSwaps("sepc", "spec")).isEqualTo(1);
        assertThat(EditDistance.withSwaps("Spec", "spec")).isEqualTo(1);
        assertThat(EditDistance.withSwaps("directive", "directives")).isEqualTo(1);
        assertThat(EditDistance.withSwaps("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.withSwaps("été", "ete")).isEqualTo(2);
    }
}
