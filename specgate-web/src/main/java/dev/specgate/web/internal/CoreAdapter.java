package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.HeadingAnchors;
import dev.specgate.core.rules.checklist.DecisionOverdueRule;
import dev.specgate.core.rules.checklist.ReviewOverdueRule;
import dev.specgate.core.rules.fields.DateFieldRule;
import dev.specgate.core.rules.fields.FieldValues;
import dev.specgate.core.rules.fields.IsoDates;
import dev.specgate.core.schema.HeadingKey;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the dashboard reads core's model. It checks a spec with {@link SpecChecker}
 * and turns the result into the view records the pages show: the summary {@code specgate list}
 * shows ({@link SpecSummary}), checklist progress with item ids ({@link Checklist}), and the
 * diagnostics and overdue dates of the check itself. Nothing here repeats a rule; only the
 * timeline's phase dates are read here, since nothing else needs them.
 */
public final class CoreAdapter {

    private static final String TIMELINE_SECTION = HeadingKey.of("Timeline & Milestones");
    private static final String DURATION = "Duration";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern AMOUNT =
            Pattern.compile(
                    "(\\d+(?:\\.\\d+)?)\\s*(day|week|sprint|month)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FIELD =
            Pattern.compile("\\s*[-\u2013\u2014]?\\s*\\*\\*[^*]+:\\*\\*.*$");

    private final SpecChecker checker;
    private final SpecFileReader reader = new SpecFileReader();
    private final ConfiguredDiscovery discovery;
    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();

    /** An adapter that finds specs as {@code check} does without a configuration file. */
    public CoreAdapter(SpecChecker checker) {
        this(checker, new ConfiguredDiscovery(Optional.empty()));
    }

    /** An adapter that finds specs with {@code discovery} (a {@code .specgate.yml}'s globs). */
    public CoreAdapter(SpecChecker checker, ConfiguredDiscovery discovery) {
        this.checker = requireNonNull(checker, "checker must not be null");
        this.discovery = requireNonNull(discovery, "discovery must not be null");
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
        return discovery.find(List.of(root)).specs().stream()
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
        List<String> own = checker.schema().statuses();
        return own.isEmpty()
                ? Arrays.stream(SpecStatus.values()).map(SpecStatus::label).toList()
                : own;
    }

    /** Reads and checks {@code file}; with {@code withPage}, also renders its page. */
    public Loaded load(Path file, PageNames names, LocalDate today, boolean withPage) {
        requireNonNull(file, "file must not be null");
        requireNonNull(names, "names must not be null");
        CheckOptions options = CheckOptions.asOf(requireNonNull(today, "today must not be null"));
        SpecText text;
        CheckResult result;
        try {
            text = reader.read(file);
            result = checker.check(file, text.text(), options);
        } catch (UnreadableSpecException e) {
            text = null;
            result = checker.checkFile(file, options);
        }
        List<DiagnosticView> diagnostics = diagnostics(result);
        SpecDocument doc = result.document();
        SpecView view = view(file, names, result, doc, diagnostics);
        if (!withPage) {
            return new Loaded(view, null);
        }
        if (doc == null || text == null) {
            return new Loaded(view, new SpecPage(view, "", diagnostics, List.of()));
        }
        Map<Integer, String> headingIds = headingIds(doc);
        String body = renderer.render(text.text(), diagnostics, headingIds, names.linksFrom(file));
        return new Loaded(view, new SpecPage(view, body, diagnostics, progress(doc, headingIds)));
    }

    private SpecView view(
            Path file,
            PageNames names,
            CheckResult result,
            SpecDocument doc,
            List<DiagnosticView> diagnostics) {
        SpecSummary summary = SpecSummary.of(result, checker.schema());
        String fileName = file.getFileName().toString();
        String firstError =
                diagnostics.stream()
                        .filter(d -> d.severity().equals(Severity.ERROR.label()))
                        .findFirst()
                        .map(d -> "line " + d.line() + ": " + d.message())
                        .orElse("");
        String status = orEmpty(summary.status());
        Optional<LocalDate> created = Optional.ofNullable(summary.date()).flatMap(IsoDates::parse);
        return new SpecView(
                names.relative(file),
                names.page(file),
                summary.title() == null ? fileName : summary.title(),
                orEmpty(summary.type()),
                status,
                column(status),
                orEmpty(summary.date()),
                summary.checked(),
                summary.total(),
                summary.errors(),
                summary.warnings(),
                firstError,
                doc == null ? List.of() : overdue(doc, result),
                orEmpty(summary.nextReview()),
                doc == null
                        ? List.of()
                        : created.map(start -> phases(doc, start)).orElse(List.of()),
                doc == null ? List.of() : decisions(doc, result));
    }

    /** The board column of a status as written: its canonical spelling, or Other. */
    private String column(String status) {
        String plain = FieldValues.plain(status);
        if (checker.schema().statuses().isEmpty()) {
            return SpecStatus.of(plain).map(SpecStatus::label).orElse(SpecView.OTHER);
        }
        return checker.schema().status(plain).orElse(SpecView.OTHER);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static List<DiagnosticView> diagnostics(CheckResult result) {
        List<DiagnosticView> views = new ArrayList<>(result.diagnostics().size());
        for (Diagnostic d : result.diagnostics()) {
            views.add(
                    new DiagnosticView(
                            d.ruleId(),
                            d.severity().label(),
                            d.range().startLine() + 1,
                            d.range().startColumn() + 1,
                            d.message()));
        }
        return views;
    }

    /** A metadata value as written, or empty when missing or still a bracketed placeholder. */
    private static String filled(SpecDocument doc, String label) {
        String value = doc.metadata(label).map(Field::value).map(FieldValues::plain).orElse("");
        return value.startsWith("[") ? "" : value;
    }

    private static List<OverdueDate> overdue(SpecDocument doc, CheckResult result) {
        List<OverdueDate> found = new ArrayList<>();
        Map<Integer, ChecklistItem> itemByFieldLine = new HashMap<>();
        Map<Integer, Field> fieldByLine = new HashMap<>();
        for (ChecklistItem item : doc.checklist()) {
            for (Field f : item.fields()) {
                itemByFieldLine.put(f.valueRange().startLine(), item);
                fieldByLine.put(f.valueRange().startLine(), f);
            }
        }
        for (Diagnostic d : result.diagnostics()) {
            int line = d.range().startLine();
            if (d.ruleId().equals(DecisionOverdueRule.ID)) {
                ChecklistItem item = itemByFieldLine.get(line);
                Field f = fieldByLine.get(line);
                found.add(
                        new OverdueDate(
                                OverdueDate.DECISION,
                                item == null ? "" : itemText(item),
                                f == null ? "" : FieldValues.plain(f.value()),
                                d.message(),
                                line + 1,
                                anchor(d)));
            } else if (d.ruleId().equals(ReviewOverdueRule.ID)) {
                found.add(
                        new OverdueDate(
                                OverdueDate.REVIEW,
                                TemplateSchema.NEXT_REVIEW_FIELD,
                                filled(doc, TemplateSchema.NEXT_REVIEW_FIELD),
                                d.message(),
                                line + 1,
                                anchor(d)));
            }
        }
        return found;
    }

    private static String anchor(Diagnostic d) {
        return DiagnosticView.anchor(
                d.range().startLine() + 1, d.range().startColumn() + 1, d.ruleId());
    }

    private static String itemText(ChecklistItem item) {
        String text = TRAILING_FIELD.matcher(item.text()).replaceFirst("").strip();
        return text.isEmpty() ? item.text().strip() : text;
    }

    private static List<DecisionDate> decisions(SpecDocument doc, CheckResult result) {
        Set<Integer> overdueLines = new HashSet<>();
        for (Diagnostic d : result.diagnostics()) {
            if (d.ruleId().equals(DecisionOverdueRule.ID)) {
                overdueLines.add(d.range().startLine());
            }
        }
        List<DecisionDate> found = new ArrayList<>();
        for (ChecklistItem item : doc.checklist()) {
            for (Field f : item.fields()) {
                if (!DateFieldRule.isDeadlineLabel(f.label())) {
                    continue;
                }
                Optional<LocalDate> date = IsoDates.parse(f.value());
                if (date.isPresent()) {
                    int line = f.valueRange().startLine();
                    found.add(
                            new DecisionDate(
                                    itemText(item),
                                    f.label().strip(),
                                    date.get(),
                                    item.checked(),
                                    overdueLines.contains(line),
                                    line + 1));
                }
            }
        }
        return found;
    }

    /**
     * The phases under Timeline &amp; Milestones. A phase whose Duration names two dates spans
     * them; otherwise it starts the day after the previous phase ends (the first on the spec's
     * Created date) and lasts its duration. Phases whose length cannot be read end the chain.
     */
    private static List<Phase> phases(SpecDocument doc, LocalDate created) {
        List<Section> sections = doc.sections();
        int timeline = -1;
        for (Section s : sections) {
            if (HeadingKey.of(s.title()).equals(TIMELINE_SECTION)) {
                timeline = s.index();
                break;
            }
        }
        if (timeline < 0) {
            return List.of();
        }
        Map<Integer, String> durations = new LinkedHashMap<>();
        for (Field f : doc.fields()) {
            if (f.hasLabel(DURATION) && f.sectionIndex() >= 0) {
                durations.putIfAbsent(f.sectionIndex(), FieldValues.plain(f.value()));
            }
        }
        List<Phase> phases = new ArrayList<>();
        LocalDate next = created;
        for (Section s : sections) {
            if (s.parentIndex() != timeline) {
                continue;
            }
            String duration = durations.get(s.index());
            if (duration == null) {
                continue;
            }
            List<LocalDate> dates = new ArrayList<>();
            Matcher m = ISO_DATE.matcher(duration);
            while (m.find()) {
                IsoDates.parse(m.group(1)).ifPresent(dates::add);
            }
            if (dates.size() >= 2 && !dates.get(1).isBefore(dates.get(0))) {
                phases.add(new Phase(s.title(), duration, dates.get(0), dates.get(1), false));
                next = dates.get(1).plusDays(1);
                continue;
            }
            Optional<LocalDate> end = addDuration(next, duration);
            if (end.isEmpty()) {
                break;
            }
            phases.add(new Phase(s.title(), duration, next, end.get(), true));
            next = end.get().plusDays(1);
        }
        return phases;
    }

    /** The last day of a span of {@code duration} ("2 weeks") starting on {@code start}. */
    static Optional<LocalDate> addDuration(LocalDate start, String duration) {
        Matcher m = AMOUNT.matcher(duration);
        if (!m.find()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long days =
                Math.round(
                        amount
                                * switch (unit) {
                                    case "week" -> 7;
                                    case "sprint" -> 14;
                                    case "month" -> 30;
                                    default -> 1;
                                });
        if (days < 1 || days > 3660) {
            return Optional.empty();
        }
        return Optional.of(start.plusDays(days - 1));
    }

    private static Map<Integer, String> headingIds(SpecDocument doc) {
        List<String> ids = HeadingAnchors.of(doc);
        Map<Integer, String> byLine = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byLine.put(doc.sections().get(i).line(), ids.get(i));
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
