package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.HeadingAnchors;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.web.view.ChecklistItemView;
import dev.specgate.web.view.DecisionDate;
import dev.specgate.web.view.DiagnosticView;
import dev.specgate.web.view.OverdueDate;
import dev.specgate.web.view.Phase;
import dev.specgate.web.view.SectionProgress;
import dev.specgate.web.view.SpecPage;
import dev.specgate.web.view.SpecView;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where the dashboard reads core: it asks the project facade for each spec (one read,
 * one parse, one check) and turns what core computed (summary, checklist, schedule with its overdue
 * items and timeline phases, diagnostics) into the view records the pages show. No domain logic
 * lives here.
 */
public final class CoreAdapter {

    private final SpecProject project;
    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();

    /** An adapter that asks {@code project} for every spec, as {@code check} does. */
    public CoreAdapter(SpecProject project) {
        this.project = requireNonNull(project, "project must not be null");
    }

    /**
     * A spec read for the dashboard.
     *
     * @param view its summary
     * @param page its page, or null when not asked for
     */
    public record Loaded(SpecView view, SpecPage page) {}

    /** The specs under {@code root}, found as {@code check} finds them; task lists left out. */
    public List<Path> findSpecs(Path root) {
        return project.findAny(List.of(root)).specs().stream()
                .filter(p -> DocumentKind.of(p) == DocumentKind.SPEC)
                .toList();
    }

    /**
     * Whether {@code file} (absolute) is one of the specs its folder holds, as check finds them.
     */
    public boolean isSpec(Path file) {
        return DocumentKind.of(file) == DocumentKind.SPEC
                && file.getParent() != null
                && findSpecs(file.getParent()).stream()
                        .anyMatch(p -> p.toAbsolutePath().normalize().equals(file));
    }

    /** The lifecycle's statuses, in order: the board's columns. */
    public List<String> statuses() {
        // the template's own lifecycle (an ADR's Proposed, Accepted, ...), else the built-in one
        List<String> own = project.schema().statuses();
        return own.isEmpty()
                ? Arrays.stream(SpecStatus.values()).map(SpecStatus::label).toList()
                : own;
    }

    /** Reads and checks {@code file}; with {@code withPage}, also renders its page. */
    public Loaded load(Path file, PageNames names, LocalDate today, boolean withPage) {
        requireNonNull(file, "file must not be null");
        requireNonNull(names, "names must not be null");
        CheckOptions options = CheckOptions.asOf(requireNonNull(today, "today must not be null"));
        CheckedSpec spec = project.inspect(file, options);
        CheckResult result = spec.result();
        List<DiagnosticView> diagnostics = diagnostics(result);
        SpecDocument doc = spec.document();
        SpecView view = view(file, names, spec, diagnostics);
        if (!withPage) {
            return new Loaded(view, null);
        }
        if (!spec.readable()) {
            return new Loaded(view, new SpecPage(view, "", diagnostics, List.of()));
        }
        Map<Integer, String> headingIds = headingIds(doc);
        String body =
                renderer.render(
                        spec.source().text(), diagnostics, headingIds, names.linksFrom(file));
        return new Loaded(view, new SpecPage(view, body, diagnostics, progress(doc, headingIds)));
    }

    private SpecView view(
            Path file, PageNames names, CheckedSpec spec, List<DiagnosticView> diagnostics) {
        SpecSummary summary = spec.summary();
        String fileName = file.getFileName().toString();
        String firstError =
                diagnostics.stream()
                        .filter(d -> d.severity().equals(Severity.ERROR.label()))
                        .findFirst()
                        .map(d -> "line " + d.line() + ": " + d.message())
                        .orElse("");
        String status = orEmpty(summary.status());
        Schedule schedule = spec.schedule();
        LocalDate today = spec.today();
        return new SpecView(
                names.relative(file),
                names.page(file),
                summary.title() == null ? fileName : summary.title(),
                orEmpty(summary.type()),
                status,
                column(status),
                orEmpty(summary.created()),
                summary.checked(),
                summary.total(),
                summary.errors(),
                summary.warnings(),
                firstError,
                overdue(schedule, spec.result(), today),
                orEmpty(summary.nextReview()),
                schedule.phases().stream()
                        .map(
                                p ->
                                        new Phase(
                                                p.title(),
                                                p.duration(),
                                                p.start(),
                                                p.end(),
                                                p.estimated()))
                        .toList(),
                decisions(schedule, today),
                summary.jsonFields(names::relative));
    }

