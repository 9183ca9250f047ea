package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.SpecDocument;
import java.util.Optional;

/**
 * The one reading of a spec's status: its status field's value as written, the same value as a
 * status (emphasis and code marks dropped), and the strictness it is held to. Every command, the
 * checker and the dashboard ask this class, so that {@code **Document Status:** *Implementation*}
 * means Implementation everywhere.
 */
public final class StatusReading {

    private StatusReading() {}

    /** The status field's value as written (trimmed), or empty when the field is missing. */
    public static Optional<String> written(SpecDocument doc, TemplateSchema schema) {
        requireNonNull(doc, "doc must not be null");
        requireNonNull(schema, "schema must not be null");
        return doc.metadata(schema.statusField()).map(Field::value).map(String::trim);
    }

    /** The status value without emphasis or code marks, or empty when missing or blank. */
    public static Optional<String> plain(SpecDocument doc, TemplateSchema schema) {
        return written(doc, schema).map(FieldValues::plain).filter(s -> !s.isEmpty());
    }

    /** How strictly the spec is held, following its status. */
    public static Strictness strictness(SpecDocument doc, TemplateSchema schema) {
        return strictness(written(doc, schema).orElse(null), schema);
    }

    /**
     * How strictly a spec whose status field's value is {@code written} ({@link #written}; null
     * when it has none) is held: {@link #strictness(SpecDocument, TemplateSchema)} without looking
     * the field up again.
     */
    public static Strictness strictness(String written, TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        String plain = written == null ? "" : FieldValues.plain(written);
        return Strictness.forStatus(plain.isEmpty() ? null : plain, schema);
    }
}
