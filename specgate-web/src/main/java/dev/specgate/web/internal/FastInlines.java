package dev.specgate.web.internal;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.text.Characters;

/**
 * commonmark 0.30's inline parser ({@code InlineParserImpl}) for the inline syntax a spec's prose
 * mostly holds, on one string instead of a scanner over source lines: text, soft and hard line
 * breaks, code spans, emphasis and strong emphasis with {@code *} and {@code _} (the delimiter
 * algorithm ported step for step: flanking, the rule of three, the openers' lower bounds) and
 * inline links {@code [text](destination)} whose destination is one run of printable characters,
 * autolinks of a URI ({@code <https://...>}) and HTML comments. An {@code &} that starts no entity
 * (before a space, say) is text, as in commonmark; so are a backslash, an entity and {@code <}
 * inside a code span, whose content is literal. For anything else (a backslash, an entity or any
 * other {@code <} outside code spans, an image, a CR or NUL, a nested bracket, a link title, a
 * reference-style label, a destination in angle brackets or with parentheses, deep nesting) it
 * gives up, as soon as its one pass meets it, before touching the block, and the caller uses
 * commonmark's parser. Where it does not give up, it makes the nodes commonmark makes (adjacent
 * text merged, as commonmark merges it); {@code FastInlinesTest} holds both equal on generated and
 * real text. Inline nodes get no source spans (the renderer only reads blocks' spans). Not
 * thread-safe: one per page.
 */
final class FastInlines {

    /** Delimiter characters at most, so that nesting stays far below commonmark's limit (100). */
    private static final int MAX_DELIMITERS = 150;

    private static final int END = -1;

    private String s;
    // s's chars: C1 compiles String.charAt to a call with a coder check, an array read is cheaper
    private char[] cs = new char[256];
    private int n;
    private Node container;
    private Delimiter lastDelimiter;
    // the one open bracket (a nested one gives up): its "[" text node and the delimiter below it
    private Text bracket;
    private Delimiter bracketPrevious;
    private int trailingSpaces;
    private int delimiterChars;
    private final Delimiter[] bottoms = new Delimiter[12];

    /**
     * Parses {@code content} (a block's lines joined by {@code \n}) into {@code block}'s children,
     * as commonmark's inline parser would; or returns false, leaving {@code block} untouched, when
     * the content holds syntax this parser leaves to commonmark.
     */
    boolean parse(String content, Node block) {
        n = content.length();
        if (cs.length < n) {
            cs = new char[Math.max(n, cs.length * 2)];
        }
        content.getChars(0, n, cs, 0);
        s = content;
        container = new Paragraph();
        lastDelimiter = null;
        bracket = null;
        bracketPrevious = null;
        trailingSpaces = 0;
        delimiterChars = 0;
        try {
            if (!run()) {
                return false;
            }
            processDelimiters(null);
            mergeText(container);
            Node c = container.getFirstChild();
            while (c != null) {
                Node next = c.getNext();
                block.appendChild(c);
                c = next;
            }
            return true;
        } finally {
            s = null;
            container = null;
            lastDelimiter = null;
            bracket = null;
            bracketPrevious = null;
        }
    }

    /**
     * Whether the {@code &} at {@code i} starts an entity, whose syntax is left to commonmark: only
     * before "#", or before a letter, more letters or digits and ";"; else it is text ("Evidence &
     * Metrics", "?orgId=1&from=now-6h").
     */
    static boolean entity(char[] s, int i, int n) {
        return i + 1 < n && (s[i + 1] == '#' || entityName(s, i + 1, n));
    }

