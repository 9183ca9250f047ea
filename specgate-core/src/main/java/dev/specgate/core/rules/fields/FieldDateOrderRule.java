package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.TemplateSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A date that cannot come before the spec was created does: {@code Last Updated} or {@code Next
 * Review} earlier than {@code Created}. Such a date is a typo, or was written with a wrong {@code
 * --today}.
 */
public final class FieldDateOrderRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_DATE_ORDER;

    private static final List<String> NOT_BEFORE_CREATED =
            List.of(TemplateSchema.LAST_UPDATED_FIELD, TemplateSchema.NEXT_REVIEW_FIELD);

    public FieldDateOrderRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A date field lies before the spec's Created date.");
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<LocalDate> created =
                ctx.metadata(TemplateSchema.CREATED_FIELD).flatMap(f -> IsoDates.parse(f.value()));
        if (created.isEmpty()) {
            return; // field-date or field-missing says why
        }
        for (String label : NOT_BEFORE_CREATED) {
            Optional<Field> field = ctx.metadata(label);
            Optional<LocalDate> date = field.flatMap(f -> IsoDates.parse(f.value()));
            if (date.isPresent() && date.get().isBefore(created.get())) {
                ctx.report(
                        field.get().valueRange(),
                        "'"
                                + label
                                + "' "
                                + date.get()
                                + " is before 'Created' "
                                + created.get()
                                + (label.equals(TemplateSchema.NEXT_REVIEW_FIELD)
                                        ? ": a spec cannot be reviewed before it exists"
                                        : ": a spec cannot change before it exists"));
            }
        }
    }
}
