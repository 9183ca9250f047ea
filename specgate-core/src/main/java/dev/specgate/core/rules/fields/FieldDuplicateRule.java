package dev.specgate.core.rules.fields;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;

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
        TemplateSchema schema = ctx.schema();
        List<FieldSpec> specs = schema.fields();
        List<Field> fields = ctx.metadataFields();
        // which template fields each field names, looked up once per field (not per field and
        // template field): bit i for specs.get(i), as Field.hasLabel compares; a sidecar's names
        // none here
        long[] named = ctx.metadataNamed().clone();
        long any = 0;
        long twice = 0; // the fields named again after a first: the only ones reported
        for (int j = 0; j < fields.size(); j++) {
            if (fields.get(j).form() == FieldForm.SIDECAR) {
                named[j] = 0;
            }
            twice |= any & named[j];
            any |= named[j];
        }
        String status = null;
        for (int i = 0; i < specs.size(); i++) {
            FieldSpec spec = specs.get(i);
            long bit = i < Long.SIZE ? 1L << i : 0;
            if (bit != 0 && (any & bit) == 0) {
                continue; // not written: nothing twice, and no status to contradict
            }
            if (bit != 0 && (twice & bit) == 0) {
                // written once: nothing to report unless it is the status, whose first field is
                // then looked for below (most specs: no field read for another)
                if (status == null) {
                    status = schema.statusField();
                }
                if (!spec.label().equalsIgnoreCase(status)) {
                    continue;
                }
            }
            Field first = null;
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                boolean labelled =
                        bit != 0
                                ? (named[j] & bit) != 0
                                : f.form() != FieldForm.SIDECAR && f.hasLabel(spec.label());
                if (!labelled) {
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
            if (first == null) {
                continue;
            }
            if (status == null) {
                status = schema.statusField();
            }
            // the status only: it sets how strictly the spec is held and where it stands, and a
            // "status:" key is how most Markdown tools write it; another name for another field
            // (a front matter "review:" beside "**Next Review:**") is often something else
            if (spec.label().equalsIgnoreCase(status)) {
                contradictingOtherName(ctx, spec, first);
            }
        }
    }

    /**
     * Whether each metadata field names one of the template's fields ({@link
     * RuleContext#metadataNamed}) whose labels are written without surrounding space: then each is
     * a template field's label as {@link TemplateSchema#field} finds it, which {@link
     * TemplateSchema#otherNamed} never takes for another name (most specs: their labels are the
     * template's, and its look-up per field is spared).
     */
    private static boolean everyFieldNamesTheTemplates(RuleContext ctx) {
        long[] named = ctx.metadataNamed();
        for (long bits : named) {
            if (bits == 0) {
                return false;
            }
        }
        List<FieldSpec> specs = ctx.schema().fields();
        for (int i = 0; i < Math.min(specs.size(), Long.SIZE); i++) {
            String label = specs.get(i).label();
            int n = label.length();
            if (n == 0 || label.charAt(0) <= ' ' || label.charAt(n - 1) <= ' ') {
                return false; // Field.sameLabel trims it, TemplateSchema.field does not
            }
        }
        return true;
    }

    /**
     * The status written again under another name that is not read as it ({@code status:} in the
     * front matter beside {@code **Document Status:**}) and says otherwise: reported there, naming
     * both places, rather than passed over because its label is not the template's. One that
     * agrees, or is empty, says nothing the tools do not read.
     */
    private static void contradictingOtherName(RuleContext ctx, FieldSpec spec, Field read) {
        if (everyFieldNamesTheTemplates(ctx)) {
            return; // otherNamed passes over every such field: no other name to look up
        }
        Optional<Field> other = ctx.schema().otherNamed(ctx.document(), spec);
        if (other.isEmpty() || other.get().form() == FieldForm.SIDECAR) {
            return;
        }
        Field o = other.get();
        String said = FieldValues.plain(o.value());
        if (said.isEmpty() || said.equalsIgnoreCase(FieldValues.plain(read.value()))) {
            return;
        }
        ctx.report(
                o.labelRange(),
                "'"
                        + o.form().markdown(o.label().trim())
                        + " "
                        + o.value().trim()
                        + "' ("
                        + place(o)
                        + ", line "
                        + (o.labelRange().startLine() + 1)
                        + ") says otherwise than '"
                        + read.form().markdown(read.label().trim())
                        + " "
                        + read.value().trim()
                        + "' ("
                        + place(read)
                        + ", line "
                        + (read.labelRange().startLine() + 1)
                        + "), and only '"
                        + spec.markdown()
                        + "' is read (fields are read by the template's labels): remove '"
                        + o.label().trim()
                        + "' or make the two agree");
    }

    private static String place(Field f) {
        return switch (f.form()) {
            case FRONT_MATTER -> "front matter";
            case LIST_ITEM -> "leading list";
            case SIDECAR -> "metadata file";
            case BOLD_LINE -> "bold line";
        };
    }
}
