package dev.specgate.web.internal;

import java.util.Arrays;
import java.util.Optional;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.text.Characters;

/**
 * A block's inline Markdown written straight into the page's UTF-8 bytes, with no commonmark node
 * in between. {@link #scan} is commonmark 0.30's inline parser ({@code InlineParserImpl}) for the
 * inline syntax a spec's prose mostly holds, on one string instead of a scanner over source lines:
 * text, soft and hard line breaks, code spans, emphasis and strong emphasis with {@code *} and
 * {@code _} (the delimiter algorithm ported step for step: flanking, the rule of three, the
 * openers' lower bounds) and inline links {@code [text](destination)} whose destination is one run
 * of printable characters, autolinks of a URI ({@code <https://...>}) and HTML comments. An {@code
 * &} that starts no entity (before a space, say) is text, as in commonmark; so are a backslash, an
 * entity and {@code <} inside a code span, whose content is literal. For anything else (a
 * backslash, an entity or any other {@code <} outside code spans, an image, a CR or NUL, a nested
 * bracket, a link title, a reference-style label, a destination in angle brackets or with
 * parentheses, deep nesting) it gives up, as soon as its one pass meets it, and the caller leaves
 * the block to commonmark's parser. Where commonmark makes a text node, a token is a range of the
 * block's chars; a run of delimiters carries the emphasis tags it closes and opens. {@link #write}
 * writes the tokens as {@link FastHtml} writes commonmark's nodes once {@code SpecHtmlRenderer} has
 * neutralized them (comments dropped, relative links resolved or shown as text, unsafe schemes
 * removed). {@code InlineHtmlTest} and {@code OneParseRenderingTest} hold its bytes equal to
 * commonmark's (on generated text, hand-picked cases and every block of the repository's Markdown).
 * Not thread-safe: one per thread.
 */
final class InlineHtml {

    /** Delimiter characters at most, so that nesting stays far below commonmark's limit (100). */
    private static final int MAX_DELIMITERS = 150;

    private static final int END = -1;

    // token kinds
    private static final byte TEXT = 0;
    private static final byte SOFT_BREAK = 1;
    private static final byte HARD_BREAK = 2;
    private static final byte CODE = 3;
    private static final byte DELIMITERS = 4;
    private static final byte BRACKET = 5; // "[" (text unless it became a link)
    private static final byte LINK = 6; // a link's opening: its destination's range
    private static final byte LINK_END = 7;
    private static final byte AUTOLINK = 8;
    private static final byte COMMENT = 9;

    private final UrlSanitizer sanitizer;

    private char[] cs = new char[256];
    private int n;

