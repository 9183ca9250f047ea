package dev.specgate.cli.list;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.common.UsageError;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.discovery.UnreadablePath;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import dev.specgate.core.schema.TemplateSchema;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate list [ROOT]}: one row per spec, by status then date. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists specs with their status, progress, findings and dates.",
            "Lists the specs under ROOT that check finds (following .specgate.yml), one row"
                    + " each: date, status, checklist progress, error and warning counts"
                    + " (as check counts them), overdue dates, next review, type and title. Sorted"
                    + " by status (in the template's order: Draft, Review, Approved,"
                    + " Implementation, then others), then date; a folder with its own"
                    + " .specgate.yml is listed after, under its own template."
        })
public final class ListCommand extends BaseCommand {

    @Mixin private FormatOption format;

    @Mixin private ConfigOptions configOptions;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ROOT",
            description =
                    "A project root, spec folder or spec file (default: the current directory).")
    private Path root;

    @Option(
            names = "--status",
            paramLabel = "S",
            description =
                    "Only specs with this status (any case); '"
                            + SpecSummary.TASK_LIST_STATUS
                            + "' lists the task lists. A value the template does not allow lists"
                            + " the specs that write it, and says so on stderr.")
    private String status;

    @Option(
            names = "--type",
            paramLabel = "T",
            description =
                    "Only specs of this Type (any case). A value the template does not allow lists"
                            + " the specs that write it, and says so on stderr.")
    private String type;

    @Override
    public Integer call() throws Exception {
        Path where = root != null ? root : Path.of(".");
        List<Path> roots = SpecRoots.of(List.of(where));
        // each spec under the configuration nearest above it, nested ones included, as check
        List<SpecWorkspace.Found> found = configOptions.workspace(roots).find();
        List<TemplateSchema> schemas = found.stream().map(f -> f.project().schema()).toList();
        RunOptions options = RunOptions.of(CheckOptions.asOf(common.today())).withSummaries(true);
        List<SpecSummary> rows = new ArrayList<>();
        List<UnreadablePath> unsearched = new ArrayList<>();
        for (SpecWorkspace.Found f : found) {
            SpecProject project = f.project();
            ExcludedSpec.sayAliases(f.selection(), spec.commandLine().getErr());
            // a folder the search could not read is no spec: said on stderr, not listed as a row
            unsearched.addAll(f.selection().unreadable());
            project.run(f.selection(), options).specSummaries().stream()
                    .sorted(SpecSummary.listOrder(project.schema()))
                    .filter(s -> status == null || s.hasStatus(status))
                    .filter(s -> type == null || s.hasType(type))
                    .forEach(rows::add);
        }
        // a value no template allows lists the specs that write it, and says so; with none, it
        // is a usage error (a typo, most likely)
        List<String> notes = new ArrayList<>();
        if (status != null) {
            Optional<String> why = ListFilters.notAStatus(status, schemas);
            if (why.isPresent() && rows.isEmpty()) {
                throw SpecgateException.usage(
                        "--status "
                                + why.get()
                                + UsageError.didYouMean(status, ListFilters.statuses(schemas)));
            }
            why.ifPresent(
                    w ->
                            notes.add(
                                    ListFilters.listedAsWritten(
                                            "--status " + w, "status", rows.size())));
        }
        if (type != null) {
            Optional<String> why = ListFilters.notAType(type, schemas);
            if (why.isPresent() && rows.isEmpty()) {
                throw SpecgateException.usage("--type " + why.get());
            }
            why.ifPresent(
                    w ->
                            notes.add(
                                    ListFilters.listedAsWritten(
                                            "--type " + w, "Type", rows.size())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            JsonOutput.write(out, g -> json(g, rows));
        } else {
            new SpecTable(rows).write(out);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String note : notes) {
            err.println("specgate: " + TextReporter.escape(note));
        }
        err.flush();
        if (unsearched.isEmpty()) {
            return ExitCode.CLEAN.code();
        }
        for (UnreadablePath u : unsearched) {
            err.println(
                    "specgate: " + u.said(TextReporter.escape(DisplayPath.of(u.path())), "listed"));
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static void json(JsonGenerator g, List<SpecSummary> rows) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", SpecSummary.JSON_VERSION);
        g.writeArrayFieldStart("specs");
        for (SpecSummary s : rows) {
            JsonOutput.writeObject(g, s.jsonFields(DisplayPath::of));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "listed (even when specs have errors; run check for those)",
                ExitCode.USAGE,
                "usage error, missing ROOT, no specs under it, or a folder under it that could not"
                        + " be searched (named on stderr; the specs found are listed)");
    }
}
