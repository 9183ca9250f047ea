package dev.specgate.core.rules.checklist;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.fields.IsoDates;
import dev.specgate.core.schema.TemplateSchema;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The {@code Next Review} date has passed. */
public final class ReviewOverdueRule extends BaseRule {

    public static final String ID = "review-overdue";

    public ReviewOverdueRule() {
        super(ID, "checklist", Severity.WARNING, "The Next Review date has passed.");
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Field> next = ctx.document().metadata(TemplateSchema.NEXT_REVIEW_FIELD);
        if (next.isEmpty()) {
            return;
        }
        Optional<LocalDate> date = IsoDates.parse(next.get().value());
        if (date.isPresent() && date.get().isBefore(ctx.today())) {
            long days = ChronoUnit.DAYS.between(date.get(), ctx.today());
            ctx.report(
                    next.get().valueRange(),
                    "review is overdue: 'Next Review' "
                            + date.get()
                            + " passed "
                            + days
                            + (days == 1 ? " day" : " days")
                            + " ago");
        }
    }
}
