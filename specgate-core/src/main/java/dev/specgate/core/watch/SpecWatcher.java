package dev.specgate.core.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.MarkdownNames;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Watches the folders that hold a project's specs, for {@code specgate serve} and {@code specgate
 * mcp} alike, and reports saved, new and deleted Markdown files, configuration files ({@code
 * .specgate.yml}) and the files named with {@link Builder#file} (a template, a named configuration)
 * in batches: editors save in bursts (write, rename, touch), so events are gathered until the
 * folders have been quiet for {@link #QUIET_MILLIS}.
 *
 * <p>Trees ({@link Builder#tree}) are watched with their subfolders, and new subfolders as they
 * appear (a new folder's Markdown files are reported with it); folders named like version control,
 * build output or dependencies ({@link SpecDiscovery#skippedFolders()}), which discovery never
 * searches, are not watched below a tree's top. Folders watched alone ({@link Builder#alone}) are
 * watched without their subfolders, and so are the folders between one of them and a tree below it;
 * a folder that appears in one of them is watched only where discovery would look for specs in it
 * ({@link SpecDiscovery#isSpecPlace}: a {@code directives} folder, its {@code spec} and {@code
 * tasks}), then as a tree. A watched folder that is moved away, renamed or deleted (or one of the
 * folders above it that are watched) is reported as lost events ({@link Builder#onLost}), whatever
 * its name, so that everything is read again: the system keeps watching a moved folder under its
 * new place and would say nothing of the specs being gone. So are events the system lost (an
 * overflow).
 *
 * <p>With a project ({@link Builder#project}) it also follows what the project's configuration
 * says: folders its {@code ignore:} globs leave out whole, which discovery does not go into, are
 * not watched below a tree's top (those a changed configuration lets in are watched then); its
 * configuration file and template are reported whatever their names and wherever they are (their
 * folders watched alone), and a change of a spec's metadata file ({@code metadata: {sidecar: ...}},
 * which may hold its status and approval) is reported as a change of the Markdown files beside it,
 * the specs it belongs to. The project is asked again after every batch that holds a configuration
 * file or one of those files, and after lost events, so that a template switched in {@code
 * .specgate.yml} is watched from then on, and the folder of the template switched away from, when
 * it was watched for that template alone (not given, not in a tree), is watched no more. A project
 * that cannot be opened then (a configuration or template read while an editor was writing it) is
 * asked again after a wait (doubling from {@link #QUIET_MILLIS} to {@link #RETRY_MAX_MILLIS}) until
 * it opens: the folder of a template newly named is not watched yet, so its saves would never say
 * so. Reads no spec (it lists the folder of a changed metadata file) and writes nothing.
 */
public final class SpecWatcher implements AutoCloseable {

    /** How long the folders must be quiet before a batch is reported. */
    public static final long QUIET_MILLIS = 120;

    /**
     * The longest wait before the project is asked again after it could not be opened (the waits
     * double from {@link #QUIET_MILLIS} up to this).
     */
    public static final long RETRY_MAX_MILLIS = 5_000;

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();

    /** The tops of the trees watched with their subfolders (given, or a spec place that came). */
    private final Set<Path> trees = new HashSet<>();

    private final Set<Path> givenFiles;
    private final Supplier<Optional<SpecProject>> project;

    /**
     * The folders watched alone because they were given (or hold a file given, or lie between one
     * and a tree): kept whatever the configuration says.
     */
    private final Set<Path> given = new HashSet<>();

    /** The folders of the project's configuration file and template as last followed. */
    private Set<Path> followedFolders = Set.of();

    /** The files reported whatever their names: those given and the project's. */
    private volatile Set<Path> files;

    /** The project's metadata file beside each spec, as a path from the spec's folder. */
    private volatile Optional<Path> sidecar = Optional.empty();

    /** The project followed, whose configuration's ignore: globs leave folders out. */
    private volatile SpecProject followed;

    /**
     * How many times in a row the project could not be opened (0 when it was, or when there is none
     * to follow): it is asked again after a wait, on the watcher's thread.
     */
    private int followFailures;

    private final Consumer<Set<Path>> onChange;
    private final Runnable onLost;
    private final Consumer<String> onProblem;
    private final Thread thread;

    private SpecWatcher(Builder b) throws IOException {
        this.givenFiles = Set.copyOf(b.files);
        this.files = givenFiles;
        this.project = b.project;
        this.onChange = b.onChange;
        this.onLost = b.onLost;
        this.onProblem = b.onProblem;
        this.service = FileSystems.getDefault().newWatchService();
        try {
            followProject();
            for (Path tree : b.trees) {
                if (Files.isDirectory(tree)) {
                    register(tree);
                    trees.add(tree);
                    registerBelow(tree, new LinkedHashSet<>());
                }
            }
            for (Path folder : b.alone) {
                if (Files.isDirectory(folder)) {
                    register(folder);
                }
                given.add(folder);
            }
            for (Path tree : b.trees) {
                registerBetween(tree, b.alone);
            }
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        this.thread = new Thread(this::run, "specgate-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A watcher that reports to {@code onChange} (and, once built, to the others given). */
    public static Builder builder(Consumer<Set<Path>> onChange) {
        return new Builder(onChange);
    }

    /** Whether {@code file} is named as a project's configuration ({@code .specgate.yml}). */
    public static boolean isConfiguration(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().equals(SpecgateConfig.FILE_NAME);
    }

    /**
     * Whether {@code file} is named as a Markdown file ({@code .md} or {@code .markdown}, in any
     * case; {@link MarkdownNames}).
     */
    public static boolean isMarkdown(Path file) {
        Path name = file.getFileName();
        return name != null && MarkdownNames.isMarkdown(name.toString());
    }

    /**
     * Watches the folders below {@code top} (not {@code top} itself), skipping the folders
     * discovery skips, and adds the Markdown files found to {@code markdown}; returns false when a
     * folder could not be read or watched (it is said to {@link Builder#onProblem} unless it is
     * gone).
     */
    private boolean registerBelow(Path top, Set<Path> markdown) {
        Path start = top.toAbsolutePath().normalize();
        boolean[] whole = {true};
        int[] failed = {0};
        StringBuilder first = new StringBuilder();
        BiConsumer<Path, IOException> failure =
                (path, e) -> {
                    whole[0] = false;
                    if (e instanceof NoSuchFileException) {
                        return; // gone while being walked: a checkout, a build
                    }
                    if (failed[0]++ == 0) {
                        first.append(path).append(": ").append(IoFailure.reason(e));
                    }
                };
        try {
            Files.walkFileTree(
                    start,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(start)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (SpecDiscovery.skippedFolders()
                                            .contains(dir.getFileName().toString())
                                    || ignoredWhole(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            try {
                                register(dir);
                            } catch (IOException e) {
                                failure.accept(dir, e);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isMarkdown(file)) {
                                markdown.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            failure.accept(file, e);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            failure.accept(start, e);
        }
        if (failed[0] > 0) {
            tell(
                    "cannot watch every folder under "
                            + start
                            + " ("
                            + first
                            + (failed[0] > 1 ? ", and " + (failed[0] - 1) + " more" : "")
                            + "): changes there are not seen");
        }
        return whole[0];
    }

    /**
     * Watches, alone, the folders between a folder watched alone and a tree below it: moving or
     * renaming any of them is seen in its parent as a deleted entry.
     */
    private void registerBetween(Path tree, Set<Path> alone) throws IOException {
        Path abs = tree.toAbsolutePath().normalize();
        for (Path a : alone) {
            Path top = a.toAbsolutePath().normalize();
            if (!abs.startsWith(top)) {
                continue;
            }
            for (Path p = abs.getParent(); p != null && p.startsWith(top); p = p.getParent()) {
                if (Files.isDirectory(p)) {
                    register(p);
                }
                given.add(p);
            }
        }
    }

    /**
     * Asks the project (if any) what its configuration says now: the folders it ignores whole (on a
     * later call, the trees are walked again for folders it lets in), its configuration file and
     * template, reported from now on whatever their names (their folders watched alone), and its
     * metadata file beside each spec. A project that cannot be opened leaves what was followed.
     */
    private void followProject() {
        if (project == null) {
            return;
        }
        Optional<SpecProject> now;
        try {
            now = project.get();
        } catch (RuntimeException e) {
            if (followFailures++ == 0) {
                tell("cannot follow the configuration's files: " + oneLine(String.valueOf(e)));
            }
            return;
        }
        if (now == null || now.isEmpty()) {
            // a configuration or template read while it was being written: asked again soon,
            // since a template switched to is in a folder not watched yet, whose saves say nothing
            followFailures++;
            return;
        }
        followFailures = 0;
        SpecProject p = now.get();
        boolean again = followed != null;
        followed = p;
        if (again) {
            // the ignore: globs may leave fewer folders out now: watch what they let in
            Set<Path> tops;
            synchronized (this) {
                tops = Set.copyOf(trees);
            }
            for (Path tree : tops) {
                if (Files.isDirectory(tree) && !ignoredWhole(tree)) {
                    registerBelow(tree, new LinkedHashSet<>());
                }
            }
        }
        Set<Path> named = new LinkedHashSet<>(givenFiles);
        p.configFile().ifPresent(f -> named.add(f.toAbsolutePath().normalize()));
        p.templateFile().ifPresent(f -> named.add(f.toAbsolutePath().normalize()));
        Set<Path> folders = new LinkedHashSet<>();
        for (Path f : named) {
            Path folder = f.getParent();
            if (folder != null) {
                folders.add(folder);
            }
            if (folder != null && Files.isDirectory(folder)) {
                try {
                    register(folder);
                } catch (IOException e) {
                    tell(
                            "cannot watch "
                                    + folder
                                    + " ("
                                    + IoFailure.reason(e)
                                    + "): changes of "
                                    + f.getFileName()
                                    + " are not seen");
                }
            }
        }
        files = Set.copyOf(named);
        // a template (or configuration) switched away from: its folder, watched for it alone, is
        // watched no more, so that its saves no longer count as changes
        for (Path old : followedFolders) {
            if (!folders.contains(old) && !given.contains(old) && !inTree(old)) {
                unwatch(old);
            }
        }
        followedFolders = Set.copyOf(folders);
        Optional<Path> beside;
        try {
            beside = p.schema().sidecar().map(Path::of).map(Path::normalize);
        } catch (InvalidPathException e) {
            beside = Optional.empty(); // no such file can be met: each spec's check says so
        }
        sidecar = beside.filter(n -> !n.isAbsolute() && n.getNameCount() > 0);
    }

    /**
     * Whether the configuration followed leaves out everything below {@code dir} ({@code ignore:
     * [archive/]}), where discovery does not go.
     */
    private boolean ignoredWhole(Path dir) {
        SpecProject p = followed;
        return p != null && p.ignoresFolder(dir);
    }

    /** Whether the project is to be asked again after this batch. */
    private boolean namesChanged(Set<Path> changed) {
        Set<Path> named = files;
        for (Path p : changed) {
            if (isConfiguration(p) || named.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The folder of the specs a changed file is the metadata file of ({@code metadata: {sidecar:
     * kep.yaml}}: {@code keps/0001/kep.yaml} belongs to the specs in {@code keps/0001}), if it is
     * one.
     */
    private Optional<Path> specFolderOf(Path file) {
        Optional<Path> name = sidecar;
        if (name.isEmpty() || !file.endsWith(name.get())) {
            return Optional.empty();
        }
        Path folder = file;
        for (int i = 0; i < name.get().getNameCount(); i++) {
            folder = folder.getParent();
            if (folder == null) {
                return Optional.empty();
            }
        }
        return Optional.of(folder);
    }

    /** Adds the Markdown files directly in {@code folder} to {@code changed}. */
    private void addMarkdownIn(Path folder, Set<Path> changed) {
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(SpecWatcher::isMarkdown)
                    .filter(f -> !Files.isDirectory(f))
                    .sorted()
                    .forEach(changed::add);
        } catch (IOException e) {
            // gone meanwhile: its deletion is an event of its own
        }
    }

    /** Whether {@code dir} is a watched tree's top or below one. */
    private synchronized boolean inTree(Path dir) {
        for (Path t : trees) {
            if (dir.startsWith(t)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void register(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!watched.add(abs)) {
            return;
        }
        try {
            dirs.put(abs.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), abs);
        } catch (IOException | RuntimeException e) {
            watched.remove(abs);
            throw e;
        }
    }

    /** Stops watching {@code folder} itself (the folders below it, if watched, stay watched). */
    private synchronized void unwatch(Path folder) {
        for (var it = dirs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchKey, Path> e = it.next();
            if (e.getValue().equals(folder)) {
                e.getKey().cancel();
                watched.remove(folder);
                it.remove();
            }
        }
    }

    /**
     * Stops watching {@code gone} and the watched folders below it; returns whether any was
     * watched.
     */
    private synchronized boolean forget(Path gone) {
        boolean any = false;
        for (var it = dirs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchKey, Path> e = it.next();
            if (e.getValue().startsWith(gone)) {
                // a moved folder's key stays valid and would report its events under the old path
                e.getKey().cancel();
                watched.remove(e.getValue());
                it.remove();
                any = true;
            }
        }
        return any;
    }

    private void run() {
        try {
            while (true) {
                WatchKey first =
                        followFailures == 0
                                ? service.take()
                                : service.poll(retryMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    followProject(); // quiet since the project could not be opened: ask again
                    continue;
                }
                Set<Path> changed = new LinkedHashSet<>();
                boolean lost = drain(first, changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    lost |= drain(more, changed);
                }
                try {
                    if (lost) {
                        onLost.run();
                    } else if (!changed.isEmpty()) {
                        onChange.accept(Collections.unmodifiableSet(changed));
                    }
                } catch (RuntimeException e) {
                    // a listener's failure must not end the watching: live updates would stop
                    // for good with no word; the next save tries again
                    tell("after a change on disk: " + oneLine(String.valueOf(e)));
                }
                if (lost || namesChanged(changed)) {
                    // after the listener, which may have opened the project again: a template
                    // switched in the configuration is followed from now on
                    followProject();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long to wait before asking again for a project that could not be opened. */
    private long retryMillis() {
        return Math.min(RETRY_MAX_MILLIS, QUIET_MILLIS << Math.min(followFailures, 6));
    }

    /** Collects one key's events; returns whether events were lost. */
    private boolean drain(WatchKey key, Set<Path> changed) {
        Path dir;
        synchronized (this) {
            dir = dirs.get(key);
        }
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                lost = true;
                continue;
            }
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path child = dir.resolve(name);
            Optional<Path> specs;
            if (event.kind() == ENTRY_DELETE && forget(child)) {
                // a watched folder (or one holding one) was moved away, renamed or deleted
                lost = true;
            } else if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                if (SpecDiscovery.skippedFolders().contains(name.toString())
                        || ignoredWhole(child)) {
                    continue;
                }
                if (inTree(dir)) {
                    lost |= !registerNew(child, changed);
                } else if (SpecDiscovery.isSpecPlace(child)) {
                    // in a folder watched alone, where discovery looks for specs: a tree now
                    synchronized (this) {
                        trees.add(child);
                    }
                    lost |= !registerNew(child, changed);
                }
                // else a subfolder of a folder watched alone, where discovery finds no spec
            } else if (isMarkdown(child) || isConfiguration(child) || files.contains(child)) {
                changed.add(child);
            } else if ((specs = specFolderOf(child)).isPresent()) {
                // a spec's metadata file: its specs read it, so they changed
                addMarkdownIn(specs.get(), changed);
            }
        }
        if (!key.reset()) {
            synchronized (this) {
                Path gone = dirs.remove(key);
                if (gone != null) {
                    // a watched folder deleted (its key may go before its parent says so)
                    watched.remove(gone);
                    lost = true;
                }
            }
        }
        return lost;
    }

    /**
     * Watches a new folder (made, copied or moved in) with its subfolders and adds its Markdown
     * files to {@code changed}; false when it could not be walked whole (then all is read again).
     */
    private boolean registerNew(Path folder, Set<Path> changed) {
        try {
            register(folder);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            tell(
                    "cannot watch "
                            + folder
                            + " ("
                            + IoFailure.reason(e)
                            + "): changes there are not seen");
            return false;
        }
        return registerBelow(folder, changed);
    }

    /** {@code text} on one line: each line break, with the blanks around it, one space. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("[ \t]*\\R[ \t]*", " ");
    }

    private void tell(String message) {
        try {
            onProblem.accept(message);
        } catch (RuntimeException e) {
            // nowhere else to say it
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }

    /** What to watch and whom to tell. */
    public static final class Builder {
        private final Consumer<Set<Path>> onChange;
        private final Set<Path> trees = new LinkedHashSet<>();
        private final Set<Path> alone = new LinkedHashSet<>();
        private final Set<Path> files = new LinkedHashSet<>();
        private Supplier<Optional<SpecProject>> project;
        private Runnable onLost;
        private Consumer<String> onProblem = message -> {};

        private Builder(Consumer<Set<Path>> onChange) {
            this.onChange = requireNonNull(onChange, "onChange must not be null");
        }

        /** Watches these folders with their subfolders (a folder that does not exist is left). */
        public Builder trees(Collection<Path> folders) {
            folders.forEach(f -> trees.add(absolute(f, "folder")));
            return this;
        }

        /** Watches {@code folder} with its subfolders. */
        public Builder tree(Path folder) {
            trees.add(absolute(folder, "folder"));
            return this;
        }

        /**
         * Watches these folders without their subfolders: the folders that hold a configuration
         * file or a template, so that a project's whole tree need not be watched for them.
         */
        public Builder alone(Collection<Path> folders) {
            folders.forEach(f -> alone.add(absolute(f, "folder")));
            return this;
        }

        /**
         * Reports changes of {@code file} too, whatever its name (a template, a configuration named
         * on the command line); its folder is watched alone.
         */
        public Builder file(Path file) {
            Path abs = absolute(file, "file");
            files.add(abs);
            if (abs.getParent() != null) {
                alone.add(abs.getParent());
            }
            return this;
        }

        /**
         * Follows what the project's configuration says: the folders its {@code ignore:} globs
         * leave out whole (not watched), its configuration file and template (reported whatever
         * their names, their folders watched alone) and its metadata file beside each spec (a
         * change of it reported as a change of the Markdown files beside it). {@code project} is
         * asked at start and again on the watcher's thread after each batch that holds a
         * configuration file or one of those files, or after lost events (after the listener has
         * been told); empty (or a failure, told to {@link #onProblem} once) keeps what was
         * followed, and the project is asked again after a wait until it opens.
         */
        public Builder project(Supplier<Optional<SpecProject>> project) {
            this.project = requireNonNull(project, "project must not be null");
            return this;
        }

        /**
         * Called on the watcher's thread when events were lost or a watched folder went: everything
         * must be read again (default: {@code onChange} with no files).
         */
        public Builder onLost(Runnable onLost) {
            this.onLost = requireNonNull(onLost, "onLost must not be null");
            return this;
        }

        /** Told, in one line, of folders that cannot be watched and of a listener's failure. */
        public Builder onProblem(Consumer<String> onProblem) {
            this.onProblem = requireNonNull(onProblem, "onProblem must not be null");
            return this;
        }

        /**
         * Starts watching.
         *
         * @throws IOException when the system cannot watch, or cannot watch one of the folders
         *     given (a folder below them that cannot be watched is told to {@link #onProblem})
         */
        public SpecWatcher start() throws IOException {
            if (onLost == null) {
                onLost = () -> onChange.accept(Set.of());
            }
            return new SpecWatcher(this);
        }

        private static Path absolute(Path p, String what) {
            return requireNonNull(p, what + " must not be null").toAbsolutePath().normalize();
        }
    }
}
