package dev.specgate.core.catalog;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code list --status S --type T} and MCP's {@code list_specs} say of a filter value that no
 * listed template allows, in one wording. The filters match a spec's status or Type as written, in
 * any case ({@link SpecSummary#hasStatus}, {@link SpecSummary#hasType}), so a value no template
 * allows (a Type {@code Feature} written by hand) still lists the specs that write it; the words
 * say that it is none of the template's values, and that the specs were listed by it as written.
 */
public final class ListFilters {

    private ListFilters() {}

    /**
     * Why {@code value} is no status of {@code schemas} ({@code 'Done' is not a status: use one of
     * Draft, Review, Approved, Implementation (or tasks for task lists)}); empty when one of them
     * has it, or it is {@value SpecSummary#TASK_LIST_STATUS}.
     */
    public static Optional<String> notAStatus(String value, List<TemplateSchema> schemas) {
        requireNonNull(value, "value must not be null");
        if (schemas.stream().anyMatch(t -> t.status(value).isPresent())
                || value.strip().equalsIgnoreCase(SpecSummary.TASK_LIST_STATUS)) {
            return Optional.empty();
        }
        List<String> all = statuses(schemas);
        return Optional.of(
                "'"
                        + value
                        + "' is not a status: "
                        + (all.isEmpty()
                                ? "the template '"
                                        + schemas.get(0).name()
                                        + "' has no status values"
                                : "use one of " + String.join(", ", all))
                        + " (or "
                        + SpecSummary.TASK_LIST_STATUS
                        + " for task lists)");
    }

    /**
     * Why {@code value} is no Type of {@code schemas} ({@code 'Feature' is not a Type of the
     * template: use one of Bug Fix, ...}); empty when one of them has it, in any case.
     */
    public static Optional<String> notAType(String value, List<TemplateSchema> schemas) {
        requireNonNull(value, "value must not be null");
        if (schemas.stream()
                .anyMatch(t -> types(t).stream().anyMatch(v -> v.equalsIgnoreCase(value.trim())))) {
            return Optional.empty();
        }
        List<String> first = types(schemas.get(0));
        return Optional.of(
                "'"
                        + value
                        + "' is not a Type of the template: "
                        + (first.isEmpty()
                                ? "the template '" + schemas.get(0).name() + "' has no Type values"
                                : "use one of " + String.join(", ", first)));
    }

    /**
     * The note beside a list filtered by a value {@code why} says no template allows: {@code WHY;
     * listed by the Type as written (2 specs)}, or, when none writes it, {@code WHY; no spec's Type
     * is written so}.
     *
     * @param field {@code status} or {@code Type}
     */
    public static String listedAsWritten(String why, String field, long listed) {
        return why
                + (listed == 0
                        ? "; no spec's " + field + " is written so"
                        : "; listed by the "
                                + field
                                + " as written ("
                                + listed
                                + (listed == 1 ? " spec)" : " specs)"));
    }

    /** Every status of {@code schemas}, each once, in their order. */
    public static List<String> statuses(List<TemplateSchema> schemas) {
        List<String> all = new ArrayList<>();
        for (TemplateSchema t : schemas) {
            for (String st : t.statuses()) {
                if (all.stream().noneMatch(st::equalsIgnoreCase)) {
                    all.add(st);
                }
            }
        }
        return all;
    }

    private static List<String> types(TemplateSchema schema) {
        return schema.field(TemplateSchema.TYPE_FIELD)
                .map(FieldSpec::allowedValues)
                .orElse(List.of());
    }
}
