package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.history.GitHead;
import dev.specgate.web.view.ApprovalOverview;
import dev.specgate.web.view.PageInfo;
import dev.specgate.web.view.Portfolio;
import dev.specgate.web.view.SpecPage;
import dev.specgate.web.view.SpecView;
import java.nio.file.Files;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A project's specs as {@code serve} holds them in memory: a summary per spec and the portfolio
 * built from them, replaced as a whole whenever a spec changes, so readers always see one
 * consistent snapshot. Spec pages are rendered on request from the file as it is now. Nothing here
 * writes to the specs.
 */
public final class LiveProject {

    /**
     * One consistent state.
     *
     * @param names the spec pages' names
     * @param views summary per spec file (absolute, normalized)
     * @param portfolio the portfolio of those summaries
     */
    public record Snapshot(PageNames names, Map<Path, SpecView> views, Portfolio portfolio) {}

    /**
     * What a reader takes together, replaced as a whole: the project followed and what was found
     * and checked with it, so that no reader pairs one project's adapter with another's snapshot (a
     * page asked for while the configuration is reloaded) or a walk's task lists with another
     * walk's specs.
     *
     * @param adapter the project followed
     * @param snapshot the specs checked with it, null until the first load
     * @param nestedConfigs the configurations below the root that keep their own project
     * @param notices the façade's notices of the walk (a file met under a second name, a file like
     *     a spec not taken)
     * @param taskLists the task lists check checks beside the specs: not shown, counted in the
     *     totals
     * @param taskListFiles the same, absolute and normalized: what {@link #update} looks a path up
     *     in
     */
    private record State(
            CoreAdapter adapter,
            Snapshot snapshot,
            List<Path> nestedConfigs,
            List<String> notices,
            List<Path> taskLists,
            Set<Path> taskListFiles) {

        State with(Snapshot next) {
            return new State(adapter, next, nestedConfigs, notices, taskLists, taskListFiles);
        }
    }

    private final Path root;
    private final Supplier<LocalDate> today;
    private final Consumer<String> historyNotices;
    // the history notices said already: each said once, not again at each reading of the histories
    private final Set<String> historySaid = ConcurrentHashMap.newKeySet();
    private final String project;

    /** Read once by each reader; written only under this object's lock. */
    private volatile State state;

    public LiveProject(Path root, CoreAdapter adapter, Supplier<LocalDate> today, String project) {
        this(root, adapter, today, project, notice -> {});
    }

    /**
     * A project whose histories' notices (what Approved per week leaves out: a history that cannot
     * be read, one a shallow clone cut, one with committed versions that could not be read) are
     * said to {@code historyNotices} as its portfolio is read, each once while its words stay: the
     * server's log, for a user who never opens the overview.
     */
    public LiveProject(
            Path root,
            CoreAdapter adapter,
            Supplier<LocalDate> today,
            String project,
            Consumer<String> historyNotices) {
        this.historyNotices = requireNonNull(historyNotices, "historyNotices must not be null");
        this.root = requireNonNull(root, "root must not be null");
        this.state =
                new State(
                        requireNonNull(adapter, "adapter must not be null"),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        Set.of());
        this.today = requireNonNull(today, "today must not be null");
        this.project = requireNonNull(project, "project must not be null");
        this.head = adapter.historyState(root);
    }

    public Path root() {
        return root;
    }

    public String project() {
        return project;
    }

    public LocalDate today() {
        return today.get();
    }

    /** The current state; {@link #reload()} must have run once. */
    public Snapshot snapshot() {
        return loaded(state);
    }

    private static Snapshot loaded(State state) {
        Snapshot s = state.snapshot();
        if (s == null) {
            throw new IllegalStateException("the project has not been loaded yet");
        }
        return s;
    }

    /**
     * Follows another project (a changed configuration or template) from now on, and checks every
     * spec again with it; when that fails (its baseline cannot be read), the previous project
     * stays.
     */
    public synchronized void reconfigure(CoreAdapter next) {
        // the new state is published only once every spec is checked with the new project
        load(requireNonNull(next, "next must not be null"));
        behind = false;
    }

    /**
     * The configurations below the root that keep their own project (whose specs are not shown), as
     * the last {@link #reload()} found them.
     */
    public List<Path> nestedConfigs() {
        return state.nestedConfigs();
    }

    /**
     * What discovery looks for under the root and saw near it, in a user's words, for "no specs
     * found".
     */
    public String lookedFor() {
        return state.adapter().lookedFor(root);
    }

    /**
     * Set when specs changed but could not be checked again (the baseline could not be read): the
     * snapshot is behind the files until the next successful {@link #reload()}.
     */
    private volatile boolean behind;

    /** Whether specs changed that the snapshot does not show yet (the baseline was unreadable). */
    public boolean behind() {
        return behind;
    }

    /**
     * The state to show now, as {@code check} would report it: throws {@link
     * CoreAdapter.UnusableBaseline} while the configured baseline cannot be read, and checks every
     * spec again first when specs changed while it could not.
     */
    public Snapshot current() {
        state.adapter().requireReadableBaseline();
        if (behind) {
            synchronized (this) {
                if (behind) {
                    reload();
                }
            }
        }
        // a commit, checkout or fetch moves HEAD without a change to any spec file: the
        // portfolio's histories (approvals per week, hand moves) are read again, the checks kept
        String head = this.head.now();
        if (!head.equals(historyState)) {
            synchronized (this) {
                if (!head.equals(historyState)) {
                    State s = state;
                    Snapshot current = loaded(s);
                    state =
                            s.with(
                                    new Snapshot(
                                            current.names(),
                                            current.views(),
                                            portfolio(
                                                    s,
                                                    current.names(),
                                                    current.views().values(),
                                                    today.get())));
                }
            }
        }
        return snapshot();
    }

