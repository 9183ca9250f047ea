package dev.specgate.core.input;

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

    private static Problem at(String message, Mark mark) {
        return new Problem(message, mark == null ? -1 : mark.getLine());
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
