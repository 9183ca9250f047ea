package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

/**
 * One diagnostic as a page shows it. Lines and columns are 1-based, as people count them.
 *
 * @param rule the rule id
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param line 1-based line
 * @param column 1-based column (UTF-16 units)
 * @param message the message
 * @param occurrence 1 for the first diagnostic of this rule at this position, 2 for the next, ...
 *     (so that every element id on a page is unique)
 */
public record DiagnosticView(
        String rule, String severity, int line, int column, String message, int occurrence) {

    /** The first (usually only) diagnostic of its rule at its position. */
    public DiagnosticView(String rule, String severity, int line, int column, String message) {
        this(rule, severity, line, column, message, 1);
    }

    public DiagnosticView {
        requireNonNull(rule, "rule must not be null");
        requireNonNull(severity, "severity must not be null");
        requireNonNull(message, "message must not be null");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence " + occurrence + " must be >= 1");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " must be >= 1");
        }
    }

    /** The id of the element that shows this diagnostic on the spec page. */
    public String anchor() {
        String first = anchor(line, column, rule);
        return occurrence == 1 ? first : first + "-" + occurrence;
    }

    /** The id of the element that shows a diagnostic at this 1-based position. */
    public static String anchor(int line, int column, String rule) {
        return "d" + line + "-" + column + "-" + rule;
    }
}
