package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.ListedFields;
import java.util.Optional;

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
        ListedFields listed = null; // the spec's lines read once, for every missing field
        for (FieldSpec f : ctx.schema().fields()) {
            if (f.optional() || ctx.metadata(f.label()).isPresent()) {
                continue;
            }
            if (f.form() == FieldForm.SIDECAR && !doc.metadataProblems().isEmpty()) {
                continue; // a sidecar that cannot be read is metadata-invalid's finding
            }
            Optional<Field> misnamed = ctx.schema().misnamed(doc, f);
            if (misnamed.isPresent()) {
                // the value is there, under a name the template does not use: say so where it is
                Field m = misnamed.get();
                ctx.report(
                        ctx.schema().missingAt(doc, f),
                        f.missingMessage()
                                + ": "
                                + where(m.form())
                                + " '"
                                + m.form().markdown(m.label().trim())
                                + "' is not that field (fields are read by the template's"
                                + " labels): rename '"
                                + m.label().trim()
                                + "' to '"
                                + f.label()
                                + "'");
                continue;
            }
            SourceRange at = ctx.schema().missingAt(doc, f);
            if (f.form() == FieldForm.BOLD_LINE) {
                if (listed == null) {
                    listed = ListedFields.of(ctx.lines());
                }
                Optional<String> hint = listed.hint(f.label());
                if (hint.isPresent()) {
                    ctx.report(at, f.missingMessage() + ": " + hint.get());
                    continue;
                }
            }
            String where =
                    f.form() == FieldForm.SIDECAR && ctx.schema().sidecar().isPresent()
                            ? " in " + ctx.schema().sidecar().get()
                            : "";
            ctx.report(at, f.missingMessage() + where);
        }
    }

    /** Where a field of {@code form} stands, for messages. */
    private static String where(FieldForm form) {
        return switch (form) {
            case BOLD_LINE -> "the bold line";
            case LIST_ITEM -> "the leading list's";
            case FRONT_MATTER -> "the front matter's";
            case SIDECAR -> "the metadata file's";
        };
    }
}
