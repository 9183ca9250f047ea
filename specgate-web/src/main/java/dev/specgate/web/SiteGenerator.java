package dev.specgate.web;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.RunSize;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.project.EvenSplit;
import dev.specgate.core.project.SpecProject;
import dev.specgate.web.internal.Assets;
import dev.specgate.web.internal.CoreAdapter;
import dev.specgate.web.internal.IndexJson;
import dev.specgate.web.internal.PageBuffer;
import dev.specgate.web.internal.PageNames;
import dev.specgate.web.internal.Pages;
import dev.specgate.web.view.PageInfo;
import dev.specgate.web.view.Portfolio;
import dev.specgate.web.view.SpecView;
import dev.specgate.web.view.TaskListCount;
import dev.specgate.web.view.Timeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Stream;

/**
 * Writes a project's dashboard as a self-contained static site: an overview, a board, a table, a
 * timeline, one page per spec, {@code index.json}, and the stylesheet and script. Every link is
 * relative and nothing is fetched, so the site works from {@code file://} and any static host. Spec
 * pages are checked, rendered (from the check's one parse) and written in parallel, each to its
 * file as soon as it is rendered; only the small per-spec summaries are kept. Immutable and safe to
 * share between threads.
 */
public final class SiteGenerator {

    /** Rows of the timeline page made at a time: some ten milliseconds of a thread's time. */
    static final int TIMELINE_ROWS = 256;

    private final SpecProject project;
    private final CoreAdapter adapter;
    private final Pages pages = new Pages();
    // one page's text and bytes per thread, reused page after page
    private final ThreadLocal<PageBuffer> buffers = ThreadLocal.withInitial(PageBuffer::new);

    private SiteGenerator(SpecProject project) {
        this.project = project;
        this.adapter = new CoreAdapter(project);
    }

    /** A generator that asks {@code project} for every spec, as {@code check} does. */
    public static SiteGenerator of(SpecProject project) {
        return new SiteGenerator(requireNonNull(project, "project must not be null"));
    }

    /** A generator with the built-in template and rules. */
    public static SiteGenerator standard() {
        return of(SpecProject.builtin());
    }

    /** The specs a site of {@code root} would show (task lists left out). */
    public List<Path> specs(Path root) {
        return adapter.findSpecs(requireNonNull(root, "root must not be null"));
    }

