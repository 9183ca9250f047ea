package dev.specgate.cli.layout;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.UnreadablePath;
import dev.specgate.core.layout.EarlyEntry;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.core.project.SpecTrace;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.JsonOutput;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code specgate trace [SPEC...]}: what exists of each spec's File Organization. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what exists of each spec's File Organization.",
            "Shows, for each File Organization entry of each spec, whether it exists, and how"
                    + " many test files each test directory holds.",
            "A SPEC may be a directory (default: the current directory), searched as check"
                    + " searches it, following .specgate.yml; the task lists found there are left"
                    + " out (they have no File Organization). EARLY marks a path of the feature"
                    + " that already holds code while the spec is not yet approved (Draft,"
                    + " Review). Exit 1 when a spec in Implementation"
                    + " misses an unconditional implementation or test path, when an entry is"
                    + " refused as scaffold refuses it (absolute, '..', or outside the project"
                    + " root), when a folder of an entry cannot be read (UNREADABLE, with why), or"
                    + " when a spec cannot be read (it is listed with the reason, as check reports"
                    + " it, and the others are traced)."
        })
public final class TraceCommand extends BaseCommand {

    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "Spec files or directories.")
    private List<Path> paths;

    @Mixin private FormatOption format;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws IOException, ConfigException, NothingToCheckException {
        List<Path> roots = SpecRoots.of(paths);
        CheckOptions options = CheckOptions.asOf(common.today());
        List<SpecWorkspace.Found> found = configOptions.workspace(roots).find();
        for (SpecWorkspace.Found f : found) {
            for (UnreadablePath u : f.selection().unreadable()) {
                // in the words list says it, not a trace that leaves its specs out in silence
                throw SpecgateException.usage(u.said(DisplayPath.of(u.path()), "traced"));
            }
        }
        for (SpecWorkspace.Found f : found) {
            // a file named that the configuration leaves out, or one met in a spec folder and not
            // taken, is said as check says it: never dropped from the trace in silence
            for (Path file : f.selection().excluded()) {
                ExcludedSpec.warnLeftOut(f.project(), file, spec.commandLine().getErr());
            }
            ExcludedSpec.sayAliases(f.selection(), spec.commandLine().getErr());
        }
        SpecTrace.Traced traced = SpecTrace.of(found, options);
        if (traced.nothingToTrace().isPresent()) {
            throw SpecgateException.usage(traced.nothingToTrace().get());
        }
        List<SpecTrace> traces = new ArrayList<>(traced.specs());
        traces.sort(java.util.Comparator.comparing(t -> t.path().toString()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            writeJson(traces, out);
        } else {
            writeText(traces, out);
        }
        out.flush();
        return (traced.fails() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private static void writeText(List<SpecTrace> traces, PrintWriter out) {
        for (SpecTrace t : traces) {
            out.println(
                    TextReporter.escape(
                            DisplayPath.of(t.path())
                                    + (t.status() == null ? "" : " (" + t.status() + ")")));
            if (t.unreadable() != null) {
                // at the place of its cause when it has one (a byte that is not UTF-8)
                SourceRange at = t.unreadable().range();
                String where =
                        at.equals(SourceRange.fileStart())
                                ? ""
                                : "line "
                                        + (at.startLine() + 1)
                                        + ", column "
                                        + (at.startColumn() + 1)
                                        + ": ";
                out.println(
                        "  not traced: " + TextReporter.escape(where + t.unreadable().message()));
            } else if (t.entries().isEmpty()) {
                out.println("  no File Organization entries");
            }
            for (TracedEntry e : t.entries()) {
                String state = e.state();
                if (state.equals("missing") && t.required(e)) {
                    state = "MISSING";
                } else if (state.equals("unreadable")) {
                    state = "UNREADABLE";
                }
                Optional<EarlyEntry> early = t.early(e);
                if (early.isPresent()) {
                    state = "EARLY";
                }
                String tests =
                        e.testFiles().isPresent()
                                ? "  "
                                        + e.testFiles().getAsInt()
                                        + " test file"
                                        + (e.testFiles().getAsInt() == 1 ? "" : "s")
                                : "";
                // a refused path says why, as scaffold does (LayoutPaths, the one check)
                String refused =
                        e.refused().map(why -> "  (" + why + "; scaffold refuses it)").orElse("");
                // a folder that cannot be walked: said, its files not counted (the trace fails)
                refused += e.unreadable().map(why -> "  (cannot be read: " + why + ")").orElse("");
                out.printf(
                        "  %-8s %-9s %s%s%s%s%s%n",
                        state,
                        e.entry().kind().label(),
                        TextReporter.escape(e.entry().path()),
                        e.entry().conditional() ? " (conditional)" : "",
                        tests,
                        early.map(x -> "  (" + x.filesSaid() + " before " + x.point() + ")")
                                .orElse(""),
                        TextReporter.escape(refused));
            }
            writeEarly(t.early(), out);
            writeUnread(t.unread(), out);
        }
    }

    /**
     * After the entries marked EARLY, how many there are, the spec's status and what to do, as
     * {@code layout-early} says it.
     */
    private static void writeEarly(List<EarlyEntry> early, PrintWriter out) {
        if (early.isEmpty()) {
            return;
        }
        EarlyEntry first = early.get(0);
        out.println(
                TextReporter.escape(
                        "  ("
                                + early.size()
                                + (early.size() == 1 ? " path holds" : " paths hold")
                                + " code while the spec is "
                                + first.status()
                                + ": "
                                + EarlyEntry.advice(first.point())
                                + ")"));
    }

    /**
     * The list items that name a path but are not read as entries: each with its line, then how
     * many and why, so that nothing is skipped in silence.
     */
    private static void writeUnread(List<UnreadEntry> unread, PrintWriter out) {
        if (unread.isEmpty()) {
            return;
        }
        for (UnreadEntry u : unread) {
            out.println(
                    TextReporter.escape(
                            "  not read line " + (u.line() + 1) + ": '" + u.text() + "'"));
        }
        out.println(
                "  ("
                        + unread.size()
                        + (unread.size() == 1 ? " list item names" : " list items name")
                        + " a path but "
                        + (unread.size() == 1 ? "is" : "are")
                        + " not traced: "
                        + UnreadEntry.WHY
                        + ")");
    }

    /** Each trace in core's one JSON shape ({@link SpecTrace#jsonFields}), as MCP's trace. */
    private static void writeJson(List<SpecTrace> traces, PrintWriter out) {
        JsonOutput.write(
                out,
                g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("specs");
                    for (SpecTrace t : traces) {
                        JsonOutput.writeObject(g, t.jsonFields(DisplayPath::of));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "traced; nothing required is missing",
                ExitCode.FINDINGS,
                "a spec in Implementation misses an unconditional implementation or test path,"
                        + " an entry is refused (absolute, '..', outside the project root), a"
                        + " folder of an entry or a spec cannot be read",
                ExitCode.USAGE,
                "usage error, bad configuration, or no specs found");
    }
}
