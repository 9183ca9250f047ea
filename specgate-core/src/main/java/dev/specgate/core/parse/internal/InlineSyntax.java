package dev.specgate.core.parse.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline Markdown syntax of one block's text, as far as Specgate reads it: code spans,
 * backslash escapes, HTML comments and autolinks (masked: blanked out in a copy of the text, line
 * breaks kept, so that nothing inside them reads as a token), bracket pairs, inline link
 * destinations and inline HTML ids. Specgate's own tokens (placeholders, bold labels, date tokens)
 * are {@link InlineScanner}'s, read from the masked text. Linear in the text's length.
 */
final class InlineSyntax {

    /** An {@code id} or {@code name} attribute, the same as in HTML blocks. */
    static final Pattern HTML_ID = Pattern.compile("\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");

    /** The deepest nesting of parentheses a bare link destination may have (as commonmark). */
    static final int MAX_PAREN_DEPTH = 32;

    // Which characters the text holds, found in one pass so that each later pass that looks for
    // one of them is skipped in blocks without it (most blocks are plain prose). Masking only
    // blanks characters out, so a character absent from the text is absent from the masked text.
    static final int BACKTICK = 1;
    static final int LT = 1 << 1;
    static final int BACKSLASH = 1 << 2;
    static final int OPEN_SQUARE = 1 << 3;
    static final int OPEN_BRACE = 1 << 4;
    static final int STAR = 1 << 5;
    static final int Y = 1 << 6;

    /**
     * The marks a token starts with: a comment or tag ('<'), a bracket, link or task box ('['), a
     * brace placeholder ('{'), a bold label ('*'), a date token ('Y'). Code spans and escapes
     * (BACKTICK, BACKSLASH) only blank text out, so a block without any of these marks holds
     * nothing to find, whether it holds code spans or not.
     */
    static final int TOKEN_MARKS = LT | OPEN_SQUARE | OPEN_BRACE | STAR | Y;

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

    /**
     * Working memory that one thread's blocks share, so that each block does not allocate (and the
     * collector does not sweep) arrays as long as its text. A thread's parses share one ({@link
     * #ofThread}), so that each spec does not grow its own again; one parse at a time uses it.
     */
    static final class Scratch {

        /** Arrays up to this length are kept for the thread's later blocks; longer ones are not. */
        private static final int KEPT_LENGTH = 1 << 16;

        private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

        private int[] close = new int[256];

        /**
         * The offsets of the '[' not closed yet, a stack without boxing ({@link #openBracket}), and
         * how many of them are; grown as needed.
         */
        private int[] open = new int[16];

        private int depth;

        /** The calling thread's scratch. */
        static Scratch ofThread() {
            return OF_THREAD.get();
        }

        int[] close(int length) {
            if (close.length < length) {
                int[] grown = new int[Math.max(length, close.length * 2)];
                if (grown.length > KEPT_LENGTH) {
                    return grown; // one huge block's: not held for the thread's life
                }
                close = grown;
            }
            return close;
        }

        /**
         * Starts pairing a text's brackets ({@link #pairInText}, {@link #closeBrackets}): '[' by
         * '[' ({@link #openBracket}) and ']' by ']' ({@link #closeBracket}), then {@link
         * #endPairing}. A stack one huge block grew is not held for the thread's life.
         */
        void startPairing() {
            depth = 0;
            if (open.length > KEPT_LENGTH) {
                open = new int[16];
            }
        }

        /** A '[' at {@code k}, open until a ']' pairs it. */
        void openBracket(int k) {
            if (depth == open.length) {
                growOpen(); // a call of its own: C1 inlines this method only while it is small
            }
            open[depth++] = k;
        }

        private void growOpen() {
            open = Arrays.copyOf(open, depth * 2);
        }

        /** A ']' at {@code k}: pairs the innermost open '[' in {@code close}, if one is. */
        void closeBracket(int[] close, int k) {
            if (depth > 0) {
                close[open[--depth]] = k;
            }
        }