    /** What the portfolio's histories were read on ({@link CoreAdapter#historyState}). */
    private volatile String historyState;

    /**
     * The repository's HEAD, kept open for as long as the project is followed: each overview asks
     * it, and a repository opened per request cost more than the question.
     */
    private final GitHead head;

    /** Closes the repository kept open for {@link #current()}'s question about HEAD. */
    public void close() {
        head.close();
    }

    /** Finds and checks every spec again. */
    public synchronized void reload() {
        try {
            load(state.adapter());
            behind = false;
        } catch (CoreAdapter.UnusableBaseline e) {
            if (state.snapshot() != null) {
                behind = true;
            }
            throw e;
        }
    }

    /** Finds and checks every spec with {@code adapter}, then publishes the state in one write. */
    private void load(CoreAdapter adapter) {
        CoreAdapter.Found found = adapter.find(root);
        List<Path> taskLists = found.taskLists();
        State next =
                new State(
                        adapter,
                        null,
                        found.nestedConfigs(),
                        found.notices(),
                        taskLists,
                        taskLists.stream()
                                .map(t -> t.toAbsolutePath().normalize())
                                .collect(Collectors.toUnmodifiableSet()));
        List<Path> files = found.specs();
        PageNames names = PageNames.of(root, files);
        LocalDate date = today.get();
        Map<Path, SpecView> views = new HashMap<>();
        List<SpecView> loaded =
                files.parallelStream()
                        .map(f -> adapter.load(f, names, date, false).view())
                        .toList();
        for (int i = 0; i < files.size(); i++) {
            views.put(files.get(i).toAbsolutePath().normalize(), loaded.get(i));
        }
        state =
                next.with(
                        new Snapshot(
                                names,
                                Map.copyOf(views),
                                portfolio(next, names, views.values(), date)));
    }

    /**
     * Takes in changed files: a file that is new or gone changes the set of specs (and maybe other
     * specs' links), so everything is checked again; otherwise only the changed specs are.
     *
     * @return the paths, relative to the root, of the specs that changed (and of the task lists,
     *     whose findings the totals count)
     */
    public synchronized List<String> update(Set<Path> changed) {
        State s = state;
        CoreAdapter adapter = s.adapter();
        Snapshot current = loaded(s);
        boolean structural = false;
        List<String> taskListPaths = new ArrayList<>();
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            boolean known = current.names().contains(abs);
            boolean exists = Files.isRegularFile(abs);
            if (known != exists && (known || adapter.isSpec(abs))) {
                // a spec came or went; a README or an ignored file changes nothing
                structural = true;
            }
            if (s.taskListFiles().contains(abs)) {
                // a task list edited or deleted: counted again with the portfolio below, and the
                // open pages told, since the totals may change
                taskListPaths.add(current.names().relative(abs));
            } else if (exists && adapter.isTaskList(abs)) {
                // a new task list: counted in the totals from now on
                structural = true;
            }
        }
        if (structural) {
            reload();
            return changed.stream().map(p -> snapshot().names().relative(p)).sorted().toList();
        }
        LocalDate date = today.get();
        Map<Path, SpecView> views = new HashMap<>(current.views());
        List<String> paths = new ArrayList<>();
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (views.containsKey(abs)) {
                try {
                    views.put(abs, adapter.load(abs, current.names(), date, false).view());
                } catch (CoreAdapter.UnusableBaseline e) {
                    behind = true; // checked again in full once the baseline reads
                    throw e;
                }
                paths.add(current.names().relative(abs));
            }
        }
        state =
                s.with(
                        new Snapshot(
                                current.names(),
                                Map.copyOf(views),
                                portfolio(s, current.names(), views.values(), date)));
        paths.addAll(taskListPaths);
        paths.sort(null);
        return paths;
    }

    /**
     * {@code frame} for the template as now configured: whether it has a Type and a Next Review
     * field ({@link PageInfo#fields}).
     */
    public PageInfo withFields(PageInfo frame) {
        CoreAdapter adapter = state.adapter();
        return frame.fields(
                adapter.typed(), adapter.reviewed(), adapter.dated(), adapter.approving());
    }

    /** The page of the spec with this slug, checked and rendered now. */
    public Optional<SpecPage> page(String slug) {
        State s = state;
        PageNames names = loaded(s).names();
        return names.spec(slug)
                .filter(Files::isRegularFile)
                .map(f -> s.adapter().load(f, names, today.get(), true).page());
    }

    /** The portfolio of {@code views}, with the project, notices and task lists of {@code s}. */
    private Portfolio portfolio(
            State s, PageNames names, java.util.Collection<SpecView> views, LocalDate date) {
        CoreAdapter adapter = s.adapter();
        List<SpecView> all = List.copyOf(views);
        // read before the histories: a commit made while they are read is read again next time
        historyState = head.now();
        CoreAdapter.Histories histories = adapter.histories(snapshotFiles(all));
        ApprovalOverview approvals = CoreAdapter.approvals(all, histories, names);
        for (String notice : approvals.notices()) {
            if (historySaid.add(notice)) {
                historyNotices.accept(notice);
            }
        }
        return new Portfolio(
                project,
                date,
                adapter.statuses(),
                all,
                approvals,
                s.notices(),
                adapter.countTaskLists(
                        s.taskLists().stream().filter(Files::isRegularFile).toList(), date));
    }

    /** The files of the views, absolute, as the history reads them. */
    private List<Path> snapshotFiles(List<SpecView> views) {
        return views.stream()
                .map(v -> root.resolve(v.path()).toAbsolutePath().normalize())
                .toList();
    }
}
