package dev.specgate.web.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the folders that hold specs and reports saved, new and deleted Markdown files in batches:
 * editors save in bursts (write, rename, touch), so events are gathered until the folders have been
 * quiet for {@link #QUIET_MILLIS}. New subfolders are watched as they appear. A watched folder that
 * is moved away or renamed (or one of its parents up to a shallow folder) is reported as lost
 * events, so that everything is read again: the system keeps watching a moved folder under its new
 * place and would say nothing of the specs being gone. Reads nothing and writes nothing.
 */
public final class SpecWatcher implements AutoCloseable {

    /** How long the folders must be quiet before a batch is reported. */
    public static final long QUIET_MILLIS = 120;

    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();
    private final Consumer<Set<Path>> onChange;
    private final Runnable onOverflow;
    private final Thread thread;

    /**
     * Starts watching.
     *
     * @param folders the folders to watch, with their subfolders
     * @param onChange called on the watcher's thread with each batch of changed Markdown files
     * @param onOverflow called when events were lost and everything must be read again
     */
    public SpecWatcher(Set<Path> folders, Consumer<Set<Path>> onChange, Runnable onOverflow)
            throws IOException {
        this(folders, Set.of(), onChange, onOverflow);
    }

    /**
     * Starts watching {@code folders} with their subfolders, and {@code shallow} folders alone (the
     * folders that hold a configuration file or a template, so that a project's whole tree need not
     * be watched for them).
     */
    public SpecWatcher(
            Set<Path> folders, Set<Path> shallow, Consumer<Set<Path>> onChange, Runnable onOverflow)
            throws IOException {
        requireNonNull(folders, "folders must not be null");
        requireNonNull(shallow, "shallow must not be null");
        this.onChange = requireNonNull(onChange, "onChange must not be null");
        this.onOverflow = requireNonNull(onOverflow, "onOverflow must not be null");
        this.service = FileSystems.getDefault().newWatchService();
        for (Path f : folders) {
            registerTree(f);
        }
        for (Path f : shallow) {
            if (Files.isDirectory(f)) {
                register(f);
            }
        }
        for (Path f : folders) {
            registerParents(f, shallow);
        }
        this.thread = new Thread(this::run, "specgate-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Number of folders being watched. */
    public synchronized int folderCount() {
        return dirs.size();
    }

    private void registerTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                register(d);
            }
        }
    }

    /**
     * Watches, alone, the folders between a shallow folder and a watched folder below it: moving or
     * renaming any of them is seen in its parent as a deleted entry.
     */
    private void registerParents(Path folder, Set<Path> shallow) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        for (Path s : shallow) {
            Path top = s.toAbsolutePath().normalize();
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

    private synchronized void register(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!watched.add(abs)) {
            return;
        }
        WatchKey key = abs.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        dirs.put(key, abs);
    }

    private void run() {
        try {
            while (true) {
                WatchKey first = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                boolean overflow = drain(first, changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    overflow |= drain(more, changed);
                }
                try {
                    if (overflow) {
                        onOverflow.run();
                    } else if (!changed.isEmpty()) {
                        onChange.accept(changed);
                    }
                } catch (RuntimeException e) {
                    // a listener's failure must not end the watching: live updates would stop
                    // for good with no word; the next save tries again
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
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                overflow = true;
                continue;
            }
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path child = dir.resolve(name);
            if (event.kind() == ENTRY_DELETE && forget(child)) {
                // a watched folder (or one holding one) was moved away, renamed or deleted
                overflow = true;
            } else if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                    try (Stream<Path> s = Files.walk(child)) {
                        s.filter(SpecWatcher::isMarkdown).forEach(changed::add);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // a new folder deleted while being walked (a git checkout): read all again
                    overflow = true;
                }
            } else if (isMarkdown(child) || isConfiguration(child)) {
                changed.add(child);
            }
        }
        if (!key.reset()) {
            synchronized (this) {
                Path gone = dirs.remove(key);
                if (gone != null) {
                    watched.remove(gone);
                }
            }
        }
        return overflow;
    }

    /** A {@code .specgate.yml}: its change reconfigures the project. */
    public static boolean isConfiguration(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().equals(CONFIG_FILE);
    }

    private static final String CONFIG_FILE = ".specgate.yml";

    private static boolean isMarkdown(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
