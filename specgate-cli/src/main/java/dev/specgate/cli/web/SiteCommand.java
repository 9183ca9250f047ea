package dev.specgate.cli.web;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.TextReporter;
import dev.specgate.web.DashboardException;
import dev.specgate.web.SiteGenerator;
import dev.specgate.web.SiteResult;
import dev.specgate.web.view.TaskListCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate site [ROOT] --out DIR}: writes the dashboard as a static site. */
@Command(
        name = "site",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the project's dashboard as a static site that opens from disk.",
            "Overview, board, table, timeline, one page per spec, and index.json; the pages"
                    + " load nothing from the network."
        })
public final class SiteCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(
            paramLabel = "ROOT",
            arity = "0..1",
            description = "The project (default: the current directory).")
    private Path root;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description =
                    "The folder to write: new, empty, or a site written before (its stale pages"
                            + " are removed).")
    private Path out;

    @Override
    public Integer call() throws ConfigException {
        // the current directory when absent; one message for a missing path or a broken link
        Path project = SpecRoots.of(root == null ? List.of() : List.of(root)).get(0);
        SpecProject opened = configOptions.open(project);
        SiteGenerator generator = SiteGenerator.of(opened);
        SiteResult result;
        try {
            result = generator.generate(project, out, common.today());
        } catch (DashboardException e) {
            throw SpecgateException.usage(e.getMessage());
        } catch (IOException e) {
            throw new SpecgateException(
                    ExitCode.USAGE,
                    "cannot write the site to " + out + ": " + IoFailure.reason(e),
                    e);
        }
        PrintWriter stderr = spec.commandLine().getErr();
        configOptions.sayNestedNotFollowed(result.nestedConfigs(), "site", stderr);
        // the overview's notices, said here too: a run in CI never opens the page that shows them
        // (the search's, as check says them: a file met under a second name, one in a spec folder
        // not taken; then what Approved per week leaves out: an unreadable history, a shallow
        // clone's cut, each spec whose committed versions could not all be read)
        for (String notice : result.portfolio().notices()) {
            stderr.println("specgate: " + TextReporter.escape(notice));
        }
        stderr.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        int specs = result.portfolio().specs().size();
        // the totals check reports: the task lists' findings counted, and said where they are
        long errors = result.portfolio().totalErrors();
        long warnings = result.portfolio().totalWarnings();
        TaskListCount taskLists = result.portfolio().taskLists();
        stdout.printf(
                "Wrote %d pages for %d %s to %s in %d ms (%s, %s).%n",
                result.pages(),
                specs,
                specs == 1 ? "spec" : "specs",
                out,
                result.millis(),
                count(errors, "error", taskLists.errors()),
                count(warnings, "warning", taskLists.warnings()));
        stdout.printf("Open %s%n", out.resolve("index.html"));
        stdout.flush();
        return ExitCode.CLEAN.code();
    }

    /** "5 errors (2 in task lists, not shown)", or "3 errors" when the task lists have none. */
    private static String count(long total, String noun, long inTaskLists) {
        String said = total + " " + noun + (total == 1 ? "" : "s");
        return inTaskLists == 0 ? said : said + " (" + inTaskLists + " in task lists, not shown)";
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "site written (whatever the specs' findings; a history left out or partial,"
                        + " as a version not UTF-8, is said on stderr)",
                ExitCode.USAGE,
                "usage error, nothing to show, or an output folder that holds other files");
    }
}
