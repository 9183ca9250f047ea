package dev.specgate.core.project;

import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A project's search for the specs under the paths it was opened for ({@link SpecProject#find}),
 * started on a thread of its own as soon as the configuration is known, so that the walk of the
 * folders runs while the opening thread builds the checker (rules, template schema, parser). One
 * thread did the two one after the other at the start of every check, before the second core had
 * anything to do. The search is the very one {@link SpecProject#find} makes; its result, or what it
 * threw, is handed once to the first search of the same paths, which waits for it.
 */
final class EarlySearch {

    /** A search of some paths, as {@link SpecProject#find} makes it. */
    interface Search {
        ConfiguredDiscovery.Selection find(List<Path> roots) throws NothingToCheckException;
    }

    private final List<Path> roots;
    private final FutureTask<ConfiguredDiscovery.Selection> task;

    private EarlySearch(List<Path> roots, FutureTask<ConfiguredDiscovery.Selection> task) {
        this.roots = roots;
        this.task = task;
    }

    /**
     * {@code search} of {@code roots} started on a daemon thread; null when none of them is a
     * folder (a named file needs no walk, nor a thread).
     */
    static EarlySearch start(List<Path> roots, Search search) {
        List<Path> given = List.copyOf(roots);
        if (given.stream().noneMatch(Files::isDirectory)) {
            return null;
        }
        FutureTask<ConfiguredDiscovery.Selection> task = new FutureTask<>(() -> search.find(given));
        Thread thread = new Thread(task, "specgate-search");
        thread.setDaemon(true);
        thread.start();
        return new EarlySearch(given, task);
    }

    /** Whether this is the search of {@code roots}. */
    boolean isOf(List<Path> roots) {
        return this.roots.equals(roots);
    }

    /**
     * What the search found, once it is done; null when the waiting thread was interrupted (it then
     * searches itself, its interrupt kept).
     *
     * @throws NothingToCheckException as the search threw it
     */
    ConfiguredDiscovery.Selection result() throws NothingToCheckException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NothingToCheckException n) {
                throw n;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
