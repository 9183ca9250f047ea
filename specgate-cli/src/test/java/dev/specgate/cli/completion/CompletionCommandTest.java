package dev.specgate.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate completion bash|zsh|fish}: scripts a shell accepts and that complete. */
class CompletionCommandTest {

    @TempDir Path tmp;

    @Test
    void bashScriptIsValidAndCompletesCommandNames() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = Files.writeString(tmp.resolve("specgate.bash"), run.out());

        assertThat(bash("-n", script.toString()).exitCode()).isZero();
        assertThat(complete(script, "specgate ch")).containsExactly("check");
        assertThat(complete(script, "specgate ")).contains("check", "new", "help", "completion");
        assertThat(complete(script, "specgate check --format ")).contains("text", "sarif");
        assertThat(complete(script, "specgate template ")).contains("show");
        assertThat(complete(script, "specgate fi")).containsExactly("field");
    }

    @Test
    void theInstallLinesTheHelpAndTheFishScriptGiveWorkInAFreshHome() throws Exception {
        // a new user's home has no ~/.local/share/bash-completion/completions/ nor
        // ~/.config/fish/completions/: the redirection alone fails there
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        String help = CliRun.of("completion", "--help").out();
        List<String> bashLines =
                help.lines()
                        .filter(l -> l.startsWith("mkdir ") || l.startsWith("specgate completion"))
                        .toList();
        assertThat(bashLines).hasSize(2);
        String fishLine =
                CliRun.of("completion", "fish")
                        .out()
                        .lines()
                        .filter(l -> l.startsWith("# Install: "))
                        .findFirst()
                        .orElseThrow()
                        .substring("# Install: ".length());
        Path home = Files.createDirectories(tmp.resolve("home of zoë"));
        String specgate =
                "specgate() { printf '# the %s script\\n' \"$2\"; }\n"; // stands in for the command
        ProcessBuilder install =
                new ProcessBuilder(
                                "bash",
                                "-ec",
                                specgate + String.join("\n", bashLines) + "\n" + fishLine)
                        .redirectErrorStream(true);
        install.environment().put("HOME", home.toString());
        Process p = install.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(home.resolve(".local/share/bash-completion/completions/specgate"))
                .hasContent("# the bash script");
        assertThat(home.resolve(".config/fish/completions/specgate.fish"))
                .hasContent("# the fish script");
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() {
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out())
                .startsWith("# zsh completion for specgate")
                .contains("autoload -U +X bashcompinit && bashcompinit")
                .contains("complete -F _complete_specgate")
                .contains(CliRun.of("completion", "bash").out());
    }

    @Test
    void fishScriptHasALineForEveryCommandAndOption() {
        CliRun fish = CliRun.of("completion", "fish");

        assertThat(fish.exitCode()).isZero();
        assertThat(fish.out())
                .contains(
                        "complete -c specgate -n '__fish_use_subcommand' -f -a 'check' -d 'Checks"
                                + " specs against the template and reports every problem at its"
                                + " line'\n")
                .contains(
                        "complete -c specgate -n '__fish_seen_subcommand_from check' -s f -l format"
                                + " -d 'Report format: text, json, sarif, junit, github' -x -a"
                                + " 'text json sarif junit github'\n")
                .contains("-n '__fish_seen_subcommand_from check' -l strict -d ")
                .contains("-n '__fish_seen_subcommand_from check' -s o -l output -d ")
                .contains(
                        "complete -c specgate -n '__fish_seen_subcommand_from template; and not"
                                + " __fish_seen_subcommand_from show export' -f -a 'show'")
                .contains(
                        "-n '__fish_seen_subcommand_from template; and __fish_seen_subcommand_from"
                                + " show' -s f -l format")
                .contains(
                        "complete -c specgate -n '__fish_seen_subcommand_from completion' -f -a"
                                + " 'bash zsh fish'\n")
                .contains("-n '__fish_seen_subcommand_from help' -f -a 'check new ")
                .contains("-n '__fish_seen_subcommand_from new' -f\n")
                .contains(
                        "complete -c specgate -n '__fish_use_subcommand' -f -a 'field' -d 'Prints"
                                + " one metadata field of a spec, or sets it, changing only its"
                                + " value'\n");
        // --output takes a file name: no -x, which would switch file names off
        assertThat(fish.out().lines().filter(l -> l.contains(" -l output ")))
                .allMatch(l -> l.endsWith(" -r -F"));
    }

    @Test
    void fishQuotesSingleQuotesAndBackslashes() {
        assertThat(FishCompletion.quote("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
    }

    @Test
    void anUnknownShellIsAUsageErrorNamingTheShells() {
        CliRun run = CliRun.of("completion", "powershell");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'powershell' is not one of bash, zsh, fish");
    }

    /** What bash's completion function offers for {@code line}, the cursor at its end. */
    private List<String> complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program =
                "source '"
                        + script
                        + "' 2>/dev/null\n"
                        + "COMP_LINE='"
                        + line
                        + "'; COMP_POINT=${#COMP_LINE}\n"
                        + "COMP_WORDS=("
                        + words
                        + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                        + "_complete_specgate 2>/dev/null\n"
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Result r = bash("-c", program);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private record Result(int exitCode, String output) {}

    private static Result bash(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
