package dev.specgate.cli.completion;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ExitCode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate completion bash|zsh|fish}: prints a shell completion script for every command and
 * option, made from picocli's model of the command line.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a shell completion script for bash, zsh or fish.",
            "Install it once; then Tab after specgate completes commands, options and their"
                    + " values. For bash (the folder may not exist yet):",
            "mkdir -p ~/.local/share/bash-completion/completions",
            "specgate completion bash > ~/.local/share/bash-completion/completions/specgate",
            "For zsh, write the zsh script to a file and source that from ~/.zshrc (it loads"
                    + " bashcompinit); for fish, write the fish script into"
                    + " ~/.config/fish/completions/ as specgate.fish."
        })
public final class CompletionCommand extends BaseCommand {

    /** The shells a script is made for. */
    public enum Shell {
        /** picocli's bash script. */
        BASH {
            @Override
            String script(CommandLine root) {
                return AutoComplete.bash(root.getCommandName(), root);
            }
        },
        /** The bash script, which zsh runs through its bashcompinit. */
        ZSH {
            @Override
            String script(CommandLine root) {
                String name = root.getCommandName();
                return "# zsh completion for "
                        + name
                        + ": the bash script below, which loads zsh's bashcompinit.\n"
                        + "# Install: "
                        + name
                        + " completion zsh > ~/.zsh/"
                        + name
                        + "-completion.zsh, then in ~/.zshrc: source ~/.zsh/"
                        + name
                        + "-completion.zsh\n"
                        + AutoComplete.bash(name, root);
            }
        },
        /** fish's own {@code complete} lines. */
        FISH {
            @Override
            String script(CommandLine root) {
                return FishCompletion.script(root);
            }
        };

        abstract String script(CommandLine root);

        /** The lowercase name shown in help and error messages. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(
            index = "0",
            paramLabel = "SHELL",
            description = "The shell: ${COMPLETION-CANDIDATES}.")
    private Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = out();
        out.print(shell.script(spec.root().commandLine()));
        out.flush();
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(ExitCode.CLEAN, "printed", ExitCode.USAGE, "usage error: an unknown SHELL");
    }
}
