package dev.specgate.cli.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.history.CodeBeforeApproval;
import dev.specgate.core.history.GitRevisions;
import dev.specgate.core.history.HistoryException;
import dev.specgate.core.history.SpecHistory;
import dev.specgate.core.history.SpecMoves;
import dev.specgate.core.history.StatusChange;
import dev.specgate.core.history.UnreadStatus;
import dev.specgate.core.history.UnreadVersion;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.DisplayWidth;
import dev.specgate.report.JsonOutput;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate history SPEC... [--audit]}: every commit that changed a spec's status or
 * approval, from git; with {@code --audit}, whether each move's gate would have passed at that
 * commit.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Shows every commit that changed a spec's status or approval, read from git (no git"
                    + " executable is run): date, commit, author, from -> to. Renames are followed;"
                    + " merges are walked along their first parent.",
            "With --audit: for each change of status, whether its gate would have passed at that"
                    + " commit (checked as status checks it, on that commit's text and date), and"
                    + " whether a move to Approved recorded an approval or was made by hand, and"
                    + " the commits that put the feature's code in its File Organization paths"
                    + " before the commit that approved the spec. Exits 1 when a move skipped its"
                    + " gate.",
            "A commit that leaves the status unreadable (no status field, a list item written"
                    + " for it, a value that is no status) is named with why, in its row, and"
                    + " history exits 1: the moves to and from it are not known. Commits after it"
                    + " that leave it unreadable as it was are no change, as elsewhere. A template with no status lifecycle, or"
                    + " one that keeps the status in a file beside each spec, is refused (exit 2).",
            "SPEC may be a folder: every spec found under it, as check finds them."
        })
public final class HistoryCommand extends BaseCommand {

    @Parameters(
            arity = "1..*",
            paramLabel = "SPEC",
            description = "Spec files, or folders holding specs.")
    private List<Path> paths;

    @Option(
            names = "--audit",
            description = "Judge each change of status by its gate at that commit.")
    private boolean audit;

    @Mixin private ConfigOptions configOptions;

    @Mixin private FormatOption format;

    /** With --audit, each spec's code before its approval, when it reached the approval point. */
    private Map<SpecMoves, CodeBeforeApproval> early = Map.of();

