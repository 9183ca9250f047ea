package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.layout.EarlyEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.schema.Strictness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param early the entries that already hold this feature's code while the spec stands before its
 *     approval point ({@link SpecLayout#early}, what {@code layout-early} reports)
 * @param unreadable why the spec could not be read (its unreadable-file finding), or null
 * @param earlyAt {@code early} by the entry each is of: what {@link #early(TracedEntry)} looks up
 *     for each entry a trace prints (made from {@code early} by the constructor without it)
 */
public record SpecTrace(
        Path path,
        String status,
        boolean implementing,
        List<TracedEntry> entries,
        List<UnreadEntry> unread,
        List<EarlyEntry> early,
        Diagnostic unreadable,
        Map<TracedEntry, EarlyEntry> earlyAt) {

    public SpecTrace {
        requireNonNull(path, "path must not be null");
        entries = List.copyOf(entries);
        unread = List.copyOf(unread);
        early = List.copyOf(early);
        earlyAt = Map.copyOf(earlyAt);
    }

    /** A trace whose {@link #earlyAt} is made from {@code early}. */
    public SpecTrace(
            Path path,
            String status,
            boolean implementing,
            List<TracedEntry> entries,
            List<UnreadEntry> unread,
            List<EarlyEntry> early,
            Diagnostic unreadable) {
        this(path, status, implementing, entries, unread, early, unreadable, byEntry(early));
    }

    private static Map<TracedEntry, EarlyEntry> byEntry(List<EarlyEntry> early) {
        Map<TracedEntry, EarlyEntry> by = new HashMap<>(early.size() * 2);
        for (EarlyEntry e : early) {
            by.put(e.traced(), e);
        }
        return by;
    }

    /**
     * The specs a search found traced, each by the project it belongs to, in the order found; task
     * lists are left out (they have no File Organization) and counted, and a spec that cannot be
     * read is traced as {@link #unreadable()}, not skipped. What the {@code trace} command and the
     * MCP server's {@code trace} tool both list, and whether there is anything to list ({@link
     * Traced#nothingToTrace()}).
     */
    public static Traced of(List<SpecWorkspace.Found> found, CheckOptions options) {
        requireNonNull(options, "options must not be null");
        List<SpecTrace> traces = new ArrayList<>();
        int taskLists = 0;
        for (SpecWorkspace.Found f : found) {
            for (Path file : f.selection().specs()) {
                if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
                    taskLists++;
                } else {
                    traces.add(of(f.project(), file, options));
                }
            }
        }
        return new Traced(traces, taskLists);
    }

    private static SpecTrace of(SpecProject project, Path file, CheckOptions options) {
        CheckedSpec checked = project.inspect(file, options);
        if (!checked.readable()) {
            return new SpecTrace(
                    file,
                    null,
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    checked.result().diagnostics().get(0));
        }
        List<TracedEntry> layout = checked.layout();
        return new SpecTrace(
                file,
                checked.status().orElse(null),
                checked.strictness() == Strictness.IMPLEMENTATION,
                layout,
                checked.unreadLayout(),
                checked.early(layout),
                null);
    }

    /**
     * What a search gave to trace.
     *
     * @param specs the specs traced, in the order found
     * @param taskLists how many task lists the search found and left out
     */
    public record Traced(List<SpecTrace> specs, int taskLists) {

        public Traced {
            specs = List.copyOf(specs);
        }

        /**
         * Why the search gave nothing to trace ({@code nothing to trace: 2 task lists and no
         * spec}), or empty when it gave a spec: never an empty trace that passes.
         */
        public Optional<String> nothingToTrace() {
            if (!specs.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    "nothing to trace: "
                            + taskLists
                            + (taskLists == 1 ? " task list" : " task lists")
                            + " and no spec (trace reads a spec's File Organization)");
        }

        /** Whether the trace fails: any of its specs' does ({@link SpecTrace#fails()}). */
        public boolean fails() {
            return specs.stream().anyMatch(SpecTrace::fails);
        }
    }

    /**
     * What {@code entry} holds of this feature's code while the spec stands before its approval
     * point (EARLY in the trace), or empty.
     */
    public Optional<EarlyEntry> early(TracedEntry entry) {
        return Optional.ofNullable(earlyAt.get(entry));
    }

    /** Whether {@code entry} is a required path that is missing (MISSING in the trace). */
    public boolean required(TracedEntry entry) {
        return entry.missingWhileRequired(implementing);
    }

    /**
     * Whether this trace fails: the spec could not be read, a required path is missing, an entry is
     * refused as {@code scaffold} refuses it, or a folder of an entry could not be read (its files
     * are not counted).
     */
    public boolean fails() {
        return unreadable != null
                || entries.stream()
                        .anyMatch(
                                e ->
                                        required(e)
                                                || e.refused().isPresent()
                                                || e.unreadable().isPresent());
    }
}