        /** Marks each '[' still open as unpaired in {@code close}. */
        void endPairing(int[] close) {
            for (int d = 0; d < depth; d++) {
                close[open[d]] = -1;
            }
        }
    }

    private final InlineText inline;

    /** The block's text, unmasked; shared with the {@link InlineText}, never changed. */
    final char[] text;

    /**
     * The text with code spans, escapes, comments and autolinks blanked, as Specgate's token
     * readers read it ({@link #masked()}), or null until a reader asks for it: most readers are
     * skipped in most blocks (a task item whose only '[' is its box reads no bracket), and those
     * blocks never pay for the copy and the blanking. The text itself when there is nothing to
     * blank, or when code spans are all there is and blanking them cannot change what the readers
     * find ({@link #codeSpansUnread}); {@link #blanked()} has them blanked in any case.
     */
    private char[] masked;

    /**
     * The text with all of it blanked: {@link #masked}, or made on first use when that left code.
     */
    private char[] blanked;

    private final int present;
    private final Scratch scratch;

    /**
     * The comments' {start, end} offsets, or null when the text holds none (most blocks): a test
     * for null, where a call to the list's isEmpty() was an interface call under C1.
     */
    private ArrayList<int[]> commentSpans;

    private static final int UNKNOWN = -2;
    private int lastCommentClose = UNKNOWN;

    /** The offsets of the text's first and last backtick (-1: none), found on first use. */
    private int firstBacktick = UNKNOWN;

    private int lastBacktick = UNKNOWN;
    private boolean[] inComment;

    InlineSyntax(InlineText inline, Scratch scratch) {
        this.inline = inline;
        // arrays rather than strings: a string's chars would be inflated from Latin-1 on every
        // copy, and the C1 compiler reads an array faster than String.charAt
        this.text = inline.chars();
        this.scratch = scratch;
        // the one-pass block parser found the marks as it read the lines (or more: a mark that
        // is not there only costs a pass that finds nothing)
        this.present = inline.marks() >= 0 ? inline.marks() : presentMarks(text);
    }

    /**
     * The text with code spans, escapes, comments and autolinks blanked ({@link #masked}), made on
     * first use. Read-only.
     */
    char[] masked() {
        return masked != null ? masked : maskNow(); // small: C1 inlines it
    }

    private char[] maskNow() {
        // only masking writes to the masked chars: a block without code spans, escapes or tags
        // (most blocks), or whose code spans no reader can tell from text, shares the text's
        // array instead of copying it
        boolean codeLeft = has(BACKTICK) && codeSpansUnread();
        char[] m = has(BACKTICK | BACKSLASH | LT) && !codeLeft ? text.clone() : text;
        if (m != text && has(BACKTICK)) {
            blankCodeSpans(m);
        }
        if (has(BACKSLASH | LT)) {
            maskEscapesCommentsAndAutolinks(m);
        }
        blanked = codeLeft ? null : m;
        masked = m;
        return m;
    }

    /**
     * Whether blanking the code spans cannot change what the token readers find in this block, so
     * that they may read the text itself (most list items with code: {@code - **Owner:** the
     * `billing` team}): code spans are all there is to blank (no escape, comment or autolink), '*'
     * is the only token mark (no bracket, brace, date token or tag, whose readers scan the whole
     * text), and no '*' stands at or after the first backtick. The bold label reading ({@link
     * InlineScanner#labels}) then sees every '*' where the masked text has it, and compares the
     * chars next to a "**" only before the first backtick (the char just after a "**" at most at
     * it, where it is '`' in the text and blank or '`' in the masked text, never ':'). One pass,
     * where masking cost a copy, a pass that pairs the backtick runs and the blanking.
     */
    private boolean codeSpansUnread() {
        return !has(LT | BACKSLASH | OPEN_SQUARE | OPEN_BRACE | Y)
                && noStarFromFirstBacktick(text, 0, text.length);
    }

