package dev.specgate.cli.completion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A fish completion script made from picocli's model of the command line: one {@code complete} line
 * per subcommand (at every level) and per option, with each option's values when it has a fixed
 * set, file names where a path is expected, and nothing where free text is.
 */
final class FishCompletion {

    private FishCompletion() {}

    /** The script for {@code root} and every subcommand under it. */
    static String script(CommandLine root) {
        String name = root.getCommandName();
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", made from its commands.\n");
        out.append("# Install: mkdir -p ~/.config/fish/completions && ")
                .append(name)
                .append(" completion fish > ~/.config/fish/completions/")
                .append(name)
                .append(".fish\n\n");
        command(out, name, root, List.of());
        return out.toString();
    }

    /** The lines of one command, reached by the subcommand names {@code path}, and under it. */
    private static void command(StringBuilder out, String name, CommandLine cl, List<String> path) {
        Map<String, CommandLine> subs = cl.getSubcommands();
        String here = condition(path, subs.keySet());
        for (Map.Entry<String, CommandLine> sub : subs.entrySet()) {
            out.append(line(name, here))
                    .append(" -f -a ")
                    .append(quote(sub.getKey()))
                    .append(" -d ")
                    .append(quote(summary(sub.getValue().getCommandSpec().usageMessage())))
                    .append('\n');
        }
        CommandSpec spec = cl.getCommandSpec();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                out.append(option(name, here, o)).append('\n');
            }
        }
        positionals(out, name, here, cl);
        out.append('\n');
        for (Map.Entry<String, CommandLine> sub : subs.entrySet()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(sub.getKey());
            command(out, name, sub.getValue(), deeper);
        }
    }

    /**
     * When a line applies: the subcommands of {@code path} were typed, and none of {@code children}
     * yet (whose own lines apply from then on).
     */
    private static String condition(List<String> path, Iterable<String> children) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty()) {
            parts.add("__fish_use_subcommand");
        } else {
            for (String p : path) {
                parts.add("__fish_seen_subcommand_from " + p);
            }
            String kids = String.join(" ", children);
            if (!kids.isEmpty()) {
                parts.add("not __fish_seen_subcommand_from " + kids);
            }
        }
        return String.join("; and ", parts);
    }

    private static StringBuilder line(String name, String condition) {
        return new StringBuilder("complete -c ")
                .append(name)
                .append(" -n ")
                .append(quote(condition));
    }

    private static String option(String name, String condition, OptionSpec o) {
        StringBuilder s = line(name, condition);
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                s.append(" -l ").append(n.substring(2));
            } else if (n.length() == 2) {
                s.append(" -s ").append(n.substring(1));
            } else {
                s.append(" -o ").append(n.substring(1));
            }
        }
        s.append(" -d ").append(quote(summary(o.description())));
        if (o.arity().max() > 0) {
            s.append(values(o));
        }
        return s.toString();
    }

    /** What follows an option that takes a value: its values, files, or nothing to offer. */
    private static String values(ArgSpec arg) {
        List<String> candidates = candidates(arg);
        if (!candidates.isEmpty()) {
            return " -x -a " + quote(String.join(" ", candidates));
        }
        return isPath(arg) ? " -r -F" : " -x";
    }

    private static void positionals(
            StringBuilder out, String name, String condition, CommandLine cl) {
        List<PositionalParamSpec> params = cl.getCommandSpec().positionalParameters();
        if (params.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>();
        boolean files = false;
        for (PositionalParamSpec p : params) {
            words.addAll(candidates(p));
            files |= isPath(p);
        }
        if (cl.getCommand() instanceof CommandLine.IHelpCommandInitializable2
                && cl.getParent() != null) {
            words.addAll(cl.getParent().getSubcommands().keySet());
        }
        if (!words.isEmpty()) {
            out.append(line(name, condition))
                    .append(files ? "" : " -f")
                    .append(" -a ")
                    .append(quote(String.join(" ", words)))
                    .append('\n');
        } else if (!files) {
            out.append(line(name, condition)).append(" -f\n"); // free text: no file names
        }
    }

    private static List<String> candidates(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(values::add);
        }
        return values;
    }

    private static boolean isPath(ArgSpec arg) {
        return Path.class.isAssignableFrom(arg.type())
                || java.io.File.class.isAssignableFrom(arg.type())
                || (arg.auxiliaryTypes().length > 0
                        && Path.class.isAssignableFrom(arg.auxiliaryTypes()[0]));
    }

    /** A command's one-line summary, as help lists it: its header, else its description. */
    private static String summary(UsageMessageSpec usage) {
        return summary(usage.header().length > 0 ? usage.header() : usage.description());
    }

    /**
     * The first sentence of a description without its default value, for fish to show beside a
     * candidate.
     */
    private static String summary(String[] description) {
        String first = description.length == 0 ? "" : description[0];
        first = first.replace("%n", " ").strip();
        for (String end : List.of(". ", " (default:")) {
            int at = first.indexOf(end);
            if (at >= 0) {
                first = first.substring(0, at);
            }
        }
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    /** A fish single-quoted string: only {@code \} and {@code '} need escaping there. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
