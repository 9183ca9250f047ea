package dev.specgate.core.rules.checklist;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.fields.DateFieldRule;
import dev.specgate.core.rules.fields.IsoDates;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** An open checklist item whose {@code Decision by} / {@code Answer needed by} date has passed. */
public final class DecisionOverdueRule extends BaseRule {

    public static final String ID = "decision-overdue";

    public DecisionOverdueRule() {
        super(ID, "checklist", Severity.WARNING, "An open decision or question is past its date.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (ChecklistItem item : ctx.document().checklist()) {
            if (item.checked()) {
                continue;
            }
            for (Field f : item.fields()) {
                if (!DateFieldRule.isDeadlineLabel(f.label())) {
                    continue;
                }
                Optional<LocalDate> due = IsoDates.parse(f.value());
                if (due.isPresent() && due.get().isBefore(ctx.today())) {
                    long days = ChronoUnit.DAYS.between(due.get(), ctx.today());
                    ctx.report(
                            f.valueRange(),
                            "open item is overdue: '"
                                    + f.label()
                                    + "' "
                                    + due.get()
                                    + " passed "
                                    + days
                                    + (days == 1 ? " day" : " days")
                                    + " ago");
                }
            }
        }
    }
}
