package dev.specgate.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static SpecView spec(String path, List<Phase> phases, List<DecisionDate> decisions) {
        return new SpecView(
                path,
                "specs/x.html",
                "T",
                "",
                "Draft",
                "Draft",
                "",
                0,
                0,
                0,
                0,
                "",
                List.of(),
                "",
                phases,
                decisions,
                java.util.Map.of(),
                "");
    }

    @Test
    void specsWithoutDatesGetNoRow() {
        Timeline t = Timeline.of(List.of(spec("a.md", List.of(), List.of())), LocalDate.now());
        assertThat(t.isEmpty()).isTrue();
        assertThat(t.rows(0, t.rowCount())).isEmpty();
    }

    @Test
    void phasesAndDecisionsShareOneScaleOfWholeMonths() {
        LocalDate d = LocalDate.of(2026, 3, 10);
        Phase p = new Phase("Phase 1", "1 week", d, d.plusDays(6), true);
        DecisionDate decision =
                new DecisionDate("Pick", "Decision by", LocalDate.of(2026, 5, 20), false, true, 9);
        Timeline t =
                Timeline.of(
                        List.of(spec("a.md", List.of(p), List.of(decision))),
                        LocalDate.of(2026, 4, 1));
        assertThat(t.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(t.end()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(t.width()).isEqualTo(Timeline.MIN_WIDTH);
        assertThat(t.ticks())
                .extracting(Timeline.Tick::label)
                .containsExactly("Mar 2026", "Apr", "May");
        Timeline.Row row = t.rows(0, t.rowCount()).get(0);
        double x = Double.parseDouble(row.bars().get(0).x());
        double w = Double.parseDouble(row.bars().get(0).width());
        assertThat(x).as("9 of 92 days").isBetween(97.0, 98.5);
        assertThat(w).isBetween(70.0, 80.0);
        assertThat(row.markers().get(0).decision().state()).isEqualTo("overdue");
        assertThat(Double.parseDouble(t.todayX())).isBetween(337.0, 343.0);
    }

    @Test
    void rowsAreLaidOutARangeAtATimeAsWhole() {
        LocalDate d = LocalDate.of(2026, 3, 10);
        List<SpecView> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Phase p =
                    new Phase("Phase 1", "1 week", d.plusDays(9 * i), d.plusDays(9 * i + 6), true);
            DecisionDate decision =
                    new DecisionDate(
                            "Pick", "Decision by", d.plusDays(20 * i), i % 2 == 0, false, 9);
            specs.add(spec(i + ".md", List.of(p), List.of(decision)));
            specs.add(spec(i + "-undated.md", List.of(), List.of()));
        }
        Timeline t = Timeline.of(specs, d);
        assertThat(t.rowCount()).isEqualTo(7);
        List<Timeline.Row> whole = t.rows(0, t.rowCount());
        assertThat(whole).extracting(r -> r.spec().path()).doesNotContain("0-undated.md");
        List<Timeline.Row> pieces = new java.util.ArrayList<>(t.rows(0, 3));
        pieces.addAll(t.rows(3, 6));
        pieces.addAll(t.rows(6, 7));
        assertThat(pieces).isEqualTo(whole);
        assertThat(t.rows(2, 2)).isEmpty();
    }

    @Test
    void longSpansWidenTheDrawingUpToItsLimit() {
        LocalDate d = LocalDate.of(2020, 1, 1);
        Phase p = new Phase("P", "10 years", d, d.plusYears(10), true);
        Timeline t = Timeline.of(List.of(spec("a.md", List.of(p), List.of())), d);
        assertThat(t.width()).isEqualTo(Timeline.MAX_WIDTH);
        assertThat(t.ticks()).hasSizeLessThan(15);
        assertThat(t.todayX()).isNotEmpty();
    }

    @Test
    void numbersAreWrittenWithOneDecimal() {
        assertThat(Timeline.fmt(12.345)).isEqualTo("12.3");
        assertThat(Timeline.fmt(7)).isEqualTo("7.0");
        assertThat(Timeline.fmt(0.96)).isEqualTo("1.0");
        assertThat(Timeline.fmt(-1.25)).isEqualTo("-1.2");
    }
}
