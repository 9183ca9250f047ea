package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.ChecklistSection;
import dev.specgate.core.checklist.Schedule;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.history.ApprovalWeeks;
import dev.specgate.core.history.ChecklistVersion;
import dev.specgate.core.history.GitHead;
import dev.specgate.core.history.HistoryException;
import dev.specgate.core.history.HistoryVersion;
import dev.specgate.core.history.SpecHistory;
import dev.specgate.core.history.SpecMoves;
import dev.specgate.core.history.StatusChange;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.HeadingAnchors;
import dev.specgate.core.parse.HeadingText;
import dev.specgate.core.parse.MarkdownTree;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.WarmResults;
import dev.specgate.core.rules.LinkTargets;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.web.view.ApprovalHistory;
import dev.specgate.web.view.ApprovalOverview;
import dev.specgate.web.view.ChecklistItemView;
import dev.specgate.web.view.DecisionDate;
import dev.specgate.web.view.DiagnosticView;
import dev.specgate.web.view.OverdueDate;
import dev.specgate.web.view.Phase;
import dev.specgate.web.view.SectionProgress;
import dev.specgate.web.view.SpecPage;
import dev.specgate.web.view.SpecView;
import dev.specgate.web.view.TaskListCount;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.commonmark.node.Document;
import org.commonmark.parser.InlineParser;

/**
 * The one place where the dashboard reads core: it asks the project facade for each spec (one read,
 * one parse, one check) and turns what core computed (summary, checklist, schedule with its overdue
 * items and timeline phases, diagnostics) into the view records the pages show. No domain logic
 * lives here.
 */
public final class CoreAdapter {

    private final SpecProject project;
    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();

    /** The task lists' results, kept while they hold: the totals count them at every rebuild. */
    private final WarmResults<CheckResult> taskResults = WarmResults.reported();

    /**
     * The answers about link targets that the specs loaded share, or null: each spec's links asked
     * of the file system for it alone.
     */
    private final LinkTargets.Shared links;

    /**
     * Whether the template has a Type and a Next Review field: the project's, fixed while it is
     * open (a changed configuration or template makes a new project, and a new adapter).
     */
    private final SpecSummary.Columns columns;

    /** An adapter that asks {@code project} for every spec, as {@code check} does. */
    public CoreAdapter(SpecProject project) {
        this(requireNonNull(project, "project must not be null"), null);
    }

    private CoreAdapter(SpecProject project, LinkTargets.Shared links) {
        this.project = project;
        this.links = links;
        this.columns = SpecSummary.Columns.of(List.of(project.schema()));
    }

    /**
     * An adapter for the specs of one site, loaded together, which share their answers about link
     * targets as {@code check}'s run shares them: a link to a file the search found ({@code
     * found}'s specs and task lists) needs no look at the disk, and any other target is asked once
     * for the site, not once per spec that links it. Made per site, so that no answer outlives it.
     */
    public CoreAdapter sharingLinks(Found found) {
        List<Path> files = new ArrayList<>(found.specs());
        files.addAll(found.taskLists());
        return new CoreAdapter(project, new LinkTargets.Shared(files));
    }

