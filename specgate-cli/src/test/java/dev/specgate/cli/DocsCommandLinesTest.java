package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void everyOptionADocShowsIsAnOptionOfItsCommand() throws IOException {
        CommandLine cl = Main.commandLine();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
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
                    if (command == null) {
                        wrong.add(where + " (no such command)");
                        continue;
                    }
                    Matcher o = OPTION.matcher(rest.toString().replaceAll("#.*", ""));
                    while (o.find()) {
                        String option = o.group();
                        if (!takes(command, option)) {
                            wrong.add(where + " (" + option + ")");
                        }
                    }
                    checked.add(where);
                }
            }
        }

        assertThat(checked).as("command lines found in the docs").hasSizeGreaterThan(50);
        assertThat(wrong).as("commands or options that do not exist").isEmpty();
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
