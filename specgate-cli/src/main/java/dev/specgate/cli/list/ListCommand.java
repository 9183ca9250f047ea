package dev.specgate.cli.list;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.report.FormatOption;
import dev.specgate.core.catalog.ListFilters;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
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
                    + " (as check counts them), overdue dates, next review, type and title (next"
                    + " review and type only when a template of theirs has the field). Sorted"
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

    /** What {@code --sort} orders the rows by. */
    enum SortKey {
        STATUS,
        ERRORS
    }

    @Option(
            names = "--sort",
            paramLabel = "KEY",
            defaultValue = "STATUS",
            description =
                    "status (the default: by status in the template's order, then date) or errors"
                            + " (most errors first, then most warnings, then as by status), over"
                            + " every configuration's specs together.")
    private SortKey sort;

    @Override
    public Integer call() throws Exception {
        Path where = root != null ? root : Path.of(".");
        List<Path> roots = SpecRoots.of(List.of(where));
        // each spec under the configuration nearest above it, nested ones included, as check
        List<SpecWorkspace.Found> found = configOptions.workspace(roots).find();
        List<TemplateSchema> schemas = found.stream().map(f -> f.project().schema()).toList();
        RunOptions options = RunOptions.of(CheckOptions.asOf(common.today())).withSummaries(true);
        List<SpecSummary> rows = new ArrayList<>();
        // what the search says besides its rows, in list_specs's words: files met under a second
        // name or not taken, and each folder it could not read (no spec, so no row)
        List<String> notices = new ArrayList<>();
        boolean unsearched = false;
        // the templates of the rows shown, not of every project found: a column (Type, Next
        // Review) that only filtered-out projects' templates have could show nothing but '-'
        List<TemplateSchema> shownSchemas = new ArrayList<>();
        for (SpecWorkspace.Found f : found) {
            SpecProject project = f.project();
            notices.addAll(SpecProject.listNotices(f.selection(), DisplayPath::of));
            unsearched |= !f.selection().unreadable().isEmpty();
            int before = rows.size();
            project.run(f.selection(), options).specSummaries().stream()
                    .sorted(SpecSummary.listOrder(project.schema()))
                    .filter(s -> status == null || s.hasStatus(status))
                    .filter(s -> type == null || s.hasType(type))
                    .forEach(rows::add);
            if (rows.size() > before) {
                shownSchemas.add(project.schema());
            }
        }
        if (sort == SortKey.ERRORS) {
            rows.sort(SpecSummary.findingsOrder()); // stable: ties keep the status order
        }
        // a value no template allows lists the specs that write it, and says so; with none, it
        // is a usage error (a typo, most likely)
        ListFilters.Notes filters =
                ListFilters.notes(
                        Optional.ofNullable(status),
                        "--status",
                        Optional.ofNullable(type),
                        "--type",
                        schemas,
                        rows.size());
        PrintWriter err = spec.commandLine().getErr();
        if (filters.typo().isPresent()) {
            say(err, notices);
            throw SpecgateException.usage(filters.typo().get());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            JsonOutput.write(out, g -> json(g, rows));
        } else {
            // a column no template of theirs has (Type, Next Review) is left out
            new SpecTable(rows, SpecSummary.Columns.of(shownSchemas)).write(out);
        }
        out.flush();
        notices.addAll(filters.notes());
        say(err, notices);
        return unsearched ? ExitCode.USAGE.code() : ExitCode.CLEAN.code();
    }

    private static void say(PrintWriter err, List<String> notices) {
        for (String notice : notices) {
            err.println("specgate: " + TextReporter.escape(notice));
        }
        err.flush();
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
