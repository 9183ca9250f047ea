package dev.specgate.cli.tasks;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExcludedSpec;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecFiles;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.tasks.TaskListPlan;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate tasks SPEC}: writes the spec's task list under {@code directives/tasks/}. */
@Command(
        name = "tasks",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the spec's task list and prints its path.",
            "Writes directives/tasks/<date>_task_<slug>.md from the spec: a header linking the"
                    + " spec, an overview, the relevant files, parent tasks from the"
                    + " Implementation Plan with test-first (N.0.T1), implementation (N.1) and"
                    + " verification (N.0.V1) items, and quality gates from the Success Criteria.",
            "A spec outside a directives/ folder gets its task list beside it. The date is"
                    + " --today. Never overwrites an existing task list without --force."
        })
public final class TasksCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(paramLabel = "SPEC", description = "The spec file.")
    private Path specFile;

    @Option(
            names = "--force",
            description =
                    "Replace the spec's existing task list (never another spec's list of the same"
                            + " name).")
    private boolean force;

    @Override
    public Integer call() throws ConfigException {
        SpecProject project = configOptions.open(specFile);
        SpecSource source = SpecFiles.read(specFile, project);
        // it writes a list, not a verdict: it goes on, as scaffold does, but says so
        ExcludedSpec.warn(project, specFile, spec.commandLine().getErr());
        TaskListPlan plan;
        try {
            plan = project.taskList(specFile, source, common.today());
        } catch (TaskListPlan.NoTaskListException e) {
            throw SpecgateException.usage(DisplayPath.of(specFile) + " " + e.getMessage());
        }
        Path target = plan.target();
        Path root = project.root(target);
        // a link that would carry the list out of the project: --force does not let it through
        refuseOutside(plan, target, root);
        List<Path> existing;
        Optional<Path> targetsSpec;
        try {
            // the file at the list's name first: when it cannot be read, that is the cause
            targetsSpec = project.specOfTaskList(target);
        } catch (UnreadableSpecException e) {
            throw SpecgateException.usage(
                    TaskListPlan.unreadableAtItsName(DisplayPath.of(shown(target)), e));
        }
        try {
            existing = project.taskListsOf(plan);
        } catch (UnreadableSpecException e) {
            throw SpecgateException.usage(e.getMessage());
        }
        try {
            // --force replaces the spec's list where it is, never another spec's
            target = plan.target(existing, force, targetsSpec);
        } catch (TaskListPlan.AnotherSpecsListException e) {
            throw SpecgateException.refused(
                    e.said(
                                    p -> DisplayPath.of(shown(p)),
                                    DisplayPath.of(specFile),
                                    project.schema())
                            + " (nothing changed; --force does not replace another spec's list)");
        } catch (TaskListPlan.ListedElsewhereException e) {
            throw SpecgateException.refused(
                    e.said(p -> DisplayPath.of(shown(p)), DisplayPath.of(specFile))
                            + (e.several()
                                    ? "; remove all but one, then use --force to replace it"
                                    : "; use --force to replace it")
                            + " (nothing changed)");
        }
        if (!force && Files.exists(target)) {
            throw SpecgateException.refused(
                    DisplayPath.of(shown(target)) + " already exists; use --force to replace it");
        }
        refuseOutside(plan, target, root);
        // a link that leads nowhere is no task list to replace, and a list made there would go
        // wherever it leads: named, with what cures it, with --force too
        Path at = target;
        SymbolicLinks.broken(at)
                .ifPresent(
                        what -> {
                            throw SpecgateException.refused(
                                    DisplayPath.of(shown(at))
                                            + " is "
                                            + what
                                            + "; nothing was written (remove the link, or restore"
                                            + " the file it leads to and use --force to replace"
                                            + " it)");
                        });
        // the ticks of the list replaced (its T and V items exist only there) are kept
        TaskListPlan.CarriedTicks ticks = null;
        if (Files.exists(target)) {
            ticks = plan.carryTicks(SpecFiles.read(target, project).text());
            plan = ticks.plan();
        }
        byte[] bytes = plan.bytes(source.newline(), source.hasBom());
        try {
            if (ticks != null) {
                new SpecFileWriter().writeAtomically(target, bytes);
            } else {
                // its folders too, removed again if the write fails; never over a list made since
                new SpecFileWriter().createNew(target, bytes);
            }
        } catch (FileAlreadyExistsException e) {
            throw SpecgateException.refused(
                    DisplayPath.of(shown(target))
                            + " appeared meanwhile; nothing was written (use --force to replace"
                            + " it)");
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write " + DisplayPath.of(shown(target)) + ": " + IoFailure.reason(e));
        }
        spec.commandLine().getOut().println(TextReporter.escape(DisplayPath.of(shown(target))));
        spec.commandLine().getOut().flush();
        // a list check will not see (beside a spec outside the globs) is said, not left to be found
        ExcludedSpec.warn(project, shown(target), spec.commandLine().getErr());
        // an empty box makes no task: said, so that it is not lost in silence
        plan.emptyItemsSaid(DisplayPath.of(specFile)).ifPresent(this::notice);
        if (ticks != null) {
            ticks.said().ifPresent(this::notice);
        }
        return ExitCode.CLEAN.code();
    }

    /**
     * Refuses, in the words of MCP's tasks, a list a link would write out of the project, but not
     * one that lands beside its spec in a linked directives/ folder (core's rule).
     */
    private void refuseOutside(TaskListPlan plan, Path target, Path root) {
        Optional<String> refusal;
        try {
            refusal = plan.outsideItsSpecsHome(target, root, DisplayPath.of(shown(target)));
        } catch (IOException e) {
            throw SpecgateException.usage(
                    "cannot write " + DisplayPath.of(shown(target)) + ": " + IoFailure.reason(e));
        }
        refusal.ifPresent(
                why -> {
                    throw SpecgateException.refused(why);
                });
    }

    /** The path as the user named the spec: relative to the working directory when it was. */
    private Path shown(Path target) {
        if (specFile.isAbsolute()) {
            return target;
        }
        Path cwd = Path.of("").toAbsolutePath();
        return target.startsWith(cwd) ? cwd.relativize(target) : target;
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "written",
                ExitCode.FINDINGS,
                "refused: the task list exists, is another spec's, a broken symbolic link stands"
                        + " at its name, or a symbolic link would write it outside the project"
                        + " (nothing changed)",
                ExitCode.USAGE,
                "usage error, unreadable spec, a file at the list's name that cannot be read (whose"
                        + " list it is cannot be told), or the file cannot be written");
    }

    /** One line on stderr, escaped as every name there is. */
    private void notice(String said) {
        spec.commandLine().getErr().println("specgate: " + TextReporter.escape(said));
        spec.commandLine().getErr().flush();
    }
}
