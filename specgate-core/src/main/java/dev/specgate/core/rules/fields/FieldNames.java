package dev.specgate.core.rules.fields;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.rules.RuleContext;

/** How a field is named in a message: its label, and the sidecar file it stands in. */
final class FieldNames {

    private FieldNames() {}

    /**
     * {@code 'status'}, or {@code 'status' (kep.yaml)} for a field of the metadata file beside the
     * spec: its finding stands at the spec's first line, so the message names the other file.
     */
    static String quoted(RuleContext ctx, Field f, String label) {
        String quoted = "'" + label + "'";
        if (f.form() == FieldForm.SIDECAR && ctx.schema().sidecar().isPresent()) {
            return quoted + " (" + ctx.schema().sidecar().get() + ")";
        }
        return quoted;
    }
}
