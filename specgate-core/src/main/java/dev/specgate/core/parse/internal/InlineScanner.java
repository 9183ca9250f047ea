package dev.specgate.core.parse.internal;

import dev.specgate.core.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lean, linear-time scan of one block's inline text: finds code spans (to mask them), links,
 * bracketed prose, bold labels, HTML comments and {@code YYYY-MM-DD} tokens. It does not build an
 * inline tree: the rules need positions, not rendering.
 */
final class InlineScanner {

    /** Receives what the scan finds. */
    interface Sink {
        void link(String destination, boolean image, SourceRange range);

        void bracket(String text, SourceRange range);

        void dateToken(SourceRange range);

        void comment(String text, int line);
    }

    /** A bold label found on a line, with its value. */
    record Label(String label, int labelStart, int labelEnd, int valueStart, int valueEnd) {}

    static final String DATE_TOKEN = "YYYY-MM-DD";
    private static final int MAX_LABEL_LENGTH = 80;

    /** The deepest nesting of parentheses in a link destination, as in CommonMark. */
    static final int MAX_PAREN_DEPTH = 32;

    private final InlineText inline;
    private final String text;
    private final char[] masked;
    private final Map<String, String> references;

    InlineScanner(InlineText inline, Map<String, String> references) {
        this.inline = inline;
        this.text = inline.text();
        this.masked = text.toCharArray();
        this.references = references;
        applyMasks();
    }

    /** The text with code spans, escapes, autolinks and comments blanked out. */
    String masked() {
        return new String(masked);
    }

    /**
     * Reports links, bracketed prose, date tokens and comments.
     *
     * @param skipFrom offsets before this are not scanned (used to skip a task box)
     */
    void scan(int skipFrom, Sink sink) {
        reportComments(sink);
        int[] close = matchBrackets();
        List<int[]> reported = new ArrayList<>();
        int i = skipFrom;
        int n = masked.length;
        while (i < n) {
            if (masked[i] != '[' || close[i] < 0) {
                i++;
                continue;
            }
            int o = i;
            int c = close[i];
            boolean image = o > 0 && masked[o - 1] == '!';
            int linkEnd = inlineLinkEnd(c);
            if (linkEnd > 0) {
                String dest = destination(c + 2, linkEnd - 1);
                sink.link(dest, image, inline.range(image ? o - 1 : o, linkEnd));
                i = linkEnd;
                continue;
            }
            if (c + 1 < n && masked[c + 1] == '[' && close[c + 1] > 0) {
                int c2 = close[c + 1];
                String label = c2 == c + 2 ? text.substring(o + 1, c) : text.substring(c + 2, c2);
                String dest = resolve(label);
                if (dest != null) {
                    sink.link(dest, image, inline.range(image ? o - 1 : o, c2 + 1));
                }
                i = c2 + 1;
                continue;
            }
            String inner = text.substring(o + 1, c);
            String dest = resolve(inner);
            if (dest != null) {
                sink.link(dest, image, inline.range(image ? o - 1 : o, c + 1));
            } else if (isPlaceholderLike(o, c, inner)) {
                sink.bracket(text.substring(o, c + 1).replace('\n', ' '), inline.range(o, c + 1));
                reported.add(new int[] {o, c});
            }
            i = c + 1;
        }
        reportDateTokens(sink, reported);
    }

