package dev.specgate.core.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.discovery.MarkdownNames;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
 * watched without their subfolders, and so are the folders between one of them and a tree below it.
 * A watched folder that is moved away, renamed or deleted (or one of the folders above it that are
 * watched) is reported as lost events ({@link Builder#onLost}), whatever its name, so that
 * everything is read again: the system keeps watching a moved folder under its new place and would
 * say nothing of the specs being gone. So are events the system lost (an overflow). Reads no file
 * and writes nothing.
 */
public final class SpecWatcher implements AutoCloseable {

    /** How long the folders must be quiet before a batch is reported. */
    public static final long QUIET_MILLIS = 120;

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();
    private final Set<Path> files;
    private final Consumer<Set<Path>> onChange;
    private final Runnable onLost;
    private final Consumer<String> onProblem;
    private final Thread thread;

    private SpecWatcher(Builder b) throws IOException {
        this.files = Set.copyOf(b.files);
        this.onChange = b.onChange;
        this.onLost = b.onLost;
        this.onProblem = b.onProblem;
        this.service = FileSystems.getDefault().newWatchService();
        try {
            for (Path tree : b.trees) {
                if (Files.isDirectory(tree)) {
                    register(tree);
                    registerBelow(tree, new LinkedHashSet<>());
                }
            }
            for (Path folder : b.alone) {
                if (Files.isDirectory(folder)) {
                    register(folder);
                }
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
                                    .contains(dir.getFileName().toString())) {
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
            }
        }
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
                WatchKey first = service.take();
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
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
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
            if (event.kind() == ENTRY_DELETE && forget(child)) {
                // a watched folder (or one holding one) was moved away, renamed or deleted
                lost = true;
            } else if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                if (!SpecDiscovery.skippedFolders().contains(name.toString())) {
                    lost |= !registerNew(child, changed);
                }
            } else if (isMarkdown(child) || isConfiguration(child) || files.contains(child)) {
                changed.add(child);
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
