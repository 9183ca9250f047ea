package dev.specgate.cli.lifecycle;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.GateReason;
import dev.specgate.core.lifecycle.GateResult;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate approve SPEC --by NAME [--refresh]}: runs the Approved gate and, when it passes,
 * moves a spec under Review to Approved and records the approval, bound to the content's
 * fingerprint; with {@code --refresh}, re-approves a spec already Approved (or in Implementation)
 * after a re-review.
 */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approves a spec: runs the Approved gate and, when it passes, moves the spec from"
                    + " Review to Approved and records the approval in its approval field"
                    + " ('**Approval:** DATE by NAME, sha256:HASH'), bound to a fingerprint of the"
                    + " content. Changing the approved content later makes check report"
                    + " approval-stale; ticking working checklist boxes does not.",
            "With --refresh: re-approves a spec that is already Approved or in Implementation"
                    + " (after a re-review of what changed: see specgate diff SPEC); its status"
                    + " stays, and the approval and Last Updated are written as approve writes"
                    + " them.",
            "Only the Document Status, Last Updated and approval field change (an approval line"
                    + " under the field's earlier name, after a rename of approval-field, is"
                    + " replaced); the file is left byte-identical when the approval is refused."
        })
public final class ApproveCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who approves (default: the spec's Reviewer).")
    private String by;

    @Option(
            names = "--refresh",
            description = "Re-approve a spec already Approved or in Implementation.")
    private boolean refresh;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws ConfigException {
        SpecFiles.requireSpecFile(file);
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw SpecgateException.usage(
                    Lifecycle.taskListRefusal(DisplayPath.of(file))
                            + ", so they are not approved (approve the spec it implements)");
        }
        if (by != null) {
            Optional<String> problem = Approvals.approverProblem(by);
            if (problem.isPresent()) {
                throw SpecgateException.usage("--by " + problem.get() + " (the file is unchanged)");
            }
        }
        SpecProject project = configOptions.open(file);
        SpecSource source = SpecFiles.read(file, project);
        StatusCommand.requireApprovals(project, file, "approve");
        ExcludedSpec.refuse(project, file, "approve");
        SpecDocument document = project.parse(file, source.text());
        Lifecycle lifecycle = project.lifecycle();
        String name = DisplayPath.of(file);
        SpecStatus approval = lifecycle.approvalStatus().orElseThrow();
        Optional<String> several =
                lifecycle.approverRefusal(
                        document, approval, Optional.ofNullable(by).map(String::trim), name);
        if (several.isPresent()) {
            throw SpecgateException.usage(several.get() + " (the file is unchanged)");
        }
        String approver =
                Optional.ofNullable(by)
                        .map(String::trim)
                        .or(() -> lifecycle.reviewer(document))
                        .orElseThrow(
                                () ->
                                        SpecgateException.usage(
                                                "say who approves "
                                                        + name
                                                        + ": --by NAME (its "
                                                        + lifecycle.reviewerLabel()
                                                        + " names nobody)"));
        Optional<SpecStatus> status = lifecycle.status(document);
        boolean approved = status.filter(lifecycle::approvedAt).isPresent();
        // whether the recorded fingerprint is the content's, as a fact about the record this
        // command rewrites: not the check's verdict (the spec may be before Approved, where the
        // check computes no approval, and approval-stale may be off or in the baseline)
        ApprovalCheck current = project.approvals().check(source.text(), document);
        PrintWriter out = spec.commandLine().getOut();
        if (!refresh && approved) {
            if (current.valid()) {
                out.println(
                        TextReporter.escape(
                                name
                                        + " is already "
                                        + status.get().label()
                                        + ", approved "
                                        + current.record().get().summary()
                                        + "; nothing changed."));
                out.flush();
                return ExitCode.CLEAN.code();
            }
            throw SpecgateException.refused(
                    "cannot approve "
                            + name
                            + ": it is already "
                            + status.get().label()
                            + " and "
                            + (current.stale()
                                    ? "its approval is stale ("
                                            + current.changes()
                                            + "); review the changes (specgate diff "
                                            + ShellWord.of(name)
                                            + ")"
                                    // no record to compare with: diff needs a git revision
                                    : "records no valid approval"
                                            + project.approvals()
                                                    .strayNote(document)
                                                    .map(note -> " (" + note + ")")
                                                    .orElse("")
                                            + "; review it (specgate diff "
                                            + ShellWord.of(name)
                                            + " --since REV shows what changed since a git"
                                            + " revision)")
                            + ", then use --refresh (the file is unchanged)");
        }
        if (refresh) {
            Optional<String> refused = lifecycle.refreshRefusal(status, name);
            if (refused.isPresent()) {
                throw SpecgateException.refused(refused.get() + " (the file is unchanged)");
            }
        }
        GateResult result =
                refresh
                        ? lifecycle.approvalGate(file, source, document, common.today())
                        : lifecycle.evaluate(file, source, document, approval, common.today());
        if (!result.passed()) {
            int n = result.reasons().size();
            throw SpecgateException.refused(
                    "cannot approve "
                            + name
                            + (refresh ? " again" : " (" + result.move() + ")")
                            + ": "
                            + n
                            + (n == 1 ? " reason" : " reasons")
                            + " (the file is unchanged)",
                    result.reasons().stream().map(GateReason::text).toList());
        }
        SpecEdit edit =
                refresh
                        ? lifecycle.refreshEdit(source, document, approver, common.today())
                        : lifecycle.moveEdit(
                                source, document, approval, common.today(), Optional.of(approver));
        if (edit.isIdentity()) {
            out.println(name + " already records this approval; nothing changed.");
            out.flush();
            return ExitCode.CLEAN.code();
        }
        SpecFiles.write(edit);
        String hash = project.approvals().approvedHash(source.text(), document);
        out.println(
                (refresh ? "Re-approved " : "Approved ")
                        + name
                        + (refresh ? "" : " (" + result.move() + ")")
                        + ": "
                        + project.approvals().field()
                        + " "
                        + common.today()
                        + " by "
                        + TextReporter.escape(approver)
                        + ", sha256:"
                        + hash
                        + ".");
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "approved (or already approved with this content)",
                ExitCode.FINDINGS,
                "approval refused: every reason on stderr (the file is untouched)",
                ExitCode.USAGE,
                "usage error or unreadable spec");
    }
}
