package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldNames;
import dev.specgate.core.schema.FieldSpec;
import java.util.Optional;

/**
 * A choice field (Type, Document Status) holds a value the template does not allow. Values match
 * ignoring case and emphasis. A value still in brackets is a placeholder, reported by the
 * placeholder rules instead; an empty value, like a placeholder, is a warning in a Draft.
 */
public final class FieldValueRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_VALUE;

    public FieldValueRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A field holds a value the template does not allow.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (FieldSpec spec : ctx.schema().fields()) {
            if (spec.kind() != FieldKind.CHOICE) {
                continue;
            }
            Optional<Field> field = ctx.metadata(spec.label());
            if (field.isEmpty() || ctx.schema().isPlaceholderValue(field.get().value())) {
                continue;
            }
            String value = FieldValues.plain(field.get().value());
            if (value.isEmpty()) {
                ctx.report(
                        ctx.draftLenient(),
                        field.get().labelRange(),
                        FieldNames.quoted(ctx.schema(), field.get())
                                + " is empty: choose one of "
                                + String.join(", ", spec.allowedValues()));
            } else if (!spec.allows(value) && !readsAsStatus(ctx, spec, value)) {
                ctx.report(
                        field.get().valueRange(),
                        FieldNames.quoted(ctx.schema(), field.get())
                                + " is '"
                                + value
                                + "' but must be one of "
                                + String.join(", ", spec.allowedValues()));
            }
        }
    }

    /**
     * Whether the field is the status field a project's {@code lifecycle: order} shapes, and the
     * value is one of its statuses as {@code status} reads them ({@code Implemented (Swift 5.10)},
     * {@code superseded by ADR-0009}): one verdict for both.
     */
    private static boolean readsAsStatus(RuleContext ctx, FieldSpec spec, String value) {
        return !ctx.schema().lifecycle().order().isEmpty()
                && spec.label().equalsIgnoreCase(ctx.schema().statusField())
                && ctx.schema().status(value).isPresent();
    }
}
