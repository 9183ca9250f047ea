package dev.specgate.cli.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.lifecycle.StatusReport;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.DisplayWidth;
import dev.specgate.report.JsonOutput;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate status SPEC [TARGET]}: shows where a spec stands and which moves its gates let
 * through, or makes one move.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows where a spec stands and which moves its gates allow, or makes one move.",
            "Without TARGET: prints the spec's Document Status, Last Updated, whether its"
                    + " approval is stale (from Approved on, as check's approval-stale), and for"
                    + " each move open from there whether its gate passes and, if not, every"
                    + " reason.",
            "With TARGET: moves the spec there. Moves go Draft -> Review -> Approved ->"
                    + " Implementation one step at a time, and back to Draft from any status."
                    + " Only the Document Status and Last Updated (set to --today) values change.",
            "Gates: to Review, check finds no error at Review strictness; to Approved, no error"
                    + " at Approved strictness, the Reviewer names a person, and every item under"
                    + " Technical Decisions Needed and Outstanding Questions is checked; to"
                    + " Implementation, the spec is Approved and every Prerequisites item is"
                    + " checked.",
            "With --format json (and no TARGET): the same as one JSON document, for tools and"
                    + " agents.",
            "Gates check the spec as check does, with .specgate.yml's template and rule levels."
                    + " A SPEC its specs:/ignore: globs leave out is refused (exit 2), said as"
                    + " check says it: status shows and moves only specs that check checks.",
            "Any other template's statuses (its status field's values, or .specgate.yml's"
                    + " lifecycle: order) move the same way: one step forward past the draft-like"
                    + " statuses, or back to a draft-like one; to the first other status, check"
                    + " finds no error at its strictness; to later ones, also its Reviewer, its"
                    + " decision and question checklists, then its Prerequisites. A template with"
                    + " no statuses, and a task list, have no lifecycle: that is a usage error."
        })