    /**
     * Whether no '*' stands at or after the first backtick of {@code [from, to)} of {@code chars}
     * (or there is no backtick): what {@link #codeSpansUnread} asks of the text.
     */
    static boolean noStarFromFirstBacktick(char[] chars, int from, int to) {
        int k = from;
        while (k < to && chars[k] != '`') {
            k++;
        }
        for (; k < to; k++) {
            if (chars[k] == '*') {
                return false;
            }
        }
        return true;
    }

    /** {@link #starsAndCode}: a '*' stands at or after the first backtick. */
    static final int STAR_AFTER_BACKTICK = -1;

    /** {@link #starsAndCode}: no such '*', and every code span opened closes within the range. */
    static final int CODE_CLOSED = 0;

    /** {@link #starsAndCode}: no such '*', and a backtick run is left open. */
    static final int CODE_OPEN = 1;

    /**
     * {@link #noStarFromFirstBacktick} of {@code [from, to)} of {@code chars}, and whether every
     * backtick run in it opens or closes a code span within it (each run, read left to right, finds
     * a run as long later on), in one pass: {@link #STAR_AFTER_BACKTICK}, else {@link #CODE_OPEN}
     * or {@link #CODE_CLOSED}. With {@link #CODE_CLOSED} the code spans of a paragraph holding this
     * as a line (without escapes) are the line's own, whatever the lines around it hold.
     */
    static int starsAndCode(char[] chars, int from, int to) {
        int k = from;
        while (k < to && chars[k] != '`') {
            k++;
        }
        // the length of the run that opened the code span the scan is in (0: none), as {@link
        // CodeSpans#find} pairs runs: a run closes the span the next run of its length opened
        int open = 0;
        while (k < to) {
            char ch = chars[k];
            if (ch > '`') {
                k++; // a lowercase letter, most chars: one comparison
            } else if (ch == '`') {
                int run = k;
                do {
                    k++;
                } while (k < to && chars[k] == '`');
                if (open == 0) {
                    open = k - run;
                } else if (open == k - run) {
                    open = 0;
                }
            } else if (ch == '*') {
                return STAR_AFTER_BACKTICK;
            } else {
                k++;
            }
        }
        return open == 0 ? CODE_CLOSED : CODE_OPEN;
    }

    /**
     * Whether {@link #masked} costs no pass over the text: it is made, or there is nothing to blank
     * (no code span, escape, comment or autolink), when it is the text itself.
     */
    boolean masksFreely() {
        return masked != null || !has(BACKTICK | BACKSLASH | LT);
    }

    /**
     * Whether masking leaves the text from {@code from} on as it is up to the next backtick: code
     * spans are all it blanks (no escape, comment or autolink), and none runs across {@code from}
     * (none starts before it, or none ends at or after it). Then a reader that stops at a backtick
     * reads the text as it reads the masked text, which is not made for it.
     */
    boolean unmaskedUpToBacktick(int from) {
        if (has(BACKSLASH | LT)) {
            return false;
        }
        if (from == 0) {
            return true; // nothing runs across the text's start: no search
        }
        findBackticks();
        return firstBacktick >= from || lastBacktick < from;
    }

    /**
     * Finds {@link #firstBacktick} and {@link #lastBacktick} on first use: two searches that stop
     * at the first backtick from either end.
     */
    private void findBackticks() {
        if (firstBacktick != UNKNOWN) {
            return;
        }
        if (has(BACKTICK)) {
            firstBacktick = indexOf(text, '`', 0);
            lastBacktick = lastIndexOf(text, '`');
        } else {
            firstBacktick = -1;
            lastBacktick = -1;
        }
    }

    /**
     * Whether masking may blank {@code c} without blanking a char before it: the first char of a
     * code span, an escape, a comment or an autolink.
     */
    static boolean startsBlanked(char c) {
        return c == '`' || c == '\\' || c == '<';
    }

