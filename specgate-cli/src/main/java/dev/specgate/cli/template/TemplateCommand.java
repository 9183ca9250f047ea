package dev.specgate.cli.template;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code specgate template show|export}: commands about templates; only dispatches. */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description = "Shows what a template requires of specs, or exports the built-in one.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {TemplateShowCommand.class, TemplateExportCommand.class})
public final class TemplateCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (e.g. show)");
    }
}
