package dev.specgate.cli.lifecycle;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.FieldEdits;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate field SPEC NAME [VALUE...]}: prints one metadata field's value, or sets it,
 * changing only that value (core's {@link FieldEdits}, which the MCP tool {@code set_field} makes
 * too).
 */
@Command(
        name = "field",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one metadata field of a spec, or sets it, changing only its value.",
            "NAME is a field of the template, in any case: Reviewer, Next Review, Assigned to,"
                    + " Type, Last Updated, ... or the configured template's own fields, written as"
                    + " bold lines, as a leading list or in YAML front matter.",
            "Without VALUE: prints the value (exit 1, and nothing on stdout, when the spec lacks"
                    + " the field); a front matter YAML list prints one item a line.",
            "With VALUE: sets it, as the spec writes its fields; a field the template has and the"
                    + " spec lacks is added next to the template's field before it (or after it)."
                    + " A date must be YYYY-MM-DD, a Type one of the template's. The status field is"
                    + " moved with status, which runs its gate, and the approval field is written by"
                    + " approve: both are refused. Setting a field of an approved spec's content"
                    + " (such as Reviewer, not Next Review) makes its approval stale, as an edit by"
                    + " hand does: the command says so, and from Approved on check reports"
                    + " approval-stale.",
            "A front matter YAML list (labels: [api, web], or reviewers: with one '- name' a line)"
                    + " takes one VALUE per item, written as the spec writes the list, each item"
                    + " checked against the template's values: field SPEC labels api web. A value"
                    + " with spaces is one quoted VALUE; several VALUEs for a field of one value are"
                    + " refused."
        })
public final class FieldCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    private Path file;

    @Parameters(
            index = "1",
            paramLabel = "NAME",
            description = "The field's label, such as Reviewer or \"Next Review\".")
    private String name;

    @Parameters(
            index = "2..*",
            arity = "0..*",
            paramLabel = "VALUE",
            description = "The value to set, on one line; a YAML list's items, one VALUE each.")
    private List<String> values;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws ConfigException {
        SpecFiles.requireSpecFile(file);
        String shown = DisplayPath.of(file);
        if (DocumentKind.of(file) == DocumentKind.TASK_LIST) {
            throw SpecgateException.usage(
                    shown
                            + " is a task list: it has no metadata fields (work it with specgate"
                            + " progress, next and done)");
        }
        SpecProject project = configOptions.open(file);
        SpecSource source = SpecFiles.read(file, project);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // said as check says it, and done all the same: a field is the file's own
        ExcludedSpec.warn(project, file, err);
        SpecDocument document = project.parse(file, source.text());
        FieldEdits fields = project.lifecycle().fields();
        if (values == null || values.isEmpty()) {
            FieldEdits.Outcome read = fields.read(document, name);
            if (read instanceof FieldEdits.Refused r) {
                throw SpecgateException.usage(r.reason());
            }
            FieldEdits.Reading reading = (FieldEdits.Reading) read;
            if (reading.value().isEmpty()) {
                throw SpecgateException.refused(shown + " has no '" + reading.label() + "' field");
            }
            for (String v : reading.values()) {
                TextReporter.println(out, v);
            }
            out.flush();
            return ExitCode.CLEAN.code();
        }
        FieldEdits.Outcome outcome =
                fields.set(
                        file,
                        source,
                        document,
                        name,
                        values,
                        new FieldEdits.Words(
                                "specgate status " + ShellWord.of(shown) + " TARGET",
                                "specgate approve " + ShellWord.of(shown)));
        if (outcome instanceof FieldEdits.Refused r) {
            String why = shown + ": " + r.reason();
            throw r.bySpec() ? SpecgateException.refused(why) : SpecgateException.usage(why);
        }
        FieldEdits.Change change = (FieldEdits.Change) outcome;
        if (!change.changed()) {
            TextReporter.println(out, shown + ": " + change.saidUnchanged() + ".");
            out.flush();
            return ExitCode.CLEAN.code();
        }
        SpecFiles.write(change.edit());
        TextReporter.println(
                out,
                change.said(Optional.of(shown))
                        + change.approvalNote()
                                .map(n -> " " + Approvals.withRefreshPath(n, shown))
                                .orElse(""));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "printed, or set (or already that value)",
                ExitCode.FINDINGS,
                "the spec lacks the field (without VALUE), or its form refuses the edit: a field kept in a metadata file, a value over several lines, nowhere to add it (the file is untouched)",
                ExitCode.USAGE,
                "usage error, unreadable spec, a NAME the template has no field for, the status or approval field, or a VALUE the field cannot hold (the file is untouched)");
    }
}
