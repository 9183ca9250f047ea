package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.report.ColorMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final String NL = System.lineSeparator();

    @Test
    void onlyACheckThatReadsNoGitEndsByHalting() {
        assertThat(Main.haltsAtExit(new String[] {"check"})).isTrue();
        assertThat(Main.haltsAtExit(new String[] {"check", "--today", "2026-11-25", "."})).isTrue();
        assertThat(Main.haltsAtExit(new String[] {"check", "--changed-since", "HEAD~1", "."}))
                .as("JGit may register a shutdown hook")
                .isFalse();
        assertThat(Main.haltsAtExit(new String[] {"check", "--changed-since=main"})).isFalse();
        assertThat(Main.haltsAtExit(new String[] {"serve", "."})).isFalse();
        assertThat(Main.haltsAtExit(new String[] {"status", "."})).isFalse();
        assertThat(Main.haltsAtExit(new String[] {"--version"})).isFalse();
        assertThat(Main.haltsAtExit(new String[0])).isFalse();
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("chek");
        CliRun sub = CliRun.of("template", "shwo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("specgate: unknown command 'chek'; did you mean 'check'?" + NL);
        assertThat(sub.exitCode()).isEqualTo(2);
        assertThat(sub.err())
                .isEqualTo("specgate template: unknown command 'shwo'; did you mean 'show'?" + NL);
        // nothing near: where the help is instead
        assertThat(CliRun.of("nope").err())
                .isEqualTo("specgate: unknown command 'nope'; see 'specgate --help'" + NL);
    }

    @Test
    void aUsageErrorIsOneLineNamingTheCauseThenTheNearestNameOrWhereTheHelpIs() {
        assertThat(CliRun.of("check", "--nope").err())
                .isEqualTo(
                        "specgate check: unknown option '--nope'; see 'specgate check --help'"
                                + NL);
        assertThat(CliRun.of("check", "--formt", "json").err())
                .isEqualTo(
                        "specgate check: unknown option '--formt'; did you mean '--format'?" + NL);
        assertThat(CliRun.of("status").err())
                .isEqualTo(
                        "specgate status: missing required parameter: 'SPEC'; see 'specgate"
                                + " status --help'"
                                + NL);
        assertThat(CliRun.of("check", "--format", "nope", ".").err())
                .isEqualTo(
                        "specgate check: invalid value for option '--format': 'nope' is not one"
                                + " of text, json, sarif, junit, github; see 'specgate check"
                                + " --help'"
                                + NL);
        assertThat(CliRun.of().err())
                .isEqualTo(
                        "specgate: a command is required (e.g. check); see 'specgate --help'" + NL);
    }

    @Test
    void everyCommandSaysAUsageErrorInOneLineWithExitTwo() {
        for (String name : SpecgateCommand.COMMANDS.keySet()) {
            CliRun run = CliRun.of(name, "--not-an-option");

            assertThat(run.exitCode()).as(name).isEqualTo(ExitCode.USAGE.code());
            assertThat(run.out()).as(name).isEmpty();
            assertThat(run.err())
                    .as(name)
                    .startsWith("specgate " + name + ": ")
                    .containsAnyOf("'--not-an-option'", "missing required")
                    .doesNotContain("Usage:")
                    .hasLineCount(1);
        }
    }

    @Test
    void helpOfAnUnknownCommandSaysWhatTheUnknownCommandItselfSays() {
        assertThat(CliRun.of("help", "nope").err()).isEqualTo(CliRun.of("nope").err());
        assertThat(CliRun.of("help", "chek").err()).isEqualTo(CliRun.of("chek").err());
        assertThat(CliRun.of("help", "template", "shwo").err())
                .isEqualTo(CliRun.of("template", "shwo").err());
        assertThat(CliRun.of("help", "nope").exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(CliRun.of("help", "check", "foo").err())
                .isEqualTo(
                        "specgate check: unknown command 'foo': 'specgate check' has no"
                                + " subcommands; see 'specgate check --help'"
                                + NL);
    }

    @Test
    void helpRefusesAnUnknownOptionInOneLineAndShowsItsOwnHelpForHelp() {
        // picocli lets a help command's unknown options pass: HelpCommand refuses them itself
        CliRun frob = CliRun.of("help", "--frob");
        CliRun own = CliRun.of("help", "--help");

        assertThat(frob.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(frob.out()).isEmpty();
        assertThat(frob.err())
                .isEqualTo(
                        "specgate help: unknown option '--frob'; see 'specgate help --help'" + NL);
        assertThat(own.exitCode()).isZero();
        assertThat(own.out()).startsWith("Usage: specgate help [COMMAND...]");
    }

    @Test
    void wordsTooManyAreNamedAndAValueWithSpacesIsShownQuoted(@TempDir Path dir) {
        String spec = dir.resolve("directives/spec/2026-12-06_spec_x.md").toString();

        CliRun title = CliRun.of("new", "Refund", "webhooks", "--root", dir.toString());
        CliRun item = CliRun.of("done", spec, "Set", "up", "development", "environment");
        CliRun reviewer = CliRun.of("approve", spec, "--by", "Priya", "Raman");

        assertThat(title.exitCode()).isEqualTo(2);
        assertThat(title.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "specgate new: unexpected argument 'webhooks': specgate new takes TITLE; if"
                                + " 'Refund webhooks' is one TITLE, quote it: \"Refund webhooks\"");
        assertThat(dir).isEmptyDirectory(); // a usage error writes nothing
        assertThat(item.exitCode()).isEqualTo(2);
        assertThat(item.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "specgate done: unexpected arguments 'up', 'development', 'environment':"
                                + " specgate done takes SPEC ITEM, one SPEC at a time; if 'Set up"
                                + " development environment' is one ITEM, quote it: \"Set up"
                                + " development environment\"");
        assertThat(reviewer.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "specgate approve: unexpected argument 'Raman': if 'Priya Raman' is one"
                                + " NAME, quote it: \"Priya Raman\"");
        // a word after a flag is no value typed apart: no quoting advice then
        assertThat(
                        CliRun.of("done", spec, "13.1", "--in-order", "extra")
                                .err()
                                .lines()
                                .findFirst()
                                .orElseThrow())
                .isEqualTo(
                        "specgate done: unexpected argument 'extra'; see 'specgate done --help'");
    }

    @Test
    void wordsTooManyForStatusAreToldByItsRealSyntax(@TempDir Path dir) {
        String a = dir.resolve("directives/spec/2026-12-06_spec_a.md").toString();
        String b = dir.resolve("directives/spec/2026-12-06_spec_b.md").toString();

        CliRun words = CliRun.of("status", "a", "b", "c", "d");
        CliRun specs = CliRun.of("status", a, b, "Review");

        assertThat(words.exitCode()).isEqualTo(2);
        // 'b' is TARGET: quoting makes 'b c d' one status, which is what the syntax reads
        assertThat(words.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "specgate status: unexpected arguments 'c', 'd': specgate status takes"
                                + " SPEC [TARGET], one SPEC at a time; if 'b c d' is one TARGET,"
                                + " quote it: \"b c d\"");
        // several specs: no advice to quote file names into one status
        assertThat(specs.exitCode()).isEqualTo(2);
        assertThat(specs.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "specgate status: unexpected argument 'Review': specgate status takes"
                                + " SPEC [TARGET], one SPEC at a time");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void versionAndHelpExitZero() {
        assertThat(CliRun.of("--version").out()).startsWith("specgate ");
        CliRun help = CliRun.of("check", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--format").contains("text, json").contains("--today");
    }

    @Test
    void helpCommandIsListedAndDescribesAnyCommand() {
        CliRun top = CliRun.of("--help");
        CliRun help = CliRun.of("help");
        CliRun check = CliRun.of("help", "check");
        CliRun nested = CliRun.of("help", "template");
        CliRun unknown = CliRun.of("help", "chek");
        CliRun sub = CliRun.of("help", "template", "export");
        CliRun unknownSub = CliRun.of("help", "template", "exprot");

        assertThat(top.out())
                .containsPattern("(?m)^  help +\\S")
                .containsPattern("(?m)^  completion +Prints a shell completion script")
                .contains("Run 'specgate help COMMAND'");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(top.out());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).isEqualTo(CliRun.of("check", "--help").out());
        assertThat(nested.out()).startsWith("Usage: specgate template ");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("chek");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out())
                .startsWith("Usage: specgate template export ")
                .isEqualTo(CliRun.of("template", "export", "--help").out());
        assertThat(unknownSub.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknownSub.err())
                .isEqualTo(
                        "specgate template: unknown command 'exprot'; did you mean 'export'?" + NL);
    }

    @Test
    void aBadEnumValueIsRefusedWithTheValuesAsHelpWritesThem() {
        CliRun color = CliRun.of("check", "--color", "bogus");
        CliRun format = CliRun.of("list", "--format", "yaml");

        assertThat(color.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(color.err())
                .contains(
                        "invalid value for option '--color': 'bogus' is not one of auto, always,"
                                + " never")
                .doesNotContain("AUTO");
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(format.err()).contains("'yaml' is not one of text, json").doesNotContain("TEXT");
        // still any case
        assertThat(CliRun.of("template", "show", "--format", "JSON").exitCode()).isZero();
    }

    @Test
    void aBugExitsWithTheInternalCodeNotTheUsageOne() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine(new String[] {"boom"});
        cl.addSubcommand("boom", new Boom());
        cl.setErr(new java.io.PrintWriter(err));

        int code = cl.execute("boom");

        assertThat(code).isEqualTo(ExitCode.INTERNAL.code()).isNotEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString())
                .contains("internal error")
                .contains("--stacktrace")
                .doesNotContain("at dev.specgate");
    }

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void everyCommandsHelpListsItsExitCodesFromTheOneTable() {
        for (String name : SpecgateCommand.COMMANDS.keySet()) {
            CliRun help = CliRun.of(name, "--help");

            assertThat(help.out())
                    .as("%s --help", name)
                    .contains("Exit codes:")
                    .contains("  " + ExitCode.INTERNAL.code() + "   internal error");
        }
    }

    @Test
    void datesOutsideTheYears1970To9999AreRefused() {
        CliRun farPast = CliRun.of("list", ".", "--today", "0000-01-01");
        CliRun negative = CliRun.of("new", "A title", "--date", "-0001-01-01");
        CliRun farFuture = CliRun.of("list", ".", "--today", "+10000-01-01");
        CliRun edge = CliRun.of("template", "show", "--today", "1970-01-01");

        assertThat(farPast.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(farPast.err())
                .contains("'0000-01-01' is out of range: use a year from 1970 to 9999");
        assertThat(negative.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(negative.err()).contains("-0001-01-01");
        assertThat(farFuture.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(edge.exitCode()).as(edge.err()).isZero();
    }

    @Test
    void helpNeverBreaksAFileNameAcrossLines() {
        java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>();
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(Main.commandLine());
        while (!todo.isEmpty()) {
            picocli.CommandLine cl = todo.pop();
            all.add(cl);
            todo.addAll(cl.getSubcommands().values());
        }
        for (picocli.CommandLine cl : all) {
            String help = cl.getUsageMessage();
            assertThat(help)
                    .as("%s --help", cl.getCommandSpec().qualifiedName())
                    .doesNotContainPattern("(?m)( \\.|\\.specgate\\.|~/\\.)$");
        }
        assertThat(CliRun.of("check", "--help").out().replaceAll("\\s+", " "))
                .contains("--config=FILE The .specgate.yml to follow");
    }

    @Test
    void exitCodeTableIsStable() {
        assertThat(ExitCode.CLEAN.code()).isZero();
        assertThat(ExitCode.FINDINGS.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
    }

    @Test
    void noColorDisablesAutoColourEvenOnATerminal() {
        assertThat(ColorMode.AUTO.enabled(Map.of(), true)).isTrue();
        assertThat(ColorMode.AUTO.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(ColorMode.AUTO.enabled(Map.of(), false)).isFalse();
        assertThat(ColorMode.ALWAYS.enabled(Map.of("NO_COLOR", "1"), false)).isTrue();
    }

    @Test
    void aDumbTerminalGetsNoAutoColour() {
        assertThat(ColorMode.AUTO.enabled(Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(ColorMode.AUTO.enabled(Map.of("TERM", "xterm-256color"), true)).isTrue();
        assertThat(ColorMode.ALWAYS.enabled(Map.of("TERM", "dumb"), true)).isTrue();
    }
}
