package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The longest inline HTML tag searched for an id. */
    private static final int MAX_TAG_LENGTH = 1000;

    /** An {@code id} or {@code name} attribute, the same as in HTML blocks. */
    static final Pattern HTML_ID = Pattern.compile("\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");

    /** The deepest nesting of parentheses a bare link destination may have (as commonmark). */
    static final int MAX_PAREN_DEPTH = 32;

    private final InlineText inline;

    /** The block's text, unmasked; shared with the {@link InlineText}, never changed. */
    private final char[] text;

    private final char[] masked;
    private final Map<String, String> references;
    private final Scratch scratch;

    /**
     * Working memory that one thread's scanners share, so that each block does not allocate (and
     * the collector does not sweep) arrays as long as its text.
     */
    static final class Scratch {
        private int[] close = new int[256];

        int[] close(int length) {
            if (close.length < length) {
                close = new int[Math.max(length, close.length * 2)];
            }
            return close;
        }
    }

    InlineScanner(InlineText inline, Map<String, String> references) {
        this(inline, references, new Scratch());
    }

    InlineScanner(InlineText inline, Map<String, String> references, Scratch scratch) {
        this.inline = inline;
        // arrays rather than strings: a string's chars would be inflated from Latin-1 on every
        // copy, and the C1 compiler reads an array faster than String.charAt
        this.text = inline.chars();
        this.references = references;
        this.scratch = scratch;
        this.present = presentMarks(text);
        // only masking writes to the masked chars: a block without code spans, escapes or tags
        // (most blocks) shares the text's array instead of copying it
        this.masked = has(BACKTICK | BACKSLASH | LT) ? text.clone() : text;
        applyMasks();
    }

    // Which syntax characters the text holds, found in one pass so that each later pass that
    // looks for one of them is skipped in blocks without it (most blocks are plain prose).
    // Masking only blanks characters out, so a character absent from the text is absent from the
    // masked text too.
    private static final int BACKTICK = 1;
    private static final int LT = 1 << 1;
    private static final int BACKSLASH = 1 << 2;
    private static final int OPEN_SQUARE = 1 << 3;
    private static final int OPEN_BRACE = 1 << 4;
    private static final int STAR = 1 << 5;
    private static final int Y = 1 << 6;

    private final int present;

    private static final int[] MARK_OF = new int[128];

    static {
        MARK_OF['`'] = BACKTICK;
        MARK_OF['<'] = LT;
        MARK_OF['\\'] = BACKSLASH;
        MARK_OF['['] = OPEN_SQUARE;
        MARK_OF['{'] = OPEN_BRACE;
        MARK_OF['*'] = STAR;
        MARK_OF['Y'] = Y;
    }

    private static int presentMarks(char[] chars) {
        int marks = 0;
        for (char c : chars) {
            if (c < 128) {
                marks |= MARK_OF[c]; // a table beats a switch under C1
            }
        }
        return marks;
    }

    private boolean has(int mark) {
        return (present & mark) != 0;
    }

    /**
     * Offset {@code k} of the text with code spans, escapes, autolinks and comments blanked out.
     */
    char maskedAt(int k) {
        return masked[k];
    }

    /** {@code [from, to)} of the text with code spans, escapes, autolinks and comments blanked. */
    String masked(int from, int to) {
        return new String(masked, from, to - from);
    }

    /**
     * Reports links, bracketed prose, date tokens and comments.
     *
     * @param skipFrom offsets before this are not scanned (used to skip a task box)
     */
    void scan(int skipFrom, Sink sink) {
        reportComments(sink);
        // without a '[' nothing reads the bracket pairs: most blocks skip matching them
        int[] close = has(OPEN_SQUARE) ? matchBrackets() : null;
        List<int[]> reported = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        int i = has(OPEN_SQUARE) ? skipFrom : masked.length;
        int n = masked.length;
        while (i < n) {
            if (masked[i] != '[' || close[i] < 0) {
                i++;
                continue;
            }
            int o = i;
            int c = close[i];
            boolean image = o > 0 && masked[o - 1] == '!';
            InlineLink link = inlineLink(c);
            if (link != null) {
                sink.link(link.destination(), image, inline.range(image ? o - 1 : o, link.end()));
                links.add(new int[] {o, link.end()});
                i = link.end();
                continue;
            }
            if (c + 1 < n && masked[c + 1] == '[' && close[c + 1] > 0) {
                int c2 = close[c + 1];
                String label = c2 == c + 2 ? string(o + 1, c) : string(c + 2, c2);
                String dest = resolve(label);
                if (dest != null) {
                    sink.link(dest, image, inline.range(image ? o - 1 : o, c2 + 1));
                } else if (!image && o + 1 < c) {
                    // a full or collapsed reference without a definition: reported whole, so
                    // that the rules can tell it from a placeholder
                    sink.bracket(string(o, c2 + 1).replace('\n', ' '), inline.range(o, c2 + 1));
                    reported.add(new int[] {o, c2});
                }
                i = c2 + 1;
                continue;
            }
            String inner = string(o + 1, c);
            String dest = resolve(inner);
            if (dest != null) {
                sink.link(dest, image, inline.range(image ? o - 1 : o, c + 1));
            } else if (isPlaceholderLike(o, c, inner)) {
                sink.bracket(string(o, c + 1).replace('\n', ' '), inline.range(o, c + 1));
                reported.add(new int[] {o, c});
            }
            i = c + 1;
        }
        if (has(Y)) {
            reportDateTokens(sink, reported);
        }
        if (has(OPEN_BRACE)) {
            reportBraces(sink, skipFrom, reported, links);
        }
    }

    /**
     * Reports {@code {text}} and {@code {{text}}} spans with a letter inside, the other placeholder
     * styles templates use, as bracketed text. Whether they count as placeholders is the schema's
     * decision (only when the template itself uses that style), so date tokens inside them are
     * still reported. Spans inside links or square-bracket placeholders are left out. Linear: a
     * search for the closing brace stops at the next brace.
     */
    private void reportBraces(Sink sink, int skipFrom, List<int[]> squares, List<int[]> links) {
        int n = masked.length;
        int i = skipFrom;
        int sq = 0; // both span lists are in text order, and so is the scan
        int ln = 0;
        while (i < n) {
            if (masked[i] != '{') {
                i++;
                continue;
            }
            boolean twin = i + 1 < n && masked[i + 1] == '{';
            int innerStart = twin ? i + 2 : i + 1;
            int k = innerStart;
            while (k < n && masked[k] != '{' && masked[k] != '}') {
                k++;
            }
            boolean closed =
                    k < n && masked[k] == '}' && (!twin || (k + 1 < n && masked[k + 1] == '}'));
            if (!closed) {
                i = twin ? i + 2 : i + 1;
                continue;
            }
            int end = twin ? k + 2 : k + 1;
            while (sq < squares.size() && squares.get(sq)[1] <= i) {
                sq++;
            }
            while (ln < links.size() && links.get(ln)[1] <= i) {
                ln++;
            }
            boolean inSquare = sq < squares.size() && i > squares.get(sq)[0];
            boolean inLink = ln < links.size() && i > links.get(ln)[0];
            boolean attribute = innerStart < k && masked[innerStart] == '#'; // {#id}
            if (hasLetter(innerStart, k) && !inSquare && !inLink && !attribute) {
                sink.bracket(string(i, end).replace('\n', ' '), inline.range(i, end));
            }
            i = end;
        }
    }

    private boolean hasLetter(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetter(masked[k])) {
                return true;
            }
        }
        return false;
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
        int from = 0;
        int r = 0; // reported brackets are in text order, and so are the tokens
        while (true) {
            int at = maskedIndexOf(DATE_TOKEN, from);
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

    /**
     * The first occurrence of {@code token} (which holds no space) in the masked text from {@code
     * from}, without copying it: masking only blanks characters out, so that is the first
     * occurrence in the text that masking left whole.
     */
    private int maskedIndexOf(String token, int from) {
        int at = indexOf(text, token, from);
        while (at >= 0 && !unmasked(at, at + token.length())) {
            at = indexOf(text, token, at + 1);
        }
        return at;
    }

    private boolean unmasked(int from, int to) {
        for (int k = from; k < to; k++) {
            if (masked[k] != text[k]) {
                return false;
            }
        }
        return true;
    }

    /** An inline link's destination and the offset just past its closing parenthesis. */
    private record InlineLink(String destination, int end) {}

    /**
     * The inline link whose text closes at {@code c} ({@code [text](dest "title")}), or null.
     * Follows CommonMark closely enough for positions, and stays linear: a bare destination stops
     * at whitespace or after {@link #MAX_PAREN_DEPTH} nested parentheses, a title at its closing
     * quote.
     */
    private InlineLink inlineLink(int c) {
        int n = text.length;
        int k = c + 1;
        if (k >= n || masked[k] != '(') {
            return null;
        }
        k = skipLinkSpace(k + 1);
        String destination;
        if (k < n && text[k] == '<') {
            int start = k + 1;
            k = start;
            while (k < n && text[k] != '>' && text[k] != '<' && text[k] != '\n') {
                k += text[k] == '\\' && k + 1 < n ? 2 : 1;
            }
            if (k >= n || text[k] != '>') {
                return null;
            }
            destination = string(start, k);
            k++;
        } else {
            int start = k;
            int depth = 0;
            while (k < n) {
                char ch = text[k];
                if (ch == '\\' && k + 1 < n && isAsciiPunctuation(text[k + 1])) {
                    k += 2;
                    continue;
                }
                if (ch <= ' ') {
                    break;
                }
                if (ch == '(') {
                    if (++depth > MAX_PAREN_DEPTH) {
                        return null;
                    }
                } else if (ch == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
                k++;
            }
            if (depth != 0) {
                return null;
            }
            destination = string(start, k);
        }
        int afterDestination = k;
        k = skipLinkSpace(k);
        if (k < n && k > afterDestination && isTitleOpener(text[k])) {
            char closer = text[k] == '(' ? ')' : text[k];
            k++;
            while (k < n && text[k] != closer) {
                char ch = text[k];
                if (ch == '\\' && k + 1 < n) {
                    k += 2;
                    continue;
                }
                if ((closer == ')' && ch == '(')
                        || (ch == '\n' && k + 1 < n && text[k + 1] == '\n')) {
                    return null;
                }
                k++;
            }
            if (k >= n) {
                return null;
            }
            k = skipLinkSpace(k + 1);
        }
        if (k >= n || text[k] != ')') {
            return null;
        }
        return new InlineLink(destination, k + 1);
    }

    private static boolean isTitleOpener(char c) {
        return c == '"' || c == '\'' || c == '(';
    }

    /** Skips spaces and tabs with at most one line break between them. */
    private int skipLinkSpace(int k) {
        int n = text.length;
        boolean lineBreak = false;
        while (k < n) {
            char ch = text[k];
            if (ch == ' ' || ch == '\t') {
                k++;
            } else if (ch == '\n' && !lineBreak) {
                lineBreak = true;
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /**
     * For each '[' the offset of its matching ']', or -1; other entries are left as they were (the
     * array is shared scratch and only read at a '['). Linear: one stack pass.
     */
    private int[] matchBrackets() {
        int[] close = scratch.close(masked.length);
        int[] open = new int[16]; // a stack of unmatched '[' offsets, without boxing
        int depth = 0;
        for (int k = 0; k < masked.length; k++) {
            char ch = masked[k];
            if (ch == '[') {
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

    private void applyMasks() {
        int n = text.length;
        if (has(BACKTICK)) {
            maskCodeSpans();
        }
        if (has(BACKSLASH | LT)) {
            maskEscapesCommentsAndAutolinks();
        }
    }

    private void maskCodeSpans() {
        int[] spans = CodeSpans.find(masked, masked.length); // nothing is masked yet
        for (int i = 0; i < spans.length; i += 2) {
            blank(spans[i], spans[i + 1]);
        }
    }

    /** Escapes, comments and autolinks outside code spans. */
    private void maskEscapesCommentsAndAutolinks() {
        int n = text.length;
        for (int k = 0; k < n; k++) {
            char ch = masked[k];
            if (ch == '\\' && k + 1 < n && isAsciiPunctuation(masked[k + 1])) {
                blank(k, k + 2);
                k++;
            } else if (ch == '<') {
                int end = commentEnd(k);
                if (end > 0) {
                    if (commentSpans.isEmpty()) {
                        commentSpans = new ArrayList<>(2);
                    }
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

    /** The comments' {start, end} offsets; most blocks have none and share the empty list. */
    private List<int[]> commentSpans = List.of();

    private void reportComments(Sink sink) {
        for (int i = 0; i < commentSpans.size(); i++) {
            int[] span = commentSpans.get(i);
            String inner = string(span[0] + 4, span[1] - 3).trim();
            sink.comment(inner, inline.range(span[0], span[0]).startLine());
        }
    }

    private int commentEnd(int k) {
        if (!startsWith(text, "<!--", k)) {
            return -1;
        }
        if (lastCommentClose == UNKNOWN) {
            lastCommentClose = lastIndexOf(text, "-->");
        }
        if (k + 4 > lastCommentClose) {
            return -1; // never closed: without this, each "<!--" would rescan to the end
        }
        int end = indexOf(text, "-->", k + 4);
        return end < 0 ? -1 : end + 3;
    }

    private static final int UNKNOWN = -2;
    private int lastCommentClose = UNKNOWN;

    /** Whether offset {@code k} lies inside an HTML comment. */
    private boolean inComment(int k) {
        if (commentSpans.isEmpty()) {
            return false;
        }
        if (inComment == null) {
            inComment = new boolean[text.length];
            for (int i = 0; i < commentSpans.size(); i++) {
                int[] span = commentSpans.get(i);
                Arrays.fill(inComment, span[0], span[1], true);
            }
        }
        return inComment[k];
    }

    private boolean[] inComment;

    /** The text with HTML comments removed: what a reader sees of a heading. */
    String textWithoutComments() {
        if (commentSpans.isEmpty()) {
            return inline.text();
        }
        StringBuilder sb = new StringBuilder(text.length);
        for (int k = 0; k < text.length; k++) {
            if (!inComment(k)) {
                sb.append(text[k]);
            }
        }
        return sb.toString();
    }

    /**
     * HTML ids and names ({@code <a id="x">}) of inline tags outside code and comments, for
     * anchors.
     */
    List<String> htmlIds() {
        if (!has(LT)) {
            return List.of(); // most blocks hold no tag
        }
        List<String> ids = new ArrayList<>();
        int n = masked.length;
        for (int k = 0; k + 1 < n; k++) {
            if (masked[k] != '<' || !isAsciiLetter(masked[k + 1])) {
                continue;
            }
            int end = k + 2;
            while (end < n
                    && end - k < MAX_TAG_LENGTH
                    && masked[end] != '>'
                    && masked[end] != '<') {
                end++;
            }
            if (end < n && masked[end] == '>') {
                Matcher m = HTML_ID.matcher(new String(masked, k, end - k));
                while (m.find()) {
                    ids.add(m.group(1));
                }
                k = end;
            }
        }
        return ids;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The end of a label's value: trailing space and trailing HTML comments dropped. */
    private int valueEnd(int from, int to) {
        int e = trimEnd(from, to);
        while (e > from && inComment(e - 1)) {
            while (e > from && inComment(e - 1)) {
                e--;
            }
            e = trimEnd(from, e);
        }
        return e;
    }

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
        if (!has(STAR)) {
            return List.of(); // a label is bold
        }
        int start = Math.max(inline.lineStart(lineIndex), from);
        int end = inline.lineEnd(lineIndex);
        // a backslash hard line break ends the line's last value, it is not part of it
        int lastValueEnd =
                lineIndex + 1 < inline.lineCount() && end > start && text[end - 1] == '\\'
                        ? end - 1
                        : end;
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
                                valueEnd(
                                        prev.valueStart(),
                                        stripSeparator(prev.valueStart(), open))));
            }
            int valueStart = after;
            while (valueStart < end && Character.isWhitespace(text[valueStart])) {
                valueStart++;
            }
            found.add(
                    new Label(
                            string(open + 2, labelEnd).trim(),
                            open,
                            after,
                            valueStart,
                            valueEnd(valueStart, Math.max(valueStart, lastValueEnd))));
            searchFrom = after;
        }
        return found;
    }

    /** Drops a trailing " - " separator between two labelled values on one line. */
    private int stripSeparator(int from, int to) {
        int e = trimEnd(from, to);
        if (e > from
                && (text[e - 1] == '-'
                        || text[e - 1] == '|'
                        || text[e - 1] == ','
                        || text[e - 1] == ';')) {
            e--;
        }
        return e;
    }

    private int trimEnd(int from, int to) {
        int e = to;
        while (e > from && Character.isWhitespace(text[e - 1])) {
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
        return string(from, to);
    }

    /** {@code [from, to)} of the unmasked text. */
    private String string(int from, int to) {
        return new String(text, from, to - from);
    }

    /** The first occurrence of {@code s} in {@code chars} from {@code from}, or -1. */
    private static int indexOf(char[] chars, String s, int from) {
        int last = chars.length - s.length();
        for (int k = Math.max(0, from); k <= last; k++) {
            if (startsWith(chars, s, k)) {
                return k;
            }
        }
        return -1;
    }

    /** The last occurrence of {@code s} in {@code chars}, or -1. */
    private static int lastIndexOf(char[] chars, String s) {
        for (int k = chars.length - s.length(); k >= 0; k--) {
            if (startsWith(chars, s, k)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean startsWith(char[] chars, String s, int at) {
        if (at < 0 || at > chars.length - s.length()) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (chars[at + j] != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    SourceRange range(int from, int to) {
        return inline.range(from, to);
    }

    private String resolve(String label) {
        return references.isEmpty() ? null : references.get(normalizeLabel(label));
    }

    /** Link labels match case-insensitively with whitespace folded (CommonMark 4.7). */
    static String normalizeLabel(String label) {
        return SpaceFolding.fold(label).toLowerCase(Locale.ROOT);
    }
}
