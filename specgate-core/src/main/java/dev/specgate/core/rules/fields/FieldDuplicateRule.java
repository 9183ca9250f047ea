package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import java.util.List;

/**
 * A metadata field of the template is written twice. Only the first is read (by {@code check},
 * {@code status}, {@code list}), so a second {@code **Document Status:**} line says one thing to
 * the reader and another to the tools.
 */
public final class FieldDuplicateRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_DUPLICATE;

    public FieldDuplicateRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A metadata field is written more than once.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (FieldSpec spec : ctx.schema().fields()) {
            Field first = null;
            List<Field> fields = ctx.metadataFields();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (f.form() == FieldForm.SIDECAR || !f.hasLabel(spec.label())) {
                    continue;
                }
                if (first == null) {
                    first = f;
                } else {
                    ctx.report(
                            f.labelRange(),
                            "'"
                                    + spec.markdown()
                                    + "' is written again (first on line "
                                    + (first.labelRange().startLine() + 1)
                                    + "); only the first is read: remove one");
                }
            }
        }
    }
}
