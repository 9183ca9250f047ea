package dev.specgate.core.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.schema.Strictness;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a check run is measured against.
 *
 * @param today the date overdue checks compare with
 * @param strictness a fixed strictness, or empty to follow each spec's Document Status
 * @param trace whether to check that the paths the File Organization promises exist
 */
public record CheckOptions(LocalDate today, Optional<Strictness> strictness, boolean trace) {

    public CheckOptions {
        requireNonNull(today, "today must not be null");
        requireNonNull(strictness, "strictness must not be null");
    }

    /** Options without layout tracing. */
    public CheckOptions(LocalDate today, Optional<Strictness> strictness) {
        this(today, strictness, false);
    }

    /** Follow each spec's own status; measure dates against {@code today}. */
    public static CheckOptions asOf(LocalDate today) {
        return new CheckOptions(today, Optional.empty());
    }

    /** The same options with a fixed strictness (used by status gates). */
    public CheckOptions withStrictness(Strictness fixed) {
        return new CheckOptions(today, Optional.of(fixed), trace);
    }

    /** The same options with layout tracing on or off ({@code check --trace}). */
    public CheckOptions withTrace(boolean on) {
        return new CheckOptions(today, strictness, on);
    }
}
