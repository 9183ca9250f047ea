package dev.specgate.core.schema;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;

/**
 * How a field is named in a message: by its label as the spec writes it (a front matter key {@code
 * reviewer} as {@code 'reviewer'}, a bold line {@code **Reviewer:**} as {@code 'Reviewer'}), and
 * the sidecar file it stands in. Every field rule and gate names a field this one way.
 */
public final class FieldNames {

    private FieldNames() {}

    /**
     * {@code 'status'}, or {@code 'status' (kep.yaml)} for a field of the metadata file beside the
     * spec: its finding stands at the spec's first line, so the message names the other file.
     */
    public static String quoted(TemplateSchema schema, Field f) {
        String quoted = "'" + f.label().trim() + "'";
        if (f.form() == FieldForm.SIDECAR && schema.sidecar().isPresent()) {
            return quoted + " (" + schema.sidecar().get() + ")";
        }
        return quoted;
    }
}
