package dev.specgate.lsp;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.watch.SpecWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server's own watch of each workspace folder's configuration and template, for a client that
 * does not watch files for it ({@code workspace/didChangeWatchedFiles} without dynamic
 * registration, such as Neovim 0.7): core's {@link SpecWatcher}, as {@code serve} and {@code mcp}
 * use it, watching each folder alone (not its tree) and following the project there (its nearest
 * {@code .specgate.yml}, wherever it is, and its template). A change of one of them, or events
 * lost, runs {@code onChange}; a spec changed on disk does not (the editor has it open, or it is
 * checked when opened).
 */
final class ConfigWatch implements AutoCloseable {

    private final List<SpecWatcher> watchers;

    private ConfigWatch(List<SpecWatcher> watchers) {
        this.watchers = watchers;
    }

    /**
     * Watches the configuration and template of each of {@code folders}; {@code concerns} says
     * whether a changed file is one of them (a template the server's projects follow), and a folder
     * that cannot be watched is said in one line on {@code log}.
     */
    static ConfigWatch start(
            List<Path> folders, Predicate<Path> concerns, Runnable onChange, PrintStream log) {
        List<SpecWatcher> watchers = new ArrayList<>();
        for (Path folder : folders) {
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
                            .onProblem(message -> log.println("specgate lsp: " + message))
                            .alone(List.of(folder))
                            .project(() -> project(folder));
            // the nearest configuration, even one that cannot be read now: its fix is the change
            SpecProject.nearestConfigFile(folder.resolve(Projects.CONFIG_FILE))
                    .ifPresent(watch::file);
            try {
                watchers.add(watch.start());
            } catch (IOException e) {
                log.println(
                        "specgate lsp: cannot watch "
                                + folder
                                + " for changes of its configuration ("
                                + IoFailure.reason(e)
                                + "); they are noticed at the spec's next edit");
            }
        }
        return new ConfigWatch(List.copyOf(watchers));
    }

    /** The project of a folder as it stands now, or empty when its configuration is broken. */
    private static Optional<SpecProject> project(Path folder) {
        try {
            return Optional.of(SpecProject.open(folder, ConfigChoice.nearest()));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** How many folders are watched (a test's). */
    int size() {
        return watchers.size();
    }

    @Override
    public void close() {
        for (SpecWatcher w : watchers) {
            try {
                w.close();
            } catch (IOException e) {
                // the watch is over either way
            }
        }
    }
}
