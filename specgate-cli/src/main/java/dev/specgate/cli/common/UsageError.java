package dev.specgate.cli.common;

import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.input.MarkdownNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The one wording of a usage error (an unknown command or option, a missing or bad argument),
 * whether picocli finds it while reading the command line or a command finds it ({@code help
 * nope}): one line, {@code COMMAND: CAUSE}, then the nearest name when one is near ({@code did you
 * mean 'check'?}) or advice of the cause's own, else a pointer to the command's help ({@code see
 * 'specgate check --help'}). Never the usage itself: that only when asked for with {@code --help}.
 */
public final class UsageError {

    private UsageError() {}

    /**
     * The line {@code e} prints on stderr (without its line end) for the command line {@code args}.
     */
    public static String line(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        Said said = cause(e, args);
        return name + ": " + said.cause() + said.advice().orElse("; see '" + name + " --help'");
    }

    /**
     * The usage error of a word that names no command of {@code parent}: the same as picocli's for
     * {@code specgate nope}, so that {@code specgate help nope} says it in the same words.
     */
    public static ParameterException unknownCommand(CommandLine parent, String word) {
        if (parent.getSubcommands().isEmpty()) {
            return new ParameterException(
                    parent,
                    "unknown command '"
                            + word
                            + "': '"
                            + parent.getCommandSpec().qualifiedName()
                            + "' has no subcommands");
        }
        return new CommandLine.UnmatchedArgumentException(parent, List.of(word));
    }

    /**
     * The usage error of words {@code cl} could not match, as picocli makes it. Made here rather
     * than in {@code HelpCommand}: the class that throws it has the exception's class loaded when
     * it is verified, and every command class is loaded when a plain check starts.
     */
    public static ParameterException unmatched(CommandLine cl, List<String> words) {
        return new CommandLine.UnmatchedArgumentException(cl, words);
    }

    /** A cause, and advice of its own when it has some (else the pointer to the help follows). */
    private record Said(String cause, Optional<String> advice) {}