    // the tokens: kind and char range; for a delimiter run its char, lengths, flags, neighbours on
    // the delimiter stack, and the tags it closes (in match order) and opens (outer first)
    private int count;
    private byte[] kind = new byte[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int[] original = new int[64];
    private int[] left = new int[64];
    private boolean[] canOpen = new boolean[64];
    private boolean[] canClose = new boolean[64];
    private int[] previous = new int[64];
    private int[] next = new int[64];
    private int[] opens = new int[64];
    private int[] closes = new int[64];
    private int[] closesLast = new int[64];
    // for a text token: whether its chars are ASCII with none to escape (copied byte for byte)
    private boolean[] plain = new boolean[64];
    // the tags: 1 for em, 2 for strong, chained
    private int tags;
    private int[] tag = new int[32];
    private int[] tagNext = new int[32];

    private int lastDelimiter;
    private int bracket;
    private int bracketPrevious;
    private int trailingSpaces;
    private int delimiterChars;
    private final int[] bottoms = new int[12];

    // writing
    private HtmlBytes out;
    private char last;
    private int skip;
    private String linkEnd;

    InlineHtml(UrlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /**
     * Reads {@code content} (a block's lines joined by {@code \n}) into tokens, as commonmark's
     * inline parser would into nodes; false when it holds syntax left to commonmark.
     */
    boolean scan(String content) {
        int length = content.length();
        room(length);
        content.getChars(0, length, cs, 0);
        return scanned(length);
    }

    /** As {@link #scan(String)}, for the content {@code content[from, to)}. */
    boolean scan(char[] content, int from, int to) {
        int length = to - from;
        room(length);
        System.arraycopy(content, from, cs, 0, length);
        return scanned(length);
    }

    private void room(int length) {
        if (cs.length < length) {
            cs = new char[Math.max(length, cs.length * 2)];
        }
    }

    /** Reads the content copied into {@link #cs}. */
    private boolean scanned(int length) {
        n = length;
        count = 0;
        tags = 0;
        lastDelimiter = -1;
        bracket = -1;
        bracketPrevious = -1;
        trailingSpaces = 0;
        delimiterChars = 0;
        if (!run()) {
            return false;
        }
        processDelimiters(-1);
        return true;
    }

    /**
     * The literal of the text node commonmark would make first (adjacent text merged), or "" when
     * its first node is no text or when it does not start with {@code [}: what a task list marker
     * is read from.
     */
    String markerText() {
        if (count == 0 || cs[0] != '[') {
            return "";
        }
        // most often one range of the chars ("[ ] " is a bracket and three texts)
        int a0 = from[0];
        int b0 = a0;
        int t = 0;
        for (; t < count; t++) {
            byte k = kind[t];
            if (k == TEXT && from[t] == b0) {
                b0 = to[t];
            } else if (k == BRACKET && from[t] == b0) {
                b0++;
            } else {
                break;
            }
        }
        if (t == count
                || kind[t] == CODE
                || kind[t] == SOFT_BREAK
                || kind[t] == HARD_BREAK
                || kind[t] == COMMENT
                || kind[t] == AUTOLINK
                || kind[t] == LINK) {
            return new String(cs, a0, b0 - a0);
        }
        StringBuilder text = null;
        for (t = 0; t < count; t++) {
            byte k = kind[t];
            int a;
            int b;
            if (k == TEXT) {
                a = from[t];
                b = to[t];
            } else if (k == BRACKET) {
                a = from[t];
                b = a + 1;
            } else if (k == DELIMITERS && closes[t] < 0) {
                if (text == null) {
                    text = new StringBuilder();
                }
                for (int i = 0; i < left[t]; i++) {
                    text.append(cs[from[t]]);
                }
                if (opens[t] >= 0) {
                    break;
                }
                continue;
            } else {
                break;
            }
            if (text == null) {
                text = new StringBuilder();
            }
            text.append(cs, a, b - a);
        }
        return text == null ? "" : text.toString();
    }

    /**
     * Writes the tokens of the last {@link #scan} into {@code out}, the first {@code skip} chars of
     * the leading text left out (a task list marker's), links neutralized by {@code links}.
     *
     * @param last the last char written before, as {@link FastHtml} tracks it
     * @return the last char written, as {@link FastHtml} tracks it
     */
    char write(HtmlBytes out, LinkResolver links, int skip, char last) {
        this.out = out;
        this.last = last;
        this.skip = skip;
        for (int t = 0; t < count; t++) {
            switch (kind[t]) {
                case TEXT -> {
                    if (plain[t] && skip == 0) {
                        plainText(from[t], to[t]);
                    } else {
                        text(from[t], to[t]);
                    }
                }
                case SOFT_BREAK -> {
                    out.ascii('\n');
                    this.last = '\n';
                }
                case HARD_BREAK -> {
                    out.ascii("<br />\n");
                    this.last = '\n';
                }
                case CODE -> {
                    out.ascii("<code>");
                    text(from[t], to[t]);
                    out.ascii("</code>");
                    this.last = '>';
                }
                case DELIMITERS -> delimiters(t);
                case BRACKET -> text(from[t], from[t] + 1);
                case LINK -> link(new String(cs, from[t], to[t] - from[t]), links);
                case LINK_END -> end();
                case AUTOLINK -> {
                    link(new String(cs, from[t], to[t] - from[t]), links);
                    text(from[t], to[t]);
                    end();
                }
                default -> {} // a comment: dropped
            }
        }
        this.out = null;
        return this.last;
    }

    private void delimiters(int t) {
        for (int g = closes[t]; g >= 0; g = tagNext[g]) {
            out.ascii(tag[g] == 2 ? "</strong>" : "</em>");
            last = '>';
        }
        char c = cs[from[t]];
        int k = left[t];
        int dropped = Math.min(skip, k);
        skip -= dropped;
        for (int i = dropped; i < k; i++) {
            out.ascii(c);
            last = c;
        }
        for (int g = opens[t]; g >= 0; g = tagNext[g]) {
            out.ascii(tag[g] == 2 ? "<strong>" : "<em>");
            last = '>';
        }
    }

    /** {@code cs[a..b)} escaped, after what is left of the leading text to skip. */
    private void text(int a, int b) {
        if (skip > 0) {
            int k = Math.min(skip, b - a);
            a += k;
            skip -= k;
        }
        if (a == b) {
            return;
        }
        out.text(cs, a, b);
        char c = cs[b - 1];
        last = c == '&' || c == '<' || c == '>' || c == '"' ? ';' : c;
    }

    /** {@code cs[a..b)}, ASCII with nothing to escape ({@link #plain}), copied as it is. */
    private void plainText(int a, int b) {
        if (a == b) {
            return;
        }
        out.ascii(cs, a, b);
        last = cs[b - 1];
    }

    private void text(String value) {
        out.text(value);
    }

    /**
     * A link's opening as {@code SpecHtmlRenderer} neutralizes it and {@link FastHtml} writes it:
     * an anchor for a safe scheme, a fragment or a relative link to a page of the site; else the
     * span that shows its text instead.
     */
    private void link(String destination, LinkResolver links) {
        if (SpecHtmlRenderer.hasScheme(destination)) {
            if (SpecHtmlRenderer.isSafe(destination)) {
                anchor(destination);
            } else {
                span("unsafe", "Link removed: its address could run script");
            }
        } else if (destination.startsWith("#")) {
            anchor(destination);
        } else {
            Optional<String> href = links.resolve(destination);
            if (href.isPresent()) {
                anchor(href.get());
            } else {
                span("offsite", "Not part of this site: " + destination);
            }
        }
    }

    private void anchor(String url) {
        out.ascii("<a rel=\"noopener noreferrer nofollow\" href=\"");
        text(FastHtml.percentEncode(sanitizer.sanitizeLinkUrl(url)));
        out.ascii("\">");
        last = '>';
        linkEnd = "</a>";
    }

    private void span(String cls, String title) {
        out.ascii("<span class=\"");
        text(cls);
        out.ascii("\" title=\"");
        text(title);
        out.ascii("\">");
        last = '>';
        linkEnd = "</span>";
    }

    private void end() {
        out.ascii(linkEnd);
        last = '>';
    }

    // ---- the scan: commonmark's inline parser, on tokens

    /**
     * Whether the {@code &} at {@code i} starts an entity, whose syntax is left to commonmark: only
     * before "#", or before a letter, more letters or digits and ";"; else it is text ("Evidence &
     * Metrics", "?orgId=1&from=now-6h").
     */
    private static boolean entity(char[] s, int i, int n) {
        return i + 1 < n && (s[i + 1] == '#' || entityName(s, i + 1, n));
    }

    /** Whether the {@code !} at {@code i} starts an image, which is left to commonmark. */
    private static boolean image(char[] s, int i, int n) {
        return i + 1 < n && s[i + 1] == '[';
    }

    /**
     * Whether {@code s[from..]} could end an entity's name: a letter, then letters or digits, then
     * {@code ;} (commonmark's own pattern allows 2 to 32 of them; any run counts here, so that
     * whatever might be an entity goes to commonmark).
     */
    private static boolean entityName(char[] s, int from, int n) {
        if (!isAsciiLetter(s[from])) {
            return false;
        }
        int j = from + 1;
        while (j < n && (isAsciiLetter(s[j]) || (s[j] >= '0' && s[j] <= '9'))) {
            j++;
        }
        return j < n && s[j] == ';';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static final boolean[] SPECIAL = new boolean[128];

    static {
        // the syntax the main loop reads, and what it leaves to commonmark ("\r", "\0")
        for (char c : "*_\\`&<[]!\n\r\0".toCharArray()) {
            SPECIAL[c] = true;
        }
    }

    private static boolean special(char c) {
        return c < 128 && SPECIAL[c];
    }

    // what text() tells apart: an ordinary char, the main loop's syntax (SPECIAL), a char that is
    // text but escaped in HTML (HtmlBytes.text: '"', '>'; '&' and '<' are syntax)
    private static final byte ORDINARY = 0;
    private static final byte SYNTAX = 1;
    private static final byte ESCAPED_TEXT = 2;
    private static final byte[] TEXT_CHAR = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            TEXT_CHAR[c] = SPECIAL[c] ? SYNTAX : c == '"' || c == '>' ? ESCAPED_TEXT : ORDINARY;
        }
    }

    /**
     * {@code AutolinkInlineParser}'s URI pattern on {@code cs[from..to)}: {@code
     * [a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\u0000-\u0020]*}.
     */
    private static boolean uri(char[] cs, int from, int to) {
        if (from >= to || !isAsciiLetter(cs[from])) {
            return false;
        }
        int i = from + 1;
        while (i < to
                && (isAsciiLetter(cs[i])
                        || (cs[i] >= '0' && cs[i] <= '9')
                        || cs[i] == '.'
                        || cs[i] == '+'
                        || cs[i] == '-')) {
            i++;
        }
        int scheme = i - from;
        if (scheme < 2 || scheme > 32 || i == to || cs[i] != ':') {
            return false;
        }
        for (i++; i < to; i++) {
            char c = cs[i];
            if (c <= 0x20 || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private int add(byte k, int a, int b) {
        if (count == kind.length) {
            int size = count * 2;
            kind = Arrays.copyOf(kind, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
            original = Arrays.copyOf(original, size);
            left = Arrays.copyOf(left, size);
            canOpen = Arrays.copyOf(canOpen, size);
            canClose = Arrays.copyOf(canClose, size);
            previous = Arrays.copyOf(previous, size);
            next = Arrays.copyOf(next, size);
            opens = Arrays.copyOf(opens, size);
            closes = Arrays.copyOf(closes, size);
            closesLast = Arrays.copyOf(closesLast, size);
            plain = Arrays.copyOf(plain, size);
        }
        plain[count] = false;
        kind[count] = k;
        from[count] = a;
        to[count] = b;
        return count++;
    }

    /**
     * The main loop of {@code InlineParserImpl.parse}; false to give up, as soon as it meets what
     * it leaves to commonmark (a backslash, a {@code <}, an entity, an image, a CR or NUL) where
     * commonmark would read it as syntax: outside code spans, whose content is literal.
     */
    private boolean run() {
        char[] cs = this.cs;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            switch (c) {
                case '\\', '\r', '\0' -> {
                    return false;
                }
                case '<' -> {
                    i = angle(i);
                    if (i < 0) {
                        return false;
                    }
                }
                case '&' -> {
                    if (entity(cs, i, n)) {
                        return false;
                    }
                    i = text(i);
                }
                case '!' -> {
                    if (image(cs, i, n)) {
                        return false;
                    }
                    i = text(i);
                }
                case '\n' -> {
                    add(trailingSpaces >= 2 ? HARD_BREAK : SOFT_BREAK, i, i);
                    trailingSpaces = 0;
                    i++;
                }
                case '[' -> {
                    if (bracket >= 0) {
                        return false;
                    }
                    bracket = add(BRACKET, i, i + 1);
                    bracketPrevious = lastDelimiter;
                    i++;
                }
                case ']' -> {
                    i = closeBracket(i);
                    if (i < 0) {
                        return false;
                    }
                }
                case '`' -> {
                    i = backticks(i);
                    if (i < 0) {
                        return false;
                    }
                }
                case '*', '_' -> {
                    i = delimiters(i, c);
                    if (delimiterChars > MAX_DELIMITERS) {
                        return false;
                    }
                }
                default -> i = text(i);
            }
        }
        return true;
    }

    /**
     * What commonmark's parsers for {@code <} make of the {@code <} at {@code start}, in their
     * order: {@code AutolinkInlineParser}'s link for a URI in angle brackets ({@code
     * <https://status.example.com>}), else {@code HtmlInlineParser}'s node for an HTML comment (an
     * approval record's {@code <!-- sections: ... -->}); -1 to give up on anything else (an e-mail
     * autolink, a tag, a {@code <} inside an open bracket, a CR or NUL in the comment), which goes
     * to commonmark as before. A {@code <} that is none of these is text in commonmark, but left to
     * it here too.
     */
    private int angle(int start) {
        if (bracket >= 0) {
            return -1;
        }
        char[] cs = this.cs;
        int j = start + 1;
        while (j < n && cs[j] != '<' && cs[j] != '>') {
            j++;
        }
        if (j < n && cs[j] == '>') {
            if (uri(cs, start + 1, j)) {
                add(AUTOLINK, start + 1, j);
                return j + 1;
            }
            for (int k = start + 1; k < j; k++) {
                if (cs[k] == '@') {
                    return -1;
                }
            }
        }
        int k = start + 4;
        if (k > n || cs[start + 1] != '!' || cs[start + 2] != '-' || cs[start + 3] != '-') {
            return -1;
        }
        int end;
        if (k < n && cs[k] == '>') {
            end = k + 1;
        } else if (k + 1 < n && cs[k] == '-' && cs[k + 1] == '>') {
            end = k + 2;
        } else {
            int close = indexOfCommentEnd(k);
            if (close < 0) {
                return -1;
            }
            end = close + 3;
        }
        for (int m = start; m < end; m++) {
            if (cs[m] == '\r' || cs[m] == '\0') {
                return -1;
            }
        }
        add(COMMENT, start, end);
        return end;
    }

    /**
     * {@code parseText}: the char at {@code start} and the ordinary ones after it, trimmed as it
     * trims.
     */
    private int text(int start) {
        char[] cs = this.cs;
        // whether the token is ASCII with nothing to escape (its first char may be syntax read as
        // text: '&', '!')
        char first = cs[start];
        boolean ascii = first < 128 && TEXT_CHAR[first] == ORDINARY;
        int i = start + 1;
        while (i < n) {
            char c = cs[i];
            if (c < 128) {
                byte k = TEXT_CHAR[c];
                if (k != ORDINARY) {
                    if (k == SYNTAX) {
                        break;
                    }
                    ascii = false;
                }
            } else {
                ascii = false;
            }
            i++;
        }
        int end = i;
        if (i < n && cs[i] == '\n') {
            while (end > start && cs[end - 1] == ' ') {
                end--;
            }
            trailingSpaces = i - end;
        } else if (i == n) {
            while (end > start && (cs[end - 1] == ' ' || cs[end - 1] == '\t')) {
                end--;
            }
        }
        int t = add(TEXT, start, end); // before plain is read: add may grow it
        plain[t] = ascii;
        return i;
    }

    /**
     * A code span (its content's line ends made spaces in the kept chars, one space stripped from
     * each side as commonmark strips it), or the run of backticks as text; -1 to give up.
     */
    private int backticks(int start) {
        int afterOpening = run(start, '`');
        int length = afterOpening - start;
        int i = afterOpening;
        while (i < n) {
            if (cs[i] != '`') {
                i++;
                continue;
            }
            int beforeClosing = i;
            i = run(i, '`');
            if (i - beforeClosing == length) {
                boolean nonSpace = false;
                for (int k = afterOpening; k < beforeClosing; k++) {
                    char c = cs[k];
                    if (c == '\r' || c == '\0') {
                        return -1;
                    }
                    if (c == '\n') {
                        cs[k] = ' ';
                    } else if (c != ' ') {
                        nonSpace = true;
                    }
                }
                int a = afterOpening;
                int b = beforeClosing;
                if (b - a >= 3 && cs[a] == ' ' && cs[b - 1] == ' ' && nonSpace) {
                    a++;
                    b--;
                }
                add(CODE, a, b);
                return i;
            }
        }
        add(TEXT, start, afterOpening);
        return afterOpening;
    }

    /** Where the first {@code -->} from {@code k} starts in the content, or -1. */
    private int indexOfCommentEnd(int k) {
        for (int i = k; i + 2 < n; i++) {
            if (cs[i] == '-' && cs[i + 1] == '-' && cs[i + 2] == '>') {
                return i;
            }
        }
        return -1;
    }

    private int run(int i, char c) {
        while (i < n && cs[i] == c) {
            i++;
        }
        return i;
    }

    /** {@code scanDelimiters}: a run of {@code *} or {@code _}, a token on the delimiter stack. */
    private int delimiters(int start, char c) {
        int end = run(start, c);
        int before = start == 0 ? END : Character.codePointBefore(cs, start);
        int after = end == n ? END : Character.codePointAt(cs, end, n);
        boolean beforeIsPunctuation = before == END || Characters.isPunctuationCodePoint(before);
        boolean beforeIsWhitespace = before == END || Characters.isWhitespaceCodePoint(before);
        boolean afterIsPunctuation = after == END || Characters.isPunctuationCodePoint(after);
        boolean afterIsWhitespace = after == END || Characters.isWhitespaceCodePoint(after);
        boolean leftFlanking =
                !afterIsWhitespace
                        && (!afterIsPunctuation || beforeIsWhitespace || beforeIsPunctuation);
        boolean rightFlanking =
                !beforeIsWhitespace
                        && (!beforeIsPunctuation || afterIsWhitespace || afterIsPunctuation);
        int t = add(DELIMITERS, start, end);
        if (c == '_') {
            canOpen[t] = leftFlanking && (!rightFlanking || beforeIsPunctuation);
            canClose[t] = rightFlanking && (!leftFlanking || afterIsPunctuation);
        } else {
            canOpen[t] = leftFlanking;
            canClose[t] = rightFlanking;
        }
        original[t] = end - start;
        left[t] = end - start;
        previous[t] = lastDelimiter;
        next[t] = -1;
        opens[t] = -1;
        closes[t] = -1;
        closesLast[t] = -1;
        if (lastDelimiter >= 0) {
            next[lastDelimiter] = t;
        }
        lastDelimiter = t;
        delimiterChars += end - start;
        return end;
    }

    /**
     * {@code parseCloseBracket} for the supported forms: {@code ](destination)} makes a link, a
     * bracket followed by neither {@code (} nor {@code [} is text (a kept tree defines no link
     * reference, so {@code [x]} is no link). Returns the index after what it read, or -1 to give
     * up.
     */
    private int closeBracket(int i) {
        if (bracket < 0) {
            add(TEXT, i, i + 1);
            return i + 1;
        }
        int after = i + 1;
        char c0 = after < n ? cs[after] : '\0';
        if (c0 == '[') {
            return -1;
        }
        if (c0 != '(') {
            add(TEXT, i, i + 1);
            bracket = -1;
            bracketPrevious = -1;
            return after;
        }
        int start = after + 1;
        int end = start;
        while (end < n) {
            char c = cs[end];
            if (c == ')') {
                break;
            }
            if (c <= ' ' || c == '(' || (c >= 0x7f && c <= 0x9f)) {
                return -1;
            }
            if (c == '\\'
                    || c == '<'
                    || (c == '&' && entity(cs, end, n))
                    || (c == '!' && image(cs, end, n))) {
                return -1;
            }
            end++;
        }
        if (end == n || end == start) {
            return -1;
        }
        kind[bracket] = LINK;
        from[bracket] = start;
        to[bracket] = end;
        processDelimiters(bracketPrevious);
        add(LINK_END, i, end + 1);
        bracket = -1;
        bracketPrevious = -1;
        return end + 1;
    }

    /** {@code processDelimiters}, on the delimiter tokens, one token per run. */
    private void processDelimiters(int stackBottom) {
        Arrays.fill(bottoms, -1);
        int closer = lastDelimiter;
        while (closer >= 0 && previous[closer] != stackBottom) {
            closer = previous[closer];
        }
        while (closer >= 0) {
            if (!canClose[closer]) {
                closer = next[closer];
                continue;
            }
            char c = cs[from[closer]];
            int key = (c == '*' ? 0 : 6) + original[closer] % 3 + (canOpen[closer] ? 3 : 0);
            int openerBottom = bottoms[key];
            int used = 0;
            boolean found = false;
            int opener = previous[closer];
            while (opener >= 0 && opener != stackBottom && opener != openerBottom) {
                if (canOpen[opener] && cs[from[opener]] == c) {
                    used = emphasis(opener, closer);
                    if (used > 0) {
                        found = true;
                        break;
                    }
                }
                opener = previous[opener];
            }
            if (!found) {
                bottoms[key] = previous[closer];
                if (!canOpen[closer]) {
                    remove(closer);
                }
                closer = next[closer];
                continue;
            }
            left[opener] -= used;
            left[closer] -= used;
            int between = previous[closer];
            while (between >= 0 && between != opener) {
                int before = previous[between];
                remove(between);
                between = before;
            }
            if (left[opener] == 0) {
                remove(opener);
            }
            if (left[closer] == 0) {
                int after = next[closer];
                remove(closer);
                closer = after;
            }
        }
        while (lastDelimiter >= 0 && lastDelimiter != stackBottom) {
            remove(lastDelimiter);
        }
    }

    /**
     * {@code EmphasisDelimiterProcessor.process}: the characters used, 0 for none; the tag is
     * recorded on both runs (the opener's outer tags first, the closer's inner first).
     */
    private int emphasis(int opener, int closer) {
        if ((canClose[opener] || canOpen[closer])
                && original[closer] % 3 != 0
                && (original[opener] + original[closer]) % 3 == 0) {
            return 0;
        }
        int used = left[opener] >= 2 && left[closer] >= 2 ? 2 : 1;
        if (tags + 2 > tag.length) {
            tag = Arrays.copyOf(tag, tag.length * 2);
            tagNext = Arrays.copyOf(tagNext, tagNext.length * 2);
        }
        int open = tags++;
        tag[open] = used;
        tagNext[open] = opens[opener];
        opens[opener] = open;
        int close = tags++;
        tag[close] = used;
        tagNext[close] = -1;
        if (closesLast[closer] < 0) {
            closes[closer] = close;
        } else {
            tagNext[closesLast[closer]] = close;
        }
        closesLast[closer] = close;
        return used;
    }

    private void remove(int d) {
        if (previous[d] >= 0) {
            next[previous[d]] = next[d];
        }
        if (next[d] < 0) {
            lastDelimiter = previous[d];
        } else {
            previous[next[d]] = previous[d];
        }
    }
}
