package dev.specgate.cli.help;

import dev.specgate.cli.common.UsageError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate help [COMMAND [SUBCOMMAND...]]}: the help of the command the names lead to, so
 * {@code help template export} shows {@code template export}'s (picocli's own help command looks at
 * the first name only).
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show the help of a command, or of a command's subcommand.")
public final class HelpCommand implements IHelpCommandInitializable2, Runnable {

    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "The command (and its subcommands) to show the help of.")
    private List<String> names = List.of();

    private CommandLine self;
    private PrintWriter out;
    private Help.ColorScheme colors;

    @Override
    public void init(
            CommandLine helpCommandLine,
            Help.ColorScheme colorScheme,
            PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine shown = self.getParent();
        if (shown == null) {
            return;
        }
        List<String> unmatched = self.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            if (unmatched.stream().allMatch(a -> a.equals("--help") || a.equals("-h"))) {
                self.usage(out, colors); // help --help: the help command's own
                out.flush();
                return;
            }
            // picocli lets a help command's unknown options pass; any other command refuses them
            throw UsageError.unmatched(self, unmatched);
        }
        for (String name : names) {
            CommandLine next = shown.getSubcommands().get(name);
            if (next == null) {
                // in the words 'specgate nope' gets, from the same handler
                throw UsageError.unknownCommand(shown, name);
            }
            shown = next;
        }
        shown.usage(out, colors);
        out.flush();
    }
}
