package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;

/**
 * A metadata field of the template is absent. Header fields are reported at the title, trailing
 * fields at the last line.
 */
public final class FieldMissingRule extends BaseRule {

    public static final String ID = RuleIds.FIELD_MISSING;

    public FieldMissingRule() {
        super(
                ID,
                RuleCategory.FIELDS,
                Severity.ERROR,
                "A metadata field the template requires is missing.");
    }

    @Override
    public void check(RuleContext ctx) {
        SpecDocument doc = ctx.document();
        for (FieldSpec f : ctx.schema().fields()) {
            if (f.optional() || doc.metadata(f.label()).isPresent()) {
                continue;
            }
            SourceRange at;
            if (f.inHeader()) {
                at = doc.title().map(Section::range).orElse(SourceRange.fileStart());
            } else {
                int last = Math.max(0, doc.lineCount() - 1);
                at = SourceRange.ofLine(last, 0, 0);
            }
            ctx.report(at, "missing metadata field '" + f.markdown() + "'");
        }
    }
}
