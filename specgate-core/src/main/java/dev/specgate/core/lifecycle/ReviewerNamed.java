package dev.specgate.core.lifecycle;

import dev.specgate.core.model.Field;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Reviewers;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;

/**
 * The Reviewer field names a person: not empty, not a placeholder, not "TBD". Its reason is tagged
 * with the rule that says the same of an Approved spec, {@code [reviewer-missing]}, as the gate's
 * check errors are tagged with theirs.
 */
public final class ReviewerNamed implements GateCondition {

    private static final String TAG = "[" + RuleIds.REVIEWER_MISSING + "] ";

    @Override
    public List<GateReason> reasons(GateContext context) {
        Optional<Field> reviewer = context.document().metadata(TemplateSchema.REVIEWER_FIELD);
        if (reviewer.isEmpty()) {
            return List.of(
                    GateReason.ofSpec(
                            TAG
                                    + "no '**"
                                    + TemplateSchema.REVIEWER_FIELD
                                    + ":**' field: add one that names the reviewer"));
        }
        if (Reviewers.namesAPerson(reviewer.get().value())) {
            return List.of();
        }
        String value = reviewer.get().value();
        return List.of(
                new GateReason(
                        reviewer.get().labelRange().startLine(),
                        TAG
                                + "'"
                                + TemplateSchema.REVIEWER_FIELD
                                + "' must name a person, found "
                                + (value.isBlank() ? "nothing" : "'" + value + "'")));
    }
}