    /**
     * The configured baseline cannot be read: nothing can be shown as {@code check} reports it. The
     * message is {@code check}'s own, naming the file and the cause.
     */
    public static final class UnusableBaseline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableBaseline(String message) {
            super(message);
        }
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
        return find(root).specs();
    }

    /**
     * What one discovery walk of {@code root} found: its specs (task lists left out), the
     * configurations ({@code .specgate.yml}) below it that keep their own project, whose specs are
     * not among them, and the façade's notices of the walk ({@code SpecProject.searchNotices}: a
     * file met under a second name, a file like a spec not taken), paths relative to {@code root};
     * and the task lists that {@code check} checks beside the specs (not shown, but counted in the
     * totals).
     */
    public record Found(
            List<Path> specs,
            List<Path> nestedConfigs,
            List<String> notices,
            List<Path> taskLists) {}

    /**
     * What discovery looks for under {@code root} and saw near it, in a user's words, for "no specs
     * found" ({@code SpecProject.nothingFound}: what {@code check} says).
     */
    public String lookedFor(Path root) {
        return project.nothingFound(root);
    }

    /** The specs under {@code root}, the nested configurations and the notices, from one walk. */
    public Found find(Path root) {
        var selection = project.findAny(List.of(root));
        Path base = root.toAbsolutePath().normalize();
        return new Found(
                selection.specs().stream()
                        .filter(p -> DocumentKind.of(p) == DocumentKind.SPEC)
                        .toList(),
                selection.nestedConfigs(),
                SpecProject.searchNotices(selection, p -> shown(base, p)),
                selection.specs().stream()
                        .filter(p -> DocumentKind.of(p) == DocumentKind.TASK_LIST)
                        .toList());
    }

    /**
     * The findings of the task lists, each as {@code check} reports it (the configured baseline
     * applied), for the totals: checked again only when it changed (core's {@link WarmResults}, by
     * the file's state, its links and what else its result depends on), since the overview is
     * rebuilt after every save of any spec; task lists not given are forgotten.
     */
    public TaskListCount countTaskLists(List<Path> taskLists, LocalDate today) {
        CheckOptions options = CheckOptions.asOf(requireNonNull(today, "today must not be null"));
        taskResults.retainOnly(Set.copyOf(taskLists)::contains);
        // checked in parallel, as the specs are: a project may hold a task list per spec
        List<CheckResult> results =
                taskLists.parallelStream().map(f -> reportedTaskList(f, options)).toList();
        long errors = 0;
        long warnings = 0;
        for (CheckResult result : results) {
            errors += result.errors();
            warnings += result.warnings();
        }
        return new TaskListCount(taskLists.size(), errors, warnings);
    }

    /** Whether {@code file} (absolute) is one of the task lists its folder holds. */
    public boolean isTaskList(Path file) {
        return isFound(file, DocumentKind.TASK_LIST);
    }

    /** A path relative to the root, as the dashboard shows spec paths. */
    private static String shown(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /**
     * Whether {@code file} (absolute) is one of the specs its folder holds, as check finds them.
     */
    public boolean isSpec(Path file) {
        return isFound(file, DocumentKind.SPEC);
    }

    /** Whether {@code file} (absolute) is of {@code kind} and found by a walk of its folder. */
    private boolean isFound(Path file, DocumentKind kind) {
        if (DocumentKind.of(file) != kind || file.getParent() == null) {
            return false;
        }
        Found found = find(file.getParent());
        return (kind == DocumentKind.SPEC ? found.specs() : found.taskLists())
                .stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(file));
    }

    /**
     * The board's columns, in order: the template's statuses (or {@code lifecycle: order}); for a
     * template without statuses, its Type values, or one column.
     */
    public List<String> statuses() {
        return project.board().columns();
    }

    /** Whether the template has a Type field (the pages show a spec's type only then). */
    public boolean typed() {
        return columns.type();
    }

    /** Whether the template has a Next Review field (the pages show a spec's only then). */
    public boolean reviewed() {
        return columns.nextReview();
    }

    /** Whether the template dates a spec (the table has a Created column only then). */
    public boolean dated() {
        return columns.date();
    }

    /**
     * Whether the project's lifecycle keeps approvals ({@link Approvals#appliesTo}, as {@code
     * check} asks it): the overview shows stale approvals and approvals per week only then.
     */
    public boolean approving() {
        return Approvals.appliesTo(project.schema());
    }

    /**
     * The git history of every spec, read in one walk through the façade's history service, and the
     * approvals per week it shows. A spec whose working file is its newest committed version (as
     * git's index records it) may have that version left unread, for its page's check to read
     * ({@link #timeline}): the site parses each spec once. A spec whose history cannot be read is
     * kept with its cause ({@link #unreadable()}), never left out unsaid. Thread-safe.
     */
    public static final class Histories {
        // the timelines read, and those finished from a page's check as it comes
        private final Map<Path, SpecMoves> timelines = new ConcurrentHashMap<>();
        // the specs whose history cannot be read, with why
        private final Map<Path, String> unreadable = new ConcurrentHashMap<>();
        // the history whose newest versions wait for the pages' checks, or null
        private final SpecHistory.Unfinished unfinished;
        private final String note;
        // whether a status holds an approval, by the project's lifecycle: what weeks() counts
        private final Predicate<String> approvedAt;

        /**
         * @param read the timelines read (none when there is no repository)
         * @param note why there is no history, or empty
         */
        Histories(List<SpecMoves> read, String note, Predicate<String> approvedAt) {
            read.forEach(t -> timelines.put(t.file(), t));
            this.unfinished = null;
            this.note = note;
            this.approvedAt = approvedAt;
        }

        /** A history whose newest versions may wait for the pages' checks. */
        Histories(SpecHistory.Unfinished unfinished, Predicate<String> approvedAt) {
            unfinished.read().forEach(t -> timelines.put(t.file(), t));
            unreadable.putAll(unfinished.unreadable());
            this.unfinished = unfinished;
            this.note = "";
            this.approvedAt = approvedAt;
        }

        /** Why there is no history, or empty. */
        public String note() {
            return note;
        }

        /** Why {@code file}'s history cannot be read, or null when it can (or was not asked). */
        String unreadable(Path file) {
            return unreadable.get(file);
        }

        /**
         * {@code file}'s timeline (null when there is none), its newest version read from {@code
         * spec}, the check of its working file, when that version waits for it (read from git when
         * the check could not read the file, or the file changed since the index was compared);
         * {@code checklist}, its document's checklist as a spec's, when the caller made it (else
         * null).
         *
         * @throws HistoryException when that version cannot be read from git after all
         */
        SpecMoves timeline(Path file, CheckedSpec spec, Checklist checklist)
                throws HistoryException {
            SpecMoves known = timelines.get(file);
            String why = unreadable.get(file);
            if (why != null) {
                throw new HistoryException(why);
            }
            if (known != null || unfinished == null || !unfinished.waits(file)) {
                return known;
            }
            try {
                SpecMoves finished =
                        spec.readable()
                                ? unfinished.finish(
                                        file, spec.source().text(), spec.document(), checklist)
                                : unfinished.finish(file);
                timelines.put(file, finished);
                return finished;
            } catch (HistoryException e) {
                unreadable.put(file, e.getMessage());
                throw e;
            }
        }

        /**
         * Every timeline; any still waiting read from git (one that cannot be is noted among the
         * unreadable, with why).
         */
        private java.util.Collection<SpecMoves> all() {
            if (unfinished != null) {
                for (Path f : unfinished.waiting()) {
                    if (!timelines.containsKey(f) && !unreadable.containsKey(f)) {
                        try {
                            timelines.put(f, unfinished.finish(f));
                        } catch (HistoryException e) {
                            unreadable.put(f, e.getMessage());
                        }
                    }
                }
            }
            return timelines.values();
        }

        /** Specs approved per week, hand moves and cut histories, as core reads them. */
        public ApprovalWeeks weeks() {
            return ApprovalWeeks.of(all(), approvedAt);
        }
    }

    /**
     * Whether a status, as a spec's history spells it, holds an approval by the project's lifecycle
     * (Approved or Implementation in the built-in one): what Approved per week counts a record at.
     */
    private Predicate<String> approvedAt() {
        var lifecycle = project.lifecycle();
        return status -> lifecycle.status(status).filter(lifecycle::approvedAt).isPresent();
    }

    /**
     * What the histories read would stand on in the repository of {@code root} (HEAD and a shallow
     * clone's cut, {@code SpecHistory.headState}), asked as often as the caller likes from a
     * repository opened once: read the histories again when it changes. The caller closes it.
     */
    public GitHead historyState(Path root) {
        return project.history().head(root);
    }

    /**
     * The histories of {@code files} from git, each version read for its status, approval record
     * and checklist counts (no approval validity: the page shows the current one, from the check);
     * none, with the reason, outside a repository; a spec whose history cannot be read is noted
     * with why, the others read.
     */
    public Histories histories(List<Path> files) {
        if (files.isEmpty()) {
            return new Histories(List.of(), "", approvedAt());
        }
        try {
            return new Histories(project.history().readableChecklists(files), approvedAt());
        } catch (HistoryException e) {
            return new Histories(List.of(), "No history: " + e.getMessage() + ".", approvedAt());
        }
    }

    /**
     * The histories of {@code files} as {@link #histories} reads them, but the newest version of
     * each spec whose working file it is left for its page's check to read ({@link
     * Histories#timeline}): for pages loaded each with its spec's check.
     */
    public Histories historiesBeforeChecks(List<Path> files) {
        if (files.isEmpty()) {
            return new Histories(List.of(), "", approvedAt());
        }
        try {
            return new Histories(project.history().checklistsAfter(files), approvedAt());
        } catch (HistoryException e) {
            return new Histories(List.of(), "No history: " + e.getMessage() + ".", approvedAt());
        }
    }

    /**
     * The approvals the overview shows: stale ones, and specs approved per week from git (core's
     * {@link ApprovalWeeks}), with the moves to Approved that recorded none, the specs whose
     * history cannot be read, those a shallow clone cut short and those with committed versions
     * that could not be read, named by {@code names}.
     */
    public static ApprovalOverview approvals(
            List<SpecView> views, Histories histories, PageNames names) {
        List<SpecView> stale =
                views.stream()
                        .filter(v -> !v.approvalStale().isEmpty())
                        .sorted(java.util.Comparator.comparing(SpecView::path))
                        .toList();
        ApprovalWeeks read = histories.weeks();
        Map<String, SpecView> byPath = new HashMap<>();
        views.forEach(v -> byPath.put(v.path(), v));
        int max = read.weeks().stream().mapToInt(w -> w.specs().size()).max().orElse(1);
        List<ApprovalOverview.Week> weeks = new ArrayList<>();
        for (ApprovalWeeks.Week w : read.weeks()) {
            int n = w.specs().size();
            weeks.add(
                    new ApprovalOverview.Week(w.week(), n, n * 100 / max, named(w.specs(), names)));
        }
        List<ApprovalOverview.HandMove> hand = new ArrayList<>();
        for (ApprovalWeeks.HandMove h : read.handMoves()) {
            SpecView v = byPath.get(names.relative(h.file()));
            if (v == null) {
                continue; // a spec not shown (gone since the history was read)
            }
            var r = h.change().version().revision();
            hand.add(
                    new ApprovalOverview.HandMove(
                            r.time().toLocalDate().toString(),
                            r.shortId(),
                            r.author(),
                            h.change().from().orElse(""),
                            v));
        }
        List<String> unreadable =
                histories.unreadable.entrySet().stream()
                        .map(e -> names.relative(e.getKey()) + " (" + e.getValue() + ")")
                        .sorted()
                        .toList();
        return new ApprovalOverview(
                stale,
                weeks,
                histories.note(),
                hand,
                unreadable,
                read.shallow().stream().map(names::relative).toList(),
                read.unreadVersions().stream()
                        .map(u -> names.relative(u.file()) + ": " + u.said())
                        .sorted()
                        .toList());
    }

    /** The most specs a week's row names in its tooltip; the rest are counted. */
    private static final int WEEK_NAMES = 20;

    /** {@code a.md, b.md and 3 more}: a week's specs as its row's tooltip names them. */
    private static String named(List<Path> specs, PageNames names) {
        String listed =
                String.join(", ", specs.stream().limit(WEEK_NAMES).map(names::relative).toList());
        int more = specs.size() - WEEK_NAMES;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }

    /** Reads and checks {@code file}; with {@code withPage}, also renders its page. */
    public Loaded load(Path file, PageNames names, LocalDate today, boolean withPage) {
        return load(file, names, today, withPage, null);
    }

    /**
     * Reads and checks {@code file}; with {@code withPage}, also renders its page, showing {@code
     * histories}' timeline of it (read now when null).
     */
    public Loaded load(
            Path file, PageNames names, LocalDate today, boolean withPage, Histories histories) {
        return load(file, names, today, withPage, histories, null);
    }

    /**
     * As {@link #load(Path, PageNames, LocalDate, boolean, Histories)}, rendering the page's body
     * into {@code body} as UTF-8 when not null (emptied first): the page then holds it as its body,
     * valid until the caller reuses it.
     */
    public Loaded load(
            Path file,
            PageNames names,
            LocalDate today,
            boolean withPage,
            Histories histories,
            HtmlBytes body) {
        requireNonNull(file, "file must not be null");
        requireNonNull(names, "names must not be null");
        CheckOptions options = CheckOptions.asOf(requireNonNull(today, "today must not be null"));
        // a page is rendered from the block tree of the check's own parse when core keeps one
        MarkdownTree[] tree = new MarkdownTree[1];
        Consumer<MarkdownTree> keep = withPage ? t -> tree[0] = t : null;
        CheckedSpec spec =
                reported(
                        links == null
                                ? project.inspect(file, options, keep)
                                : project.inspect(file, options, keep, links));
        CheckResult result = spec.result();
        List<DiagnosticView> diagnostics = diagnostics(result);
        SpecDocument doc = spec.document();
        // the approval the check computed, stale only when check reports it so (not when the
        // rule is off or the finding is in the baseline); no record: not stale, no panel
        Optional<ApprovalCheck> approval = spec.approval();
        boolean stale = spec.approvalStale();
        // summary, checklist and schedule made once each
        CheckedSpec.Overview overview = spec.overview();
        SpecView view = view(file, names, spec, overview, diagnostics, approval, stale);
        if (!withPage) {
            return new Loaded(view, null);
        }
        if (!spec.readable()) {
            // git may hold it all the same: its timeline as history reads it, never "no change"
            return new Loaded(
                    view,
                    new SpecPage(
                            view,
                            "",
                            diagnostics,
                            List.of(),
                            history(file, spec, null, approval, stale, histories)));
        }
        Map<Integer, String> headingIds = headingIds(doc);
        // the static site's page buffer (kept per thread, written out at once), else a page's own
        HtmlBytes target = body != null ? body.reset() : new HtmlBytes();
        renderer.render(
                yamlFrontMatter(spec.source().text(), doc.frontMatter()),
                tree[0] == null ? null : blocks(tree[0]),
                diagnostics,
                headingIds,
                attributed(doc),
                names.linksFrom(file),
                target);
        CharSequence html = body != null ? body : target.toString();
        // the overview's checklist is the history's reading of a spec's
        Checklist checklist =
                DocumentKind.of(file) == DocumentKind.SPEC ? overview.checklist() : null;
        return new Loaded(
                view,
                new SpecPage(
                        view,
                        html,
                        diagnostics,
                        progress(
                                doc,
                                overview.checklist(),
                                headingIds,
                                renderer,
                                names.linksFrom(file)),
                        history(file, spec, checklist, approval, stale, histories)));
    }

    /**
     * {@code file}'s approval, timeline and burn-up for its page, from {@code histories} (read now
     * when null): of a spec the check could not read too, whose history git may hold.
     */
    private ApprovalHistory history(
            Path file,
            CheckedSpec spec,
            Checklist checklist,
            Optional<ApprovalCheck> approval,
            boolean stale,
            Histories histories) {
        Histories h = histories != null ? histories : historiesBeforeChecks(List.of(file));
        SpecMoves timeline;
        String note = h.note();
        try {
            timeline = h.timeline(file, spec, checklist);
        } catch (HistoryException e) {
            timeline = null;
            note = "No history: " + e.getMessage() + ".";
        }
        return history(approval.filter(a -> a.record().isPresent()), stale, timeline, note);
    }

    /**
     * The check's block tree as the renderer reads it: given the renderer's {@link
     * SpecHtmlRenderer.InlineContent} (the pages {@code FastHtml} writes), each block's inline
     * content is handed over as chars; given any other inline parser, as source lines.
     */
    static Function<InlineParser, Document> blocks(MarkdownTree tree) {
        return parser ->
                parser instanceof SpecHtmlRenderer.InlineContent content
                        ? tree.withInlineContent(content::parse)
                        : tree.withInlines(parser);
    }

    /**
     * Throws {@link UnusableBaseline} when the configured baseline cannot be read now (read again
     * only when its file changed).
     */
    public void requireReadableBaseline() {
        try {
            project.requireReadableBaseline();
        } catch (BaselineException e) {
            throw new UnusableBaseline(e.getMessage());
        }
    }

    /** A task list's result as check reports it, from {@link #taskResults} while it holds. */
    private CheckResult reportedTaskList(Path file, CheckOptions options) {
        try {
            return taskResults.get(project, file, options);
        } catch (BaselineException e) {
            throw new UnusableBaseline(e.getMessage());
        }
    }

    /** How many task lists were checked rather than taken from {@link #taskResults}. */
    long taskListsCheckedAfresh() {
        return taskResults.checkedAfresh();
    }

    /** {@code spec} as check reports it: the configured baseline applied. */
    private CheckedSpec reported(CheckedSpec spec) {
        try {
            return project.asReported(spec);
        } catch (BaselineException e) {
            throw new UnusableBaseline(e.getMessage());
        }
    }

    /** A spec's timeline, approval and burn-up for its page. */
    private ApprovalHistory history(
            Optional<ApprovalCheck> recorded, boolean stale, SpecMoves timeline, String note) {
        ApprovalHistory.Approval approval = null;
        if (recorded.isPresent()) {
            ApprovalCheck check = recorded.get();
            ApprovalRecord r = check.record().get();
            String commit =
                    timeline == null
                            ? ""
                            : timeline.approvalCommit()
                                    .filter(v -> v.approval().equals(check.record()))
                                    .map(v -> v.revision().shortId())
                                    .orElse("");
            approval =
                    new ApprovalHistory.Approval(
                            r.by(),
                            r.date().toString(),
                            r.hash(),
                            commit,
                            !stale,
                            stale ? check.changes() : "");
        }
        if (timeline == null) {
            return new ApprovalHistory(note, List.of(), approval, List.of());
        }
        List<ApprovalHistory.Move> moves = new ArrayList<>();
        for (StatusChange c : timeline.changes()) {
            var r = c.version().revision();
            moves.add(
                    new ApprovalHistory.Move(
                            r.time().toLocalDate().toString(),
                            r.shortId(),
                            r.author(),
                            c.from().orElse(""),
                            c.to().orElse(""),
                            !c.approvalChanged()
                                    ? ""
                                    : c.approvalAfter()
                                            .map(a -> a.date() + " by " + a.by())
                                            .orElse("cleared"),
                            ApprovalWeeks.handMove(timeline, c),
                            timeline.start(c) == SpecMoves.Start.CUT,
                            r.path().equals(timeline.path()) ? "" : r.path()));
        }
        List<ApprovalHistory.Point> points = new ArrayList<>();
        for (HistoryVersion v : timeline.versions()) {
            ChecklistVersion c = (ChecklistVersion) v; // checklists() reads every version so
            points.add(
                    new ApprovalHistory.Point(
                            c.revision().time().toLocalDate().toString(),
                            c.revision().shortId(),
                            c.checked(),
                            c.total()));
        }
        // history's verdict: a spec renamed since the last commit is in no commit too; one whose
        // committed versions are no spec's text is committed, and says which and why
        String why =
                timeline.inNoCommit()
                        ? "No history: the spec is in no commit (" + SpecHistory.IN_NO_COMMIT + ")."
                        : timeline.unreadVersionsSaid()
                                .map(
                                        said ->
                                                (timeline.versions().isEmpty()
                                                                ? "No history read: "
                                                                : "Partial: ")
                                                        + said
                                                        + ".")
                                .orElse("");
        return new ApprovalHistory(why, moves, approval, points, timeline.shallow());
    }

    private SpecView view(
            Path file,
            PageNames names,
            CheckedSpec spec,
            CheckedSpec.Overview overview,
            List<DiagnosticView> diagnostics,
            Optional<ApprovalCheck> approval,
            boolean stale) {
        SpecSummary summary = overview.summary();
        Schedule schedule = overview.schedule();
        String fileName = file.getFileName().toString();
        String firstError =
                diagnostics.stream()
                        .filter(d -> d.severity().equals(Severity.ERROR.label()))
                        .findFirst()
                        .map(d -> "line " + d.line() + ": " + d.message())
                        .orElse("");
        String status = orEmpty(summary.status());
        LocalDate today = spec.today();
        return new SpecView(
                names.relative(file),
                names.page(file),
                summary.title() == null ? fileName : summary.title(),
                orEmpty(summary.type()),
                status,
                project.board().column(project.schema(), status, summary.type()),
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
                summary.jsonFields(names::relative),
                stale ? approval.get().changes() : "");
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

    /**
     * Whether {@code id} has the form of a finding's note id ({@code DiagnosticView.anchor}): the
     * pattern {@code d[0-9]+-[0-9]+-.*}, whose {@code .} is any char but a line terminator, read
     * without a matcher per heading.
     */
    static boolean isDiagnosticId(String id) {
        int n = id.length();
        if (n == 0 || id.charAt(0) != 'd') {
            return false;
        }
        int i = 1;
        for (int part = 0; part < 2; part++) {
            int digits = i;
            while (i < n && id.charAt(i) >= '0' && id.charAt(i) <= '9') {
                i++;
            }
            if (i == digits || i == n || id.charAt(i) != '-') {
                return false;
            }
            i++;
        }
        for (; i < n; i++) {
            char c = id.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, String> headingIds(SpecDocument doc) {
        List<String> ids = HeadingAnchors.of(doc);
        Map<Integer, String> byLine = new HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>(PAGE_IDS);
        for (int i = 0; i < ids.size(); i++) {
            // every id on the page unique: a heading named like a part of the page ("Progress"),
            // like a finding's note, or given another heading's id by a {#id} attribute is
            // numbered on
            String id = ids.get(i);
            if (id.isEmpty() || isDiagnosticId(id)) {
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

    /** The lines of the headings that carry a {@code {#id}} attribute, as core reads them. */
    private static java.util.Set<Integer> attributed(SpecDocument doc) {
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        for (Section s : doc.sections()) {
            if (HeadingText.attributeId(s.title()) != null) {
                lines.add(s.line());
            }
        }
        return lines;
    }

    private static List<SectionProgress> progress(
            SpecDocument doc,
            Checklist checklist,
            Map<Integer, String> headingIds,
            SpecHtmlRenderer renderer,
            LinkResolver links) {
        List<SectionProgress> progress = new ArrayList<>();
        for (ChecklistSection section : checklist.sections()) {
            List<ChecklistItemView> items = new ArrayList<>();
            for (ChecklistEntry e : section.items()) {
                items.add(
                        new ChecklistItemView(
                                e.id(),
                                e.text(),
                                renderer.renderInline(e.text(), links),
                                e.checked(),
                                e.line() + 1));
            }
            String anchor =
                    doc.section(section.sectionIndex())
                            .map(x -> headingIds.getOrDefault(x.line(), ""))
                            .orElse("");
            progress.add(new SectionProgress(section.title(), anchor, items));
        }
        return progress;
    }

    /**
     * {@code text} with its front matter's opening and closing lines made the fences of a YAML code
     * block, so that the page shows the front matter as the YAML it is, as the check reads it: as
     * Markdown, its closing {@code ---} made the last key a setext heading. Every line keeps its
     * number (diagnostics point at lines); the fence is made of more tildes than any run of them in
     * the front matter, so no line of it closes the block. The text itself when it has no front
     * matter.
     */
    static String yamlFrontMatter(String text, Optional<FrontMatter> frontMatter) {
        if (frontMatter.isEmpty()) {
            return text;
        }
        int open = frontMatter.get().startLine();
        int close = frontMatter.get().endLine();
        // the start of every line up to the line after the closing one
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length() && starts.size() <= close + 1; i++) {
            char c = text.charAt(i);
            if (c == '\n'
                    || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        if (close >= starts.size() || open >= close) {
            return text;
        }
        int closeEnd = lineEnd(text, starts.get(close));
        int longest = 0;
        int run = 0;
        for (int i = starts.get(open); i < closeEnd; i++) {
            run = text.charAt(i) == '~' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "~".repeat(Math.max(3, longest + 1));
        return text.substring(0, starts.get(open))
                + fence
                + "yaml"
                + text.substring(lineEnd(text, starts.get(open)), starts.get(close))
                + fence
                + text.substring(closeEnd);
    }

    /** Where the line starting at {@code from} ends, before its line break. */
    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
