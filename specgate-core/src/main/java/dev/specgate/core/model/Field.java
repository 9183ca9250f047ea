package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A labelled value: {@code **Type:** Bug Fix}, a leading list's {@code - Start Date: 2024-05-01},
 * or a front matter key's {@code status: accepted}. Metadata fields stand on lines of their own
 * outside lists (or in the document's leading metadata list, or its front matter); labelled list
 * fields stand in list items ({@code - **Primary Cause:** ...}).
 *
 * @param label the label without the bold marks and colon
 * @param value the text after the label, trimmed, exactly as the source holds it at {@code
 *     valueRange} (for a quoted YAML value, the text inside the quotes); may be empty
 * @param labelRange where the label stands
 * @param valueRange where the value stands (empty range right after the label when there is no
 *     value)
 * @param sectionIndex index of the enclosing section, or -1 before the first heading
 * @param inListItem whether the field is written inside a list item (the leading metadata list's
 *     items are metadata, not list fields)
 * @param form how the field is written
 */
public record Field(
        String label,
        String value,
        SourceRange labelRange,
        SourceRange valueRange,
        int sectionIndex,
        boolean inListItem,
        FieldForm form) {

    public Field {
        requireNonNull(form, "form must not be null");
    }

    /** A bold-labelled field ({@link FieldForm#BOLD_LINE}). */
    public Field(
            String label,
            String value,
            SourceRange labelRange,
            SourceRange valueRange,
            int sectionIndex,
            boolean inListItem) {
        this(label, value, labelRange, valueRange, sectionIndex, inListItem, FieldForm.BOLD_LINE);
    }

    /** Whether the label equals {@code name}, ignoring case and surrounding space. */
    public boolean hasLabel(String name) {
        return sameLabel(label, name);
    }

    /**
     * Whether two labels are equal, ignoring case and surrounding space: {@link #hasLabel} of a
     * field labelled {@code l}. An equivalence (case is compared as {@link String#equalsIgnoreCase}
     * does, one folding per character), so that a label's answer for one label stands for every
     * label equal to it.
     */
    public static boolean sameLabel(String l, String name) {
        if (!padded(l) && !padded(name)) {
            // labels are nearly always written without surrounding space: no trimming
            return l.length() == name.length() && l.equalsIgnoreCase(name);
        }
        return l.trim().equalsIgnoreCase(name.trim());
    }

    /** Whether {@link String#trim()} would cut something from {@code s}. */
    private static boolean padded(String s) {
        int n = s.length();
        return n > 0 && (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ');
    }
}
