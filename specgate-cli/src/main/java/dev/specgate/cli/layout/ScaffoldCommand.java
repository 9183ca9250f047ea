package dev.specgate.cli.layout;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecArgument;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.LayoutPaths;
import dev.specgate.core.layout.Scaffold;
import dev.specgate.core.layout.ScaffoldStep;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.layout.UnsafeLayoutException;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate scaffold SPEC}: creates the layout the spec's File Organization promises. */
@Command(
        name = "scaffold",
        mixinStandardHelpOptions = true,
        description = {
            "Creates the folders and docs the spec's File Organization promises.",
            "Creates the directories the spec's File Organization promises, each with an empty"
                    + " .gitkeep so that git keeps it, and a Markdown file with a link back to the"
                    + " spec for each documentation entry.",
            "Paths are relative to the project root (the folder that holds directives/, else the"
                    + " folder of the nearest .specgate.yml, else the spec's own folder)."
                    + " Idempotent; never overwrites a file. An entry that is absolute, contains"
                    + " '..' or leads outside the root through a symbolic link is refused, and"
                    + " then nothing is created (exit 2)."
        })
public final class ScaffoldCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(paramLabel = "SPEC", description = "The spec file.")
    private Path specFile;

    @Option(names = "--dry-run", description = "Print what would be created; create nothing.")
    private boolean dryRun;

    @Option(
            names = "--include-conditional",
            description = "Also create entries marked (if applicable), (if needed), (if changed).")
    private boolean includeConditional;

    @Override
    public Integer call() throws IOException, ConfigException {
        SpecProject project = configOptions.open(specFile);
        SpecArgument arg = SpecArgument.load(specFile, project);
        if (DocumentKind.of(specFile) == DocumentKind.TASK_LIST) {
            // its Relevant Files come from a spec's File Organization: that spec is scaffolded
            throw SpecgateException.usage(
                    DisplayPath.of(specFile)
                            + " is a task list, not a spec: give the spec it implements");
        }
        // it creates folders, not a verdict: it goes on, as diff and history do
        ExcludedSpec.warn(project, specFile, spec.commandLine().getErr());
        String slug = FeatureSlug.of(specFile, project.schema());
        List<LayoutEntry> entries =
                FileOrganization.read(arg.text(), arg.document(), slug, specFile);
        List<UnreadEntry> unread = FileOrganization.unread(arg.text(), arg.document());
        if (entries.isEmpty()) {
            throw SpecgateException.usage(specFile + ": " + UnreadEntry.nothingToScaffold(unread));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (UnreadEntry u : unread) {
            // what scaffold does not create, said rather than skipped in silence
            TextReporter.println(
                    err, "specgate: " + specFile + ":" + (u.line() + 1) + ": " + u.nothingMade());
        }
        err.flush();
        Path root = ProjectRoot.ofSpec(specFile);
        Scaffold scaffold;
        try {
            scaffold =
                    Scaffold.plan(
                            new LayoutPaths(root),
                            specFile,
                            project.schema().titleOrFileName(arg.document(), arg.path()),
                            entries,
                            includeConditional);
        } catch (UnsafeLayoutException e) {
            throw SpecgateException.usage(specFile + ": " + e.getMessage());
        }
        if (!dryRun) {
            scaffold.apply();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ScaffoldStep step : scaffold.steps()) {
            String action = step.action().label();
            if (dryRun && step.action() != ScaffoldStep.Action.EXISTS) {
                action = "would create";
            }
            String shown = root.relativize(step.target()).toString().replace('\\', '/');
            out.printf("%-12s %s%s%n", action, shown, step.directory() ? "/" : "");
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "created (or nothing left to create)",
                ExitCode.USAGE,
                "usage error, unreadable spec, or a refused entry (nothing created)");
    }
}
