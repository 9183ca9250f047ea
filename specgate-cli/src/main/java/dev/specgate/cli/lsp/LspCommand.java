package dev.specgate.cli.lsp;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.VersionProvider;
import dev.specgate.cli.report.ColorMode;
import dev.specgate.lsp.SpecgateLsp;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code specgate lsp}: the language server, speaking LSP on standard input and output. */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the language server on standard input and output, for editors:"
                    + " diagnostics exactly as 'check' gives them, quick fixes, hover and the"
                    + " outline of each spec.",
            "Each spec follows its nearest .specgate.yml.",
            "Only the protocol goes to standard output; messages go to the editor's log of the"
                    + " server (window/logMessage), to standard error before it connects. See"
                    + " docs/editors.md.",
            "Started in a terminal (standard input and output both a terminal, which an editor's"
                    + " pipes are not), it says so in one line on standard error and waits for"
                    + " protocol messages; Ctrl-C ends it."
        })
public final class LspCommand extends BaseCommand {

    @Option(
            names = "--stdio",
            description = "Accepted for editors that pass it: standard I/O is the only transport.")
    private boolean stdio;

    @Override
    public Integer call() throws InterruptedException {
        if (ColorMode.stdoutIsTerminal()) {
            // a person typed it (an editor's pipes are no terminal): say it waits for an editor,
            // as clangd does, on stderr (the protocol owns stdout)
            System.err.println(SpecgateLsp.TERMINAL_NOTICE);
            System.err.flush();
        }
        // the protocol owns standard output: anything printed by accident goes to stderr
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try {
            return SpecgateLsp.run(
                    System.in,
                    protocol,
                    today(),
                    System.err,
                    common.stacktrace(),
                    VersionProvider.version());
        } finally {
            protocol.flush();
            System.setOut(protocol);
        }
    }

    /** A fixed date with {@code --today}, else the system date at each check. */
    private Supplier<LocalDate> today() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--today")) {
            LocalDate fixed = common.today();
            return () -> fixed;
        }
        return () -> LocalDate.now(Clock.systemDefaultZone());
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "the client asked the server to shut down, then to exit",
                ExitCode.FINDINGS,
                "the client went away (exit without shutdown, end of input, or its process"
                        + " died)");
    }
}