    /** The board column of a status as written: its canonical spelling, or Other. */
    private String column(String status) {
        String plain = FieldValues.plain(status);
        if (project.schema().statuses().isEmpty()) {
            return SpecStatus.of(plain).map(SpecStatus::label).orElse(SpecView.OTHER);
        }
        return project.schema().status(plain).orElse(SpecView.OTHER);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static List<DiagnosticView> diagnostics(CheckResult result) {
        List<DiagnosticView> views = new ArrayList<>(result.diagnostics().size());
        Map<String, Integer> seen = new HashMap<>();
        for (Diagnostic d : result.diagnostics()) {
            int line = d.range().startLine() + 1;
            int column = d.range().startColumn() + 1;
            int occurrence =
                    seen.merge(DiagnosticView.anchor(line, column, d.ruleId()), 1, Integer::sum);
            views.add(
                    new DiagnosticView(
                            d.ruleId(),
                            d.severity().label(),
                            line,
                            column,
                            d.message(),
                            occurrence));
        }
        return views;
    }

    /**
     * The overdue deadlines and review of the schedule, each linked to the diagnostic that reports
     * it on the spec's page (when one does: a rule may be turned off).
     */
    private static List<OverdueDate> overdue(
            Schedule schedule, CheckResult result, LocalDate today) {
        List<OverdueDate> found = new ArrayList<>();
        for (Schedule.Deadline d : schedule.deadlines()) {
            if (d.overdueOn(today)) {
                found.add(
                        new OverdueDate(
                                OverdueDate.DECISION,
                                d.item(),
                                FieldValues.plain(d.field().value()),
                                d.overdueMessage(today),
                                d.field().valueRange().startLine() + 1,
                                anchorAt(result, d.field().valueRange())));
            }
        }
        schedule.review()
                .filter(r -> r.overdueOn(today))
                .ifPresent(
                        r ->
                                found.add(
                                        new OverdueDate(
                                                OverdueDate.REVIEW,
                                                TemplateSchema.NEXT_REVIEW_FIELD,
                                                FieldValues.plain(r.field().value()),
                                                r.overdueMessage(today),
                                                r.field().valueRange().startLine() + 1,
                                                anchorAt(result, r.field().valueRange()))));
        found.sort(java.util.Comparator.comparingInt(OverdueDate::line));
        return found;
    }

    /** The page anchor of the first diagnostic at {@code range}'s start, or empty. */
    private static String anchorAt(CheckResult result, SourceRange range) {
        for (Diagnostic d : result.diagnostics()) {
            if (d.range().startLine() == range.startLine()
                    && d.range().startColumn() == range.startColumn()) {
                return DiagnosticView.anchor(
                        d.range().startLine() + 1, d.range().startColumn() + 1, d.ruleId());
            }
        }
        return "";
    }

    private static List<DecisionDate> decisions(Schedule schedule, LocalDate today) {
        List<DecisionDate> found = new ArrayList<>();
        for (Schedule.Deadline d : schedule.deadlines()) {
            found.add(
                    new DecisionDate(
                            d.item(),
                            d.label(),
                            d.date(),
                            d.done(),
                            d.overdueOn(today),
                            d.field().valueRange().startLine() + 1));
        }
        return found;
    }

    /** The ids the spec page's own parts use (spec.jte, layout.jte). */
    private static final java.util.Set<String> PAGE_IDS =
            java.util.Set.of(
                    "live-status",
                    "main",
                    "spec-title",
                    "spec-body",
                    "diagnostics",
                    "diag-title",
                    "progress",
                    "progress-title");

    /** The form of a finding's note id ({@code DiagnosticView.anchor}). */
    private static final java.util.regex.Pattern DIAGNOSTIC_ID =
            java.util.regex.Pattern.compile("d[0-9]+-[0-9]+-.*");

    private static Map<Integer, String> headingIds(SpecDocument doc) {
        List<String> ids = HeadingAnchors.of(doc);
        Map<Integer, String> byLine = new HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>(PAGE_IDS);
        for (int i = 0; i < ids.size(); i++) {
            // every id on the page unique: a heading named like a part of the page ("Progress"),
            // like a finding's note, or given another heading's id by a {#id} attribute is
            // numbered on
            String id = ids.get(i);
            if (id.isEmpty() || DIAGNOSTIC_ID.matcher(id).matches()) {
                id = "h-" + id;
            }
            String unique = id;
            for (int n = 1; !taken.add(unique); n++) {
                unique = id + "-" + n;
            }
            byLine.put(doc.sections().get(i).line(), unique);
        }
        return byLine;
    }

    private static List<SectionProgress> progress(
            SpecDocument doc, Map<Integer, String> headingIds) {
        List<SectionProgress> progress = new ArrayList<>();
        for (ChecklistSection section : Checklist.of(doc).sections()) {
            List<ChecklistItemView> items = new ArrayList<>();
            for (ChecklistEntry e : section.items()) {
                items.add(new ChecklistItemView(e.id(), e.text(), e.checked(), e.line() + 1));
            }
            String anchor =
                    doc.section(section.sectionIndex())
                            .map(x -> headingIds.getOrDefault(x.line(), ""))
                            .orElse("");
            progress.add(new SectionProgress(section.title(), anchor, items));
        }
        return progress;
    }
}
