package dev.specgate.core.model;

/**
 * A bold-labelled value: {@code **Type:** Bug Fix}. Metadata fields stand on lines of their own
 * outside lists; labelled list fields stand in list items ({@code - **Primary Cause:** ...}).
 *
 * @param label the label without the bold marks and colon
 * @param value the text after the label, trimmed; may be empty
 * @param labelRange where the bold label stands
 * @param valueRange where the value stands (empty range right after the label when there is no
 *     value)
 * @param sectionIndex index of the enclosing section, or -1 before the first heading
 * @param inListItem whether the field is written inside a list item
 */
public record Field(
        String label,
        String value,
        SourceRange labelRange,
        SourceRange valueRange,
        int sectionIndex,
        boolean inListItem) {

    /** Whether the label equals {@code name}, ignoring case and surrounding space. */
    public boolean hasLabel(String name) {
        return label.trim().equalsIgnoreCase(name.trim());
    }
}