    @Override
    public Integer call() throws Exception {
        List<Path> roots = SpecRoots.of(paths);
        SpecProject project = configOptions.open(roots.get(0));
        Optional<String> refused = project.historyRefusal(c -> DisplayPath.like(c, roots.get(0)));
        if (refused.isPresent()) {
            throw SpecgateException.usage(
                    "cannot show the history of "
                            + DisplayPath.of(roots.get(0))
                            + ": "
                            + refused.get());
        }
        List<Path> files = new ArrayList<>();
        int taskLists = 0;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                ConfiguredDiscovery.Selection found = project.find(List.of(root));
                ExcludedSpec.sayAliases(found, spec.commandLine().getErr());
                for (Path f : found.specs()) {
                    if (DocumentKind.of(f) == DocumentKind.SPEC) {
                        files.add(f);
                    } else {
                        taskLists++;
                    }
                }
            } else {
                // a FIFO, a device or a socket is refused as a read of it is, in core's words
                SpecFiles.requireRegularFile(root);
                if (DocumentKind.of(root) == DocumentKind.TASK_LIST) {
                    throw SpecgateException.usage(
                            Lifecycle.taskListRefusal(DisplayPath.of(root))
                                    + ", so no moves to show (give the spec it implements)");
                }
                ExcludedSpec.warn(project, root, spec.commandLine().getErr());
                files.add(root);
            }
        }
        if (files.isEmpty()) {
            // an audit of nothing is no pass: a folder of task lists has no moves to judge
            throw SpecgateException.usage(
                    "nothing to show: "
                            + taskLists
                            + (taskLists == 1 ? " task list" : " task lists")
                            + " and no spec (history reads a spec's status and approval)");
        }
        List<SpecMoves> timelines;
        // with --audit: the commits that put each feature's code in its paths before the commit
        // that approved its spec (layout-early, read in git)
        Map<SpecMoves, CodeBeforeApproval> early = new java.util.IdentityHashMap<>();
        try {
            timelines = project.history().moves(files, audit);
            if (audit) {
                // one read of the history for all of them
                List<Optional<CodeBeforeApproval>> code =
                        project.history().codeBeforeApproval(timelines);
                for (int i = 0; i < timelines.size(); i++) {
                    SpecMoves t = timelines.get(i);
                    code.get(i).ifPresent(c -> early.put(t, c));
                }
            }
        } catch (HistoryException e) {
            throw SpecgateException.usage("cannot read the history: " + e.getMessage());
        }
        this.early = early;
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            JsonOutput.write(out, g -> json(g, timelines));
        } else {
            print(out, timelines);
        }
        out.flush();
        boolean flagged =
                audit
                        && timelines.stream()
                                .flatMap(t -> t.changes().stream())
                                .anyMatch(HistoryCommand::flagged);
        long unread = timelines.stream().mapToLong(t -> t.unread().size()).sum();
        long unreadVersions = timelines.stream().mapToLong(t -> t.unreadVersions().size()).sum();
        for (SpecMoves t : timelines) {
            // never a silent pass: a committed version that is no spec's text is not "no commit"
            Optional<String> notRead = t.unreadVersionsSaid();
            if (notRead.isPresent()) {
                PrintWriter err = spec.commandLine().getErr();
                TextReporter.println(
                        err,
                        "specgate: "
                                + DisplayPath.of(t.file())
                                + ": "
                                + notRead.get()
                                + (t.versions().isEmpty()
                                        ? ", so no move of it is known"
                                        : t.unreadVersions().size() == 1
                                                ? ", so the moves to and from it are not known"
                                                : ", so the moves to and from them are not known")
                                + (audit ? ": the audit is incomplete" : ""));
                err.flush();
            }
        }
        if (unread > 0) {
            // never a silent pass: the moves to and from those commits could not be told
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "specgate: "
                            + unreadCommits(unread)
                            + " (each named in the output, with why)"
                            + (audit ? ": the audit is incomplete" : ""));
            err.flush();
        }
        long shallow = timelines.stream().filter(SpecMoves::shallow).count();
        if (shallow > 0) {
            // a shallow clone (a CI checkout's default) cut the history short: say so, and an
            // audit that could not see every move is not a pass
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "specgate: the git repository is a shallow clone: the history of "
                            + (shallow == 1 ? "1 spec" : shallow + " specs")
                            + " starts at a commit whose parents were not fetched (marked"
                            + " '(shallow clone)'), so earlier moves are missing"
                            + (audit && !flagged ? " and the audit is incomplete" : "")
                            + "; fetch them with 'git fetch --unshallow' (a CI checkout:"
                            + " fetch-depth: 0)");
            err.flush();
            // the shallow clone first: fetching the rest is what CI asks for, and may read more
            if (audit && !flagged) {
                return ExitCode.USAGE.code();
            }
        }
        if (audit && timelines.stream().allMatch(SpecMoves::inNoCommit)) {
            // an audit that read no commit is no pass: git holds no move of these specs yet
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "specgate: nothing to audit: "
                            + (timelines.size() == 1
                                    ? "the spec is in no commit ("
                                            + SpecHistory.IN_NO_COMMIT
                                            + "), so git"
                                            + " holds no move of it"
                                    : "none of the "
                                            + timelines.size()
                                            + " specs is in a commit ("
                                            + SpecHistory.IN_NO_COMMIT
                                            + "), so git holds no move of them"));
            err.flush();
            return ExitCode.USAGE.code();
        }
        // an audited spec whose File Organization could not be read: its audit is incomplete
        boolean specsNotRead = early.values().stream().anyMatch(c -> c.unread().isPresent());
        return flagged || unread > 0 || unreadVersions > 0 || specsNotRead
                ? ExitCode.FINDINGS.code()
                : ExitCode.CLEAN.code();
    }

    /** Whether an audited change of status skipped its gate. */
    static boolean flagged(StatusChange c) {
        return c.audit().filter(a -> !a.passed()).isPresent();
    }

    private void print(PrintWriter out, List<SpecMoves> timelines) {
        int flagged = 0;
        int unread = 0;
        int codeEarly = 0;
        int skipped = 0;
        int unreadVersions = 0;
        for (SpecMoves t : timelines) {
            TextReporter.println(out, DisplayPath.of(t.file()));
            if (t.inNoCommit()) {
                TextReporter.println(out, "  (in no commit: " + SpecHistory.IN_NO_COMMIT + ")");
                continue;
            }
            // committed, but versions of it are no spec's text: said before the moves read
            Optional<String> notRead = t.unreadVersionsSaid();
            if (notRead.isPresent()) {
                TextReporter.println(out, "  (" + notRead.get() + ")");
                unreadVersions += t.unreadVersions().size();
            }
            List<SpecMoves.Row> rows = t.rows();
            // by the columns a terminal gives each name (李雷 four, a combining mark none)
            int authorWidth = 6;
            for (SpecMoves.Row row : rows) {
                authorWidth =
                        Math.max(
                                authorWidth,
                                DisplayWidth.of(
                                        TextReporter.escape(row.version().revision().author())));
            }
            // said under the row of the commit that approved the spec
            CodeBeforeApproval code = early.get(t);
            // each commit once: the change that left the status unreadable is said as that
            for (SpecMoves.Row row : rows) {
                var r = row.version().revision();
                StringBuilder line = new StringBuilder("  ");
                line.append(r.time().toLocalDate())
                        .append("  ")
                        .append(r.shortId())
                        .append("  ")
                        .append(DisplayWidth.padRight(TextReporter.escape(r.author()), authorWidth))
                        .append("  ");
                Optional<StatusChange> change = row.change();
                if (row.unread().isPresent()) {
                    // a value written that is no status is a move all the same (the audit flags
                    // it): said with why; a status missing or empty is no move to anything
                    if (change.isPresent()
                            && change.get().statusChanged()
                            && change.get().to().isPresent()) {
                        line.append(move(change.get(), t)).append("  ");
                    }
                    line.append("status not read: ").append(row.unread().get().why());
                } else {
                    line.append(move(change.get(), t));
                }
                if (change.isPresent() && change.get().approvalChanged()) {
                    line.append(
                            change.get()
                                    .approvalAfter()
                                    .map(a -> "  approval: " + a.summary())
                                    .orElse("  approval cleared"));
                }
                if (!r.path().equals(t.path())) {
                    line.append("  (as ").append(r.path()).append(')');
                }
                TextReporter.println(out, line);
                if (change.isPresent() && change.get().audit().isPresent()) {
                    StatusChange c = change.get();
                    GateResult a = c.audit().get();
                    // a spec's first commit is judged too: say so, since it moved from nothing
                    String first = t.start(c).words();
                    if (a.passed()) {
                        TextReporter.println(
                                out,
                                "      audit: gate passed"
                                        + (first.isEmpty() ? "" : " (" + first + ")")
                                        + (c.handMoveToApproved().orElse(false)
                                                ? "; " + handMove(c)
                                                : ""));
                    } else {
                        flagged++;
                        int n = a.reasons().size();
                        TextReporter.println(
                                out,
                                "      audit: SKIPPED ITS GATE ("
                                        + n
                                        + (n == 1 ? " reason" : " reasons")
                                        + "): "
                                        + r.author()
                                        + " in "
                                        + r.shortId()
                                        + (first.isEmpty() ? "" : ", " + first)
                                        + (c.handMoveToApproved().orElse(false)
                                                ? ", " + handMove(c)
                                                : ""));
                        for (GateReason reason : a.reasons()) {
                            TextReporter.println(out, "        " + reason.text());
                        }
                    }
                }
                if (code != null
                        && code.approval().version().revision().commit().equals(r.commit())) {
                    // under the move it is about, as the gate's audit is: the approving commit
                    if (printCode(out, code)) {
                        codeEarly++;
                    }
                    skipped += code.skipped().size();
                    code = null;
                }
            }
            if (code != null) {
                // no row of the approving commit (never expected): said all the same
                if (printCode(out, code)) {
                    codeEarly++;
                }
                skipped += code.skipped().size();
            }
            unread += t.unread().size();
        }
        long notCommitted = timelines.stream().filter(SpecMoves::inNoCommit).count();
        if (audit && notCommitted < timelines.size()) {
            // nothing audited at all is said once, on stderr, by call()
            String summary =
                    auditSummary(
                            flagged,
                            unread,
                            unreadVersions,
                            notCommitted,
                            timelines.stream().anyMatch(SpecMoves::shallow));
            if (codeEarly > 0) {
                summary +=
                        " "
                                + (codeEarly == 1
                                        ? "1 spec had code committed"
                                        : codeEarly + " specs had code committed")
                                + " before the commit that approved it (named above).";
            }
            if (skipped > 0) {
                summary +=
                        " "
                                + (skipped == 1 ? "1 path" : skipped + " paths")
                                + " of a feature's code not looked at (named above).";
            }
            long notRead = early.values().stream().filter(c -> c.unread().isPresent()).count();
            if (notRead > 0) {
                summary +=
                        " "
                                + (notRead == 1 ? "1 spec" : notRead + " specs")
                                + " could not be read, so no code before approval was looked for"
                                + (notRead == 1 ? " in its paths" : " in their paths")
                                + " (named above).";
            }
            TextReporter.println(out, summary);
        }
    }

    /**
     * Under the approving commit's row: the commits that put this feature's code in its paths
     * before it, and each path not looked at, with why. Whether any commit was named.
     */
    private static boolean printCode(PrintWriter out, CodeBeforeApproval code) {
        if (code.unread().isPresent()) {
            // nothing looked for: said, and the audit is incomplete (exit 1)
            TextReporter.println(out, "      audit: " + code.said());
            return false;
        }
        // said, not an exit of its own: layout-early is a warning in a working tree too
        if (!code.commits().isEmpty()) {
            TextReporter.println(out, "      audit: " + code.said());
            for (GitRevisions.Touched c : code.commits()) {
                TextReporter.println(out, "        " + CodeBeforeApproval.said(c));
            }
        }
        for (CodeBeforeApproval.Skipped k : code.skipped()) {
            TextReporter.println(out, "      audit: " + k.said());
        }
        return !code.commits().isEmpty();
    }

    /**
     * The audit's last line, from its parts: the verdict, the specs in no commit (not audited), the
     * commits that left a status unreadable and the committed versions that are no spec's text.
     */
    static String auditSummary(
            int flagged, int unread, int unreadVersions, long notCommitted, boolean shallow) {
        StringBuilder summary = new StringBuilder("Audit: ");
        if (flagged > 0) {
            summary.append(flagged)
                    .append(flagged == 1 ? " move skipped its gate" : " moves skipped their gate");
        } else if (unread > 0 || unreadVersions > 0) {
            summary.append("no move read skipped its gate, but the audit is incomplete")
                    .append(shallow ? " (shallow clone)" : "");
        } else if (shallow) {
            summary.append(
                    "every move read passed its gate, but the history is incomplete (shallow"
                            + " clone)");
        } else {
            summary.append("every move passed its gate");
        }
        if (notCommitted > 0) {
            // the moves of a spec git does not hold yet are not judged: say so, not a pass
            summary.append("; ")
                    .append(
                            notCommitted == 1
                                    ? "1 spec is in no commit"
                                    : notCommitted + " specs are in no commit")
                    .append(" (not audited)");
        }
        summary.append('.');
        if (unread > 0) {
            summary.append(' ').append(unreadCommits(unread)).append(" (named above).");
        }
        if (unreadVersions > 0) {
            summary.append(' ')
                    .append(
                            unreadVersions == 1
                                    ? "1 committed version"
                                    : unreadVersions + " committed versions")
                    .append(" could not be read (named above).");
        }
        return summary.toString();
    }

    /** {@code 2 commits left the status unreadable}: the commits history names as unread. */
    static String unreadCommits(long unread) {
        return (unread == 1 ? "1 commit" : unread + " commits") + " left the status unreadable";
    }

    private static String move(StatusChange c, SpecMoves t) {
        if (!c.statusChanged()) {
            return c.to().orElse("?");
        }
        SpecMoves.Start start = t.start(c);
        if (start != SpecMoves.Start.LATER) {
            return (start == SpecMoves.Start.CUT ? "(shallow clone) " : "(created) ")
                    + c.to().orElse("?");
        }
        return c.from().orElse("?") + " -> " + c.to().orElse("?");
    }

    private void json(JsonGenerator g, List<SpecMoves> timelines) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("specs");
        for (SpecMoves t : timelines) {
            g.writeStartObject();
            g.writeStringField("path", DisplayPath.of(t.file()));
            g.writeStringField("repositoryPath", t.path());
            g.writeNumberField("commits", t.versions().size());
            if (t.shallow()) {
                g.writeBooleanField("shallow", true);
            }
            g.writeArrayFieldStart("changes");
            for (StatusChange c : t.changes()) {
                var r = c.version().revision();
                g.writeStartObject();
                g.writeStringField("commit", r.commit());
                g.writeStringField("date", r.isoTime());
                g.writeStringField("author", r.author());
                g.writeStringField("path", r.path());
                g.writeStringField("from", c.from().orElse(null));
                g.writeStringField("to", c.to().orElse(null));
                g.writeBooleanField("statusChanged", c.statusChanged());
                g.writeBooleanField("created", t.start(c) == SpecMoves.Start.CREATED);
                approval(g, "approvalBefore", c.approvalBefore());
                approval(g, "approval", c.approvalAfter());
                if (c.audit().isPresent()) {
                    GateResult a = c.audit().get();
                    g.writeObjectFieldStart("audit");
                    g.writeBooleanField("passed", a.passed());
                    Optional<Boolean> handMove = c.handMoveToApproved();
                    if (handMove.isPresent()) {
                        g.writeBooleanField("handMove", handMove.get());
                    } else {
                        g.writeNullField("handMove");
                    }
                    g.writeArrayFieldStart("reasons");
                    for (GateReason reason : a.reasons()) {
                        g.writeStartObject();
                        if (reason.line() < 0) {
                            g.writeNullField("line");
                        } else {
                            g.writeNumberField("line", reason.line() + 1);
                        }
                        g.writeStringField("message", reason.message());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (audit) {
                codeBeforeApproval(g, early.get(t));
            }
            g.writeArrayFieldStart("unread");
            for (UnreadStatus u : t.unread()) {
                unreadCommit(g, u.version().revision(), u.why());
            }
            g.writeEndArray();
            // the commits whose version is no spec's text (not UTF-8, binary), each with why
            g.writeArrayFieldStart("unreadVersions");
            for (UnreadVersion u : t.unreadVersions()) {
                unreadCommit(g, u.revision(), u.why());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * {@code "codeBeforeApproval"}: null when the spec never reached its approval point, else the
     * approving commit, the paths looked at, those not looked at (with why) and the commits before
     * it that put code there.
     */
    private static void codeBeforeApproval(JsonGenerator g, CodeBeforeApproval code)
            throws IOException {
        if (code == null) {
            g.writeNullField("codeBeforeApproval");
            return;
        }
        g.writeObjectFieldStart("codeBeforeApproval");
        g.writeStringField("approvalCommit", code.approval().version().revision().commit());
        g.writeStringField("point", code.point());
        // the spec's working file could not be read: no path known, none looked at
        if (code.unread().isPresent()) {
            g.writeStringField("unread", code.unread().get());
        } else {
            g.writeNullField("unread");
        }
        g.writeArrayFieldStart("paths");
        for (String p : code.paths()) {
            g.writeString(p);
        }
        g.writeEndArray();
        // the paths not looked at, with why: never a path listed and skipped in silence
        g.writeArrayFieldStart("skipped");
        for (CodeBeforeApproval.Skipped k : code.skipped()) {
            g.writeStartObject();
            g.writeStringField("path", k.path());
            g.writeStringField("why", k.why());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("commits");
        for (GitRevisions.Touched c : code.commits()) {
            g.writeStartObject();
            g.writeStringField("commit", c.commit());
            g.writeStringField("date", c.isoTime());
            g.writeStringField("author", c.author());
            g.writeArrayFieldStart("files");
            for (String f : c.files()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A commit whose status or version could not be read: {commit, date, author, path, why}. */
    private static void unreadCommit(JsonGenerator g, GitRevisions.Revision r, String why)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("commit", r.commit());
        g.writeStringField("date", r.isoTime());
        g.writeStringField("author", r.author());
        g.writeStringField("path", r.path());
        g.writeStringField("why", why);
        g.writeEndObject();
    }

    private static void approval(JsonGenerator g, String name, Optional<ApprovalRecord> a)
            throws IOException {
        if (a.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("date", a.get().date().toString());
        g.writeStringField("by", a.get().by());
        g.writeStringField("sha256", a.get().hash());
        g.writeEndObject();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "history shown, every commit's status read (with --audit: every move passed its gate)",
                ExitCode.FINDINGS,
                "with --audit, a move skipped its gate, or a spec audited could not be read in"
                        + " the working tree (its code paths unknown); or a commit whose status"
                        + " could not be read, or whose version of a spec could not be read at all"
                        + " (not UTF-8, binary; each named in the output, with why)",
                ExitCode.USAGE,
                "usage error, no git repository, or a spec outside it; with --audit, a shallow"
                        + " clone whose history stops before a spec's first commit (and no move"
                        + " skipped its gate), or specs none of which is committed yet");
    }

    /**
     * What a move to Approved without a valid approval was: with an approval line that does not
     * hold for the content it stands in (pasted from elsewhere, or the content changed in the same
     * commit), or with none Specgate can read.
     */
    private static String handMove(StatusChange c) {
        return c.approvalAfter().isPresent()
                ? "moved by hand (its approval line, "
                        + c.approvalAfter().get().summary()
                        + ", is not valid: the content is not the content it approved)"
                : "moved by hand (no valid approval recorded)";
    }
}
