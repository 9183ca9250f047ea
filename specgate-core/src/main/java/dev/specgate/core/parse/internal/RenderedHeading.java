package dev.specgate.core.parse.internal;

import java.util.Arrays;
import org.commonmark.internal.util.Html5Entities;

/**
 * A heading's text as a reader sees it once Markdown is rendered, the text that headings are
 * matched on and that anchors are made from: backslash escapes resolved, character references
 * decoded ({@code &amp;}), inline HTML tags and comments dropped ({@code <a name="why"></a>}), code
 * spans kept as their content, links kept as their text, images dropped, and emphasis marks ({@code
 * *}, {@code _}, {@code ~}) dropped where they mark emphasis ({@code snake_case} keeps its
 * underscore). A trailing heading attribute ({@code {#id}}) is a separate part: see {@link
 * #attributeId(String)} and {@link #withoutAttribute(String)}. Linear in the heading's length.
 */
public final class RenderedHeading {

    /** The longest inline HTML tag or character reference recognised. */
    private static final int MAX_ENTITY_LENGTH = 32;

    private RenderedHeading() {}

    /**
     * The id a trailing heading attribute gives ({@code ## Motivation {#why}} gives {@code why}, as
     * does {@code ## Motivation {#why} <!-- note -->}: a comment after it shows nothing), or null
     * when the heading has none.
     */
    public static String attributeId(String heading) {
        String t = beforeTrailingComments(heading);
        int open = attributeStart(t);
        if (open < 0) {
            return null;
        }
        String inner = t.substring(open + 1, t.length() - 1).trim();
        int end = 1;
        while (end < inner.length() && !Character.isWhitespace(inner.charAt(end))) {
            end++;
        }
        return inner.substring(1, end);
    }

    /**
     * The heading without a trailing {@code {#id}} attribute (and without the HTML comments after
     * it, which show nothing).
     */
    public static String withoutAttribute(String heading) {
        int open = attributeStart(beforeTrailingComments(heading));
        return open < 0 ? heading : heading.substring(0, open).stripTrailing();
    }

    /** The heading without the HTML comments (and spaces) it ends with, stripped at the end. */
    private static String beforeTrailingComments(String heading) {
        String t = heading.stripTrailing();
        while (t.endsWith("-->")) {
            int open = t.lastIndexOf("<!--", t.length() - 3);
            if (open < 0) {
                break;
            }
            t = t.substring(0, open).stripTrailing();
        }
        return t;
    }

    /** Where a trailing {@code {#id ...}} attribute starts in {@code t} (stripped), or -1. */
    private static int attributeStart(String t) {
        if (!t.endsWith("}")) {
            return -1;
        }
        int open = t.lastIndexOf('{');
        if (open < 0
                || open + 2 >= t.length()
                || t.charAt(open + 1) != '#'
                || !Character.isLetter(t.charAt(open + 2))
                || (open > 0 && !Character.isWhitespace(t.charAt(open - 1)))) {
            return -1;
        }
        for (int k = open + 1; k < t.length() - 1; k++) {
            char c = t.charAt(k);
            if (c == '{' || c == '}' || c == '\n') {
                return -1;
            }
        }
        return open;
    }

