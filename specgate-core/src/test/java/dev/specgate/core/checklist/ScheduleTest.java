package dev.specgate.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private final LocalDate start = LocalDate.of(2026, 1, 1);

    @Test
    void durationsAreReadInDaysWeeksSprintsAndMonths() {
        assertThat(Schedule.addDuration(start, "1 day")).contains(start);
        assertThat(Schedule.addDuration(start, "1 week")).contains(LocalDate.of(2026, 1, 7));
        assertThat(Schedule.addDuration(start, "2 Weeks")).contains(LocalDate.of(2026, 1, 14));
        assertThat(Schedule.addDuration(start, "about 1.5 weeks"))
                .contains(LocalDate.of(2026, 1, 11));
        assertThat(Schedule.addDuration(start, "1 sprint")).contains(LocalDate.of(2026, 1, 14));
        assertThat(Schedule.addDuration(start, "2 months")).contains(LocalDate.of(2026, 3, 1));
    }

    @Test
    void unreadableOrAbsurdDurationsGiveNoDates() {
        assertThat(Schedule.addDuration(start, "[Time estimate]")).isEmpty();
        assertThat(Schedule.addDuration(start, "a while")).isEmpty();
        assertThat(Schedule.addDuration(start, "0 days")).isEmpty();
        assertThat(Schedule.addDuration(start, "9999 months")).isEmpty();
    }
}
