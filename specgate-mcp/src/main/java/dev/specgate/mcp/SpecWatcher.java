package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches the folders under the project root for Markdown files and folders that appear, change or
 * go, and calls back once things have been quiet for a moment (an editor's save is several events).
 * Folders named like build output or version control ({@code .git}, {@code target}, {@code
 * node_modules}, ...) are not watched.
 */
final class SpecWatcher implements AutoCloseable {

    /** How long the folder must be quiet before the callback runs. */
    static final long QUIET_MILLIS = 150;

    private static final Set<String> SKIPPED =
            Set.of(".git", ".hg", ".svn", "target", "build", "node_modules", ".idea", ".gradle");

    private final Path root;
    private final Runnable changed;
    private final PrintStream log;
    private final WatchService watch;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Thread thread;

    SpecWatcher(Path root, Runnable changed, PrintStream log) throws IOException {
        this.root = requireNonNull(root, "root must not be null");
        this.changed = requireNonNull(changed, "changed must not be null");
        this.log = requireNonNull(log, "log must not be null");
        this.watch = FileSystems.getDefault().newWatchService();
        register(root);
        this.thread = new Thread(this::run, "specgate-mcp-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path dir) throws IOException {
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        if (!d.equals(root) && SKIPPED.contains(d.getFileName().toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        try {
                            keys.put(
                                    d.register(
                                            watch,
                                            StandardWatchEventKinds.ENTRY_CREATE,
                                            StandardWatchEventKinds.ENTRY_DELETE,
                                            StandardWatchEventKinds.ENTRY_MODIFY),
                                    d);
                        } catch (IOException e) {
                            log.println("specgate mcp: cannot watch " + d + ": " + e.getMessage());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean relevant = drain(key);
                // wait for quiet: an editor's save, a checkout, is many events
                for (WatchKey more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                        more != null;
                        more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    try {
                        changed.run();
                    } catch (RuntimeException e) {
                        log.println("specgate mcp: after a change on disk: " + e);
                        log.flush();
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is ending
        }
    }

    /** Takes a key's events; true when one concerns a Markdown file or a folder. */
    private boolean drain(WatchKey key) {
        Path dir = keys.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path p = dir.resolve(name);
            String file = name.toString();
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                if (!SKIPPED.contains(file)) {
                    try {
                        register(p);
                    } catch (IOException e) {
                        log.println("specgate mcp: cannot watch " + p + ": " + e.getMessage());
                    }
                    relevant = true;
                }
            } else if (file.endsWith(".md") && !file.startsWith(".")) {
                relevant = true;
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE
                    && !file.contains(".")) {
                relevant = true; // perhaps a folder of specs
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
        return relevant;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
