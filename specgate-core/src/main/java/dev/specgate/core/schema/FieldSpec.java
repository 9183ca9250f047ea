package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metadata field the template defines ({@code **Type:** [Bug Fix | ...]}, {@code - Start Date:
 * (YYYY-MM-DD)}, or a front matter key {@code status: "{proposed | accepted}"}).
 *
 * @param label the label without bold marks and colon
 * @param kind what its value must be
 * @param allowedValues the alternatives of a {@link FieldKind#CHOICE} field, in template order
 * @param templateValue the value as the template writes it
 * @param inHeader whether the template puts it before its first section (else after the body)
 * @param form how the template writes it (and specs are read)
 * @param optional whether a spec may leave it out (a YAML comment in the template says so)
 * @param open whether a {@link FieldKind#CHOICE} field also accepts other values (the template's
 *     alternatives end with {@code …} or {@code ...})
 */
public record FieldSpec(
        String label,
        FieldKind kind,
        List<String> allowedValues,
        String templateValue,
        boolean inHeader,
        FieldForm form,
        boolean optional,
        boolean open) {

    public FieldSpec {
        allowedValues = List.copyOf(allowedValues);
        requireNonNull(form, "form must not be null");
    }

    /** A required bold-label field. */
    public FieldSpec(
            String label,
            FieldKind kind,
            List<String> allowedValues,
            String templateValue,
            boolean inHeader) {
        this(
                label,
                kind,
                allowedValues,
                templateValue,
                inHeader,
                FieldForm.BOLD_LINE,
                false,
                false);
    }

    /** The label as the template writes it, for messages: {@code **Type:**}, {@code status:}. */
    public String markdown() {
        return form.markdown(label);
    }

    /**
     * How {@code field-missing} begins its finding of this field absent: {@code missing metadata
     * field '**Reviewer:**'}; a status gate that states the same itself knows it by this.
     */
    public String missingMessage() {
        return "missing metadata field '" + markdown() + "'";
    }

    /**
     * Whether {@code value} (plain) is one of the alternatives: equal to one, ignoring case, or
     * following one whose example ends with a number ({@code superseded by ADR-0005} for {@code
     * superseded by ADR-0123}); any value when the field is {@link #open()}.
     */
    public boolean allows(String value) {
        String v = FieldValues.blanksCut(value);
        if (matchesChoice(v)) {
            return true;
        }
        if (detailAllowed()) {
            Matcher m = TRAILING_DETAIL.matcher(v);
            if (m.matches() && matchesChoice(m.group(1).trim())) {
                return true;
            }
        }
        return open;
    }

    /** A value followed by a parenthetical: {@code Implemented (5.9)}. */
    private static final Pattern TRAILING_DETAIL = Pattern.compile("(.*\\S)\\s+\\([^()]*\\)");

    private boolean matchesChoice(String v) {
        for (String a : allowedValues) {
            if (a.equalsIgnoreCase(v) || StatusNames.followsExample(a, v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a value may carry trailing detail in parentheses ({@code Implemented (5.9)}, {@code
     * Active review (March 4...18, 2025)}): the template lists its choices in curly braces ({@code
     * {A | B}}, Swift Evolution style), where such detail is the custom. A square-bracket list
     * ({@code [A | B]}, the built-in template) keeps exact matching.
     */
    private boolean detailAllowed() {
        String t = FieldValues.plain(templateValue).replace("\"", "").replace("'", "").trim();
        return t.startsWith("{");
    }

    /**
     * The components, those that keep their default (a required bold-label field, a closed choice)
     * left out, so a bold-label template's schema prints as it always has.
     */
    @Override
    public String toString() {
        return "FieldSpec[label="
                + label
                + ", kind="
                + kind
                + ", allowedValues="
                + allowedValues
                + ", templateValue="
                + templateValue
                + ", inHeader="
                + inHeader
                + (form == FieldForm.BOLD_LINE ? "" : ", form=" + form.label())
                + (optional ? ", optional=true" : "")
                + (open ? ", open=true" : "")
                + "]";
    }
}