public final class StatusCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "TARGET",
            description =
                    "The status to move to: Draft, Review, Approved or Implementation (or the"
                            + " configured template's statuses).")
    private String target;

    @picocli.CommandLine.Option(
            names = "--by",
            paramLabel = "NAME",
            description =
                    "Who approves, recorded in the approval field on a move to Approved"
                            + " (default: the Reviewer).")
    private String by;

    @Mixin private ConfigOptions configOptions;

    @Mixin private FormatOption format;

    @Override
    public Integer call() throws ConfigException {
        SpecFiles.requireSpecFile(file);
        if (target != null && format.json()) {
            throw SpecgateException.usage(
                    "--format json shows where the spec stands: use it without TARGET (a move"
                            + " prints one line)");
        }
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw SpecgateException.usage(
                    Lifecycle.taskListRefusal(DisplayPath.of(file))
                            + " (work them with specgate progress, next and done)");
        }
        if (by != null) {
            Optional<String> problem = Approvals.approverProblem(by);
            if (problem.isPresent()) {
                throw SpecgateException.usage("--by " + problem.get() + " (the file is unchanged)");
            }
        }
        SpecProject project = configOptions.open(file);
        SpecSource source = SpecFiles.read(file, project);
        requireLifecycle(project, file, "status");
        // a spec the configuration leaves out: where it stands would pass for a spec's, and its
        // moves would pass gates that check never holds it to
        if (target == null) {
            ExcludedSpec.refuseToShow(project, file, "status");
        } else {
            ExcludedSpec.refuse(project, file, "status");
        }
        SpecDocument document = project.parse(file, source.text());
        return run(project, source, document);
    }

    /** Refuses (usage error) a project whose template has no statuses. */
    static void requireLifecycle(SpecProject project, Path file, String command) {
        Optional<String> refusal = project.lifecycleRefusal(c -> DisplayPath.like(c, file));
        if (refusal.isPresent()) {
            throw SpecgateException.usage(
                    "cannot use " + command + " on " + DisplayPath.of(file) + ": " + refusal.get());
        }
    }

    /**
     * Refuses (usage error) a project whose lifecycle records no approval, in core's words ({@link
     * SpecProject#approvalRefusal}, which MCP's {@code set_status} and {@code status --by} say
     * too): it has no {@linkplain Lifecycle#approvalStatus() approval status} (the built-in
     * lifecycle's Approved, or a template's own status named Approved, kept in Document Status).
     */
    static void requireApprovals(SpecProject project, Path file, String command) {
        Optional<String> refusal = project.approvalRefusal(c -> DisplayPath.like(c, file));
        if (refusal.isPresent()) {
            throw SpecgateException.usage(
                    "cannot use " + command + " on " + DisplayPath.of(file) + ": " + refusal.get());
        }
    }

    private Integer run(SpecProject project, SpecSource source, SpecDocument document) {
        Lifecycle lifecycle = project.lifecycle();
        if (by != null && lifecycle.approvalStatus().isEmpty()) {
            throw SpecgateException.usage(
                    "--by names who approves: "
                            + project.approvalRefusal(c -> DisplayPath.like(c, file))
                                    .orElseThrow());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (target == null) {
            StatusReport report = lifecycle.inspect(file, source, document, common.today());
            if (format.json()) {
                JsonOutput.write(out, g -> json(g, report));
            } else {
                print(lifecycle, report, out);
            }
            out.flush();
            return ExitCode.CLEAN.code();
        }
        SpecStatus to =
                lifecycle
                        .status(target)
                        .orElseThrow(() -> SpecgateException.usage(lifecycle.notAStatus(target)));
        GateResult result = lifecycle.evaluate(file, source, document, to, common.today());
        String name = DisplayPath.of(file);
        if (!result.passed()) {
            throw SpecgateException.refused(
                    result.refusal(name),
                    result.reasons().stream().map(r -> TextReporter.escape(r.text())).toList());
        }
        if (result.move().stays()) {
            out.println(name + " is already " + to.spelling() + "; nothing changed.");
            out.flush();
            return ExitCode.CLEAN.code();
        }
        if (lifecycle.approvalStatus().filter(to::equals).isEmpty() && by != null) {
            throw SpecgateException.usage("--by names who approves: use it with TARGET Approved");
        }
        Optional<String> approver = Optional.ofNullable(by).map(String::trim);
        Optional<String> several = lifecycle.approverRefusal(document, to, approver, name);
        if (several.isPresent()) {
            throw SpecgateException.usage(several.get() + " (the file is unchanged)");
        }
        SpecFiles.write(lifecycle.moveEdit(source, document, to, common.today(), approver));
        TextReporter.println(
                out,
                "Moved "
                        + name
                        + " "
                        + result.move()
                        + (lifecycle.writesLastUpdated()
                                ? "; "
                                        + lifecycle.lastUpdatedField()
                                        + " is now "
                                        + common.today()
                                        + "."
                                : ".")
                        + project.approvalNote(
                                        document, to, approver, c -> DisplayPath.like(c, file))
                                .map(n -> " " + n)
                                .orElse(""));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    /**
     * The report as text; control characters from the spec (in its status, its dates, an item a
     * gate names) are written as escapes, as {@code check}'s text report writes them.
     */
    private void print(Lifecycle lifecycle, StatusReport report, PrintWriter out) {
        TextReporter.println(out, DisplayPath.of(file));
        List<String> labels = lifecycle.statuses().stream().map(SpecStatus::label).toList();
        String field = lifecycle.statusField() + ":";
        String updated = lifecycle.lastUpdatedField() + ":";
        // by display width: a status field named in CJK (**状态:**) takes two columns a character
        int width =
                Math.max(
                        DisplayWidth.of(field),
                        Math.max(DisplayWidth.of(updated), "Last Updated:".length()) + 3);
        TextReporter.println(
                out,
                "  "
                        + DisplayWidth.padRight(field, width)
                        + " "
                        + report.statusText().orElse("(missing)")
                        + (report.status().isEmpty() && report.statusText().isPresent()
                                ? " (not a status: "
                                        + String.join(", ", labels.subList(0, labels.size() - 1))
                                        + " or "
                                        + labels.get(labels.size() - 1)
                                        + ")"
                                : ""));
        if (lifecycle.writesLastUpdated()) {
            TextReporter.println(
                    out,
                    "  "
                            + DisplayWidth.padRight(updated, width)
                            + " "
                            + report.lastUpdated().orElse("(missing)"));
        }
        if (!report.approvalStale().isEmpty()) {
            // check reports it; past Approved no move states it (core gives it only there)
            int n = report.approvalStale().size();
            TextReporter.println(
                    out,
                    "  "
                            + DisplayWidth.padRight("Approval:", width)
                            + " stale, "
                            + n
                            + (n == 1 ? " reason" : " reasons"));
            for (GateReason r : report.approvalStale()) {
                TextReporter.println(out, "    " + r.text());
            }
        }
        for (GateResult move : report.moves()) {
            if (move.passed()) {
                TextReporter.println(
                        out,
                        "  "
                                + move.move()
                                + ": ready (specgate status "
                                + ShellWord.of(DisplayPath.of(file))
                                + " "
                                + argument(move.move().to().spelling())
                                + ")");
                continue;
            }
            int n = move.reasons().size();
            TextReporter.println(
                    out,
                    "  " + move.move() + ": blocked, " + n + (n == 1 ? " reason" : " reasons"));
            for (GateReason r : move.reasons()) {
                TextReporter.println(out, "    " + r.text());
            }
        }
    }

    /** The report as one JSON document: the shape docs/lifecycle.md documents. */
    private void json(JsonGenerator g, StatusReport report) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", DisplayPath.of(file));
        g.writeStringField("status", report.statusText().orElse(null));
        g.writeStringField("lastUpdated", report.lastUpdated().orElse(null));
        // always true: a spec the configuration leaves out is refused (kept for readers of it)
        g.writeBooleanField("checked", true);
        g.writeArrayFieldStart("moves");
        for (GateResult move : report.moves()) {
            g.writeStartObject();
            g.writeStringField("from", move.move().from().map(SpecStatus::label).orElse(null));
            g.writeStringField("to", move.move().to().label());
            g.writeBooleanField("passed", move.passed());
            reasons(g, "reasons", move.reasons());
            g.writeEndObject();
        }
        g.writeEndArray();
        reasons(g, "approvalStale", report.approvalStale());
        g.writeEndObject();
    }

    private static void reasons(JsonGenerator g, String name, List<GateReason> reasons)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (GateReason r : reasons) {
            g.writeStartObject();
            if (r.line() < 0) {
                g.writeNullField("line");
            } else {
                g.writeNumberField("line", r.line() + 1);
            }
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A status as a shell argument: quoted when it holds a space. */
    private static String argument(String status) {
        return status.contains(" ") ? "\"" + status + "\"" : status;
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "shown or moved (or already there)",
                ExitCode.FINDINGS,
                "move refused: every reason on stderr (the file is untouched)",
                ExitCode.USAGE,
                "usage error, unreadable spec, or a SPEC the configuration leaves out");
    }
}