    /** Whether the {@code !} at {@code i} starts an image, which is left to commonmark. */
    static boolean image(char[] s, int i, int n) {
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

    static boolean special(char c) {
        return c < 128 && SPECIAL[c];
    }

    /**
     * The main loop of {@code InlineParserImpl.parse}; false to give up, as soon as it meets what
     * it leaves to commonmark (a backslash, a {@code <}, an entity, an image, a CR or NUL) where
     * commonmark would read it as syntax: outside code spans, whose content is literal. The nodes
     * made so far are in {@code container}, not in the block.
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
                    container.appendChild(
                            trailingSpaces >= 2 ? new HardLineBreak() : new SoftLineBreak());
                    trailingSpaces = 0;
                    i++;
                }
                case '[' -> {
                    if (bracket != null) {
                        return false;
                    }
                    bracket = new Text("[");
                    bracketPrevious = lastDelimiter;
                    container.appendChild(bracket);
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
        if (bracket != null) {
            return -1;
        }
        char[] cs = this.cs;
        // AutolinkInlineParser: the text up to the next '<' or '>', which must be a '>'
        int j = start + 1;
        while (j < n && cs[j] != '<' && cs[j] != '>') {
            j++;
        }
        if (j < n && cs[j] == '>') {
            if (uri(cs, start + 1, j)) {
                String content = s.substring(start + 1, j);
                Link link = new Link(content, null);
                link.appendChild(new Text(content));
                container.appendChild(link);
                return j + 1;
            }
            for (int k = start + 1; k < j; k++) {
                if (cs[k] == '@') {
                    return -1; // perhaps an e-mail address: its pattern is commonmark's
                }
            }
        }
        // HtmlInlineParser: "<!-->", "<!--->", or "<!--" up to the first "-->"
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
            int close = s.indexOf("-->", k);
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
        HtmlInline html = new HtmlInline();
        html.setLiteral(s.substring(start, end));
        container.appendChild(html);
        return end;
    }

    /**
     * {@code AutolinkInlineParser}'s URI pattern on {@code cs[from..to)}: {@code
     * [a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\u0000-\u0020]*}.
     */
    static boolean uri(char[] cs, int from, int to) {
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

    /** {@code parseText}: the character at {@code i} and the ordinary ones after it. */
    private int text(int start) {
        char[] cs = this.cs;
        int i = start + 1;
        while (i < n && !special(cs[i])) {
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
        container.appendChild(new Text(s.substring(start, end)));
        return i;
    }

    /**
     * {@code BackticksInlineParser}: a code span, or the run of backticks as text; -1 to give up (a
     * CR or NUL in the span).
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
                for (int k = afterOpening; k < beforeClosing; k++) {
                    if (cs[k] == '\r' || cs[k] == '\0') {
                        return -1;
                    }
                }
                String content = s.substring(afterOpening, beforeClosing).replace('\n', ' ');
                if (content.length() >= 3
                        && content.charAt(0) == ' '
                        && content.charAt(content.length() - 1) == ' '
                        && Characters.hasNonSpace(content)) {
                    content = content.substring(1, content.length() - 1);
                }
                container.appendChild(new Code(content));
                return i;
            }
        }
        container.appendChild(new Text(s.substring(start, afterOpening)));
        return afterOpening;
    }

    private int run(int i, char c) {
        while (i < n && cs[i] == c) {
            i++;
        }
        return i;
    }

    /** {@code scanDelimiters}: a run of {@code *} or {@code _}, as text and on the stack. */
    private int delimiters(int start, char c) {
        int end = run(start, c);
        int before = start == 0 ? END : s.codePointBefore(start);
        int after = end == n ? END : s.codePointAt(end);
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
        boolean canOpen;
        boolean canClose;
        if (c == '_') {
            canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation);
            canClose = rightFlanking && (!leftFlanking || afterIsPunctuation);
        } else {
            canOpen = leftFlanking;
            canClose = rightFlanking;
        }
        Text node = new Text(s.substring(start, end));
        container.appendChild(node);
        Delimiter d = new Delimiter(node, c, end - start, canOpen, canClose, lastDelimiter);
        if (d.previous != null) {
            d.previous.next = d;
        }
        lastDelimiter = d;
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
        if (bracket == null) {
            container.appendChild(new Text("]"));
            return i + 1;
        }
        int next = i + 1;
        char after = next < n ? cs[next] : '\0';
        if (after == '[') {
            return -1;
        }
        if (after != '(') {
            container.appendChild(new Text("]"));
            bracket = null;
            bracketPrevious = null;
            return next;
        }
        int start = next + 1;
        int end = start;
        while (end < n) {
            char c = cs[end];
            if (c == ')') {
                break;
            }
            if (c <= ' ' || c == '(' || (c >= 0x7f && c <= 0x9f)) {
                return -1;
            }
            // escapes and entities in a destination, or what could be a tag or an image
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
        Link link = new Link(s.substring(start, end), null);
        Node c = bracket.getNext();
        while (c != null) {
            Node following = c.getNext();
            link.appendChild(c);
            c = following;
        }
        processDelimiters(bracketPrevious);
        mergeText(link);
        bracket.unlink();
        bracket = null;
        bracketPrevious = null;
        container.appendChild(link);
        return end + 1;
    }

    /** {@code processDelimiters}, one text node per run instead of one per character. */
    private void processDelimiters(Delimiter stackBottom) {
        java.util.Arrays.fill(bottoms, null);
        Delimiter closer = lastDelimiter;
        while (closer != null && closer.previous != stackBottom) {
            closer = closer.previous;
        }
        while (closer != null) {
            if (!closer.canClose) {
                closer = closer.next;
                continue;
            }
            int key =
                    (closer.c == '*' ? 0 : 6)
                            + closer.originalLength % 3
                            + (closer.canOpen ? 3 : 0);
            Delimiter openerBottom = bottoms[key];
            int used = 0;
            boolean found = false;
            Delimiter opener = closer.previous;
            while (opener != null && opener != stackBottom && opener != openerBottom) {
                if (opener.canOpen && opener.c == closer.c) {
                    used = emphasis(opener, closer);
                    if (used > 0) {
                        found = true;
                        break;
                    }
                }
                opener = opener.previous;
            }
            if (!found) {
                bottoms[key] = closer.previous;
                if (!closer.canOpen) {
                    remove(closer);
                }
                closer = closer.next;
                continue;
            }
            opener.length -= used;
            opener.node.setLiteral(opener.node.getLiteral().substring(used));
            closer.length -= used;
            closer.node.setLiteral(closer.node.getLiteral().substring(used));
            Delimiter between = closer.previous;
            while (between != null && between != opener) {
                Delimiter previous = between.previous;
                remove(between);
                between = previous;
            }
            if (opener.length == 0) {
                opener.node.unlink();
                remove(opener);
            }
            if (closer.length == 0) {
                Delimiter next = closer.next;
                closer.node.unlink();
                remove(closer);
                closer = next;
            }
        }
        while (lastDelimiter != null && lastDelimiter != stackBottom) {
            remove(lastDelimiter);
        }
    }

    /** {@code EmphasisDelimiterProcessor.process}: the characters used, 0 for none. */
    private static int emphasis(Delimiter opener, Delimiter closer) {
        if ((opener.canClose || closer.canOpen)
                && closer.originalLength % 3 != 0
                && (opener.originalLength + closer.originalLength) % 3 == 0) {
            return 0;
        }
        int used;
        Node node;
        String delimiter = String.valueOf(opener.c);
        if (opener.length >= 2 && closer.length >= 2) {
            used = 2;
            node = new StrongEmphasis(delimiter + delimiter);
        } else {
            used = 1;
            node = new Emphasis(delimiter);
        }
        Node c = opener.node.getNext();
        while (c != null && c != closer.node) {
            Node next = c.getNext();
            node.appendChild(c);
            c = next;
        }
        opener.node.insertAfter(node);
        return used;
    }

    private void remove(Delimiter d) {
        if (d.previous != null) {
            d.previous.next = d.next;
        }
        if (d.next == null) {
            lastDelimiter = d.previous;
        } else {
            d.next.previous = d.previous;
        }
    }

    /** {@code mergeChildTextNodes}: adjacent text nodes made one, at every level. */
    private static void mergeText(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            if (node instanceof Text first) {
                Node next = node.getNext();
                if (next instanceof Text) {
                    StringBuilder sb = new StringBuilder(first.getLiteral());
                    while (next instanceof Text t) {
                        sb.append(t.getLiteral());
                        Node after = next.getNext();
                        next.unlink();
                        next = after;
                    }
                    first.setLiteral(sb.toString());
                }
                node = next;
            } else {
                if (node.getFirstChild() != null) {
                    mergeText(node);
                }
                node = node.getNext();
            }
        }
    }

    /** A run of delimiter characters: its one text node, what is left of it, what it can do. */
    private static final class Delimiter {
        final Text node;
        final char c;
        final int originalLength;
        final boolean canOpen;
        final boolean canClose;
        int length;
        Delimiter previous;
        Delimiter next;

        Delimiter(
                Text node,
                char c,
                int length,
                boolean canOpen,
                boolean canClose,
                Delimiter previous) {
            this.node = node;
            this.c = c;
            this.originalLength = length;
            this.length = length;
            this.canOpen = canOpen;
            this.canClose = canClose;
            this.previous = previous;
        }
    }
}
