package dev.specgate.bench.corpus;

import dev.specgate.core.rules.RuleIds;

/** One kind of mistake planted in an otherwise clean generated spec, and the rule that finds it. */
public enum Defect {
    SECTION_MISSING(RuleIds.SECTION_MISSING),
    SECTION_ORDER(RuleIds.SECTION_ORDER),
    SECTION_LEVEL(RuleIds.SECTION_LEVEL),
    SECTION_DUPLICATE(RuleIds.SECTION_DUPLICATE),
    SECTION_EMPTY(RuleIds.SECTION_EMPTY),
    PLACEHOLDER_TEMPLATE(RuleIds.PLACEHOLDER_TEMPLATE),
    PLACEHOLDER_TITLE(RuleIds.PLACEHOLDER_TITLE),
    PLACEHOLDER_DATE(RuleIds.PLACEHOLDER_DATE),
    PLACEHOLDER_BRACKET(RuleIds.PLACEHOLDER_BRACKET),
    FIELD_MISSING(RuleIds.FIELD_MISSING),
    FIELD_VALUE(RuleIds.FIELD_VALUE),
    FIELD_DATE(RuleIds.FIELD_DATE),
    FIELD_FILE(RuleIds.FIELD_FILE),
    FILE_NAME(RuleIds.FILE_NAME),
    CREATED_DATE(RuleIds.CREATED_DATE),
    REVIEWER_MISSING(RuleIds.REVIEWER_MISSING),
    TASK_BOX(RuleIds.TASK_BOX),
    DECISION_OVERDUE(RuleIds.DECISION_OVERDUE),
    REVIEW_OVERDUE(RuleIds.REVIEW_OVERDUE),
    LINK_BROKEN(RuleIds.LINK_BROKEN),
    LINK_ANCHOR(RuleIds.LINK_ANCHOR),
    NOT_UTF8(RuleIds.UNREADABLE_FILE),
    BINARY(RuleIds.UNREADABLE_FILE);

    private final String ruleId;

    Defect(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The id of the rule that must report this defect. */
    public String ruleId() {
        return ruleId;
    }
}
