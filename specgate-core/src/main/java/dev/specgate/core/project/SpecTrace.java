package dev.specgate.core.project;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.layout.EarlyEntry;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.schema.Strictness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
     * The one JSON shape of this trace, field by field in order, which {@code trace --format json}
     * and the MCP tool {@code trace} both give: {@code path}, {@code status}, {@code error} (only
     * on a spec that cannot be read: the reason, with no entries), {@code entries} and {@code
     * unread}. An entry has {@code group}, {@code label}, {@code path}, {@code kind}, {@code
     * conditional}, {@code exists}, then only where they say something: {@code refused} (the
     * reason), {@code unreadable} (a folder that cannot be walked: why), {@code required} (true: a
     * required path that does not exist, MISSING or refused in the text), {@code testFiles} (a test
     * directory's count), {@code early} (true) and {@code files} (how many) on an EARLY entry; then
     * {@code line} (1-based). Values are strings, numbers, booleans, nulls, lists and maps.
     *
     * @param display how a path is written (relative to where the user stands, or to the root)
     */
    public LinkedHashMap<String, Object> jsonFields(Function<Path, String> display) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("path", display.apply(path));
        m.put("status", status);
        if (unreadable != null) {
            m.put("error", unreadable.message());
        }
        List<Map<String, Object>> traced = new ArrayList<>();
        for (TracedEntry t : entries) {
            LayoutEntry en = t.entry();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("group", en.group());
            e.put("label", en.label());
            e.put("path", en.path());
            e.put("kind", en.kind().label());
            e.put("conditional", en.conditional());
            e.put("exists", t.exists());
            t.refused().ifPresent(why -> e.put("refused", why));
            // a folder that cannot be walked: its files not counted (the trace fails)
            t.unreadable().ifPresent(why -> e.put("unreadable", why));
            if (required(t)) {
                e.put("required", true);
            }
            if (t.testFiles().isPresent()) {
                e.put("testFiles", t.testFiles().getAsInt());
            }
            // this feature's code while the spec is before approval (layout-early)
            early(t).ifPresent(
                            x -> {
                                e.put("early", true);
                                e.put("files", x.files());
                            });
            e.put("line", en.line() + 1);
            traced.add(e);
        }
        m.put("entries", traced);
        List<Map<String, Object>> notRead = new ArrayList<>();
        for (UnreadEntry u : unread) {
            notRead.add(u.jsonFields());
        }
        m.put("unread", notRead);
        return m;
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
