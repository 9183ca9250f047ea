package dev.specgate.core.input;

import java.util.ArrayDeque;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's parse errors in a user's words. Its messages name the parser's tokens ({@code
 * expected '<document start>', but found '<block mapping start>'}), which say nothing to someone
 * who wrote a configuration or a spec's front matter; this names what is wrong with the line
 * instead, and the line where the problem starts (an unclosed quote or bracket is reported where it
 * opens, not at the end of the file). A message it does not recognise is kept, on one line.
 */
public final class YamlProblems {

    private YamlProblems() {}

    /**
     * A parse error: what is wrong in plain words and the 0-based line it is about.
     *
     * @param line the 0-based line in the YAML text, or -1 when the error names none
     */
    public record Problem(String message, int line) {}

    /** The plain-words reading of {@code e}. */
    public static Problem of(MarkedYAMLException e) {
        return of(e, null);
    }

    /**
     * The plain-words reading of {@code e}, an error in {@code yaml} (when given, a '[' or '{' left
     * open to the end of the text is named at the line where it opens).
     */
    public static Problem of(MarkedYAMLException e, String yaml) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark opened = e.getContextMark() != null ? e.getContextMark() : at;
        String p = problem == null ? "" : problem;
        if (p.contains("found another document")) {
            return at(
                    "a second YAML document starts here ('---'): the file must hold one document",
                    at);
        }
        if (p.contains("expected '<document start>'")) {
            return at(
                    "this line is outside the block above it: the top level is either a list or"
                            + " 'key: value' lines, not both (indent it, or put the list under a"
                            + " key)",
                    at);
        }
        if (p.contains("cannot start any token") && p.contains("\\t")) {
            return at("a tab in the indentation: YAML indents with spaces only", at);
        }
        if (p.contains("cannot start any token")) {
            return at(
                    "a value cannot start with " + quotedCharacter(p) + ": put the value in quotes",
                    at);
        }
        if (p.contains("mapping values are not allowed here")) {
            return at(
                    "a ': ' where no key can start: check this line's indentation, or put a"
                            + " value that holds ': ' in quotes",
                    at);
        }
        if (p.contains("expected <block end>")
                || p.contains("did not find expected key")
                || p.contains("did not find expected '-' indicator")) {
            if (braceThenText(yaml, at)) {
                // new-file-name: {number}-{slug}.md
                return at(
                        "a value that starts with '{' is read as a mapping, which ends at its '}':"
                                + " put the value in quotes",
                        at);
            }
            return at("this line's indentation does not line up with the lines above it", at);
        }
        if (p.contains("could not find expected ':'")) {
            return at("a line that is neither 'key: value' nor a list item ('- value')", opened);
        }
        if (context.contains("quoted scalar")) {
            return at("a quoted value is never closed", opened);
        }
        if (p.contains("expected ',' or ']'")) {
            return at("a '[' list is never closed with ']'", opened);
        }
        if (p.contains("expected ',' or '}'")) {
            return at("a '{' mapping is never closed with '}'", opened);
        }
        if (p.contains("expected the node content") && p.contains("<stream end>")) {
            // the text ends inside a flow collection: 'specs: [' with nothing after it
            int[] open = yaml == null ? null : unclosedBracket(yaml);
            if (open != null) {
                return open[0] == '['
                        ? new Problem("a '[' list is never closed with ']'", open[1])
                        : new Problem("a '{' mapping is never closed with '}'", open[1]);
            }
            return new Problem(
                    "the text ends where a value was expected (a '[' or '{' is never closed)",
                    yaml == null ? -1 : Math.max(0, (int) yaml.lines().count() - 1));
        }
        if (p.startsWith("found undefined alias")) {
            String name = p.substring("found undefined alias".length()).trim();
            return at(
                    "'*"
                            + name
                            + "' refers to an anchor '&"
                            + name
                            + "' that is not defined (put the value in quotes if the '*' is"
                            + " meant as text)",
                    at);
        }
        return at(oneLine(p), at);
    }

    /** A {@code key: {...}text} line: a braced value with text after its closing brace. */
    private static final Pattern BRACE_THEN_TEXT =
            Pattern.compile("\\s*[^\\s#][^:#]*:\\s+\\{[^{}]*\\}[^\\s,#].*");

    /** Whether the line {@code at} marks in {@code yaml} is a {@code key: {...}text} line. */
    private static boolean braceThenText(String yaml, Mark at) {
        if (yaml == null || at == null) {
            return false;
        }
        return yaml.lines()
                .skip(at.getLine())
                .findFirst()
                .filter(l -> BRACE_THEN_TEXT.matcher(l).matches())
                .isPresent();
    }

    private static Problem at(String message, Mark mark) {
        return new Problem(message, mark == null ? -1 : mark.getLine());
    }

    /**
     * The innermost '[' or '{' of {@code yaml} that is never closed, as {character, 0-based line},
     * or null: brackets in quoted values and comments are not counted.
     */
    private static int[] unclosedBracket(String yaml) {
        ArrayDeque<int[]> open = new ArrayDeque<>();
        int line = 0;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '\n') {
                line++;
                comment = false;
                if (quote == 0) {
                    continue;
                }
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' && (i == 0 || Character.isWhitespace(yaml.charAt(i - 1)))) {
                comment = true;
            } else if ((c == '"' || c == '\'') && startsValue(yaml, i)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                open.push(new int[] {c, line});
            } else if ((c == ']' || c == '}') && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.peek();
    }

    /** Whether a quote at {@code i} opens a quoted value (not an apostrophe inside plain text). */
    private static boolean startsValue(String yaml, int i) {
        int j = i - 1;
        while (j >= 0 && (yaml.charAt(j) == ' ' || yaml.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || "\n[{,:-?".indexOf(yaml.charAt(j)) >= 0;
    }

    /** The character SnakeYAML quotes in "found character 'X' that cannot start any token". */
    private static String quotedCharacter(String problem) {
        int open = problem.indexOf('\'');
        int close = open < 0 ? -1 : problem.indexOf('\'', open + 1);
        return close > open + 1 ? problem.substring(open, close + 1) : "this character";
    }

    /** {@code s} on one line, runs of white space folded. */
    public static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }
}
