package dev.specgate.core.schema;

import java.util.List;

/**
 * A metadata field the template defines ({@code **Type:** [Bug Fix | ...]}).
 *
 * @param label the label without bold marks and colon
 * @param kind what its value must be
 * @param allowedValues the alternatives of a {@link FieldKind#CHOICE} field, in template order
 * @param templateValue the value as the template writes it
 * @param inHeader whether the template puts it before its first section (else after the body)
 */
public record FieldSpec(
        String label,
        FieldKind kind,
        List<String> allowedValues,
        String templateValue,
        boolean inHeader) {

    public FieldSpec {
        allowedValues = List.copyOf(allowedValues);
    }

    /** The label as Markdown, for messages: {@code **Type:**}. */
    public String markdown() {
        return "**" + label + ":**";
    }
}
