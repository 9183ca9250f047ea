package dev.specgate.core.rules;

import dev.specgate.core.model.BracketText;

/**
 * The source text around bracketed prose, for the rules that tell a placeholder from code, a tag or
 * a link written the wrong way round. Built once per check from the spec's text; without a text
 * every neighbour reads as a space.
 */
public final class BracketContext {

    private final String source;
    private final int[] lineStarts;

    private BracketContext(String source) {
        this.source = source;
        this.lineStarts = source == null ? new int[0] : lineStarts(source);
    }

    /** The context of the spec a rule checks. */
    public static BracketContext of(RuleContext ctx) {
        return new BracketContext(ctx.source().orElse(null));
    }

    /** The line of the source holding the bracket's start, or "" when unknown. */
    public String line(BracketText b) {
        int line = b.range().startLine();
        if (source == null || line >= lineStarts.length) {
            return "";
        }
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : source.length();
        while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
            end--;
        }
        return source.substring(start, end);
    }

    /** The character just before the bracket on its line, or ' '. */
    public char before(BracketText b) {
        String line = line(b);
        int at = b.range().startColumn() - 1;
        return at >= 0 && at < line.length() ? line.charAt(at) : ' ';
    }

    /** The character just after the bracket (when it ends on its first line), or ' '. */
    public char after(BracketText b) {
        if (b.range().endLine() != b.range().startLine()) {
            return ' ';
        }
        String line = line(b);
        int at = b.range().endColumn();
        return at >= 0 && at < line.length() ? line.charAt(at) : ' ';
    }

    /**
     * The {@code (text)} just before a bracket that holds a link target, when the two read as a
     * link written the wrong way round ({@code (the guide)[https://example.com/guide]}), else null.
     */
    public String reversedLinkText(BracketText b) {
        if (before(b) != ')' || !looksLikeTarget(b.inner())) {
            return null;
        }
        String line = line(b);
        int close = b.range().startColumn() - 1;
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            char c = line.charAt(k);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return line.substring(k + 1, close);
            }
        }
        return null;
    }

    /** Whether bracketed text is a URL or a path a link would point to. */
    public static boolean looksLikeTarget(String inner) {
        String t = inner.trim();
        if (t.isEmpty() || t.contains(" ")) {
            return false;
        }
        return t.contains("://")
                || t.startsWith("www.")
                || t.startsWith("mailto:")
                || t.startsWith("./")
                || t.startsWith("../")
                || t.startsWith("/")
                || t.startsWith("#")
                || t.endsWith(".md")
                || t.endsWith(".html");
    }

    private static int[] lineStarts(String source) {
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n'
                    || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n'
                    || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