    /**
     * Whether masking may blank {@code chars[j]} without blanking the char after it: the last char
     * of a code span ('`'), a comment or an autolink ('>'), or an escape (a char after a
     * backslash).
     */
    static boolean mayEndBlanked(char[] chars, int j) {
        return chars[j] == '`' || chars[j] == '>' || (j > 0 && chars[j - 1] == '\\');
    }

    /**
     * The text with code spans, escapes, comments and autolinks blanked, whatever {@link #masked}
     * left: for readers other than Specgate's tokens ({@link InlineScanner#blanked}).
     */
    char[] blanked() {
        return blanked != null ? blanked : blankedNow();
    }

    private char[] blankedNow() {
        if (masked == null) {
            maskNow();
            if (blanked != null) {
                return blanked; // nothing was left unblanked
            }
        }
        // only code spans were left: nothing else to blank (codeSpansUnread)
        char[] b = text.clone();
        blankCodeSpans(b);
        blanked = b;
        return b;
    }

    private static int presentMarks(char[] chars) {
        return marks(chars, 0, chars.length);
    }

    /** The marks of the characters {@code [from, to)} of {@code chars} hold. */
    static int marks(char[] chars, int from, int to) {
        int marks = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 128) {
                marks |= MARK_OF[c]; // a table beats a switch under C1
            }
        }
        return marks;
    }

    /** The marks of the characters of {@code text}. */
    static int marks(CharSequence text) {
        int marks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                marks |= MARK_OF[c];
            }
        }
        return marks;
    }

    /** The mark of one character: 0 for most. */
    static int markOf(char c) {
        return c < 128 ? MARK_OF[c] : 0;
    }

    /** Whether the text holds any of the characters of {@code marks}. */
    boolean has(int marks) {
        return (present & marks) != 0;
    }

    InlineText inline() {
        return inline;
    }

    /** {@code [from, to)} of the unmasked text. */
    String string(int from, int to) {
        return new String(text, from, to - from);
    }

    /** {@code [from, to)} of the text with all of it blanked ({@link #blanked()}). */
    String masked(int from, int to) {
        return new String(blanked(), from, to - from);
    }

    /**
     * Blanks the code spans of {@code chars}, a copy of the text that nothing is blanked in yet.
     */
    private static void blankCodeSpans(char[] chars) {
        int[] spans = CodeSpans.find(chars, chars.length);
        for (int i = 0; i < spans.length; i += 2) {
            blank(chars, spans[i], spans[i + 1]);
        }
    }

    /** Escapes, comments and autolinks outside code spans. */
    private void maskEscapesCommentsAndAutolinks(char[] masked) {
        int n = text.length;
        for (int k = 0; k < n; k++) {
            char ch = masked[k];
            if (ch == '\\' && k + 1 < n && isAsciiPunctuation(masked[k + 1])) {
                blank(masked, k, k + 2);
                k++;
            } else if (ch == '<') {
                int end = commentEnd(k);
                if (end > 0) {
                    if (commentSpans == null) {
                        commentSpans = new ArrayList<>(2);
                    }
                    commentSpans.add(new int[] {k, end});
                    blank(masked, k, end);
                    k = end - 1;
                } else {
                    end = autolinkEnd(masked, k);
                    if (end > 0) {
                        blank(masked, k, end);
                        k = end - 1;
                    }
                }
            }
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

    private static int autolinkEnd(char[] masked, int k) {
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

    private static void blank(char[] chars, int from, int to) {
        for (int k = from; k < to; k++) {
            if (chars[k] != '\n') {
                chars[k] = ' ';
            }
        }
    }

    /** How many HTML comments the text holds. */
    int commentCount() {
        ArrayList<int[]> spans = comments();
        return spans == null ? 0 : spans.size();
    }

    /**
     * The comments' spans ({@link #commentSpans}), found by masking the text when it may hold one.
     */
    private ArrayList<int[]> comments() {
        if (masked == null && has(LT) && mayHoldComment()) {
            maskNow();
        }
        return commentSpans;
    }

    /** Whether the text holds a "<!--" (-1: not known yet; 0: no; 1: yes). */
    private int commentOpen = -1;

    /**
     * Whether the text holds a "<!--": without one masking finds no comment, and a block with an
     * autolink or a tag need not be masked to know it holds none.
     */
    private boolean mayHoldComment() {
        if (commentOpen < 0) {
            commentOpen = indexOf(text, "<!--", 0) >= 0 ? 1 : 0;
        }
        return commentOpen == 1;
    }

    /** Comment {@code i}'s text, without its {@code <!--} and {@code -->}, trimmed. */
    String commentText(int i) {
        int[] span = comments().get(i);
        return string(span[0] + 4, span[1] - 3).trim();
    }

    /** The offset at which comment {@code i} starts. */
    int commentStart(int i) {
        return comments().get(i)[0];
    }

    /** Whether offset {@code k} lies inside an HTML comment. */
    boolean inComment(int k) {
        boolean[] mask = commentMask();
        return mask != null && mask[k];
    }

    /**
     * For each offset whether it lies inside an HTML comment, made on first use; null when the text
     * holds none (most texts).
     */
    boolean[] commentMask() {
        if (inComment == null && (present & LT) != 0 && comments() != null) {
            inComment = new boolean[text.length];
            for (int i = 0; i < commentSpans.size(); i++) {
                int[] span = commentSpans.get(i);
                Arrays.fill(inComment, span[0], span[1], true);
            }
        }
        return inComment;
    }

    /** The text with HTML comments removed: what a reader sees of a heading. */
    String textWithoutComments() {
        if (comments() == null) {
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
     * The bracket pairs of the text from its first '[' at or after {@code from}: {@code chars}, the
     * text they were read from (the masked text, or the text itself where masking cannot move a
     * bracket), {@code first}, the offset of that '[', and {@code close}, for each '[' of {@code
     * chars} from {@code first} on the offset of its matching ']' or -1 (other entries are stale:
     * the array is shared scratch, read only at a '[').
     */
    record BracketPairs(char[] chars, int first, int[] close) {}

    /**
     * The bracket pairs from the first '[' at or after {@code from} ({@link BracketPairs}), or null
     * when there is none. The brackets before {@code from} must pair up among themselves (none, or
     * a task box). Linear: one pass, and masking only where it may change a pair: without escapes
     * and comments ({@link #pairInText}), the text is paired as it stands, code spans and autolinks
     * passed over as masking would blank them (a paragraph such as {@code the `v2` flag, see [the
     * spec](x.md) and <https://status.example.com>}), and the masked text is not made.
     */
    BracketPairs bracketPairs(int from) {
        if (masked == null && !has(BACKSLASH) && noCodeOrTagBefore(from)) {
            int[] close = scratch.close(text.length);
            int first = pairInText(from, close);
            if (first != MASK_FIRST) {
                return first < 0 ? null : new BracketPairs(text, first, close);
            }
        }
        char[] m = masked();
        int first = indexOf(m, '[', from);
        return first < 0 ? null : new BracketPairs(m, first, closeBrackets(m, first));
    }

    /** Whether no backtick or '<' stands before {@code from} (a task box's end, or 0). */
    private boolean noCodeOrTagBefore(int from) {
        for (int k = 0; k < from; k++) {
            if (text[k] == '`' || text[k] == '<') {
                return false;
            }
        }
        return true;
    }

    /** {@link #pairInText}: the text cannot be paired without masking it first. */
    private static final int MASK_FIRST = -2;

    /**
     * The code spans whose closing run {@link #pairInText} looks for in vain before it leaves the
     * text to masking: each such search reads the rest of the text (at most once per run length, as
     * no later run has that length), masking pairs the runs in one pass.
     */
    private static final int UNCLOSED_RUNS = 4;

    /**
     * Pairs the brackets of the text from {@code from} on into {@code close} as {@link
     * #closeBrackets} pairs them in the masked text, where the text holds no escape and no bracket
     * or '<' stands before {@code from}: a code span (each backtick run closed by the next run of
     * its length, as {@link CodeSpans#find} pairs them) and an autolink are passed over, each '['
     * in them marked -1. Returns the offset of the first '[' outside them (-1: none), or {@link
     * #MASK_FIRST} where the text's chars may not be what masking reads: a comment's "<!--", an
     * autolink whose reach holds a backtick (a code span there may cut it short), too many unclosed
     * runs.
     */
    private int pairInText(int from, int[] close) {
        char[] chars = text; // a local: C1 reloads a field on every step of a loop
        int n = chars.length;
        Scratch brackets = scratch;
        brackets.startPairing();
        int first = -1;
        int unclosed = 0;
        int k = from;
        while (k < n) {
            char ch = chars[k];
            if (ch > '`') {
                k++; // a lowercase letter, most chars: one comparison
            } else if (ch == '[') {
                if (first < 0) {
                    first = k;
                }
                brackets.openBracket(k);
                k++;
            } else if (ch == ']') {
                brackets.closeBracket(close, k);
                k++;
            } else if (ch == '`') {
                int end = CodeSpans.closing(chars, k, n);
                if (end < 0) {
                    if (++unclosed > UNCLOSED_RUNS) {
                        return MASK_FIRST;
                    }
                    k = -end; // literal backticks
                } else {
                    k = passOver(chars, k, end, close);
                }
            } else if (ch == '<') {
                if (startsWith(chars, "<!--", k)) {
                    return MASK_FIRST;
                }
                int end = autolinkEnd(chars, k);
                if (end < 0) {
                    k++; // no autolink in the masked text either: it would be one in the text
                } else if (holds(chars, k, end, '`')) {
                    return MASK_FIRST;
                } else {
                    k = passOver(chars, k, end, close);
                }
            } else {
                k++;
            }
        }
        brackets.endPairing(close);
        return first;
    }

    /** Whether {@code [from, to)} of {@code chars} holds {@code c}. */
    private static boolean holds(char[] chars, int from, int to, char c) {
        for (int k = from; k < to; k++) {
            if (chars[k] == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * The offset just past the autolink at {@code k} of the text when masking blanks all of {@code
     * [k, end)}, found without masking: no escape or comment, and no backtick in the autolink (then
     * it is blanked as an autolink, or as part of a code span that holds it), else -1.
     */
    int blankAutolinkEnd(int k) {
        if (has(BACKSLASH) || mayHoldComment()) {
            return -1;
        }
        int end = autolinkEnd(text, k);
        return end < 0 || holds(text, k, end, '`') ? -1 : end;
    }

    /**
     * Marks each '[' of {@code [from, to)} of {@code chars}, a span masking blanks, as unpaired in
     * {@code close} (the scan reads the text's '[' there); returns {@code to}.
     */
    private static int passOver(char[] chars, int from, int to, int[] close) {
        for (int k = from; k < to; k++) {
            if (chars[k] == '[') {
                close[k] = -1;
            }
        }
        return to;
    }

    /**
     * The matching ']' of each '[' of {@code chars} from {@code from} on ({@link
     * BracketPairs#close}).
     */
    private int[] closeBrackets(char[] chars, int from) {
        int n = chars.length;
        Scratch brackets = scratch;
        int[] close = brackets.close(n);
        brackets.startPairing();
        for (int k = from; k < n; k++) {
            char ch = chars[k];
            if (ch == '[') {
                brackets.openBracket(k);
            } else if (ch == ']') {
                brackets.closeBracket(close, k);
            }
        }
        brackets.endPairing(close);
        return close;
    }

    /** The first {@code c} of {@code chars} from {@code from}, or -1. */
    private static int indexOf(char[] chars, char c, int from) {
        for (int k = from; k < chars.length; k++) {
            if (chars[k] == c) {
                return k;
            }
        }
        return -1;
    }

    /** An inline link's destination and the offset just past its closing parenthesis. */
    record InlineLink(String destination, int end) {}

    /**
     * The inline link whose text closes at {@code c} ({@code [text](dest "title")}), or null.
     * Follows CommonMark closely enough for positions, and stays linear: a bare destination stops
     * at whitespace or after {@link #MAX_PAREN_DEPTH} nested parentheses, a title at its closing
     * quote.
     */
    InlineLink inlineLink(int c) {
        int n = text.length;
        int k = c + 1;
        // the text, not the masked text: a '(' right after a ']' that masking left is never
        // blanked (a blanked span holding it would hold the ']' too, or start with it)
        if (k >= n || text[k] != '(') {
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
                if (ch > ')' && ch != '\\') {
                    k++; // no space, parenthesis or escape (most chars): two comparisons
                    continue;
                }
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
     * HTML ids and names ({@code <a id="x">}) of inline tags outside code and comments, for
     * anchors. A tag ends where {@link HtmlText#tagClose} says, as in HTML blocks and headings: a
     * quoted attribute value may hold '>' or '<'.
     */
    List<String> htmlIds() {
        if (!has(LT) || (masked == null && noTagInText())) {
            return List.of(); // most blocks hold no tag
        }
        List<String> ids = new ArrayList<>();
        String tags = null;
        char[] masked = masked();
        int n = masked.length;
        for (int k = 0; k + 1 < n; k++) {
            if (masked[k] != '<' || !isAsciiLetter(masked[k + 1])) {
                continue;
            }
            if (tags == null) {
                tags = new String(masked);
            }
            int end = HtmlText.tagClose(tags, k + 2, Math.min(n, k + HtmlText.MAX_TAG_LENGTH));
            if (end > 0) {
                Matcher m = HTML_ID.matcher(tags).region(k, end);
                while (m.find()) {
                    ids.add(m.group(1));
                }
                k = end - 1;
            }
        }
        return ids;
    }

    /**
     * Whether the masked text holds no tag ('<' and a letter), found in the text without masking
     * it: no escape, no comment, and each '<' before a letter opens an autolink whose reach holds
     * no backtick (masking blanks it, as an autolink or inside a code span). False where it cannot
     * tell; the masked text then answers.
     */
    private boolean noTagInText() {
        if (has(BACKSLASH) || mayHoldComment()) {
            return false;
        }
        char[] chars = text;
        for (int k = 0; k + 1 < chars.length; k++) {
            if (chars[k] == '<' && isAsciiLetter(chars[k + 1])) {
                int end = autolinkEnd(chars, k);
                if (end < 0 || holds(chars, k, end, '`')) {
                    return false;
                }
                k = end - 1;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/')
                || (c >= ':' && c <= '@')
                || (c >= '[' && c <= '`')
                || (c >= '{' && c <= '~');
    }

    /** Link labels match case-insensitively with whitespace folded (CommonMark 4.7). */
    static String normalizeLabel(String label) {
        return SpaceFolding.fold(label).toLowerCase(Locale.ROOT);
    }

    /** The first occurrence of {@code s} (not empty) in {@code chars} from {@code from}, or -1. */
    static int indexOf(char[] chars, String s, int from) {
        int last = chars.length - s.length();
        char first = s.charAt(0);
        for (int k = Math.max(0, from); k <= last; k++) {
            // the first char compared here: a call per char only where it matches
            if (chars[k] == first && startsWith(chars, s, k)) {
                return k;
            }
        }
        return -1;
    }

    /** The last {@code c} of {@code chars}, or -1. */
    private static int lastIndexOf(char[] chars, char c) {
        int k = chars.length - 1;
        while (k >= 0 && chars[k] != c) {
            k--;
        }
        return k;
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

    /** Whether {@code chars} hold {@code s} from {@code at} on. */
    static boolean startsWith(char[] chars, String s, int at) {
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
}
