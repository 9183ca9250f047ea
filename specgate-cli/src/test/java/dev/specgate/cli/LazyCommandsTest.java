package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main builds only the command a run names, and all of them when it names none. */
class LazyCommandsTest {

    private static final Path DEMO = Path.of("..", "examples", "demo");

    @Test
    void eachNameIsTheCommandsOwn() {
        SpecgateCommand.COMMANDS.forEach(
                (name, command) ->
                        assertThat(new CommandLine(command.get()).getCommandName())
                                .as("the command registered as '%s'", name)
                                .isEqualTo(name));
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndStillWorks() {
        String[] args = {"check", DEMO.toString(), "--today", "2026-11-25"};
        CommandLine cl = Main.commandLine(args);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));

        int code = cl.execute(args);

        assertThat(cl.getSubcommands().keySet()).containsExactly("check");
        // the same run with every command built: the lazy one must not change the outcome
        CliRun full = CliRun.of(args);
        assertThat(full.out()).contains("Checked ");
        assertThat(code).isEqualTo(full.exitCode());
        assertThat(out.toString()).isEqualTo(full.out());
    }

    @Test
    void helpVersionAndTyposGetEveryCommandInOrder() {
        assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet())
                .containsExactlyElementsOf(SpecgateCommand.COMMANDS.keySet());
        CommandLine typo = Main.commandLine(new String[] {"chek"});
        StringWriter err = new StringWriter();
        typo.setErr(new PrintWriter(err, true));

        assertThat(typo.execute("chek")).isEqualTo(2);
        assertThat(err.toString()).contains("check");
    }
}
