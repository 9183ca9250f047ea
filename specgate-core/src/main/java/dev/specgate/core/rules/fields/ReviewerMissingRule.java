package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldNames;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.Reviewers;
import dev.specgate.core.schema.Strictness;
import java.util.List;
import java.util.Optional;

/**
 * From Approved on, the Reviewer field must name a person: not empty, not a placeholder, not "TBD".
 * A Reviewer field that is absent altogether is reported by {@code field-missing} when the template
 * has one, and by this rule otherwise.
 */
public final class ReviewerMissingRule extends BaseRule {

    public static final String ID = RuleIds.REVIEWER_MISSING;

    public ReviewerMissingRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "An Approved spec does not name its reviewer.");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.strictness().atLeast(Strictness.APPROVED)) {
            return;
        }
        Optional<FieldSpec> spec = ctx.schema().reviewerField();
        if (spec.isEmpty()) {
            return; // a template without a Reviewer field asks for none
        }
        Optional<Field> reviewer = ctx.metadata(spec.get().label());
        if (reviewer.isEmpty()) {
            return; // the template requires the field: field-missing reports it, once
        }
        // a team's reviewers: list names a reviewer when one of its items names a person
        List<String> values = Reviewers.values(ctx.document(), reviewer.get());
        if (values.stream().noneMatch(Reviewers::namesAPerson)) {
            String value = String.join(", ", values);
            ctx.report(
                    reviewer.get().labelRange(),
                    FieldNames.quoted(ctx.schema(), reviewer.get())
                            + " must name a person from Approved on, "
                            + (value.isEmpty() ? "but it is empty" : "found '" + value + "'"));
        }
    }
}
