package dev.specgate.core.model;

/** How a metadata field is written in a template or spec. */
public enum FieldForm {
    /** A bold label on a line of its own: {@code **Status:** Draft}. */
    BOLD_LINE,
    /** An item of the list that opens the document: {@code - Start Date: 2024-05-01}. */
    LIST_ITEM,
    /** A key of the YAML front matter: {@code status: accepted}. */
    FRONT_MATTER,
    /** A key of a metadata file beside the spec, such as a KEP's {@code kep.yaml}. */
    SIDECAR;

    /** The field's label as the form writes it, for messages. */
    public String markdown(String label) {
        return switch (this) {
            case BOLD_LINE -> "**" + label + ":**";
            case LIST_ITEM -> "- " + label + ":";
            case FRONT_MATTER, SIDECAR -> label + ":";
        };
    }

    /** A lowercase name for reports: {@code bold-line}, {@code list-item}, ... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
