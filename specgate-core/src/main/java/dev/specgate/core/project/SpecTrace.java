package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.schema.Strictness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One spec's File Organization traced: each entry and whether it exists, the list items that name a
 * path but are not read as entries, or why the spec could not be read. The one verdict the {@code
 * trace} command and the MCP server's {@code trace} tool give ({@link #of}, {@link #fails()}).
 *
 * @param path the spec
 * @param status its status as written, or null
 * @param implementing whether it is held at Implementation (its unconditional paths are required)
 * @param entries the File Organization's entries, traced
 * @param unread the list items that name a path but are not read as entries
 * @param unreadable why the spec could not be read (its unreadable-file finding), or null
 */
public record SpecTrace(
        Path path,
        String status,
        boolean implementing,
        List<TracedEntry> entries,
        List<UnreadEntry> unread,
        Diagnostic unreadable) {

    public SpecTrace {
        requireNonNull(path, "path must not be null");
        entries = List.copyOf(entries);
        unread = List.copyOf(unread);
    }

    /**
     * The specs among {@code files} traced by {@code project}, in the order given; task lists are
     * left out (they have no File Organization), and a spec that cannot be read is traced as {@link
     * #unreadable()}, not skipped.
     */
    public static List<SpecTrace> of(SpecProject project, List<Path> files, CheckOptions options) {
        List<SpecTrace> traces = new ArrayList<>();
        for (Path file : files) {
            if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
                continue;
            }
            CheckedSpec checked = project.inspect(file, options);
            if (!checked.readable()) {
                traces.add(
                        new SpecTrace(
                                file,
                                null,
                                false,
                                List.of(),
                                List.of(),
                                checked.result().diagnostics().get(0)));
            } else {
                traces.add(
                        new SpecTrace(
                                file,
                                checked.status().orElse(null),
                                checked.strictness() == Strictness.IMPLEMENTATION,
                                checked.layout(),
                                checked.unreadLayout(),
                                null));
            }
        }
        return traces;
    }

    /** Whether {@code entry} is a required path that is missing (MISSING in the trace). */
    public boolean required(TracedEntry entry) {
        return entry.missingWhileRequired(implementing);
    }

    /**
     * Whether this trace fails: the spec could not be read, a required path is missing, or an entry
     * is refused as {@code scaffold} refuses it.
     */
    public boolean fails() {
        return unreadable != null
                || entries.stream().anyMatch(e -> required(e) || e.refused().isPresent());
    }

    /** Why a search gave nothing to trace: {@code taskLists} task lists and no spec. */
    public static String nothingToTrace(int taskLists) {
        return "nothing to trace: "
                + taskLists
                + (taskLists == 1 ? " task list" : " task lists")
                + " and no spec (trace reads a spec's File Organization)";
    }
}
