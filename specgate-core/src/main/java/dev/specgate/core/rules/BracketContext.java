package dev.specgate.core.rules;

import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.BracketText;

/**
 * The source text around bracketed prose, for the rules that tell a placeholder from code, a tag or
 * a link written the wrong way round. One per check, shared by the rules that ask ({@link
 * RuleContext#bracketContext()}); the spec's line index is built on the first question, so a spec
 * without brackets costs nothing. Without a text every neighbour reads as a space.
 */
public final class BracketContext {

    /** The spec's chars, in the first {@link #length} (null without a text). */
    private final char[] chars;

    private final int length;
    private int[] lineStarts;

    BracketContext(SpecText source) {
        this.chars = source == null ? null : source.array();
        this.length = source == null ? 0 : source.length();
    }

    /** The context of the spec a rule checks (the one its check shares). */
    public static BracketContext of(RuleContext ctx) {
        return ctx.bracketContext();
    }

    /** How far the context looks around a bracket, so that a long line costs linear time. */
    private static final int REACH = 200;

    /** The offset in the source of a position, or -1 when it lies outside its line. */
    private int offset(int line, int column) {
        if (chars == null || line >= lineStarts().length || column < 0) {
            return -1;
        }
        int at = lineStarts()[line] + column;
        return at < lineEnd(line) ? at : -1;
    }

    private int lineEnd(int line) {
        int[] starts = lineStarts();
        int end = line + 1 < starts.length ? starts[line + 1] : length;
        while (end > starts[line] && (chars[end - 1] == '\n' || chars[end - 1] == '\r')) {
            end--;
        }
        return end;
    }

    /** The character at a position of the source, or ' ' outside its line. */
    private char charAt(int line, int column) {
        int at = offset(line, column);
        return at < 0 ? ' ' : chars[at];
    }

    /** The text of a line of the source (without its line break), or "" outside the source. */
    public String line(int line) {
        if (chars == null || line < 0 || line >= lineStarts().length) {
            return "";
        }
        return slice(lineStarts()[line], lineEnd(line));
    }

    /** The character just before the bracket on its line, or ' '. */
    public char before(BracketText b) {
        return charAt(b.range().startLine(), b.range().startColumn() - 1);
    }

    /** The character just after the bracket (when it ends on its first line), or ' '. */
    public char after(BracketText b) {
        if (b.range().endLine() != b.range().startLine()) {
            return ' ';
        }
        return charAt(b.range().startLine(), b.range().endColumn());
    }

    /**
     * At most {@code max} characters of the bracket's line right before it (so that a long line
     * costs linear time), or "".
     */
    public String textBefore(BracketText b, int max) {
        int line = b.range().startLine();
        if (chars == null || line >= lineStarts().length) {
            return "";
        }
        int lineStart = lineStarts()[line];
        int at = Math.min(lineStart + b.range().startColumn(), lineEnd(line));
        return slice(Math.max(lineStart, at - max), at);
    }

    /**
     * At most {@code max} characters of the bracket's line right after it, or "" when it ends on
     * another line.
     */
    public String textAfter(BracketText b, int max) {
        int line = b.range().startLine();
        if (chars == null || line >= lineStarts().length || b.range().endLine() != line) {
            return "";
        }
        int end = lineEnd(line);
        int at = Math.min(lineStarts()[line] + b.range().endColumn(), end);
        return slice(at, Math.min(end, at + max));
    }

    /** At most {@code max} characters from the start of a line, or "" outside the source. */
    public String lineStart(int line, int max) {
        if (chars == null || line < 0 || line >= lineStarts().length) {
            return "";
        }
        int start = lineStarts()[line];
        return slice(start, Math.min(lineEnd(line), start + max));
    }

    /** How far {@link #wordBefore} and {@link #wordAfter} look: a word and the spaces before it. */
    private static final int WORD_REACH = 40;

