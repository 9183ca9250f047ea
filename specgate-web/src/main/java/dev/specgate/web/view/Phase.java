package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A milestone phase from the spec's Timeline &amp; Milestones section.
 *
 * @param name the phase heading ({@code Phase 2: Core Implementation})
 * @param duration the Duration value as written
 * @param start first day
 * @param end last day (inclusive)
 * @param estimated whether the dates are derived from durations rather than written in the spec
 */
public record Phase(
        String name, String duration, LocalDate start, LocalDate end, boolean estimated) {

    public Phase {
        requireNonNull(name, "name must not be null");
        requireNonNull(duration, "duration must not be null");
        requireNonNull(start, "start must not be null");
        requireNonNull(end, "end must not be null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "phase end " + end + " is before its start " + start);
        }
    }
}
