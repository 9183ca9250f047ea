package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All specs of a project with the tallies the overview, board and table show. Immutable; everything
 * is computed once, in linear time, when it is built.
 */
public final class Portfolio {

    private final String project;
    private final LocalDate today;
    private final List<SpecView> specs;
    private final List<BoardColumn> columns;
    private final List<Count> byStatus;
    private final List<Count> byType;
    private final List<String> types;
    private final List<OverdueEntry> overdue;
    private final List<SpecView> withErrors;
    private final long errors;
    private final long warnings;
    private final Timeline timeline;
    private final ApprovalOverview approvals;
    private final List<String> notices;
    private final TaskListCount taskLists;

    /**
     * Builds a portfolio.
     *
     * @param project the project's name
     * @param today the date overdue dates were measured against
     * @param statuses the template's statuses in lifecycle order (the board's columns)
     * @param specs the specs, in any order
     * @param approvals stale approvals and approvals per week ({@link ApprovalOverview#none()} for
     *     none)
     */
    public Portfolio(
            String project,
            LocalDate today,
            List<String> statuses,
            List<SpecView> specs,
            ApprovalOverview approvals) {
        this(project, today, statuses, specs, approvals, List.of());
    }

    /**
     * Builds a portfolio with what the search for its specs had to say.
     *
     * @param notices what {@code check} says on stderr of the search (a file met under a second
     *     name, checked once under the other; a file like a spec that is not taken, x.txt), each
     *     one line, shown on the overview
     */
    public Portfolio(
            String project,
            LocalDate today,
            List<String> statuses,
            List<SpecView> specs,
            ApprovalOverview approvals,
            List<String> notices) {
        this(project, today, statuses, specs, approvals, notices, TaskListCount.none());
    }

    /**
     * Builds a portfolio whose totals count the task lists' findings too, as {@code check} does.
     *
     * @param taskLists the task lists checked beside the specs (not shown, but counted)
     */
    public Portfolio(
            String project,
            LocalDate today,
            List<String> statuses,
            List<SpecView> specs,
            ApprovalOverview approvals,
            List<String> notices,
            TaskListCount taskLists) {
        this.taskLists = requireNonNull(taskLists, "taskLists must not be null");
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        // the search's notices, then what the approvals per week leave out
        List<String> said = new ArrayList<>(notices);
        said.addAll(approvals.notices());
        this.notices = List.copyOf(said);
        this.project = requireNonNull(project, "project must not be null");
        this.today = requireNonNull(today, "today must not be null");
        requireNonNull(statuses, "statuses must not be null");
        requireNonNull(specs, "specs must not be null");

        Map<String, Integer> rank = new LinkedHashMap<>();
        for (String s : statuses) {
            rank.put(s, rank.size());
        }
        Comparator<SpecView> order =
                Comparator.<SpecView>comparingInt(s -> rank.getOrDefault(s.column(), rank.size()))
                        .thenComparing(SpecView::created)
                        .thenComparing(SpecView::path);
        this.specs = specs.stream().sorted(order).toList();

        Map<String, List<SpecView>> byColumn = new LinkedHashMap<>();
        for (String s : statuses) {
            byColumn.put(s, new ArrayList<>());
        }
        Map<String, Long> typeCounts = new TreeMap<>();
        List<OverdueEntry> late = new ArrayList<>();
        List<SpecView> failing = new ArrayList<>();
        long e = 0;
        long w = 0;
        for (SpecView s : this.specs) {
            byColumn.computeIfAbsent(s.column(), k -> new ArrayList<>()).add(s);
            typeCounts.merge(s.type().isEmpty() ? "(no type)" : s.type(), 1L, Long::sum);
            for (OverdueDate d : s.overdue()) {
                late.add(new OverdueEntry(s, d));
            }
            if (s.errors() > 0) {
                failing.add(s);
            }
            e += s.errors();
            w += s.warnings();
        }
        List<BoardColumn> cols = new ArrayList<>();
        byColumn.forEach((status, list) -> cols.add(new BoardColumn(status, list)));
        this.columns = List.copyOf(cols);

        long maxStatus = cols.stream().mapToLong(c -> c.specs().size()).max().orElse(0);
        this.byStatus =
                cols.stream().map(c -> count(c.status(), c.specs().size(), maxStatus)).toList();
        long maxType = typeCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Count> types = new ArrayList<>();
        typeCounts.forEach((t, n) -> types.add(count(t, n, maxType)));
        this.byType = List.copyOf(types);
        this.types =
                specs.stream()
                        .map(SpecView::type)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .sorted()
                        .toList();
        late.sort(
                Comparator.comparing((OverdueEntry o) -> o.date().date())
                        .thenComparing(o -> o.spec().path())
                        .thenComparingInt(o -> o.date().line()));
        this.overdue = List.copyOf(late);
        failing.sort(
                Comparator.comparingLong(SpecView::errors)
                        .reversed()
                        .thenComparing(SpecView::path));
        this.withErrors = List.copyOf(failing);
        this.errors = e;
        this.warnings = w;
        this.timeline = Timeline.of(this.specs, today);
    }

    private static Count count(String label, long n, long max) {
        return new Count(label, n, max == 0 ? 0 : (int) ((100 * n) / max));
    }

    /**
     * What the search for the specs had to say, then what the approvals per week leave out (specs
     * whose history cannot be read, histories a shallow clone cut), one line each (the overview
     * shows them).
     */
    public List<String> notices() {
        return notices;
    }

    /** Stale approvals and approvals per week. */
    public ApprovalOverview approvals() {
        return approvals;
    }

    public String project() {
        return project;
    }

    public LocalDate today() {
        return today;
    }

    /** Every spec, by status in lifecycle order, then Created date, then path. */
    public List<SpecView> specs() {
        return specs;
    }

    /** One column per template status (empty ones too), then {@link SpecView#OTHER} if used. */
    public List<BoardColumn> columns() {
        return columns;
    }

    public List<Count> byStatus() {
        return byStatus;
    }

    public List<Count> byType() {
        return byType;
    }

    /** The distinct Type values in use, sorted. */
    public List<String> types() {
        return types;
    }

    /** Overdue decisions, questions and reviews, oldest date first. */
    public List<OverdueEntry> overdue() {
        return overdue;
    }

    /** Specs with at least one error, most errors first. */
    public List<SpecView> withErrors() {
        return withErrors;
    }

    /** The shown specs' errors (the task lists' not counted: see {@link #totalErrors()}). */
    public long errors() {
        return errors;
    }

    /** The shown specs' warnings (the task lists' not counted: see {@link #totalWarnings()}). */
    public long warnings() {
        return warnings;
    }

    /** The task lists checked beside the specs, which the pages do not show. */
    public TaskListCount taskLists() {
        return taskLists;
    }

    /** Every error {@code check} reports: the specs' and the task lists'. */
    public long totalErrors() {
        return errors + taskLists.errors();
    }

    /** Every warning {@code check} reports: the specs' and the task lists'. */
    public long totalWarnings() {
        return warnings + taskLists.warnings();
    }

    public Timeline timeline() {
        return timeline;
    }
}
