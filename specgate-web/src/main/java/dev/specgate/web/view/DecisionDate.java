package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A dated checklist item: a decision ({@code Decision by}) or question ({@code Answer needed by}).
 *
 * @param text the item's text
 * @param label the date's label
 * @param date the date
 * @param done whether the item is checked
 * @param overdue whether the check reported it overdue
 * @param line 1-based line
 */
public record DecisionDate(
        String text, String label, LocalDate date, boolean done, boolean overdue, int line) {

    public DecisionDate {
        requireNonNull(text, "text must not be null");
        requireNonNull(label, "label must not be null");
        requireNonNull(date, "date must not be null");
    }

    /** {@code done}, {@code overdue} or {@code open}, for styling. */
    public String state() {
        return done ? "done" : overdue ? "overdue" : "open";
    }
}
