package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

/**
 * An overdue date and the spec it belongs to, for the overview.
 *
 * @param spec the spec
 * @param date what is overdue
 */
public record OverdueEntry(SpecView spec, OverdueDate date) {

    public OverdueEntry {
        requireNonNull(spec, "spec must not be null");
        requireNonNull(date, "date must not be null");
    }
}