    /** The rendered text of a heading's Markdown (its trailing attribute, if any, kept). */
    public static String rendered(String markdown) {
        if (!hasSyntax(markdown)) {
            return markdown;
        }
        char[] t = markdown.toCharArray();
        int n = t.length;
        int[] codeEnd = codeSpans(t); // at the opening backtick: where the span ends, else -1
        int[] close = brackets(t, codeEnd);
        int[] nextParen = nextCloseParen(t);
        int[] jump = new int[n + 1]; // at a link text's ']': where to go on, else 0
        StringBuilder sb = new StringBuilder(n);
        int lastCommentClose = markdown.lastIndexOf("-->");
        for (int i = 0; i < n; ) {
            if (jump[i] > 0) {
                i = jump[i];
                continue;
            }
            char c = t[i];
            if (c == '`' && codeEnd[i] > 0) {
                int run = i;
                while (run < n && t[run] == '`') {
                    run++;
                }
                int len = run - i;
                String content = markdown.substring(run, codeEnd[i] - len).replace('\n', ' ');
                if (content.length() >= 2
                        && content.startsWith(" ")
                        && content.endsWith(" ")
                        && !content.isBlank()) {
                    content = content.substring(1, content.length() - 1);
                }
                sb.append(content);
                i = codeEnd[i];
            } else if (c == '\\' && i + 1 < n && isAsciiPunctuation(t[i + 1])) {
                sb.append(t[i + 1]);
                i += 2;
            } else if (c == '<') {
                int end = htmlEnd(markdown, t, i, lastCommentClose);
                if (end > 0) {
                    int autolink = autolinkEnd(t, i);
                    if (autolink == end) {
                        sb.append(markdown, i + 1, end - 1);
                    }
                    i = end;
                } else {
                    sb.append(c);
                    i++;
                }
            } else if (c == '&') {
                int semi = entityEnd(t, i);
                String decoded = semi < 0 ? null : decode(markdown.substring(i + 1, semi));
                if (decoded != null) {
                    sb.append(decoded);
                    i = semi + 1;
                } else {
                    sb.append(c);
                    i++;
                }
            } else if (c == '[' && close[i] > i) {
                int after = linkEnd(t, close[i], close, nextParen);
                boolean image = i > 0 && t[i - 1] == '!' && (i < 2 || t[i - 2] != '\\');
                if (after < 0) {
                    sb.append(c);
                    i++;
                } else if (image) {
                    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '!') {
                        sb.setLength(sb.length() - 1);
                    }
                    i = after;
                } else {
                    jump[close[i]] = after;
                    i++;
                }
            } else if (c == '*' || c == '_' || c == '~') {
                int run = i;
                while (run < n && t[run] == c) {
                    run++;
                }
                char before = i > 0 ? t[i - 1] : ' ';
                char next = run < n ? t[run] : ' ';
                boolean spaced = Character.isWhitespace(before) && Character.isWhitespace(next);
                boolean intraword =
                        c == '_'
                                && Character.isLetterOrDigit(before)
                                && Character.isLetterOrDigit(next);
                if (spaced || intraword) {
                    sb.append(markdown, i, run);
                }
                i = run;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Whether the text holds any character that rendering could change. */
    private static boolean hasSyntax(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSyntax(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether rendering could change text at {@code c}. */
    static boolean isSyntax(char c) {
        switch (c) {
            case '`', '\\', '<', '&', '[', '*', '_', '~':
                return true;
            default:
                return false;
        }
    }

    /**
     * The offset after a link's destination or reference label when the link text closes at {@code
     * c} ({@code [text](dest)}, {@code [text][label]}), or -1 when none follows.
     */
    private static int linkEnd(char[] t, int c, int[] close, int[] nextParen) {
        int n = t.length;
        if (c + 1 >= n) {
            return -1;
        }
        if (t[c + 1] == '(') {
            int p = nextParen[c + 1];
            return p < 0 ? -1 : p + 1;
        }
        if (t[c + 1] == '[' && close[c + 1] > c + 1) {
            return close[c + 1] + 1;
        }
        return -1;
    }

    /** For each offset, the next ')' at or after it, or -1. */
    private static int[] nextCloseParen(char[] t) {
        int[] next = new int[t.length + 1];
        next[t.length] = -1;
        for (int k = t.length - 1; k >= 0; k--) {
            next[k] = t[k] == ')' ? k : next[k + 1];
        }
        return next;
    }

    /** For each '[' outside code and escapes, the offset of its matching ']', else 0 or -1. */
    private static int[] brackets(char[] t, int[] codeEnd) {
        int[] close = new int[t.length];
        int[] open = new int[16];
        int depth = 0;
        for (int k = 0; k < t.length; k++) {
            char ch = t[k];
            if (ch == '`' && codeEnd[k] > 0) {
                k = codeEnd[k] - 1;
            } else if (ch == '\\' && k + 1 < t.length && isAsciiPunctuation(t[k + 1])) {
                k++;
            } else if (ch == '[') {
                close[k] = -1;
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = k;
            } else if (ch == ']' && depth > 0) {
                close[open[--depth]] = k;
            }
        }
        return close;
    }

    /**
     * For each opening backtick run that a run of the same length closes, the offset after the
     * closing run; else -1. Linear: each run is paired with the next of its length.
     */
    private static int[] codeSpans(char[] t) {
        int[] end = new int[t.length + 1];
        Arrays.fill(end, -1);
        int[] spans = CodeSpans.find(t, t.length);
        for (int i = 0; i < spans.length; i += 2) {
            end[spans[i]] = spans[i + 1];
        }
        return end;
    }

    /** The end of an HTML comment, tag or autolink starting at {@code k}, or -1. */
    private static int htmlEnd(String s, char[] t, int k, int lastCommentClose) {
        if (s.startsWith("<!--", k)) {
            if (k + 4 > lastCommentClose) {
                return -1;
            }
            int close = s.indexOf("-->", k + 4);
            return close < 0 ? -1 : close + 3;
        }
        int n = s.length();
        int j = k + 1;
        if (j < n && s.charAt(j) == '/') {
            j++;
        }
        if (j >= n || !isAsciiLetter(s.charAt(j))) {
            return -1;
        }
        int autolink = autolinkEnd(t, k);
        if (autolink > 0) {
            return autolink;
        }
        while (j < n
                && (isAsciiLetter(s.charAt(j)) || isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
            j++;
        }
        if (j < n && !(s.charAt(j) == '>' || s.charAt(j) == '/' || isSpace(s.charAt(j)))) {
            return -1;
        }
        return HtmlText.tagClose(s, j, Math.min(n, k + HtmlText.MAX_TAG_LENGTH));
    }

    /** The end of an autolink ({@code <https://example.com>}) at {@code k}, or -1. */
    private static int autolinkEnd(char[] t, int k) {
        int n = t.length;
        int j = k + 1;
        int schemeStart = j;
        while (j < n
                && j - schemeStart < 33
                && (isAsciiLetter(t[j])
                        || isDigit(t[j])
                        || t[j] == '+'
                        || t[j] == '.'
                        || t[j] == '-')) {
            j++;
        }
        if (j - schemeStart < 2 || j >= n || t[j] != ':') {
            return -1;
        }
        for (; j < n; j++) {
            if (t[j] == '>') {
                return j + 1;
            }
            if (t[j] == '<' || t[j] <= ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** The offset of the ';' ending a character reference at {@code k}, or -1. */
    private static int entityEnd(char[] t, int k) {
        for (int j = k + 1; j < t.length && j - k <= MAX_ENTITY_LENGTH; j++) {
            char c = t[j];
            if (c == ';') {
                return j > k + 1 ? j : -1;
            }
            if (!(isAsciiLetter(c) || isDigit(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    private static String decode(String name) {
        if (name.startsWith("#")) {
            try {
                int cp =
                        name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0
                        ? new String(Character.toChars(cp))
                        : "\uFFFD";
            } catch (NumberFormatException e) {
                return null;
            }
        }
        // commonmark's own table: every HTML5 named reference (&eacute;, &times;...)
        String input = "&" + name + ";";
        String decoded = Html5Entities.entityToString(input);
        return decoded.equals(input) ? null : decoded;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiPunctuation(char c) {
        return InlineSyntax.isAsciiPunctuation(c);
    }
}