    /**
     * The cause in the user's words where picocli's are its own: words it could not match
     * ("Unmatched argument at index 2") are, before any command, an unknown command; after a
     * command's arguments, words too many, most often a value with spaces typed without quotes
     * ({@code new Refund webhooks}, {@code --by Priya Raman}), which the advice then shows quoted.
     */
    private static Said cause(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        Optional<Said> path = refusedPath(e);
        if (path.isPresent()) {
            return path.get();
        }
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return new Said(ownWords(e.getMessage()), Optional.empty());
        }
        List<String> words = unmatched.getUnmatched();
        String first = words.get(0);
        if (first.startsWith("-") && first.length() > 1) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return new Said(
                    (words.size() == 1 ? "unknown option " : "unknown options ") + quoted(words),
                    EditDistance.nearest(option, optionNames(cl)).map(EditDistance::didYouMean));
        }
        if (!cl.getSubcommands().isEmpty()) {
            return new Said(
                    "unknown command '" + first + "'",
                    EditDistance.nearest(first, cl.getSubcommands().keySet())
                            .map(EditDistance::didYouMean));
        }
        String cause =
                (words.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                        + quoted(words);
        // the words typed together right after one word of the command's own: "Refund webhooks"
        int at = Collections.lastIndexOfSubList(Arrays.asList(args), words);
        String before = at > 0 ? args[at - 1] : "";
        if (at > 0 && !before.startsWith("-") && !before.equals(cl.getCommandName())) {
            return new Said(cause, tooMany(cl, args, at, before, words));
        }
        return new Said(cause, Optional.empty());
    }

    /**
     * A path refused as the locale cannot hold it ({@link PathArgument#refusal}), in one line that
     * names the argument ({@code SPEC 'a/caf??.md'}) and the cause, whether picocli says it as an
     * invalid value or, in a list of paths, as an unexpected argument.
     */
    private static Optional<Said> refusedPath(ParameterException e) {
        String value = e.getValue();
        String label = e.getArgSpec() == null ? "" : e.getArgSpec().paramLabel();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            value = unmatched.getUnmatched().get(0);
            label = "";
        }
        if (value == null) {
            return Optional.empty();
        }
        String word = value;
        String named = label.isEmpty() ? "" : label + " ";
        return PathArgument.refusal(value)
                .map(
                        why ->
                                new Said(
                                        "cannot read " + named + "'" + word + "': " + why,
                                        Optional.of("")));
    }

    /**
     * Advice for {@code words} typed after {@code before}, the word at {@code at - 1}: what the
     * command takes, as its usage writes it ({@code specgate status takes SPEC [TARGET]}), and,
     * when {@code before} filled a value that may hold spaces (a title, a status, a name, not a
     * file) and none of the words reads as a file, to quote them as one value of it. Words that
     * read as files ({@code status a.md b.md}) are more files than the command takes: one spec at a
     * time.
     */
    private static Optional<String> tooMany(
            CommandLine cl, String[] args, int at, String before, List<String> words) {
        CommandLine.Model.ArgSpec filled = null;
        if (at >= 2) {
            filled = cl.getCommandSpec().findOption(args[at - 2]);
        }
        boolean byOption = filled != null;
        List<CommandLine.Model.PositionalParamSpec> positionals =
                cl.getCommandSpec().positionalParameters();
        if (filled == null && !positionals.isEmpty()) {
            filled = positionals.get(positionals.size() - 1);
        }
        StringBuilder advice = new StringBuilder(": ");
        if (!byOption && !positionals.isEmpty()) {
            advice.append(cl.getCommandSpec().qualifiedName()).append(" takes ");
            for (int i = 0; i < positionals.size(); i++) {
                advice.append(i == 0 ? "" : " ").append(synopsis(positionals.get(i)));
            }
            if (isFile(positionals.get(0))) {
                advice.append(", one ")
                        .append(positionals.get(0).paramLabel())
                        .append(" at a time");
            }
        }
        boolean files = readsAsFile(before) || words.stream().anyMatch(UsageError::readsAsFile);
        if (filled == null || isFile(filled) || files) {
            return advice.length() == 2 ? Optional.empty() : Optional.of(advice.toString());
        }
        String value = before + " " + String.join(" ", words);
        String label = filled.paramLabel();
        return Optional.of(
                advice.append(advice.length() == 2 ? "" : "; ")
                        .append("if '")
                        .append(value)
                        .append("' is one ")
                        .append(label)
                        .append(", quote it: \"")
                        .append(value)
                        .append('"')
                        .toString());
    }

    /**
     * A positional parameter as a usage writes it: {@code SPEC}, {@code [TARGET]}, {@code ID...}.
     */
    private static String synopsis(CommandLine.Model.PositionalParamSpec p) {
        String label = p.paramLabel() + (p.arity().isVariable() ? "..." : "");
        return p.arity().min() == 0 ? "[" + label + "]" : label;
    }

    private static boolean isFile(CommandLine.Model.ArgSpec a) {
        return a.type() == java.nio.file.Path.class || a.type() == java.io.File.class;
    }

    /** Whether a word reads as a file's path: a folder in it, or a Markdown file's name. */
    private static boolean readsAsFile(String word) {
        return word.indexOf('/') >= 0 || word.indexOf('\\') >= 0 || MarkdownNames.isMarkdown(word);
    }

    private static String quoted(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(s.length() == 0 ? "'" : ", '").append(w).append('\'');
        }
        return s.toString();
    }

    /**
     * picocli's own message, as a cause: {@code Missing required parameter: 'SPEC'} becomes {@code
     * missing required parameter: 'SPEC'}, lower case as every other error Specgate prints.
     */
    static String ownWords(String message) {
        String m = message == null ? "" : message.strip();
        if (m.startsWith("Error: ")) {
            m = m.substring("Error: ".length());
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl).strip(); // one line, whatever picocli adds after it
        }
        if (m.length() > 1
                && Character.isUpperCase(m.charAt(0))
                && Character.isLowerCase(m.charAt(1))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return m;
    }

    private static List<String> optionNames(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.hidden()) {
                names.addAll(Arrays.asList(o.names()));
            }
        }
        return names;
    }
}
