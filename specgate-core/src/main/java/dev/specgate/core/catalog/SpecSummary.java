package dev.specgate.core.catalog;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.Placeholders;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.tasks.TaskList;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One spec at a glance, as {@code specgate list} shows it. Text values are null when the spec does
 * not fill them in (missing, empty or still a placeholder).
 *
 * @param path the file
 * @param created the Created date, else the date in the file name, as {@code YYYY-MM-DD}, or null
 * @param title the title without the template's prefix ({@code Technical Specification: }), or null
 * @param type the Type value, or null
 * @param status the value of the template's status field (Document Status, else Status), or null
 * @param checked ticked task-list items
 * @param total all task-list items
 * @param errors errors {@code check} finds at the spec's own status
 * @param warnings warnings {@code check} finds at the spec's own status
 * @param overdue open decisions and questions past their date, plus a past Next Review
 * @param nextReview the Next Review value, or null
 * @param kind whether the file is a spec or a task list
 * @param spec for a task list, the spec its {@code **Spec:**} field links (resolved from the task
 *     list's folder), else null
 */
public record SpecSummary(
        Path path,
        String created,
        String title,
        String type,
        String status,
        int checked,
        int total,
        long errors,
        long warnings,
        long overdue,
        String nextReview,
        DocumentKind kind,
        Path spec) {

    /**
     * Which of the fields a summary reads that only some templates have ({@value
     * TemplateSchema#TYPE_FIELD}, {@value TemplateSchema#NEXT_REVIEW_FIELD}, a date: {@link
     * TemplateSchema#dateField} or a date in the file name) the templates of the specs shown have:
     * the one decision by which {@code list}'s text leaves out a column and the dashboard a type,
     * review date or Created date that no spec of theirs can fill. The JSON shapes keep every field
     * (null).
     *
     * @param type whether a template has a Type field
     * @param nextReview whether a template has a Next Review field
     * @param date whether a template dates a spec: a Created or other date field, or a file name
     *     convention with {@code YYYY-MM-DD} (what {@link SpecSummary#created} is read from)
     */
    public record Columns(boolean type, boolean nextReview, boolean date) {

        /** The columns of specs written from any of {@code schemas}. */
        public static Columns of(List<TemplateSchema> schemas) {
            requireNonNull(schemas, "schemas must not be null");
            return new Columns(
                    schemas.stream().anyMatch(s -> s.field(TemplateSchema.TYPE_FIELD).isPresent()),
                    schemas.stream()
                            .anyMatch(s -> s.field(TemplateSchema.NEXT_REVIEW_FIELD).isPresent()),
                    schemas.stream().anyMatch(Columns::dated));
        }

        /** Whether {@link SpecSummary#of} can find a date in a spec of {@code schema}. */
        private static boolean dated(TemplateSchema schema) {
            return schema.field(schema.dateField()).isPresent()
                    || fileNamePattern(schema).map(FileNamePattern::hasDate).orElse(false);
        }
    }

    /**
     * Most errors first, then most warnings: the order of {@code list --sort errors}, a stable sort
     * of rows in {@link #listOrder} so that specs with as many findings stay in that order.
     */
    public static Comparator<SpecSummary> findingsOrder() {
        return Comparator.comparingLong(SpecSummary::errors)
                .thenComparingLong(SpecSummary::warnings)
                .reversed();
    }

    /**
     * Status order as the template lists its statuses (then any other status), then date, then
     * path.
     */
    public static Comparator<SpecSummary> listOrder(TemplateSchema schema) {
        requireNonNull(schema, "schema must not be null");
        List<String> statuses = schema.statuses();
        return Comparator.<SpecSummary>comparingInt(s -> s.statusRank(statuses))
                .thenComparing(
                        SpecSummary::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> String.valueOf(s.path()));
    }

    public SpecSummary {
        requireNonNull(path, "path must not be null");
        requireNonNull(kind, "kind must not be null");
    }

    /**
     * The summary of a check result that still holds its parsed document (an unreadable file's
     * result holds none: its summary has only the path, the file name's date and the counts).
     * Overdue items are counted as of {@code today}.
     */
    public static SpecSummary of(CheckResult result, TemplateSchema schema, LocalDate today) {
        return of(result, schema, today, null, null);
    }

    /**
     * As {@link #of(CheckResult, TemplateSchema, LocalDate)}, with the document's checklist and
     * schedule made once for the caller too (the dashboard shows both): {@code checklist} is the
     * result's document's, and {@code schedule}, given the summary's Created date (where its
     * estimated phases start), makes the document's schedule, whose deadlines and review the
     * summary counts as overdue. Neither is used for a result without a document.
     *
     * @param checklist the checklist of the result's document, or null to make it here
     * @param schedule makes the document's schedule from a Created date, or null to make one here
     */
    public static SpecSummary of(
            CheckResult result,
            TemplateSchema schema,
            LocalDate today,
            Checklist checklist,
            java.util.function.Function<Optional<LocalDate>, Schedule> schedule) {
        requireNonNull(result, "result must not be null");
        requireNonNull(schema, "schema must not be null");
        requireNonNull(today, "today must not be null");
        Optional<SpecDocument> parsed = result.parsed();
        if (parsed.isEmpty()) {
            return new SpecSummary(
                    result.path(),
                    fileDate(result.path(), schema),
                    null,
                    null,
                    null,
                    0,
                    0,
                    result.errors(),
                    result.warnings(),
                    0,
                    null,
                    DocumentKind.of(result.path()),
                    null);
        }
        SpecDocument doc = parsed.get();
        DocumentKind kind = DocumentKind.of(result.path());
        Checklist items = checklist != null ? checklist : Checklist.of(doc, kind);
        String created = filled(doc, schema.dateField());
        String date =
                created != null && IsoDates.parse(created).isPresent()
                        ? created
                        : fileDate(result.path(), schema);
        // deadlines and review do not depend on the Created date, only the phases do
        long overdue =
                (schedule != null
                                ? schedule.apply(Optional.ofNullable(date).flatMap(IsoDates::parse))
                                : Schedule.of(doc, Optional.empty()))
                        .overdueCount(today);
        return new SpecSummary(
                result.path(),
                date,
                title(doc, schema),
                filled(doc, TemplateSchema.TYPE_FIELD),
                filled(doc, schema.statusField()),
                items.checked(),
                items.total(),
                result.errors(),
                result.warnings(),
                overdue,
                filled(doc, TemplateSchema.NEXT_REVIEW_FIELD),
                kind,
                kind == DocumentKind.TASK_LIST ? linkedSpec(result.path(), doc) : null);
    }

    private static Path linkedSpec(Path taskList, SpecDocument doc) {
        return TaskList.linkedSpec(taskList, doc).orElse(null);
    }

    /**
     * The version of the summary's JSON shape ({@link #jsonFields}), written as {@code "version"}
     * by {@code list --format json} and the dashboard's {@code index.json}. Bumped when a field
     * changes meaning or goes away. 2: {@code created} (was {@code date} in {@code list}) and
     * {@code kind} in both.
     */
    public static final int JSON_VERSION = 2;

    /**
     * The one JSON shape of a summary, field by field in order, for every surface that writes one:
     * values are strings, numbers or null; {@code spec} only for task lists.
     *
     * @param display how a path is written (relative to where the user stands, or to a site)
     */
    public java.util.LinkedHashMap<String, Object> jsonFields(
            java.util.function.Function<Path, String> display) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("path", display.apply(path));
        m.put("kind", kind == DocumentKind.TASK_LIST ? TASK_LIST_STATUS : "spec");
        m.put("title", title);
        m.put("type", type);
        m.put("status", status);
        m.put("created", created);
        m.put("checked", checked);
        m.put("total", total);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("overdue", overdue);
        m.put("nextReview", nextReview);
        if (spec != null) {
            m.put("spec", display.apply(spec));
        }
        return m;
    }

    /** Ticked items as a whole percentage (0 when there are none), rounded down. */
    public int percent() {
        return total == 0 ? 0 : (int) (100L * checked / total);
    }

    /**
     * What {@code list} shows in a task list's status column, what {@code list --status} accepts
     * for task lists, and the {@code kind} of a task list in JSON.
     */
    public static final String TASK_LIST_STATUS = "tasks";

    /** The status as {@code list} shows it: {@value #TASK_LIST_STATUS} for a task list. */
    public String listedStatus() {
        return kind == DocumentKind.TASK_LIST ? TASK_LIST_STATUS : status;
    }

    /**
     * Whether the status {@code list} shows ({@link #listedStatus()}) is {@code value}, ignoring
     * case: {@value #TASK_LIST_STATUS} selects the task lists.
     */
    public boolean hasStatus(String value) {
        String listed = listedStatus();
        return listed != null && listed.equalsIgnoreCase(value.trim());
    }

    /** Whether the type is {@code value}, ignoring case. */
    public boolean hasType(String value) {
        return type != null && type.equalsIgnoreCase(value.trim());
    }

    private int statusRank(List<String> statuses) {
        if (status != null) {
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i).equalsIgnoreCase(status)) { // already plain, see filled()
                    return i;
                }
            }
        }
        return statuses.size();
    }

    private static String filled(SpecDocument doc, String label) {
        return doc.metadata(label)
                .map(Field::value)
                .map(FieldValues::plain)
                .filter(v -> !v.isEmpty() && !Placeholders.isBracketed(v))
                .orElse(null);
    }

    private static String title(SpecDocument doc, TemplateSchema schema) {
        Optional<String> heading = schema.shownTitle(doc, true);
        if (heading.isEmpty()) {
            return null;
        }
        String t = heading.get();
        String prefix =
                schema.title()
                        .filter(s -> s.indexOf('[') > 0)
                        .map(s -> s.substring(0, s.indexOf('[')))
                        .orElse("");
        if (!prefix.isBlank() && t.regionMatches(true, 0, prefix, 0, prefix.length())) {
            t = t.substring(prefix.length()).trim();
        }
        t = unescape(t);
        return t.isEmpty() ? null : t;
    }

    /**
     * The title as a reader sees it: Markdown's backslash escapes ({@code \[}, {@code \*}) are
     * written so that brackets and marks in a title are not read as syntax, and are not shown.
     */
    static String unescape(String title) {
        if (title.indexOf('\\') < 0) {
            return title;
        }
        StringBuilder sb = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '\\' && i + 1 < title.length() && isAsciiPunctuation(title.charAt(i + 1))) {
                c = title.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/')
                || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`')
                || (c >= '{' && c <= '~');
    }

    private static String fileDate(Path path, TemplateSchema schema) {
        if (path == null || path.getFileName() == null) {
            return null;
        }
        return fileNamePattern(schema)
                .flatMap(p -> p.match(path.getFileName().toString()))
                .map(FileNamePattern.Match::date)
                .filter(d -> IsoDates.parse(d).isPresent())
                .orElse(null);
    }

    /** The file name convention of the template's first File field, where a date is read from. */
    private static Optional<FileNamePattern> fileNamePattern(TemplateSchema schema) {
        for (FieldSpec f : schema.fields()) {
            if (f.kind() == FieldKind.FILE) {
                return FileNamePattern.fromTemplateValue(f.templateValue());
            }
        }
        return Optional.empty();
    }
}
