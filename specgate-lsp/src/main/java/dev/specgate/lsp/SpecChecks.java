package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The open specs and their checks. An edit after a pause is checked at once; an edit soon after
 * another schedules a check after a short quiet period; a newer edit cancels the check still
 * waiting, and a check that finishes after a newer edit is dropped rather than shown. Every answer
 * (pull diagnostics, code actions, hover, symbols) comes from a check of the current text, reused
 * when it is already done.
 */
final class SpecChecks implements AutoCloseable {

    /** How long an edit waits for the next one before the spec is checked again. */
    static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final Map<String, OpenSpec> open = new ConcurrentHashMap<>();
    private final Map<String, SpecInspection> latest = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastEdit = new ConcurrentHashMap<>();

    /**
     * How many times every check was forgotten (a configuration, template or file changed): a check
     * that began before is neither kept nor shown, since a check queued after the change says what
     * holds now. Read and changed under {@code this}, with {@link #latest}.
     */
    private long generation;

    private final Projects projects = new Projects();
    private final Supplier<LocalDate> today;
    private final Supplier<List<java.nio.file.Path>> folders;
    private final Duration debounce;
    private final ServerLog log;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "specgate-lsp-check");
                        t.setDaemon(true);
                        return t;
                    });

    SpecChecks(Supplier<LocalDate> today, Duration debounce) {
        this(today, debounce, List::of, new ServerLog(System.err, false));
    }

    /**
     * @param folders the workspace folders, where a search meets a spec under one name only: an
     *     open spec that is a further name of a file met there under another gets a notice
     * @param log where a check that fails (a bug) is said
     */
    SpecChecks(
            Supplier<LocalDate> today,
            Duration debounce,
            Supplier<List<java.nio.file.Path>> folders,
            ServerLog log) {
        this.log = requireNonNull(log, "log must not be null");
        this.today = requireNonNull(today, "today must not be null");
        this.debounce = requireNonNull(debounce, "debounce must not be null");
        this.folders = requireNonNull(folders, "folders must not be null");
    }

    /** The projects checks open. */
    Projects projects() {
        return projects;
    }

    /** Records the editor's text of a spec. */
    void put(OpenSpec spec) {
        open.put(OpenSpec.key(spec.uri()), spec);
    }

    /** The editor's text of a spec, if it is open. */
    Optional<OpenSpec> get(String uri) {
        return Optional.ofNullable(open.get(OpenSpec.key(uri)));
    }

    /** Every open spec. */
    Collection<OpenSpec> all() {
        return open.values();
    }

    /** Forgets a closed spec and any check of it still to run. */
    void close(String name) {
        String uri = OpenSpec.key(name);
        open.remove(uri);
        latest.remove(uri);
        lastEdit.remove(uri);
        Future<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
    }

    /**
     * Checks the spec, cancelling the check still waiting, and hands a check of the text still
     * current to {@code done}: at once when {@code now}, or when the previous edit is at least the
     * quiet period ago (a lone edit is shown without waiting); else after the quiet period, so that
     * a burst of typing is checked once it pauses.
     */
    void schedule(String name, boolean now, Consumer<SpecInspection> done) {
        String uri = OpenSpec.key(name);
        long at = System.nanoTime();
        Long previous = now ? null : lastEdit.put(uri, at);
        boolean atOnce = now || previous == null || at - previous >= debounce.toNanos();
        Future<?> next =
                executor.schedule(
                        () -> {
                            OpenSpec spec = open.get(uri);
                            if (spec == null) {
                                return;
                            }
                            try {
                                // one made with a configuration or search forgotten since is
                                // dropped: the check queued by that change follows
                                inspect(spec, done);
                            } catch (RuntimeException e) {
                                // a bug: tell the log, with its stack trace, keep serving
                                log.bug("cannot check " + uri + ": " + e, e);
                            }
                        },
                        atOnce ? 0 : debounce.toMillis(),
                        TimeUnit.MILLISECONDS);
        Future<?> before = pending.put(uri, next);
        if (before != null) {
            before.cancel(false);
        }
    }

    /** A check of the spec's current text, or empty when it is not open. */
    Optional<SpecInspection> current(String name) {
        String uri = OpenSpec.key(name);
        OpenSpec spec = open.get(uri);
        if (spec == null) {
            return Optional.empty();
        }
        SpecInspection known = latest.get(uri);
        if (known != null && known.spec() == spec) {
            return Optional.of(known);
        }
        return Optional.of(inspect(spec));
    }

    /** Checks a text now, and keeps the check while the text is current. */
    SpecInspection inspect(OpenSpec spec) {
        return inspect(spec, kept -> {});
    }

    /**
     * Checks a text now, and keeps the check and hands it to {@code kept} when it is current: of
     * the text the editor holds, and begun after the checks were last forgotten (a request's check
     * with the configuration as it was would otherwise outlive the change).
     */
    private SpecInspection inspect(OpenSpec spec, Consumer<SpecInspection> kept) {
        long began = generation();
        SpecInspection i = SpecInspection.of(spec, projects, today.get(), folders.get());
        boolean current;
        synchronized (this) {
            current = isCurrent(i) && generation == began;
            if (current) {
                latest.put(OpenSpec.key(spec.uri()), i);
            }
        }
        if (current) {
            kept.accept(i); // outside the lock: it answers the editor
        }
        return i;
    }

    private synchronized long generation() {
        return generation;
    }

    /** Forgets every check, and that any check still running was made before. */
    private synchronized void forgetChecks() {
        generation++;
        latest.clear();
    }

    /** Checks a spec no editor holds open, from disk. */
    SpecInspection inspectFile(java.nio.file.Path file) {
        return SpecInspection.ofFile(file, projects, today.get(), folders.get());
    }

    /** Whether the check is of the text the editor holds now. */
    boolean isCurrent(SpecInspection i) {
        return open.get(OpenSpec.key(i.spec().uri())) == i.spec();
    }

    /**
     * Forgets the searches for further names of specs and every check, so that the next checks
     * search again (a file was created, deleted or renamed).
     */
    void forgetNames() {
        projects.forgetNames();
        forgetChecks();
    }

    /**
     * Takes in files created, and deleted or saved ({@link Projects#namesChanged}: the searches for
     * further names are kept where they still hold) and forgets every check when files came or went
     * or a search no longer holds, so that the next checks ask again.
     *
     * @return whether the open specs are to be checked again
     */
    boolean namesChanged(
            Collection<Path> created, Collection<Path> deleted, Collection<Path> saved) {
        List<Path> deletedOrSaved = new java.util.ArrayList<>(deleted);
        deletedOrSaved.addAll(saved);
        Projects.NameChange names = projects.namesChanged(created, deletedOrSaved);
        if (names != Projects.NameChange.NONE || !created.isEmpty() || !deleted.isEmpty()) {
            forgetChecks();
            return true;
        }
        return false;
    }

    /**
     * Takes in a save of {@code file} and hands {@code again} the URIs of the open specs whose
     * checks it can change, on the checks' thread (so that no check is half way through when they
     * are chosen), each check of them forgotten: the saved spec itself (under any of its URIs); and
     * others only where the save can change their check, since a check reads no other spec's text:
     * every open spec when the searches for further names no longer hold (a name met twice saved
     * anew, or replaced as an atomic save replaces a hard link's file); the other names of the
     * saved file (a save as may have made a name, which the searches are asked again for); and a
     * spec whose check found a link target missing that exists now (a save as made the file it
     * links to).
     */
    void saved(Path file, Consumer<List<String>> again) {
        requireNonNull(file, "file must not be null");
        // a save may have made a file (save as): taken in as a file made and saved
        Projects.NameChange names = projects.namesChanged(List.of(file), List.of(file));
        Object key = names == Projects.NameChange.NEW_FILES ? Projects.fileKey(file) : null;
        executor.execute(
                () -> {
                    synchronized (this) {
                        // a request's check still running is of the files before the save
                        generation++;
                    }
                    List<String> uris = new java.util.ArrayList<>();
                    for (OpenSpec spec : open.values()) {
                        String uri = OpenSpec.key(spec.uri());
                        Optional<Path> at = spec.file();
                        SpecInspection known = latest.get(uri);
                        if (names == Projects.NameChange.ALL
                                || at.isPresent()
                                        && (at.get().equals(file)
                                                || key != null
                                                        && key.equals(Projects.fileKey(at.get())))
                                || known != null && madeSince(known)) {
                            latest.remove(uri);
                            uris.add(spec.uri());
                        }
                    }
                    again.accept(uris);
                });
    }

    /** Whether a link target the check found missing exists now. */
    private static boolean madeSince(SpecInspection i) {
        for (Map.Entry<Path, Boolean> e : i.linkTargets().entrySet()) {
            if (!e.getValue() && java.nio.file.Files.exists(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every project and check, so that the next checks read configuration again. */
    void forgetProjects() {
        projects.forget();
        forgetChecks();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
