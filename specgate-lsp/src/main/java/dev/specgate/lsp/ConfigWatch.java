package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.watch.SpecWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageType;

/**
 * The server's own watch of the configuration and template of each folder it serves, for a client
 * that does not watch files for it ({@code workspace/didChangeWatchedFiles} without dynamic
 * registration, such as Neovim 0.7): core's {@link SpecWatcher}, as {@code serve} and {@code mcp}
 * use it, watching each folder alone (not its tree) and following the project there (its nearest
 * {@code .specgate.yml}, wherever it is, and its template). A change of one of them, or events
 * lost, runs {@code onChange}; a spec changed on disk does not (the editor has it open, or it is
 * checked when opened).
 *
 * <p>The folders follow what the server serves ({@link #follow}, asked again as workspace folders
 * come and go and specs are opened and closed; {@link #servedRoots}): a folder newly served is
 * watched, one no longer served is watched no more (its watcher and thread end).
 */
final class ConfigWatch implements AutoCloseable {

    private final Predicate<Path> concerns;
    private final Runnable onChange;
    private final ServerLog log;

    /** Each folder watched, and its watcher. Guarded by {@code this}. */
    private final Map<Path, SpecWatcher> watchers = new LinkedHashMap<>();

    /**
     * The folders served that could not be watched (said once): not tried again while they are
     * served. Guarded by {@code this}.
     */
    private final Set<Path> unwatchable = new HashSet<>();

    private boolean closed;

    /**
     * A watch of no folder yet; {@code concerns} says whether a changed file is one of the
     * configurations or templates (one the server's projects follow), and a folder that cannot be
     * watched is said on {@code log}.
     */
    ConfigWatch(Predicate<Path> concerns, Runnable onChange, ServerLog log) {
        this.concerns = requireNonNull(concerns, "concerns must not be null");
        this.onChange = requireNonNull(onChange, "onChange must not be null");
        this.log = requireNonNull(log, "log must not be null");
    }

    /**
     * The folders a server serves: its workspace {@code folders}, and the project root of each open
     * spec in {@code files} that their watches do not cover: one outside every workspace folder
     * (the folder of its nearest {@code .specgate.yml}, else the folder that holds its {@code
     * directives/} folder, else its own folder), or one inside a workspace folder that follows
     * another configuration than the folder's (the folder of that configuration).
     */
    static Set<Path> servedRoots(List<Path> folders, Collection<Path> files) {
        Set<Path> roots = new LinkedHashSet<>(folders);
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            Optional<Path> config =
                    SpecProject.nearestConfigFile(file).map(c -> c.toAbsolutePath().normalize());
            Optional<Path> folder = folders.stream().filter(file::startsWith).findFirst();
            if (folder.isEmpty()) {
                roots.add(config.map(Path::getParent).orElseGet(() -> ProjectRoot.ofSpec(file)));
            } else if (config.isPresent()
                    && !config.equals(
                            SpecProject.nearestConfigFile(
                                            folder.get().resolve(Projects.CONFIG_FILE))
                                    .map(c -> c.toAbsolutePath().normalize()))) {
                roots.add(config.get().getParent());
            }
        }
        return roots;
    }

    /**
     * Watches exactly {@code roots}: starts a watch of each not watched yet, stops the watch of
     * each watched that is not among them. Nothing after {@link #close}.
     */
    synchronized void follow(Collection<Path> roots) {
        if (closed) {
            return;
        }
        Set<Path> wanted = new LinkedHashSet<>();
        roots.forEach(r -> wanted.add(r.toAbsolutePath().normalize()));
        unwatchable.retainAll(wanted);
        for (var it = watchers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, SpecWatcher> e = it.next();
            if (!wanted.contains(e.getKey())) {
                stop(e.getValue());
                it.remove();
            }
        }
        for (Path folder : wanted) {
            if (!watchers.containsKey(folder) && !unwatchable.contains(folder)) {
                start(folder)
                        .ifPresentOrElse(
                                w -> watchers.put(folder, w), () -> unwatchable.add(folder));
            }
        }
    }

    private Optional<SpecWatcher> start(Path folder) {
        SpecWatcher.Builder watch =
                SpecWatcher.builder(
                                changed -> {
                                    if (changed.stream()
                                            .anyMatch(
                                                    f ->
                                                            SpecWatcher.isConfiguration(f)
                                                                    || concerns.test(f))) {
                                        onChange.run();
                                    }
                                })
                        .onLost(onChange)
                        .onProblem(message -> log.say(MessageType.Warning, message))
                        .alone(List.of(folder))
                        .project(() -> project(folder));
        // the nearest configuration, even one that cannot be read now: its fix is the change
        SpecProject.nearestConfigFile(folder.resolve(Projects.CONFIG_FILE)).ifPresent(watch::file);
        try {
            return Optional.of(watch.start());
        } catch (IOException e) {
            log.say(
                    MessageType.Warning,
                    "cannot watch "
                            + folder
                            + " for changes of its configuration ("
                            + IoFailure.reason(e)
                            + "); they are noticed at the spec's next edit");
            return Optional.empty();
        }
    }

    /** The project of a folder as it stands now, or empty when its configuration is broken. */
    private static Optional<SpecProject> project(Path folder) {
        try {
            return Optional.of(SpecProject.open(folder, ConfigChoice.nearest()));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** The folders watched (a test's). */
    synchronized Set<Path> folders() {
        return Set.copyOf(watchers.keySet());
    }

    private static void stop(SpecWatcher w) {
        try {
            w.close();
        } catch (IOException e) {
            // the watch is over either way
        }
    }

    /** Stops every watch; {@link #follow} starts none after. */
    @Override
    public synchronized void close() {
        closed = true;
        watchers.values().forEach(ConfigWatch::stop);
        watchers.clear();
    }
}
