package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A path glob as {@code .specgate.yml} writes them, matched against a path relative to the
 * configuration's folder with forward slashes: {@code *} matches within one folder name, {@code **}
 * across folders ({@code **}{@code /} also matches no folder at all), {@code ?} one character,
 * {@code [abc]} one of a set, {@code {a,b}} either alternative. A glob that ends with {@code /}
 * names a folder and everything under it.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;
    private final String literalPrefix;
    private final String folderForNew;

    private Glob(String text, Pattern pattern, String normalized) {
        this.text = text;
        this.pattern = pattern;
        this.literalPrefix = literalPrefix(normalized);
        this.folderForNew = folderForNew(normalized);
    }

    /**
     * The leading folders of a normalized glob that a new file may be written in and still be
     * matched: the literal ones ({@link #literalPrefix(String)}), and past them a folder written as
     * a set of plain names ({@code {specs,rfcs}}) by its first name; each followed by '/'.
     */
    private static String folderForNew(String normalized) {
        StringBuilder prefix = new StringBuilder();
        String[] segments = normalized.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            String seg = segments[i];
            if (seg.length() > 2
                    && seg.startsWith("{")
                    && seg.endsWith("}")
                    && seg.indexOf('{', 1) < 0
                    && seg.indexOf('}') == seg.length() - 1) {
                String first = seg.substring(1, seg.length() - 1).split(",", -1)[0];
                if (first.isEmpty() || !isLiteral(first)) {
                    break;
                }
                seg = first;
            } else if (!isLiteral(seg)) {
                break;
            }
            prefix.append(seg).append('/');
        }
        return prefix.toString();
    }

    /**
     * Whether a folder name of a glob matches only itself: it holds none of {@code *}, {@code ?},
     * {@code [} and {@code {}. A {@code ,} or {@code }} outside braces is a plain character, as
     * {@link #matches} reads it ({@code docs/a,b/*.md} selects {@code docs/a,b/x.md}), so both
     * {@link #literalPrefix()} and {@link #folderForNew()} go through it: a spec {@code new} writes
     * there is one {@code check} finds.
     */
    private static boolean isLiteral(String segment) {
        return segment.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '[' || ch == '{');
    }

    /** The leading folders of a normalized glob that hold no wildcard, each followed by '/'. */
    private static String literalPrefix(String normalized) {
        StringBuilder prefix = new StringBuilder();
        String[] segments = normalized.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            String seg = segments[i];
            if (!isLiteral(seg)) {
                break;
            }
            prefix.append(seg).append('/');
        }
        return prefix.toString();
    }

    /**
     * The folders every match starts with ({@code directives/spec/} for {@code
     * directives/spec/**}/*.md), empty when the first folder is already a pattern.
     */
    public String literalPrefix() {
        return literalPrefix;
    }

    /**
     * The folders a new file goes in so that this glob selects it, as far as they can be told:
     * {@link #literalPrefix()}, continued through a folder written as a set of plain names by its
     * first name ({@code docs/{specs,rfcs}/*.md} gives {@code docs/specs/}).
     */
    public String folderForNew() {
        return folderForNew;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException naming the problem, for an empty glob, an unclosed {@code [}
     *     or {@code {}, an empty set or a range that runs backwards
     */
    public static Glob of(String glob) {
        requireNonNull(glob, "glob must not be null");
        String g = glob.trim().replace('\\', '/');
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException("a glob must not be empty");
        }
        if (g.startsWith("/")) {
            throw new IllegalArgumentException(
                    "glob '" + glob + "' must be relative to the configuration's folder");
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        return new Glob(glob, Pattern.compile(toRegex(glob, g)), g);
    }

    private static String toRegex(String original, String g) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        int n = g.length();
        for (int i = 0; i < n; i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && g.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < n && g.charAt(i + 2) == '/';
                        boolean atStart = i == 0 || g.charAt(i - 1) == '/';
                        if (slash && atStart) {
                            re.append("(?:.*/)?");
                            i += 2;
                        } else {
                            re.append(".*");
                            i += 1;
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = g.indexOf(']', i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException(
                                "glob '" + original + "' has a '[' without its ']'");
                    }
                    re.append(characterSet(original, g.substring(i, close + 1)));
                    i = close;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        re.append("\\}");
                    } else {
                        braces--;
                        re.append(')');
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("glob '" + original + "' has a '{' without its '}'");
        }
        return re.toString();
    }

    /**
     * The regular expression of one set, {@code [abc]}, {@code [0-9]} or {@code [!0-9]} (a leading
     * {@code ^} negates too): every character written as its code point, so none of the regex's own
     * set syntax ({@code [}, {@code &&}, {@code \\}) reaches the pattern, and a range checked here,
     * so that a glob the pattern compiler would refuse is named in the glob's own terms.
     */
    private static String characterSet(String original, String written) {
        String body = written.substring(1, written.length() - 1);
        boolean negated = body.startsWith("!") || body.startsWith("^");
        int[] chars = (negated ? body.substring(1) : body).codePoints().toArray();
        if (chars.length == 0) {
            throw new IllegalArgumentException(
                    "glob '"
                            + original
                            + "' has an empty set '"
                            + written
                            + "': a set matches one of the characters between its brackets");
        }
        StringBuilder set = new StringBuilder(negated ? "[^" : "[");
        for (int k = 0; k < chars.length; k++) {
            if (k + 2 < chars.length && chars[k + 1] == '-') {
                int from = chars[k];
                int to = chars[k + 2];
                if (from > to) {
                    throw new IllegalArgumentException(
                            "glob '"
                                    + original
                                    + "' has the range '"
                                    + Character.toString(from)
                                    + "-"
                                    + Character.toString(to)
                                    + "' in '"
                                    + written
                                    + "', which runs backwards: write '"
                                    + Character.toString(to)
                                    + "-"
                                    + Character.toString(from)
                                    + "'");
                }
                set.append(codePoint(from)).append('-').append(codePoint(to));
                k += 2;
            } else {
                set.append(codePoint(chars[k]));
            }
        }
        return set.append(']').toString();
    }

    private static String codePoint(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    /** Whether a relative path (forward or back slashes) matches the whole glob. */
    public boolean matches(String relativePath) {
        String p = relativePath.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return pattern.matcher(p).matches();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return text;
    }
}
