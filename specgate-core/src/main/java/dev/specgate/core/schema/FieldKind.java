package dev.specgate.core.schema;

/** What a metadata field's value must be, as the template's placeholder says. */
public enum FieldKind {
    /** One of the template's {@code [A | B | C]} alternatives. */
    CHOICE,
    /** An ISO date, from the template's {@code [Date]}. */
    DATE,
    /** The spec's own file name, from a template value that names a {@code .md} path. */
    FILE,
    /** Free text. */
    TEXT
}