    private boolean isPlaceholderLike(int o, int c, String inner) {
        String t = inner.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("x")) {
            return false; // task boxes, malformed or not, are another rule's business
        }
        if (t.startsWith("^") || t.startsWith("!")) {
            return false; // footnote, GitHub alert
        }
        if (c + 1 < masked.length && masked[c + 1] == ':') {
            return false; // a reference definition commonmark did not take
        }
        if (o > 0 && Character.isLetterOrDigit(masked[o - 1])) {
            return false; // index expressions such as a[i]
        }
        boolean hasLetter = false;
        for (int k = 0; k < t.length(); k++) {
            if (Character.isLetter(t.charAt(k))) {
                hasLetter = true;
                break;
            }
        }
        return hasLetter;
    }

    private void reportDateTokens(Sink sink, List<int[]> reported) {
        if (!text.contains(DATE_TOKEN)) {
            return; // masking only removes text: saves copying the masked text of every block
        }
        String m = new String(masked);
        int from = 0;
        int r = 0; // reported brackets and tokens are both in text order: one pass over each
        while (true) {
            int at = m.indexOf(DATE_TOKEN, from);
            if (at < 0) {
                return;
            }
            while (r < reported.size() && reported.get(r)[1] <= at) {
                r++;
            }
            boolean inside = r < reported.size() && at > reported.get(r)[0];
            if (!inside) {
                sink.dateToken(inline.range(at, at + DATE_TOKEN.length()));
            }
            from = at + DATE_TOKEN.length();
        }
    }

    /** Offset just past the ')' of an inline link whose text closes at {@code c}, or -1. */
    private int inlineLinkEnd(int c) {
        int n = masked.length;
        if (c + 1 >= n || masked[c + 1] != '(') {
            return -1;
        }
        int depth = 0;
        for (int k = c + 2; k < n; k++) {
            char ch = masked[k];
            if (ch == '\\') {
                k++;
            } else if (ch == '(') {
                if (++depth > MAX_PAREN_DEPTH) {
                    return -1; // as CommonMark; also keeps "[x](" repeated from rescanning
                }
            } else if (ch == ')') {
                if (depth == 0) {
                    return k + 1;
                }
                depth--;
            } else if (ch == '\n' && k + 1 < n && masked[k + 1] == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private String destination(int start, int end) {
        String inside = text.substring(start, end).trim();
        if (inside.startsWith("<")) {
            int gt = inside.indexOf('>');
            return gt > 0 ? inside.substring(1, gt) : inside.substring(1);
        }
        int k = 0;
        while (k < inside.length() && !Character.isWhitespace(inside.charAt(k))) {
            k++;
        }
        return inside.substring(0, k);
    }

    /** For each '[' the offset of its matching ']', or -1. Linear: one stack pass. */
    private int[] matchBrackets() {
        int[] close = new int[masked.length];
        Arrays.fill(close, -1);
        int[] open = new int[16]; // a stack of unmatched '[' offsets, without boxing
        int depth = 0;
        for (int k = 0; k < masked.length; k++) {
            char ch = masked[k];
            if (ch == '[') {
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

    private void applyMasks() {
        int n = text.length();
        // backtick runs, found once, then matched by length without rescanning
        List<int[]> runs = new ArrayList<>();
        char[] chars = masked; // nothing is masked yet; array reads beat charAt on a cold JVM
        for (int k = 0; k < n; ) {
            char ch = chars[k];
            if (ch == '\\' && k + 1 < n && isAsciiPunctuation(chars[k + 1])) {
                k += 2;
                continue;
            }
            if (ch == '`') {
                int s = k;
                while (k < n && chars[k] == '`') {
                    k++;
                }
                runs.add(new int[] {s, k - s});
                continue;
            }
            k++;
        }
        Map<Integer, ArrayDeque<Integer>> byLength = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            byLength.computeIfAbsent(runs.get(r)[1], x -> new ArrayDeque<>()).add(r);
        }
        int maskedUntil = 0;
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            if (run[0] < maskedUntil) {
                continue;
            }
            ArrayDeque<Integer> same = byLength.get(run[1]);
            while (!same.isEmpty() && same.peek() <= r) {
                same.poll();
            }
            if (same.isEmpty()) {
                continue; // no closing run: literal backticks
            }
            int[] closing = runs.get(same.poll());
            int end = closing[0] + closing[1];
            blank(run[0], end);
            maskedUntil = end;
        }
        // escapes, comments and autolinks outside code spans
        for (int k = 0; k < n; k++) {
            char ch = masked[k];
            if (ch == '\\' && k + 1 < n && isAsciiPunctuation(masked[k + 1])) {
                blank(k, k + 2);
                k++;
            } else if (ch == '<') {
                int end = commentEnd(k);
                if (end > 0) {
                    commentSpans.add(new int[] {k, end});
                    blank(k, end);
                    k = end - 1;
                } else {
                    end = autolinkEnd(k);
                    if (end > 0) {
                        blank(k, end);
                        k = end - 1;
                    }
                }
            }
        }
    }

    private final List<int[]> commentSpans = new ArrayList<>();

    private void reportComments(Sink sink) {
        for (int[] span : commentSpans) {
            String inner = text.substring(span[0] + 4, span[1] - 3).trim();
            sink.comment(inner, inline.range(span[0], span[0]).startLine());
        }
    }

    private int commentEnd(int k) {
        if (!text.startsWith("<!--", k)) {
            return -1;
        }
        if (lastCommentClose == UNKNOWN) {
            lastCommentClose = text.lastIndexOf("-->");
        }
        if (k + 4 > lastCommentClose) {
            return -1; // never closed: without this, each "<!--" would rescan to the end
        }
        int end = text.indexOf("-->", k + 4);
        return end < 0 ? -1 : end + 3;
    }

    private static final int UNKNOWN = -2;
    private int lastCommentClose = UNKNOWN;

    private int autolinkEnd(int k) {
        int n = masked.length;
        int j = k + 1;
        int schemeStart = j;
        while (j < n && j - schemeStart < 33 && isSchemeChar(masked[j])) {
            j++;
        }
        if (j - schemeStart < 2 || j >= n || masked[j] != ':') {
            return -1;
        }
        for (; j < n; j++) {
            char ch = masked[j];
            if (ch == '>') {
                return j + 1;
            }
            if (ch == '<' || Character.isWhitespace(ch)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '.'
                || c == '-';
    }

    private void blank(int from, int to) {
        for (int k = from; k < to; k++) {
            if (masked[k] != '\n') {
                masked[k] = ' ';
            }
        }
    }

    static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/')
                || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`')
                || (c >= '{' && c <= '~');
    }

    /**
     * Bold labels ({@code **Label:**} or {@code **Label**:}) on line {@code lineIndex} of the
     * block, each with the value that follows it up to the next label or the end of the line.
     *
     * @param atLineStartOnly only a label that opens the line counts
     * @param from offset in the joined text to start from (after a task box)
     */
    List<Label> labels(int lineIndex, boolean atLineStartOnly, int from) {
        int start = Math.max(inline.lineStart(lineIndex), from);
        int end = inline.lineEnd(lineIndex);
        List<Label> found = new ArrayList<>();
        int k = start;
        while (k < end && (masked[k] == ' ' || masked[k] == '\t')) {
            k++;
        }
        int searchFrom = k;
        while (searchFrom < end) {
            int open = indexOf("**", searchFrom, end);
            if (open < 0 || (atLineStartOnly && found.isEmpty() && open != k)) {
                break;
            }
            int labelEnd = -1;
            int after = -1;
            for (int j = open + 2; j < end && j - open <= MAX_LABEL_LENGTH; j++) {
                char ch = masked[j];
                if (ch == '*') {
                    if (j + 1 < end && masked[j + 1] == '*') {
                        if (masked[j - 1] == ':') {
                            labelEnd = j - 1;
                            after = j + 2;
                        } else if (j + 2 < end && masked[j + 2] == ':') {
                            labelEnd = j;
                            after = j + 3;
                        }
                    }
                    break;
                }
            }
            if (labelEnd <= open + 2) {
                if (atLineStartOnly && found.isEmpty()) {
                    break;
                }
                searchFrom = open + 2;
                continue;
            }
            if (!found.isEmpty()) {
                Label prev = found.remove(found.size() - 1);
                found.add(
                        new Label(
                                prev.label(),
                                prev.labelStart(),
                                prev.labelEnd(),
                                prev.valueStart(),
                                trimEnd(
                                        prev.valueStart(),
                                        stripSeparator(prev.valueStart(), open))));
            }
            int valueStart = after;
            while (valueStart < end && Character.isWhitespace(text.charAt(valueStart))) {
                valueStart++;
            }
            found.add(
                    new Label(
                            text.substring(open + 2, labelEnd).trim(),
                            open,
                            after,
                            valueStart,
                            trimEnd(valueStart, end)));
            searchFrom = after;
        }
        return found;
    }

    /** Drops a trailing " - " separator between two labelled values on one line. */
    private int stripSeparator(int from, int to) {
        int e = trimEnd(from, to);
        if (e > from
                && (text.charAt(e - 1) == '-'
                        || text.charAt(e - 1) == '|'
                        || text.charAt(e - 1) == ','
                        || text.charAt(e - 1) == ';')) {
            e--;
        }
        return e;
    }

    private int trimEnd(int from, int to) {
        int e = to;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private int indexOf(String needle, int from, int to) {
        char first = needle.charAt(0);
        char second = needle.charAt(1);
        for (int k = from; k + needle.length() <= to; k++) {
            if (masked[k] == first && masked[k + 1] == second) {
                return k;
            }
        }
        return -1;
    }

    String text(int from, int to) {
        return text.substring(from, to);
    }

    SourceRange range(int from, int to) {
        return inline.range(from, to);
    }

    private String resolve(String label) {
        return references.isEmpty() ? null : references.get(normalizeLabel(label));
    }

    /** Link labels match case-insensitively with whitespace folded (CommonMark 4.7). */
    static String normalizeLabel(String label) {
        return label.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
