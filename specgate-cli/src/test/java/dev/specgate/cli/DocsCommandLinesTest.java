package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command line the docs show ({@code specgate CMD ...} in a code block, a synopsis or an
 * example, with its continuation lines) names a command that exists and only options that command
 * takes, so a renamed or removed option cannot live on in the docs.
 */
class DocsCommandLinesTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
    private static final Pattern COMMAND =
            // "specgate check: unknown option ..." is a message Specgate prints, not a command line
            Pattern.compile(
                    "^\\s*(?:\\$ )?(?:\\./)?specgate ([a-z]+)(?![a-z:])(?: (show|export)\\b)?(.*)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    /** A command line a doc shows: where, its command (null when there is none) and options. */
    private record Shown(String where, CommandLine command, List<String> options) {}

    @Test
    void everyOptionADocShowsIsAnOptionOfItsCommand() throws IOException {
        List<Shown> shown = commandLines();
        List<String> wrong = new ArrayList<>();
        for (Shown line : shown) {
            if (line.command() == null) {
                wrong.add(line.where() + " (no such command)");
                continue;
            }
            for (String option : line.options()) {
                if (!takes(line.command(), option)) {
                    wrong.add(line.where() + " (" + option + ")");
                }
            }
        }

        assertThat(shown).as("command lines found in the docs").hasSizeGreaterThan(50);
        assertThat(wrong).as("commands or options that do not exist").isEmpty();
    }

    /**
     * The other way round: every command {@code specgate help} lists is shown on a command line of
     * the docs, and each of its options on one of that command's lines, or else said in a code span
     * ({@code `--cache`}) of the docs; the options every command shares are said once, in the
     * README.
     */
    @Test
    void everyCommandAndOptionOfTheCommandLineIsInTheDocs() throws IOException {
        Map<String, Set<String>> shownOptions = new HashMap<>();
        for (Shown line : commandLines()) {
            if (line.command() != null) {
                shownOptions
                        .computeIfAbsent(
                                line.command().getCommandSpec().qualifiedName(),
                                c -> new HashSet<>())
                        .addAll(line.options());
            }
        }
        StringBuilder text = new StringBuilder();
        for (Path doc : docs()) {
            text.append(Files.readString(doc)).append('\n');
        }
        String readme = Files.readString(docs().get(0));
        int sharedAt = readme.indexOf("Every command also takes");
        assertThat(sharedAt)
                .as("the README's sentence on the options every command takes")
                .isNotNegative();
        String sharedSentence = readme.substring(sharedAt, readme.indexOf("\n\n", sharedAt));
        List<String> missing = new ArrayList<>();
        for (CommandLine command : commands(Main.commandLine())) {
            String name = command.getCommandSpec().qualifiedName();
            if (!shownOptions.containsKey(name)) {
                missing.add(name + " (no command line shows it)");
            }
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                String longest = option.longestName();
                if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                boolean shown = shownOptions.getOrDefault(name, Set.of()).contains(longest);
                boolean said =
                        text.indexOf("`" + longest + "`") >= 0
                                || text.indexOf("`" + longest + " ") >= 0
                                || text.indexOf("`" + longest + "=") >= 0;
                boolean shared = SHARED.contains(longest) && sharedSentence.contains("`" + longest);
                if (!shown && !said && !shared) {
                    missing.add(name + " " + longest);
                }
            }
        }

        assertThat(missing).as("commands and options the docs do not name").isEmpty();
    }

    /** The options of every command (or nearly), which the README names once for all. */
    private static final Set<String> SHARED =
            Set.of("--today", "--stacktrace", "--config", "--no-config");

    /** The commands under {@code root} that a user runs: leaves, {@code help} left out. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden()
                    || sub.getCommandName().equals("help")
                    || commands.contains(sub)) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()) {
                commands.add(sub);
            } else {
                commands.addAll(commands(sub));
            }
        }
        return commands;
    }

    /** Every command line the docs show in a code block. */
    private static List<Shown> commandLines() throws IOException {
        CommandLine cl = Main.commandLine();
        List<Shown> shown = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher block = FENCE.matcher(Files.readString(doc));
            while (block.find()) {
                String[] lines = block.group(1).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = COMMAND.matcher(lines[i]);
                    if (!m.matches()) {
                        continue;
                    }
                    StringBuilder rest = new StringBuilder(m.group(3));
                    // a synopsis goes on in indented lines of [options]
                    while (i + 1 < lines.length && lines[i + 1].matches("\\s{8,}\\[.*")) {
                        rest.append(' ').append(lines[++i]);
                    }
                    String where = doc.getFileName() + ": " + m.group(0).strip();
                    CommandLine command = cl.getSubcommands().get(m.group(1));
                    if (command != null && m.group(2) != null) {
                        command = command.getSubcommands().get(m.group(2));
                    }
                    List<String> options = new ArrayList<>();
                    Matcher o = OPTION.matcher(rest.toString().replaceAll("#.*", ""));
                    while (o.find()) {
                        options.add(o.group());
                    }
                    shown.add(new Shown(where, command, options));
                }
            }
        }
        return shown;
    }

    /** Whether {@code command} has {@code option}, a negatable one's --no- form included. */
    private static boolean takes(CommandLine command, String option) {
        if (command.getCommandSpec().findOption(option) != null) {
            return true;
        }
        if (!option.startsWith("--no-")) {
            return false;
        }
        CommandLine.Model.OptionSpec positive =
                command.getCommandSpec().findOption("--" + option.substring("--no-".length()));
        return positive != null && positive.negatable();
    }

    /** README.md and docs/*.md at the repository root; Maven runs tests in the module folder. */
    private static List<Path> docs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
