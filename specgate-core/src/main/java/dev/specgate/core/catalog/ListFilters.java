package dev.specgate.core.catalog;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code list --status S --type T} and MCP's {@code list_specs} say of a filter value that no
 * listed template allows, in one wording ({@link #notes}). The filters match a spec's status or
 * Type as written, in any case ({@link SpecSummary#hasStatus}, {@link SpecSummary#hasType}), so a
 * value no template allows (a Type {@code Feature} written by hand) still lists the specs that
 * write it; the words say that it is none of the template's values, and that the specs were listed
 * by it as written.
 */
public final class ListFilters {

    private ListFilters() {}

    /**
     * Why {@code value} is no status of {@code schemas}, in the lifecycle's words ({@link
     * Lifecycle#notAStatus(String, List)}: {@code 'Drafts' is not a status: use one of Draft,
     * Review, Approved, Implementation; did you mean 'Draft'?}) and the list's own advice ({@code
     * (or tasks for task lists)}); empty when one of them has it, or it is {@value
     * SpecSummary#TASK_LIST_STATUS}.
     */
    private static Optional<String> notAStatus(String value, List<TemplateSchema> schemas) {
        requireNonNull(value, "value must not be null");
        if (schemas.stream().anyMatch(t -> t.status(value).isPresent())
                || value.strip().equalsIgnoreCase(SpecSummary.TASK_LIST_STATUS)) {
            return Optional.empty();
        }
        List<String> all = statuses(schemas);
        return Optional.of(
                (all.isEmpty()
                                ? "'"
                                        + value
                                        + "' is not a status: the template '"
                                        + schemas.get(0).name()
                                        + "' has no status values"
                                : Lifecycle.notAStatus(value, all))
                        + " (or "
                        + SpecSummary.TASK_LIST_STATUS
                        + " for task lists)");
    }

    /**
     * What a list filtered by {@code status} and {@code type} says beside its {@code listed} rows,
     * in the one wording of {@code list} (on stderr) and MCP's {@code list_specs} (its notices):
     * for each filter no template allows, {@code NAME 'Done' is not a status: use one of ... (or
     * tasks for task lists); listed by the status as written (2 specs)}. A status near a value is
     * suggested as the lifecycle suggests it ({@code ...; did you mean 'Draft'? (or tasks for task
     * lists); no spec's status is written so}), a Type only with nothing listed ({@code ...; did
     * you mean 'Integration'? No spec's Type is written so}). The values are those of all {@code
     * schemas}, each once ({@link TemplateSchema#notAType(String, List, boolean)}).
     *
     * @param statusName the status filter as the caller knows it ({@code --status}, {@code status})
     * @param typeName the Type filter as the caller knows it ({@code --type}, {@code type})
     * @param schemas the templates of the projects listed, the first the nearest
     */
    public static Notes notes(
            Optional<String> status,
            String statusName,
            Optional<String> type,
            String typeName,
            List<TemplateSchema> schemas,
            long listed) {
        List<String> notes = new ArrayList<>();
        Optional<String> refusal = Optional.empty();
        Optional<String> notAStatus = status.flatMap(v -> notAStatus(v, schemas));
        if (notAStatus.isPresent()) {
            String why = statusName + " " + notAStatus.get();
            refusal = listed == 0 ? Optional.of(why) : refusal;
            notes.add(listedAsWritten(why, "status", listed));
        }
        // with nothing listed, the Type is most likely a typo: the value near it, among the Types
        // of every template searched, is suggested
        Optional<String> notAType =
                type.flatMap(v -> TemplateSchema.notAType(v, schemas, listed == 0));
        if (notAType.isPresent()) {
            String why = typeName + " " + notAType.get();
            refusal = refusal.isEmpty() && listed == 0 ? Optional.of(why) : refusal;
            notes.add(listedAsWritten(why, "Type", listed));
        }
        return new Notes(notes, refusal);
    }

    /**
     * The notes of a filtered list ({@link #notes}).
     *
     * @param notes what is said beside the rows, one line each
     * @param typo when nothing is listed and a filter names no value of any template (a typo, most
     *     likely), why, without the count: what {@code list} refuses with (exit 2)
     */
    public record Notes(List<String> notes, Optional<String> typo) {

        public Notes {
            notes = List.copyOf(notes);
            requireNonNull(typo, "typo must not be null");
        }
    }

    /**
     * The note beside a list filtered by a value {@code why} says no template allows: {@code WHY;
     * listed by the Type as written (2 specs)}, or, when none writes it, {@code WHY; no spec's Type
     * is written so}.
     *
     * @param field {@code status} or {@code Type}
     */
    private static String listedAsWritten(String why, String field, long listed) {
        // after a "did you mean ...?" the note is a sentence of its own
        boolean asked = why.endsWith("?");
        return why
                + (asked ? " " : "; ")
                + (listed == 0
                        ? (asked ? "No" : "no") + " spec's " + field + " is written so"
                        : (asked ? "Listed" : "listed")
                                + " by the "
                                + field
                                + " as written ("
                                + listed
                                + (listed == 1 ? " spec)" : " specs)"));
    }

    /** Every status of {@code schemas}, each once, in their order. */
    private static List<String> statuses(List<TemplateSchema> schemas) {
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
}
