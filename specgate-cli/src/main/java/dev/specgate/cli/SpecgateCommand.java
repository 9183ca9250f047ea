package dev.specgate.cli;

import dev.specgate.cli.check.CheckCommand;
import dev.specgate.cli.checklist.DoneCommand;
import dev.specgate.cli.checklist.NextCommand;
import dev.specgate.cli.checklist.ProgressCommand;
import dev.specgate.cli.init.InitCommand;
import dev.specgate.cli.layout.ScaffoldCommand;
import dev.specgate.cli.layout.TraceCommand;
import dev.specgate.cli.lifecycle.NewCommand;
import dev.specgate.cli.lifecycle.StatusCommand;
import dev.specgate.cli.list.ListCommand;
import dev.specgate.cli.tasks.TasksCommand;
import dev.specgate.cli.template.TemplateCommand;
import dev.specgate.cli.web.ServeCommand;
import dev.specgate.cli.web.SiteCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code specgate} command: only dispatches to its subcommands. */
@Command(
        name = "specgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps Rigour Vibe technical specifications honest.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            CheckCommand.class,
            NewCommand.class,
            StatusCommand.class,
            ProgressCommand.class,
            NextCommand.class,
            DoneCommand.class,
            ListCommand.class,
            ScaffoldCommand.class,
            TraceCommand.class,
            TasksCommand.class,
            TemplateCommand.class,
            InitCommand.class,
            SiteCommand.class,
            ServeCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 clean, 1 findings or a refused action, 2 usage or input error.",
            "Run 'specgate COMMAND --help' for a command's options."
        })
public final class SpecgateCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (e.g. check)");
    }
}
