package dev.specgate.cli;

import dev.specgate.cli.check.CheckCommand;
import dev.specgate.cli.checklist.DoneCommand;
import dev.specgate.cli.checklist.NextCommand;
import dev.specgate.cli.checklist.ProgressCommand;
import dev.specgate.cli.common.CodeModel;
import dev.specgate.cli.common.VersionProvider;
import dev.specgate.cli.completion.CompletionCommand;
import dev.specgate.cli.diff.DiffCommand;
import dev.specgate.cli.help.HelpCommand;
import dev.specgate.cli.history.HistoryCommand;
import dev.specgate.cli.init.InitCommand;
import dev.specgate.cli.layout.ScaffoldCommand;
import dev.specgate.cli.layout.TraceCommand;
import dev.specgate.cli.lifecycle.ApproveCommand;
import dev.specgate.cli.lifecycle.FieldCommand;
import dev.specgate.cli.lifecycle.NewCommand;
import dev.specgate.cli.lifecycle.StatusCommand;
import dev.specgate.cli.list.ListCommand;
import dev.specgate.cli.lsp.LspCommand;
import dev.specgate.cli.mcp.McpCommand;
import dev.specgate.cli.tasks.TasksCommand;
import dev.specgate.cli.template.TemplateCommand;
import dev.specgate.cli.web.ServeCommand;
import dev.specgate.cli.web.SiteCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code specgate} command: only dispatches to its subcommands. Runs use {@link
 * #model()}, built in code; the annotation is the reference it is compared with ({@code
 * CodeModelTest}).
 */
@Command(
        name = SpecgateCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = SpecgateCommand.DESCRIPTION,
        synopsisSubcommandLabel = SpecgateCommand.SUBCOMMAND_LABEL,
        footer = {"", SpecgateCommand.FOOTER})
public final class SpecgateCommand implements Runnable {

    static final String NAME = "specgate";
    static final String DESCRIPTION = "Keeps Rigour Vibe technical specifications honest.";
    static final String SUBCOMMAND_LABEL = "COMMAND";
    static final String FOOTER = "Run 'specgate help COMMAND' for a command's options.";

    /**
     * Every subcommand by name, in the order help lists them. Added by {@link Main} rather than
     * named in the annotation, so that a run builds picocli's model (reflection over each command's
     * annotations, about as long as checking a spec on a cold JVM) only for the command it runs.
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("check", CheckCommand::model);
        c.put("new", NewCommand::new);
        c.put("status", StatusCommand::new);
        c.put("field", FieldCommand::new);
        c.put("approve", ApproveCommand::new);
        c.put("progress", ProgressCommand::new);
        c.put("next", NextCommand::new);
        c.put("done", DoneCommand::new);
        c.put("list", ListCommand::new);
        c.put("history", HistoryCommand::new);
        c.put("diff", DiffCommand::new);
        c.put("scaffold", ScaffoldCommand::new);
        c.put("trace", TraceCommand::new);
        c.put("tasks", TasksCommand::new);
        c.put("template", TemplateCommand::new);
        c.put("init", InitCommand::new);
        c.put("site", SiteCommand::new);
        c.put("serve", ServeCommand::new);
        c.put("lsp", LspCommand::new);
        c.put("mcp", McpCommand::new);
        c.put("completion", CompletionCommand::new);
        c.put("help", HelpCommand::new);
        return Collections.unmodifiableMap(c);
    }

    /**
     * Commands that work on the whole command line, so that {@link Main} builds every command for
     * them: help describes any command, completion writes a script for all of them.
     */
    static final Set<String> NEED_EVERY_COMMAND = Set.of("help", "completion");

    /**
     * Commands whose picocli model is built in code (their {@code model()}), not read from their
     * annotations: the ones whose start-up counts most.
     */
    static final Set<String> BUILT_IN_CODE = Set.of("check");

    @Spec private CommandSpec spec;

    /**
     * picocli's model of the top-level command without subcommands, built in code: what the
     * annotation above declares.
     */
    static CommandSpec model() {
        SpecgateCommand command = new SpecgateCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(NAME);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage()
                .description(DESCRIPTION)
                .synopsisSubcommandLabel(SUBCOMMAND_LABEL)
                .footer("", FOOTER);
        command.spec = spec;
        return CodeModel.withStandardHelpOptions(spec);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (e.g. check)");
    }
}
