package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.FieldValues;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.List;
import java.util.Optional;

/**
 * How the dashboard's board groups specs, following the template: one column per status in
 * lifecycle order (the template's status values, or {@code lifecycle: order}); for a template
 * without statuses, one column per value of its {@code Type} choice field; else one column. A spec
 * whose value is missing or not one of the columns goes to {@link #OTHER}.
 *
 * @param field the field the columns come from, or empty for the single column
 * @param columns the columns in order
 */
public record Board(Optional<String> field, List<String> columns) {

    /** The column of a spec whose value is missing or unknown. */
    public static final String OTHER = "Other";

    /** The one column of a template with neither statuses nor a Type choice. */
    public static final String ALL = "Specs";

    public Board {
        requireNonNull(field, "field must not be null");
        columns = List.copyOf(columns);
    }

    /** The board of specs written from {@code schema}. */
    public static Board of(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        if (!schema.statuses().isEmpty()) {
            return new Board(Optional.of(schema.statusField()), schema.statuses());
        }
        Optional<FieldSpec> type =
                schema.field(TemplateSchema.TYPE_FIELD).filter(f -> f.kind() == FieldKind.CHOICE);
        if (type.isPresent()) {
            return new Board(Optional.of(type.get().label()), type.get().allowedValues());
        }
        return new Board(Optional.empty(), List.of(ALL));
    }

    /** Whether the columns are statuses. */
    public boolean byStatus(TemplateSchema schema) {
        return field.isPresent() && field.get().equalsIgnoreCase(schema.statusField());
    }

    /**
     * The column of a spec with this status and type as written (either may be null): its canonical
     * spelling among the columns, or {@link #OTHER}.
     */
    public String column(TemplateSchema schema, String status, String type) {
        if (field.isEmpty()) {
            return ALL;
        }
        if (byStatus(schema)) {
            String plain = status == null ? "" : FieldValues.plain(status);
            return plain.isEmpty() ? OTHER : schema.status(plain).orElse(OTHER);
        }
        String plain = type == null ? "" : FieldValues.plain(type);
        for (String c : columns) {
            if (c.equalsIgnoreCase(plain)) {
                return c;
            }
        }
        return OTHER;
    }
}
