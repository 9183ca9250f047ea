package dev.specgate.core.rules;

/**
 * The id of every built-in rule, in registry order. Code outside the rule packages names a rule by
 * its id from here (to apply a fix, to read a gate), never by its class: only the registry knows
 * the rule classes.
 */
public final class RuleIds {

    private RuleIds() {}

    /** {@code section-missing}. */
    public static final String SECTION_MISSING = "section-missing";

    /** {@code section-level}. */
    public static final String SECTION_LEVEL = "section-level";

    /** {@code section-order}. */
    public static final String SECTION_ORDER = "section-order";

    /** {@code section-duplicate}. */
    public static final String SECTION_DUPLICATE = "section-duplicate";

    /** {@code section-empty}. */
    public static final String SECTION_EMPTY = "section-empty";

    /** {@code fence-unclosed}. */
    public static final String FENCE_UNCLOSED = "fence-unclosed";

    /** {@code html-unclosed}. */
    public static final String HTML_UNCLOSED = "html-unclosed";

    /** {@code conflict-marker}. */
    public static final String CONFLICT_MARKER = "conflict-marker";

    /** {@code nesting-depth}. */
    public static final String NESTING_DEPTH = "nesting-depth";

    /** {@code table-cells}. */
    public static final String TABLE_CELLS = "table-cells";

    /** {@code placeholder-template}. */
    public static final String PLACEHOLDER_TEMPLATE = "placeholder-template";

    /** {@code placeholder-title}. */
    public static final String PLACEHOLDER_TITLE = "placeholder-title";

    /** {@code placeholder-date}. */
    public static final String PLACEHOLDER_DATE = "placeholder-date";

    /** {@code placeholder-bracket}. */
    public static final String PLACEHOLDER_BRACKET = "placeholder-bracket";

    /** {@code placeholder-guidance}. */
    public static final String PLACEHOLDER_GUIDANCE = "placeholder-guidance";

    /** {@code metadata-invalid}. */
    public static final String METADATA_INVALID = "metadata-invalid";

    /** {@code field-missing}. */
    public static final String FIELD_MISSING = "field-missing";

    /** {@code field-value}. */
    public static final String FIELD_VALUE = "field-value";

    /** {@code field-duplicate}. */
    public static final String FIELD_DUPLICATE = "field-duplicate";

    /** {@code field-date}. */
    public static final String FIELD_DATE = "field-date";

    /** {@code field-date-order}. */
    public static final String FIELD_DATE_ORDER = "field-date-order";

    /** {@code field-duration}. */
    public static final String FIELD_DURATION = "field-duration";

    /** {@code field-file}. */
    public static final String FIELD_FILE = "field-file";

    /** {@code file-name}. */
    public static final String FILE_NAME = "file-name";

    /** {@code created-date}. */
    public static final String CREATED_DATE = "created-date";

    /** {@code reviewer-missing}. */
    public static final String REVIEWER_MISSING = "reviewer-missing";

    /** {@code task-box}. */
    public static final String TASK_BOX = "task-box";

    /** {@code task-empty}. */
    public static final String TASK_EMPTY = "task-empty";

    /** {@code decision-open}. */
    public static final String DECISION_OPEN = "decision-open";

    /** {@code gate-open}. */
    public static final String GATE_OPEN = "gate-open";

    /** {@code decision-overdue}. */
    public static final String DECISION_OVERDUE = "decision-overdue";

    /** {@code review-overdue}. */
    public static final String REVIEW_OVERDUE = "review-overdue";

    /** {@code link-broken}. */
    public static final String LINK_BROKEN = "link-broken";

    /** {@code link-anchor}. */
    public static final String LINK_ANCHOR = "link-anchor";

    /** {@code link-reference-undefined}. */
    public static final String LINK_REFERENCE_UNDEFINED = "link-reference-undefined";

    /** {@code layout-missing}. */
    public static final String LAYOUT_MISSING = "layout-missing";

    /** {@code layout-early}. */
    public static final String LAYOUT_EARLY = "layout-early";

    /** {@code task-spec-reference}. */
    public static final String TASK_SPEC_REFERENCE = "task-spec-reference";

    /** {@code task-id-duplicate}. */
    public static final String TASK_ID_DUPLICATE = "task-id-duplicate";

    /** {@code task-id-sequence}. */
    public static final String TASK_ID_SEQUENCE = "task-id-sequence";

    /** {@code task-id-parent}. */
    public static final String TASK_ID_PARENT = "task-id-parent";

    /** {@code unreadable-file}. */
    public static final String UNREADABLE_FILE = "unreadable-file";

    /** {@code suppression-unknown-rule}. */
    public static final String SUPPRESSION_UNKNOWN_RULE = "suppression-unknown-rule";

    /** {@code suppression-blanket}. */
    public static final String SUPPRESSION_BLANKET = "suppression-blanket";

    /** {@code suppression-refused}. */
    public static final String SUPPRESSION_REFUSED = "suppression-refused";

    /** {@code suppression-enable-unused}. */
    public static final String SUPPRESSION_ENABLE_UNUSED = "suppression-enable-unused";

    /** {@code approval-stale}. */
    public static final String APPROVAL_STALE = "approval-stale";

    /** {@code approval-missing}. */
    public static final String APPROVAL_MISSING = "approval-missing";

    /**
     * Whether rule {@code id} reports only in a run with {@code --trace} ({@code layout-missing},
     * {@code layout-early}): a run without it did not look for what a baseline records of them.
     */
    public static boolean onlyTraced(String id) {
        return id.equals(LAYOUT_MISSING) || id.equals(LAYOUT_EARLY);
    }
}
