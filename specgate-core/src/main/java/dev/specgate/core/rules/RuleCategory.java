package dev.specgate.core.rules;

import java.util.Locale;

/** The families rules are documented and packaged in; each has a package under {@code rules}. */
public enum RuleCategory {
    /** Sections: missing, misplaced, at the wrong level, repeated, empty. */
    STRUCTURE,
    /** Template text and placeholders left in. */
    PLACEHOLDER,
    /** Metadata fields: missing, repeated, values, dates, file names, reviewer. */
    FIELDS,
    /** Task boxes, overdue decisions and reviews. */
    CHECKLIST,
    /** Relative links and anchors. */
    LINKS,
    /** The File Organization's paths. */
    LAYOUT,
    /** Task lists under directives/tasks/. */
    TASKS,
    /** Files that cannot be read, and suppression comments. */
    INPUT,
    /** Approvals bound to the content approved. */
    APPROVAL;

    /** The lowercase name used in docs, SARIF and the rule's package. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
