package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One spec as the overview, board, table, timeline and {@code index.json} show it. Holds no parse
 * tree, so a portfolio of thousands stays small.
 *
 * @param path the file, relative to the project root, with {@code /} separators
 * @param page the spec's page, relative to the site root ({@code specs/<slug>.html})
 * @param title the title without a "Technical Specification:" prefix, or the file name
 * @param type the Type value, or empty when missing or still the template's placeholder
 * @param status the Document Status as written, or empty
 * @param column the board column: the template's spelling of the status, or {@link #OTHER}
 * @param created the Created date as written, or empty
 * @param checked ticked task-list items
 * @param total all task-list items
 * @param errors error count
 * @param warnings warning count
 * @param firstError the first error's message with its line, or empty
 * @param overdue overdue decisions, questions and reviews, as the check reported them
 * @param nextReview the Next Review value as written, or empty
 * @param phases milestone phases that have dates (written or derived)
 * @param decisions dated decisions and questions
 * @param json the spec's summary in core's one JSON shape ({@code SpecSummary#jsonFields}), its
 *     path relative to the project root, for {@code index.json}
 * @param approvalStale why its recorded approval no longer holds (what changed), or empty when it
 *     holds or there is none
 */
public record SpecView(
        String path,
        String page,
        String title,
        String type,
        String status,
        String column,
        String created,
        int checked,
        int total,
        long errors,
        long warnings,
        String firstError,
        List<OverdueDate> overdue,
        String nextReview,
        List<Phase> phases,
        List<DecisionDate> decisions,
        Map<String, Object> json,
        String approvalStale) {

    /** The board column of a spec whose status is missing or not one of the template's. */
    public static final String OTHER = dev.specgate.core.lifecycle.Board.OTHER;

    public SpecView {
        requireNonNull(path, "path must not be null");
        requireNonNull(approvalStale, "approvalStale must not be null");
        requireNonNull(page, "page must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(column, "column must not be null");
        requireNonNull(created, "created must not be null");
        requireNonNull(firstError, "firstError must not be null");
        requireNonNull(nextReview, "nextReview must not be null");
        overdue = List.copyOf(overdue);
        phases = List.copyOf(phases);
        decisions = List.copyOf(decisions);
        json = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(json));
        if (checked < 0 || checked > total) {
            throw new IllegalArgumentException(
                    "checked " + checked + " must be between 0 and total " + total);
        }
    }

    /** Whole percent of checked items, 0 when there are none. */
    public int percent() {
        return percent(checked, total);
    }

    /** Whole percent of {@code part} in {@code whole}, rounded down; 0 for an empty whole. */
    public static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) ((100L * part) / whole);
    }

    /** The board column as a CSS class fragment: {@code draft}, {@code review}, ... */
    public String columnClass() {
        return cssName(column);
    }

    /** Whether the Next Review date has passed. */
    public boolean reviewOverdue() {
        return overdue.stream().anyMatch(o -> o.kind().equals(OverdueDate.REVIEW));
    }

    /** Number of overdue open decisions and questions. */
    public long decisionsOverdue() {
        return overdue.stream().filter(o -> o.kind().equals(OverdueDate.DECISION)).count();
    }

    /** Lowercase text the table and board filters search in. */
    public String searchText() {
        return (title + " " + type + " " + status + " " + path).toLowerCase(Locale.ROOT);
    }

    /** A name reduced to lowercase letters, digits and hyphens, for CSS classes. */
    public static String cssName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
