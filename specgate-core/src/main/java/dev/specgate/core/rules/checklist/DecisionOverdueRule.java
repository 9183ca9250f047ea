package dev.specgate.core.rules.checklist;

import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/** An open checklist item whose {@code Decision by} / {@code Answer needed by} date has passed. */
public final class DecisionOverdueRule extends BaseRule {

    public static final String ID = RuleIds.DECISION_OVERDUE;

    public DecisionOverdueRule() {
        super(
                ID,
                RuleCategory.CHECKLIST,
                Severity.WARNING,
                "An open decision or question is past its date.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (Schedule.Deadline d : Schedule.overdueDeadlines(ctx.document(), ctx.today())) {
            ctx.report(d.field().valueRange(), d.overdueMessage(ctx.today()));
        }
    }
}