    /** The word (letters only, lowercase) right before the bracket on its line, or "". */
    public String wordBefore(BracketText b) {
        String text = textBefore(b, WORD_REACH).stripTrailing();
        int at = text.length();
        while (at > 0 && Character.isLetter(text.charAt(at - 1))) {
            at--;
        }
        return text.substring(at).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The word (letters only, lowercase) right after the bracket when it ends on its first line, or
     * "".
     */
    public String wordAfter(BracketText b) {
        String text = textAfter(b, WORD_REACH).stripLeading();
        int at = 0;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        return text.substring(0, at).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the bracket is all its line holds, spaces aside ({@code [dependencies]}). */
    public boolean aloneOnLine(BracketText b) {
        if (b.range().endLine() != b.range().startLine()
                || b.range().startColumn() > REACH
                || chars == null
                || b.range().startLine() >= lineStarts().length) {
            return false;
        }
        int line = b.range().startLine();
        int rest = lineEnd(line) - (lineStarts()[line] + b.range().endColumn());
        return rest <= REACH && textBefore(b, REACH).isBlank() && textAfter(b, REACH).isBlank();
    }

    /** How many bracketed words {@link #inTagRun} follows each way. */
    private static final int RUN_REACH = 16;

    /**
     * Whether the bracket stands in a run of bracketed words ({@code [sig-storage] [Serial] and
     * [Slow]}): bracketed words without spaces, one after another on the line, joined by spaces, a
     * comma, "and" or "or", at least two of them with nothing but spaces between them (or glued,
     * {@code [Backend][Payments]}). Words joined only by "and", "or" or commas are prose naming
     * gaps ({@code [Owner], [Date] and [Reviewer]}), and a ticked task box ({@code - [x]}) is no
     * tag.
     */
    public boolean inTagRun(BracketText b) {
        int line = b.range().startLine();
        if (b.inner().contains(" ") || line != b.range().endLine()) {
            return false;
        }
        int k = b.range().endColumn();
        for (int n = 0; n < RUN_REACH; n++) {
            int open = skipSeparator(line, k, 1);
            int close = charAt(line, open) == '[' ? bracketedWord(line, open + 1, 1) : -1;
            if (close < 0) {
                break;
            }
            if (onlySpaces(line, k, open)) {
                return true;
            }
            k = close + 1;
        }
        k = b.range().startColumn() - 1;
        for (int n = 0; n < RUN_REACH; n++) {
            int close = skipSeparator(line, k, -1);
            int open = charAt(line, close) == ']' ? bracketedWord(line, close - 1, -1) : -1;
            if (open < 0 || taskBox(line, open, close)) {
                break;
            }
            if (onlySpaces(line, close + 1, k + 1)) {
                return true;
            }
            k = open - 1;
        }
        return false;
    }

    /** Whether the columns {@code [from, to)} of a line hold spaces only (or nothing). */
    private boolean onlySpaces(int line, int from, int to) {
        for (int k = from; k < to; k++) {
            if (charAt(line, k) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether the bracketed word at {@code [open, close]} is a list item's ticked task box. */
    private boolean taskBox(int line, int open, int close) {
        return close == open + 2
                && (charAt(line, open + 1) == 'x' || charAt(line, open + 1) == 'X')
                && TASK_BOX_LEAD.matcher(lineStart(line, open)).matches();
    }

    private static final java.util.regex.Pattern TASK_BOX_LEAD =
            java.util.regex.Pattern.compile("[ \\t>]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+");

    /** Skips what may stand between two tags: spaces, a comma, "and" or "or". */
    private int skipSeparator(int line, int column, int step) {
        int k = column;
        int n = 0;
        while (n < 8 && (charAt(line, k) == ' ' || charAt(line, k) == ',')) {
            k += step;
            n++;
        }
        for (String word : new String[] {"and", "or"}) {
            int start = step > 0 ? k : k - word.length() + 1;
            boolean matches = true;
            for (int i = 0; i < word.length() && matches; i++) {
                matches = charAt(line, start + i) == word.charAt(i);
            }
            int after = step > 0 ? k + word.length() : k - word.length();
            if (matches && charAt(line, after) == ' ') {
                k = after + step;
                while (charAt(line, k) == ' ') {
                    k += step;
                }
                return k;
            }
        }
        return k;
    }

    /**
     * Whether the bracket stands inside a quotation on its line ({@code "the node [was] not
     * ready"}): an editor's insertion into quoted words.
     */
    public boolean insideQuotation(BracketText b) {
        int line = b.range().startLine();
        if (line != b.range().endLine()) {
            return false;
        }
        int quotesBefore = 0;
        boolean curlyOpen = false;
        for (int k = b.range().startColumn() - 1, n = 0; k >= 0 && n < REACH; k--, n++) {
            char c = charAt(line, k);
            if (c == '"') {
                quotesBefore++;
            } else if (c == '\u201C') {
                curlyOpen = true;
                break;
            } else if (c == '\u201D') {
                break;
            }
        }
        if (quotesBefore % 2 == 0 && !curlyOpen) {
            return false;
        }
        for (int k = b.range().endColumn(), n = 0; n < REACH; k++, n++) {
            int at = offset(line, k);
            if (at < 0) {
                return false;
            }
            char c = chars[at];
            if (c == (curlyOpen ? '\u201D' : '"')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a word without spaces that runs from {@code column} ends in a closing (or, backwards,
     * an opening) bracket: that bracket's column, or -1.
     */
    private int bracketedWord(int line, int column, int step) {
        char end = step > 0 ? ']' : '[';
        for (int k = column, n = 0; n < REACH; k += step, n++) {
            char c = charAt(line, k);
            if (c == end) {
                return n > 0 ? k : -1;
            }
            if (c == ' ' || c == '[' || c == ']') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The {@code (text)} just before a bracket that holds a link target, when the two read as a
     * link written the wrong way round ({@code (the guide)[https://example.com/guide]}), else null.
     */
    public String reversedLinkText(BracketText b) {
        if (before(b) != ')' || !looksLikeTarget(b.inner())) {
            return null;
        }
        int line = b.range().startLine();
        int close = b.range().startColumn() - 1;
        int depth = 0;
        for (int k = close; k >= 0 && close - k < REACH; k--) {
            char c = charAt(line, k);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return slice(offset(line, k) + 1, offset(line, close));
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

    /** The source's chars from {@code from} to {@code to}, as a string. */
    private String slice(int from, int to) {
        return new String(chars, from, to - from);
    }

    /** Where each line of the source starts, built on first use. */
    private int[] lineStarts() {
        if (lineStarts == null) {
            lineStarts = chars == null ? new int[0] : lineStarts(chars, length);
        }
        return lineStarts;
    }

    private static int[] lineStarts(char[] chars, int length) {
        int count = 1;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= length || chars[i + 1] != '\n'))) {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= length || chars[i + 1] != '\n'))) {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
