package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

/**
 * A date that has passed while its item is still open: an open decision or question, or the next
 * review.
 *
 * @param kind {@code decision} or {@code review}
 * @param text what is overdue: the checklist item's text, or "Next Review"
 * @param date the date as written (ISO)
 * @param message the check's message
 * @param line 1-based line
 * @param anchor the id of the diagnostic's note on the spec page
 */
public record OverdueDate(
        String kind, String text, String date, String message, int line, String anchor) {

    public static final String DECISION = "decision";
    public static final String REVIEW = "review";

    public OverdueDate {
        requireNonNull(kind, "kind must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(date, "date must not be null");
        requireNonNull(message, "message must not be null");
        requireNonNull(anchor, "anchor must not be null");
    }
}