    /**
     * Writes the site of the specs under {@code root} into {@code out}.
     *
     * @param root the project (or any folder that {@code check} accepts)
     * @param out the site's folder: new, empty, or a site written before (whose stale spec pages
     *     are removed)
     * @param today the date overdue dates are measured against
     * @throws DashboardException when there is nothing to show, {@code out} holds other files, or
     *     {@code out} is where specs are looked for ({@link #placeRefusal})
     * @throws IOException when a file cannot be written
     */
    public SiteResult generate(Path root, Path out, LocalDate today) throws IOException {
        requireNonNull(root, "root must not be null");
        requireNonNull(out, "out must not be null");
        requireNonNull(today, "today must not be null");
        Optional<String> refused = placeRefusal(root, out);
        if (refused.isPresent()) {
            throw new DashboardException(refused.get());
        }
        long started = System.nanoTime();
        CoreAdapter.Found found = adapter.find(root);
        List<Path> files = found.specs();
        if (files.isEmpty()) {
            throw DashboardException.noSpecs(root, found.nestedConfigs(), adapter.lookedFor(root));
        }
        try {
            adapter.requireReadableBaseline(); // nothing is written before it is known to read
        } catch (CoreAdapter.UnusableBaseline e) {
            throw DashboardException.of(e);
        }
        // the answers about link targets the specs share (as check's run shares them) and the
        // pages' names made on another thread, while this one reads the specs' git history (a
        // walk of the repository's commits, each version parsed on every thread: read on the
        // pool's one worker, as it was, it parsed them all on that thread while this one waited)
        ForkJoinTask<CoreAdapter> sharing =
                ForkJoinPool.commonPool().submit(() -> adapter.sharingLinks(found));
        ForkJoinTask<PageNames> naming =
                ForkJoinPool.commonPool().submit(() -> PageNames.of(root, files));
        CoreAdapter.Histories histories;
        CoreAdapter site;
        Path specDir = out.resolve(PageNames.SPEC_FOLDER);
        PageNames names;
        boolean earlierSite;
        try {
            earlierSite = prepare(out);
            Files.createDirectories(specDir);
            histories = adapter.historiesBeforeChecks(files);
        } finally {
            site = sharing.join();
            names = naming.join();
        }
        PageInfo frame =
                new PageInfo("", "", "", projectName(root), today.toString(), false)
                        .fields(
                                adapter.typed(),
                                adapter.reviewed(),
                                adapter.dated(),
                                adapter.approving());
        List<SpecView> views;
        // told the run's size as check's run is, so that a large site's approval hashes link the
        // native digest at once (only a hint: the hashes are the same either way)
        try (RunSize size = RunSize.of(files.size())) {
            // a few specs at a time to whichever thread is free (a parallel stream's fixed
            // quarters left one thread writing pages alone at the end)
            views =
                    EvenSplit.map(
                            files,
                            f -> {
                                size.spec();
                                return writeSpecPage(site, f, names, today, frame, out, histories);
                            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CoreAdapter.UnusableBaseline e) {
            throw DashboardException.of(e);
        }
        if (earlierSite) { // a new or empty folder holds no page of an earlier site
            removeStalePages(specDir, views);
        }
        TaskListCount taskLists;
        try {
            // not shown, but counted: the totals are check's
            taskLists = adapter.countTaskLists(found.taskLists(), today);
        } catch (CoreAdapter.UnusableBaseline e) {
            throw DashboardException.of(e);
        }
        Portfolio portfolio =
                new Portfolio(
                        frame.project(),
                        today,
                        adapter.statuses(),
                        views,
                        CoreAdapter.approvals(views, histories, names),
                        found.notices(),
                        taskLists);
        // the portfolio pages on both threads, a piece at a time to whichever is free: the table,
        // the board, the overview with index.json and the assets, the timeline's frame, and the
        // timeline's rows (the largest page, a row per spec) a range at a time
        try (TimelineFile timeline =
                new TimelineFile(out.resolve(Pages.View.TIMELINE.file()), portfolio.timeline())) {
            List<Runnable> parts = new ArrayList<>();
            parts.add(() -> writeView(Pages.View.TABLE, frame, portfolio, out));
            parts.add(() -> writeView(Pages.View.BOARD, frame, portfolio, out));
            parts.add(
                    () -> {
                        writeView(Pages.View.OVERVIEW, frame, portfolio, out);
                        try {
                            try (OutputStream json =
                                    Files.newOutputStream(out.resolve(IndexJson.FILE))) {
                                IndexJson.write(portfolio, json);
                            }
                            Assets.copyTo(out.resolve(Assets.FOLDER));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            parts.add(() -> timeline.frame(pages, frame, portfolio));
            for (int k = 0; k < timeline.ranges(); k++) {
                int range = k;
                parts.add(() -> timeline.rows(pages, range));
            }
            EvenSplit.map(
                    parts,
                    1,
                    part -> {
                        part.run();
                        return part;
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new SiteResult(
                out, portfolio, views.size() + Pages.VIEWS.size(), millis, found.nestedConfigs());
    }

    /** A portfolio page, encoded to UTF-8 as the template writes it and streamed to its file. */
    private void writeView(Pages.View view, PageInfo frame, Portfolio portfolio, Path out) {
        try (OutputStream file = Files.newOutputStream(out.resolve(view.file()))) {
            PageBuffer page = PageBuffer.streaming(file);
            pages.render(view, frame, portfolio, page);
            page.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The timeline page's file, written in order from pieces made on any thread: the page's frame
     * (all but its rows), then its rows a range at a time. A piece made before those ahead of it
     * waits in its buffer; a written range's buffer is kept for the next range.
     */
    private static final class TimelineFile implements AutoCloseable {
        private final OutputStream file;
        private final Timeline timeline;
        // the frame's head, each range, the frame's tail; null until made
        private final Piece[] pieces;
        private int next;
        private final Deque<PageBuffer> spare = new ArrayDeque<>();

        private record Piece(PageBuffer bytes, int from, int to, boolean kept) {}

        TimelineFile(Path target, Timeline timeline) throws IOException {
            this.timeline = timeline;
            this.pieces = new Piece[ranges(timeline) + 2];
            this.file = Files.newOutputStream(target);
        }

        private static int ranges(Timeline timeline) {
            return (timeline.rowCount() + TIMELINE_ROWS - 1) / TIMELINE_ROWS;
        }

        int ranges() {
            return pieces.length - 2;
        }

        /** The page without its rows: what goes before them, and after. */
        void frame(Pages pages, PageInfo frame, Portfolio portfolio) {
            PageBuffer page = new PageBuffer();
            int[] rowsAt = {-1};
            pages.render(frame, portfolio, rows -> rowsAt[0] = page.size(), page);
            int at = rowsAt[0] < 0 ? page.size() : rowsAt[0]; // no row: the page is all frame
            put(0, new Piece(page, 0, at, false));
            put(pieces.length - 1, new Piece(page, at, page.size(), false));
        }

        /** The rows of range {@code k}. */
        void rows(Pages pages, int k) {
            PageBuffer buffer;
            synchronized (this) {
                buffer = spare.isEmpty() ? new PageBuffer() : spare.pop();
            }
            buffer.reset();
            int from = k * TIMELINE_ROWS;
            int to = Math.min(timeline.rowCount(), from + TIMELINE_ROWS);
            pages.timelineRows(timeline, from, to, buffer);
            put(k + 1, new Piece(buffer, 0, buffer.size(), true));
        }

        /** Keeps piece {@code i}, and writes every piece that is now next in order. */
        private synchronized void put(int i, Piece piece) {
            pieces[i] = piece;
            try {
                while (next < pieces.length && pieces[next] != null) {
                    Piece p = pieces[next];
                    p.bytes().writeTo(file, p.from(), p.to());
                    if (p.kept()) {
                        spare.push(p.bytes());
                    }
                    pieces[next++] = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private SpecView writeSpecPage(
            CoreAdapter site,
            Path file,
            PageNames names,
            LocalDate today,
            PageInfo frame,
            Path out,
            CoreAdapter.Histories histories) {
        // the page's body rendered into the thread's page buffer, the page encoded to UTF-8 as the
        // template writes it (the body straight from its builder), one write
        PageBuffer page = buffers.get().reset();
        CoreAdapter.Loaded loaded = site.load(file, names, today, true, histories, page.body());
        Path target = out.resolve(loaded.view().page());
        pages.render(loaded.page(), frame, page);
        try {
            page.writeTo(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded.view();
    }

    /** The project's name: the root folder's name. */
    static String projectName(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs) && abs.getParent() != null) {
            abs = abs.getParent();
        }
        Path name = abs.getFileName();
        return name == null ? "specs" : name.toString();
    }

    /** Files a site writes, asked of the configuration's {@code specs:} globs. */
    private static final List<String> WRITTEN =
            List.of(
                    "index.html",
                    "table.html",
                    IndexJson.FILE,
                    PageNames.SPEC_FOLDER + "/page.html",
                    Assets.FOLDER + "/specgate.css");

    /**
     * Why the site may not be written to {@code out}, when it is where specs are looked for: below
     * a {@code directives} folder of {@code root} (its {@code spec/} or {@code tasks/}, or anywhere
     * in it when {@code root} is such a folder), or where the configuration's {@code specs:} globs
     * select the files a site writes ({@code docs/design/**}). A site there is read by the next
     * {@code check} and {@code site} as specs, or sits among the specs; empty when {@code out} is
     * elsewhere.
     */
    Optional<String> placeRefusal(Path root, Path out) {
        Path site = out.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base) && base.getParent() != null) {
            base = base.getParent();
        }
        if (site.startsWith(base)) {
            // the folder of specs itself (directives/spec named as ROOT), or one below ROOT
            for (Path p = site; p != null && p.startsWith(base); p = p.getParent()) {
                if (p.equals(base) ? ProjectRoot.of(p).isPresent() : SpecDiscovery.isSpecPlace(p)) {
                    Path here = Path.of("").toAbsolutePath();
                    return Optional.of(
                            out
                                    + " is inside "
                                    + (p.startsWith(here) && !p.equals(here)
                                            ? here.relativize(p)
                                            : p)
                                    + "/"
                                    + ", where specs are looked for: the next check and site"
                                    + " would read the site among the specs; name a folder"
                                    + " outside it (such as site/ beside directives/)");
                }
            }
        }
        for (String name : WRITTEN) {
            if (project.discovers(site.resolve(name))) {
                return Optional.of(
                        out
                                + " is where the specs: globs of "
                                + project.configFile().map(Path::toString).orElse(".specgate.yml")
                                + " look for specs: the next check and site would read the site's"
                                + " pages ("
                                + name
                                + ") as specs; name a folder they do not select");
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a folder that holds files but no earlier site; creates a missing one. Whether it
     * holds an earlier site (whose stale pages are to be removed).
     */
    private static boolean prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DashboardException(out + " is a file, not a folder");
        }
        boolean earlier = Files.isDirectory(out) && !isEmpty(out);
        if (earlier && !isEarlierSite(out)) {
            throw new DashboardException(
                    out
                            + " is not empty and holds no earlier Specgate site; name a new or"
                            + " empty folder");
        }
        Files.createDirectories(out);
        return earlier;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static boolean isEarlierSite(Path dir) throws IOException {
        Path json = dir.resolve(IndexJson.FILE);
        if (!Files.isRegularFile(json)) {
            return false;
        }
        byte[] head = new byte[256];
        int n;
        try (var in = Files.newInputStream(json)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8)
                .contains("\"generator\":\"specgate\"");
    }

    private static void removeStalePages(Path specDir, List<SpecView> views) throws IOException {
        Set<String> current = new HashSet<>();
        for (SpecView v : views) {
            current.add(Path.of(v.page()).getFileName().toString());
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(specDir, "*.html")) {
            for (Path p : s) {
                if (!current.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
    }
}
