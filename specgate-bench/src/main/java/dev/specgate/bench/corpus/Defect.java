package dev.specgate.bench.corpus;

import dev.specgate.core.rules.checklist.DecisionOverdueRule;
import dev.specgate.core.rules.checklist.ReviewOverdueRule;
import dev.specgate.core.rules.checklist.TaskBoxRule;
import dev.specgate.core.rules.fields.CreatedDateRule;
import dev.specgate.core.rules.fields.DateFieldRule;
import dev.specgate.core.rules.fields.FieldMissingRule;
import dev.specgate.core.rules.fields.FieldValueRule;
import dev.specgate.core.rules.fields.FileFieldRule;
import dev.specgate.core.rules.fields.FileNameRule;
import dev.specgate.core.rules.fields.ReviewerRule;
import dev.specgate.core.rules.input.UnreadableFileRule;
import dev.specgate.core.rules.links.AnchorRule;
import dev.specgate.core.rules.links.BrokenLinkRule;
import dev.specgate.core.rules.placeholder.BracketPlaceholderRule;
import dev.specgate.core.rules.placeholder.DatePlaceholderRule;
import dev.specgate.core.rules.placeholder.TemplatePlaceholderRule;
import dev.specgate.core.rules.placeholder.TitlePlaceholderRule;
import dev.specgate.core.rules.structure.SectionDuplicateRule;
import dev.specgate.core.rules.structure.SectionEmptyRule;
import dev.specgate.core.rules.structure.SectionLevelRule;
import dev.specgate.core.rules.structure.SectionMissingRule;
import dev.specgate.core.rules.structure.SectionOrderRule;

/** One kind of mistake planted in an otherwise clean generated spec, and the rule that finds it. */
public enum Defect {
    SECTION_MISSING(SectionMissingRule.ID),
    SECTION_ORDER(SectionOrderRule.ID),
    SECTION_LEVEL(SectionLevelRule.ID),
    SECTION_DUPLICATE(SectionDuplicateRule.ID),
    SECTION_EMPTY(SectionEmptyRule.ID),
    PLACEHOLDER_TEMPLATE(TemplatePlaceholderRule.ID),
    PLACEHOLDER_TITLE(TitlePlaceholderRule.ID),
    PLACEHOLDER_DATE(DatePlaceholderRule.ID),
    PLACEHOLDER_BRACKET(BracketPlaceholderRule.ID),
    FIELD_MISSING(FieldMissingRule.ID),
    FIELD_VALUE(FieldValueRule.ID),
    FIELD_DATE(DateFieldRule.ID),
    FIELD_FILE(FileFieldRule.ID),
    FILE_NAME(FileNameRule.ID),
    CREATED_DATE(CreatedDateRule.ID),
    REVIEWER_MISSING(ReviewerRule.ID),
    TASK_BOX(TaskBoxRule.ID),
    DECISION_OVERDUE(DecisionOverdueRule.ID),
    REVIEW_OVERDUE(ReviewOverdueRule.ID),
    LINK_BROKEN(BrokenLinkRule.ID),
    LINK_ANCHOR(AnchorRule.ID),
    NOT_UTF8(UnreadableFileRule.ID),
    BINARY(UnreadableFileRule.ID);

    private final String ruleId;

    Defect(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The id of the rule that must report this defect. */
    public String ruleId() {
        return ruleId;
    }
}
