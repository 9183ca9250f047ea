package dev.specgate.cli.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.diff.SpecDiff;
import dev.specgate.core.diff.SpecDiffer;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.history.HistoryException;
import dev.specgate.core.history.SpecHistory;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate diff SPEC [--since approval|REV]}: what changed in a spec since its approval or a
 * git revision, by section, checklist item and field.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what changed in a spec at the level a reviewer thinks in: sections added,"
                    + " removed, changed (with their text diff) and moved, checklist items added,"
                    + " removed, ticked and cleared, and fields changed.",
            "--since approval (the default) compares the spec as it is with the text its approval"
                    + " recorded: the newest commit whose content has the approval's fingerprint."
                    + " --since REV compares it with a git revision (HEAD, HEAD~3, a tag, a commit"
                    + " id), following renames."
        })
public final class DiffCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Option(
            names = "--since",
            paramLabel = "approval|REV",
            description = "What to compare with: approval (default) or a git revision.")
    private String since = "approval";

    @Mixin private ConfigOptions configOptions;

    @Mixin private FormatOption format;

    @Override
    public Integer call() throws Exception {
        SpecFiles.requireSpecFile(file);
        if (since.isBlank()) {
            throw SpecgateException.usage("--since must be approval or a git revision");
        }
        SpecProject project = configOptions.open(file);
        ExcludedSpec.warn(project, file, spec.commandLine().getErr());
        SpecSource source = SpecFiles.read(file, project);
        SpecDocument now = project.parse(source.text());
        String name = DisplayPath.of(file);
        SpecHistory history = project.history();
        Optional<SpecHistory.Committed> base;
        String label;
        Optional<ApprovalRecord> approval = Optional.empty();
        boolean approvalFieldsUnknown = false;
        try {
            if (since.equals("approval")) {
                // the record and whether the text is still the text approved, as facts: not the
                // check's verdict (the spec is only parsed, and a diff works at any status and
                // with approval-stale turned off or in the baseline)
                ApprovalCheck check = project.approvals().check(source.text(), now);
                approval = check.record();
                if (approval.isEmpty()) {
                    throw SpecgateException.usage(
                            name
                                    + " records no approval ("
                                    + (check.recorded()
                                            ? "its '"
                                                    + project.approvals().field()
                                                    + "' field is"
                                                    + " not a record specgate wrote"
                                            : "no '**" + project.approvals().field() + ":**' field")
                                    + "): compare with a git revision, --since HEAD");
                }
                label = "the approval of " + approval.get().summary();
                base = history.approvedText(file, approval.get());
                boolean recorded = base.isPresent() && base.get().holdsRecord();
                if (!recorded && check.valid()) {
                    // the approval is not committed yet: the working text is the content approved
                    base = Optional.of(new SpecHistory.Committed(null, null, source.text(), true));
                    recorded = true;
                    if (!history.committed(file)) {
                        // renamed without telling git, the commit that recorded the approval is
                        // not found: "No change." alone would hide the boxes ticked since
                        spec.commandLine()
                                .getErr()
                                .println(
                                        "specgate: "
                                                + name
                                                + " is in no commit ("
                                                + SpecHistory.IN_NO_COMMIT
                                                + "): its text is the content approved, so it is"
                                                + " compared with itself, and boxes ticked since"
                                                + " the approval, which it leaves out, are not"
                                                + " shown");
                    }
                }
                // a commit that holds the content but not the record (the approval was committed
                // with later edits) differs in the approval's own fields: leave them out
                approvalFieldsUnknown = base.isPresent() && !recorded;
                if (approvalFieldsUnknown) {
                    // the commit that recorded it may be a version no spec's text (saved as
                    // Windows-1252): said as history says it, never passed over
                    String commit = base.get().commit().substring(0, 12);
                    unreadVersions(history, file)
                            .ifPresent(
                                    u ->
                                            spec.commandLine()
                                                    .getErr()
                                                    .println(
                                                            "specgate: "
                                                                    + name
                                                                    + ": "
                                                                    + u
                                                                    + "; no commit read records"
                                                                    + " the approval, so it is"
                                                                    + " compared with "
                                                                    + commit
                                                                    + ", which holds the content"
                                                                    + " approved"));
                }
                if (base.isEmpty() && history.shallow(file)) {
                    throw SpecgateException.usage(
                            "the content "
                                    + name
                                    + " approved (sha256:"
                                    + approval.get().hash()
                                    + ") is in no commit this shallow clone holds: its history starts"
                                    + " at a commit whose parents were not fetched; fetch them with"
                                    + " 'git fetch --unshallow' (a CI checkout: fetch-depth: 0), or"
                                    + " compare with a revision, --since HEAD");
                }
                if (base.isEmpty() && !history.committed(file)) {
                    // no revision holds any version of it: --since HEAD would fail too
                    throw SpecgateException.usage(
                            name
                                    + " is in no commit ("
                                    + SpecHistory.IN_NO_COMMIT
                                    + "), and its text is not the text approved (sha256:"
                                    + approval.get().hash()
                                    + "), so there is no version of it to compare with;"
                                    + " specgate check "
                                    + ShellWord.of(name)
                                    + " names the sections changed since the approval");
                }
                if (base.isEmpty()) {
                    // a version no spec's text (saved as Windows-1252) may be the one approved:
                    // said as history says it, never passed over
                    Optional<String> unread = unreadVersions(history, file);
                    throw SpecgateException.usage(
                            "the content "
                                    + name
                                    + " approved (sha256:"
                                    + approval.get().hash()
                                    + ") is in no commit of its history"
                                    + unread.map(u -> " that could be read (" + u + ")").orElse("")
                                    + ", so there is nothing to"
                                    + " compare with: commit the approval when it is made, or"
                                    + " compare with a revision, --since HEAD");
                }
            } else {
                label = since;
                base = history.textAt(file, since);
                if (base.isEmpty()) {
                    throw SpecgateException.usage(
                            name
                                    + " does not exist at "
                                    + since
                                    + (history.committed(file)
                                            ? ""
                                            : ": it is in no commit ("
                                                    + SpecHistory.IN_NO_COMMIT
                                                    + ")"));
                }
            }
        } catch (HistoryException e) {
            throw SpecgateException.usage(
                    "cannot compare "
                            + name
                            + " with "
                            + (since.equals("approval") ? "its approved text" : since)
                            + ": "
                            + e.getMessage());
        }
        String oldText = base.get().text();
        // the status block compared apart where approval-stale names it apart: a record that
        // gives it a digest of its own, or a revision (as approve records it now)
        boolean blockApart = approval.map(ApprovalRecord::recordsStatusBlock).orElse(true);
        SpecDiff all =
                new SpecDiffer()
                        .diff(
                                oldText,
                                project.parse(oldText),
                                source.text(),
                                now,
                                blockApart ? Optional.of(project.approvals()) : Optional.empty());
        SpecDiff diff =
                approvalFieldsUnknown
                        ? all.withoutFields(project.approvals().excludedFields())
                        : all;
        String commit = base.get().commit();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Optional<ApprovalRecord> a = approval;
            JsonOutput.write(out, g -> json(g, name, a, commit, diff));
        } else {
            print(out, name, label, commit, diff);
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    private void print(PrintWriter out, String name, String label, String commit, SpecDiff diff) {
        TextReporter.println(
                out,
                name
                        + " since "
                        + label
                        + (commit == null ? "" : " (commit " + commit.substring(0, 12) + ")"));
        if (diff.isEmpty()) {
            TextReporter.println(out, "  No change.");
            return;
        }
        titles(out, "Sections added", diff.sectionsAdded());
        titles(out, "Sections removed", diff.sectionsRemoved());
        if (!diff.sectionsChanged().isEmpty()) {
            TextReporter.println(out, "Sections changed (" + diff.sectionsChanged().size() + "):");
            for (SpecDiff.SectionChange c : diff.sectionsChanged()) {
                TextReporter.println(out, "  " + c.title());
                for (SpecDiff.Hunk h : c.hunks()) {
                    TextReporter.println(out, "    " + h.header());
                    h.lines().forEach(l -> TextReporter.println(out, "    " + l));
                }
            }
        }
        titles(out, "Sections moved", diff.sectionsMoved());
        items(out, "Checklist items added", diff.itemsAdded());
        items(out, "Checklist items removed", diff.itemsRemoved());
        items(out, "Checklist items ticked", diff.itemsTicked());
        items(out, "Checklist items cleared", diff.itemsCleared());
        if (!diff.fields().isEmpty()) {
            TextReporter.println(out, "Fields changed (" + diff.fields().size() + "):");
            for (SpecDiff.FieldChange f : diff.fields()) {
                TextReporter.println(
                        out,
                        "  "
                                + f.label()
                                + ": "
                                + (f.from() == null ? "(none)" : f.from())
                                + " -> "
                                + (f.to() == null ? "(none)" : f.to()));
            }
        }
    }

    private static void titles(PrintWriter out, String heading, List<String> titles) {
        if (!titles.isEmpty()) {
            TextReporter.println(out, heading + " (" + titles.size() + "):");
            titles.forEach(t -> TextReporter.println(out, "  " + t));
        }
    }

    private static void items(PrintWriter out, String heading, List<SpecDiff.Item> items) {
        if (!items.isEmpty()) {
            TextReporter.println(out, heading + " (" + items.size() + "):");
            for (SpecDiff.Item i : items) {
                TextReporter.println(
                        out,
                        "  ["
                                + (i.checked() ? "x" : " ")
                                + "] "
                                + i.text()
                                + " ("
                                + i.section()
                                + ", line "
                                + i.line()
                                + ")");
            }
        }
    }

    private static void json(
            JsonGenerator g,
            String name,
            Optional<ApprovalRecord> approval,
            String commit,
            SpecDiff diff)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("path", name);
        g.writeObjectFieldStart("since");
        g.writeStringField("commit", commit);
        if (approval.isPresent()) {
            g.writeObjectFieldStart("approval");
            g.writeStringField("date", approval.get().date().toString());
            g.writeStringField("by", approval.get().by());
            g.writeStringField("sha256", approval.get().hash());
            g.writeEndObject();
        } else {
            g.writeNullField("approval");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("sections");
        strings(g, "added", diff.sectionsAdded());
        strings(g, "removed", diff.sectionsRemoved());
        g.writeArrayFieldStart("changed");
        for (SpecDiff.SectionChange c : diff.sectionsChanged()) {
            g.writeStartObject();
            g.writeStringField("title", c.title());
            g.writeArrayFieldStart("hunks");
            for (SpecDiff.Hunk h : c.hunks()) {
                g.writeStartObject();
                g.writeNumberField("oldLine", h.oldLine());
                g.writeNumberField("oldCount", h.oldCount());
                g.writeNumberField("newLine", h.newLine());
                g.writeNumberField("newCount", h.newCount());
                strings(g, "lines", h.lines());
                strings(g, "removed", h.removed());
                strings(g, "added", h.added());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "moved", diff.sectionsMoved());
        g.writeEndObject();
        g.writeObjectFieldStart("checklist");
        items(g, "added", diff.itemsAdded());
        items(g, "removed", diff.itemsRemoved());
        items(g, "ticked", diff.itemsTicked());
        items(g, "cleared", diff.itemsCleared());
        g.writeEndObject();
        g.writeArrayFieldStart("fields");
        for (SpecDiff.FieldChange f : diff.fields()) {
            g.writeStartObject();
            g.writeStringField("label", f.label());
            g.writeStringField("from", f.from());
            g.writeStringField("to", f.to());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void items(JsonGenerator g, String name, List<SpecDiff.Item> items)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (SpecDiff.Item i : items) {
            g.writeStartObject();
            g.writeStringField("section", i.section());
            g.writeStringField("text", i.text());
            g.writeBooleanField("checked", i.checked());
            g.writeNumberField("line", i.line());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "the changes shown (or none)",
                ExitCode.USAGE,
                "usage error, no approval or revision to compare with, or no git history");
    }

    /**
     * The committed versions of {@code file} that could not be read, in history's words ({@link
     * dev.specgate.core.history.SpecMoves#unreadVersionsSaid}): asked only where the approved
     * content's commit is not found as recorded, as it may be one of them.
     */
    private static Optional<String> unreadVersions(SpecHistory history, Path file)
            throws HistoryException {
        return history.moves(List.of(file), false).get(0).unreadVersionsSaid();
    }
}
