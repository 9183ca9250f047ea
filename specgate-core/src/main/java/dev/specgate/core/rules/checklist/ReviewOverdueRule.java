package dev.specgate.core.rules.checklist;

import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.TemplateSchema;

/** The {@code Next Review} date has passed. */
public final class ReviewOverdueRule extends BaseRule {

    public static final String ID = RuleIds.REVIEW_OVERDUE;

    public ReviewOverdueRule() {
        super(ID, RuleCategory.CHECKLIST, Severity.WARNING, "The Next Review date has passed.");
    }

    @Override
    public void check(RuleContext ctx) {
        // the field looked up among the metadata fields the check gathered once, where
        // Schedule.reviewOf reads every field of the spec (Next Review is written last)
        ctx.metadata(TemplateSchema.NEXT_REVIEW_FIELD)
                .flatMap(Schedule::reviewIn)
                .filter(r -> r.overdueOn(ctx.today()))
                .ifPresent(r -> ctx.report(r.field().valueRange(), r.overdueMessage(ctx.today())));
    }
}
