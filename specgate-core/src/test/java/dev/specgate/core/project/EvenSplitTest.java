package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The run's parallel map: every item once, in order, failures thrown, small lists kept local. */
class EvenSplitTest {

    @Test
    void mapsEveryItemOnceInTheListsOrder() {
        List<Integer> items = IntStream.range(0, 1_001).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<String> out =
                EvenSplit.map(
                        items,
                        i -> {
                            assertThat(seen.add(i)).as("item %d mapped twice", i).isTrue();
                            return "spec-" + i;
                        });
        assertThat(out).hasSize(1_001);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo("spec-" + i);
        }
        assertThat(seen).hasSize(1_001);
    }

    @Test
    void aListOfOneBatchIsMappedOnTheCallingThreadAlone() {
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        List<Integer> items = IntStream.range(0, EvenSplit.BATCH).boxed().toList();
        List<Integer> out =
                EvenSplit.map(
                        items,
                        i -> {
                            synchronized (threads) {
                                threads.add(Thread.currentThread());
                            }
                            return i * 2;
                        });
        assertThat(out).containsExactly(0, 2, 4, 6, 8, 10, 12, 14);
        assertThat(threads).hasSize(EvenSplit.BATCH).allMatch(t -> t == caller);
    }

    @Test
    void oneAtATimeMapsEveryItemOnceInTheListsOrder() {
        List<Integer> items = IntStream.range(0, 37).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Integer> out =
                EvenSplit.map(
                        items,
                        1,
                        i -> {
                            assertThat(seen.add(i)).as("item %d mapped twice", i).isTrue();
                            return i * 3;
                        });
        assertThat(out).isEqualTo(IntStream.range(0, 37).map(i -> i * 3).boxed().toList());
    }

    @Test
    void aBatchOfNoItemIsRefused() {
        assertThatThrownBy(() -> EvenSplit.map(List.of(1, 2), 0, i -> i))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch");
    }

    @Test
    void anEmptyListGivesAnEmptyList() {
        assertThat(EvenSplit.map(List.<String>of(), String::length)).isEmpty();
    }

    @Test
    void nullResultsKeepTheirPlace() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        List<Integer> out = EvenSplit.map(items, i -> i % 3 == 0 ? null : i);
        assertThat(out.get(0)).isNull();
        assertThat(out.get(1)).isEqualTo(1);
        assertThat(out.get(99)).isNull();
    }

    @Test
    void theFirstFailureIsThrownToTheCaller() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        assertThatThrownBy(
                        () ->
                                EvenSplit.map(
                                        items,
                                        i -> {
                                            if (i == 321) {
                                                throw new IllegalStateException("bug at 321");
                                            }
                                            return i;
                                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bug at 321");
    }
}
