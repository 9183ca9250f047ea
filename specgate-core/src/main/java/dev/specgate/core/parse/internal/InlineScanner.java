package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Specgate's tokens in one block's inline text: bracketed prose and {@code {placeholders}}, bold
 * labels with their values, {@code YYYY-MM-DD} tokens, and the links and comments the Markdown
 * syntax holds, reported to a {@link Sink}. The Markdown itself (code spans, escapes, comments,
 * autolinks, bracket pairs, link destinations) is {@link InlineSyntax}'s: tokens are read from its
 * masked text, so nothing inside code or a comment is one. It does not build an inline tree: the
 * rules need positions, not rendering. Linear in the text's length.
 */
final class InlineScanner {

    /** Receives what the scan finds. */
    interface Sink {
        void link(String destination, boolean image, SourceRange range);

        void bracket(String text, SourceRange range);

        void dateToken(SourceRange range);

        void comment(String text, int line);
    }

    static final String DATE_TOKEN = "YYYY-MM-DD";

    private final InlineText inline;
    private final InlineSyntax syntax;

    /** The block's text, unmasked ({@link InlineSyntax#text}). */
    private final char[] text;

    private final Map<String, String> references;

    InlineScanner(InlineText inline, Map<String, String> references) {
        this(inline, references, new InlineSyntax.Scratch());
    }

    InlineScanner(InlineText inline, Map<String, String> references, InlineSyntax.Scratch scratch) {
        this.inline = inline;
        this.syntax = new InlineSyntax(inline, scratch);
        this.text = syntax.text;
        this.references = references;
    }

    private boolean has(int mark) {
        return syntax.has(mark);
    }

    /** Whether the text may hold any of the characters of {@code marks} ({@link InlineSyntax}). */
    boolean holds(int marks) {
        return syntax.has(marks);
    }

    /** Whether reading the masked text costs no pass over the text ({@link InlineSyntax}). */
    boolean masksFreely() {
        return syntax.masksFreely();
    }

    /**
     * The text with code spans, escapes, autolinks and comments blanked out, made on first use.
     * Read-only.
     */
    char[] blanked() {
        return syntax.blanked();
    }

    /**
     * Whether masking leaves the text from {@code from} on as it is up to the next backtick ({@link
     * InlineSyntax#unmaskedUpToBacktick}).
     */
    boolean unmaskedUpToBacktick(int from) {
        return syntax.unmaskedUpToBacktick(from);
    }

    /** {@code [from, to)} of the text with code spans, escapes, autolinks and comments blanked. */
    String masked(int from, int to) {
        return syntax.masked(from, to);
    }

    /** The text with HTML comments removed: what a reader sees of a heading. */
    String textWithoutComments() {
        return syntax.textWithoutComments();
    }

    /** HTML ids and names of inline tags outside code and comments, for anchors. */
    List<String> htmlIds() {
        return syntax.htmlIds();
    }

    /**
     * Reports links, bracketed prose, date tokens and comments.
     *
     * @param skipFrom offsets before this are not scanned (used to skip a task box)
     */
    void scan(int skipFrom, Sink sink) {
        if (has(InlineSyntax.LT)) {
            reportComments(sink); // a comment opens with '<'
        }
        // without a '[' from skipFrom on nothing reads the bracket pairs: most blocks, and the
        // task items whose box is their only one, skip matching them (and masking the text); what
        // skipFrom skips is a task box, whose brackets pair up
        InlineSyntax.BracketPairs pairs =
                has(InlineSyntax.OPEN_SQUARE) ? syntax.bracketPairs(skipFrom) : null;
        // the spans found are read only by the date token and brace readers: most blocks, which
        // have neither, share the empty lists
        boolean keepSpans = pairs != null && has(InlineSyntax.Y | InlineSyntax.OPEN_BRACE);
        List<int[]> reported = keepSpans ? new ArrayList<>() : List.of();
        List<int[]> links = keepSpans ? new ArrayList<>() : List.of();
        // the text the pairs were read from (locals: C1 reloads a field on every step of a loop)
        char[] masked = pairs == null ? null : pairs.chars();
        int[] close = pairs == null ? null : pairs.close();
        int n = text.length;
        int i = pairs == null ? n : pairs.first();
        while (i < n) {
            if (masked[i] != '[' || close[i] < 0) {
                i++;
                continue;
            }
            int o = i;
            int c = close[i];
            boolean image = o > 0 && masked[o - 1] == '!';
            InlineSyntax.InlineLink link = syntax.inlineLink(c);
            if (link != null) {
                sink.link(link.destination(), image, inline.range(image ? o - 1 : o, link.end()));
                if (!image) {
                    placeholdersInLinkText(o + 1, c, masked, close, sink, reported, keepSpans);
                }
                if (keepSpans) {
                    links.add(new int[] {o, link.end(), c});
                }
                i = link.end();
                continue;
            }
            if (c + 1 < n && masked[c + 1] == '[' && close[c + 1] > 0) {
                int c2 = close[c + 1];
                String label = c2 == c + 2 ? string(o + 1, c) : string(c + 2, c2);
                String dest = resolve(label);
                if (dest != null) {
                    sink.link(dest, image, inline.range(image ? o - 1 : o, c2 + 1));
                    if (!image) {
                        placeholdersInLinkText(o + 1, c, masked, close, sink, reported, keepSpans);
                    }
                } else if (!image && o + 1 < c) {
                    // a full or collapsed reference without a definition: reported whole, so
                    // that the rules can tell it from a placeholder
                    sink.bracket(string(o, c2 + 1).replace('\n', ' '), inline.range(o, c2 + 1));
                    if (keepSpans) {
                        reported.add(new int[] {o, c2});
                    }
                }
                i = c2 + 1;
                continue;
            }
            String inner = string(o + 1, c);
            String dest = resolve(inner);
            if (dest != null) {
                sink.link(dest, image, inline.range(image ? o - 1 : o, c + 1));
                if (!image) {
                    placeholdersInLinkText(o + 1, c, masked, close, sink, reported, keepSpans);
                }
            } else if (isPlaceholderLike(o, c, inner)) {
                sink.bracket(string(o, c + 1).replace('\n', ' '), inline.range(o, c + 1));
                if (keepSpans) {
                    reported.add(new int[] {o, c});
                }
            }
            i = c + 1;
        }
        if (has(InlineSyntax.Y)) {
            reportDateTokens(sink, reported);
        }
        if (has(InlineSyntax.OPEN_BRACE)) {
            reportBraces(sink, skipFrom, reported, links);
        }
    }

    /**
     * Reports the placeholders a link's text {@code [from, to)} holds ({@code [[Time
     * estimate]](plan.md)}: a reader sees "[Time estimate]" as the link's text), as outside a link;
     * a link or image inside the text is skipped whole.
     */
    private void placeholdersInLinkText(
            int from,
            int to,
            char[] masked,
            int[] close,
            Sink sink,
            List<int[]> reported,
            boolean keepSpans) {
        for (int k = from; k < to; k++) {
            int c = masked[k] == '[' ? close[k] : -1;
            if (c < 0 || c >= to) {
                continue;
            }
            InlineSyntax.InlineLink nested = syntax.inlineLink(c);
            if (nested != null) {
                k = nested.end() - 1;
                continue;
            }
            String inner = string(k + 1, c);
            if (resolve(inner) == null && isPlaceholderLike(k, c, inner)) {
                sink.bracket(string(k, c + 1).replace('\n', ' '), inline.range(k, c + 1));
                if (keepSpans) {
                    reported.add(new int[] {k, c});
                }
            }
            k = c;
        }
    }

    /**
     * Reports {@code {text}} and {@code {{text}}} spans with a letter inside, the other placeholder
     * styles templates use, as bracketed text. Whether they count as placeholders is the schema's
     * decision (only when the template itself uses that style), so date tokens inside them are
     * still reported. Spans inside link destinations or square-bracket placeholders are left out.
     * Linear: a search for the closing brace stops at the next brace.
     */
    private void reportBraces(Sink sink, int skipFrom, List<int[]> squares, List<int[]> links) {
        char[] masked = syntax.masked();
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
            // in a link's destination; its text is prose, where a placeholder is reported
            boolean inLink = ln < links.size() && i > links.get(ln)[2];
            boolean attribute = innerStart < k && masked[innerStart] == '#'; // {#id}
            if (hasLetter(innerStart, k) && !inSquare && !inLink && !attribute) {
                sink.bracket(string(i, end).replace('\n', ' '), inline.range(i, end));
            }
            i = end;
        }
    }

    private boolean hasLetter(int from, int to) {
        char[] masked = syntax.masked();
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
        // the text, not the masked text: next to a bracket pair that masking left, a char that
        // masking blanks starts a blanked span ('`', '\\', '<': no ':') or ends one ('`', '>' or
        // an escaped punctuation char: no letter or digit)
        if (c + 1 < text.length && text[c + 1] == ':') {
            return false; // a reference definition commonmark did not take
        }
        if (o > 0 && Character.isLetterOrDigit(text[o - 1])) {
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
        int at = InlineSyntax.indexOf(text, token, from);
        while (at >= 0 && !unmasked(at, at + token.length())) {
            at = InlineSyntax.indexOf(text, token, at + 1);
        }
        return at;
    }

    private boolean unmasked(int from, int to) {
        char[] masked = syntax.masked();
        for (int k = from; k < to; k++) {
            if (masked[k] != text[k]) {
                return false;
            }
        }
        return true;
    }

    private void reportComments(Sink sink) {
        for (int i = 0; i < syntax.commentCount(); i++) {
            sink.comment(
                    syntax.commentText(i),
                    inline.range(syntax.commentStart(i), syntax.commentStart(i)).startLine());
        }
    }

    /**
     * The end of a label's value in {@code [from, to)}: trailing space and trailing HTML comments
     * dropped (for bold labels and a leading list's {@code Label: value} items alike).
     */
    int valueEnd(int from, int to) {
        return BoldLabels.valueEnd(text, syntax.commentMask(), from, to);
    }

    /**
     * Bold labels ({@code **Label:**} or {@code **Label**:}) on line {@code lineIndex} of the
     * block, each with the value that follows it up to the next label or the end of the line
     * ({@link BoldLabels}).
     *
     * @param atLineStartOnly only a label that opens the line counts
     * @param from offset in the joined text to start from (after a task box)
     * @param found receives the labels, in line order (cleared first): one that the caller reuses
     */
    void labels(int lineIndex, boolean atLineStartOnly, int from, BoldLabels found) {
        found.clear();
        if (!has(InlineSyntax.STAR)) {
            return; // a label is bold
        }
        int start = Math.max(inline.lineStart(lineIndex), from);
        int end = inline.lineEnd(lineIndex);
        char[] chars;
        if (syntax.masksFreely()) {
            chars = syntax.masked();
        } else if (syntax.unmaskedUpToBacktick(start)) {
            // the line reads as masked up to its first backtick
            int k = start;
            while (k < end && (text[k] == ' ' || text[k] == '\t')) {
                k++;
            }
            if (atLineStartOnly && (k == end || (text[k] != '*' && text[k] != '`'))) {
                return; // most lines of a block with code: no label opens them
            }
            // where the line's stars all stand before its first backtick, the labels read alike
            // in the text ({@code **File:** `a.md`}): the chars next to a "**" differ at most in
            // a backtick, never a ':'
            chars = InlineSyntax.noStarFromFirstBacktick(text, start, end) ? text : syntax.masked();
        } else if (atLineStartOnly && !mayOpenWithTwoStars(start, end)) {
            return; // found without masking the block
        } else {
            chars = syntax.masked();
        }
        // a backslash hard line break ends the line's last value, it is not part of it
        int lastValueEnd =
                lineIndex + 1 < inline.lineCount() && end > start && text[end - 1] == '\\'
                        ? end - 1
                        : end;
        found.read(
                chars,
                text,
                syntax.commentMask(),
                lineIndex,
                start,
                end,
                lastValueEnd,
                atLineStartOnly);
    }

    /**
     * Whether the masked text of {@code [start, end)} may open with "**", found in the text itself:
     * masking only blanks text out, so the "**" is the text's, and what stands before it on the
     * line is blank or blanked. A blanked span that the line's first char does not start ('`',
     * '\\', '<': it may have begun on an earlier line) ends with a backtick, a '>' or an escaped
     * char, then only space or more blanked spans stand before the "**". False for most lines,
     * whose first char is no '*' and whose "**", if any, follows a word.
     */
    private boolean mayOpenWithTwoStars(int start, int end) {
        int k = start;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) {
            k++;
        }
        // an autolink opening the line ({@code <https://status.example.com>. The job...}) is
        // blank in the masked text: what may open the masked line stands after it
        int blank;
        while (k < end && text[k] == '<' && (blank = syntax.blankAutolinkEnd(k)) > 0) {
            k = blank;
            while (k < end && (text[k] == ' ' || text[k] == '\t')) {
                k++;
            }
        }
        if (k + 1 >= end) {
            return false;
        }
        char first = text[k];
        if (first == '*' || InlineSyntax.startsBlanked(first)) {
            return true;
        }
        for (int p = k + 1; p + 1 < end; p++) {
            if (text[p] == '*' && text[p + 1] == '*') {
                int j = p - 1;
                while (text[j] == ' ' || text[j] == '\t') {
                    j--; // stops at k at the latest
                }
                if (InlineSyntax.mayEndBlanked(text, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    String text(int from, int to) {
        return string(from, to);
    }

    /** {@code [from, to)} of the unmasked text. */
    private String string(int from, int to) {
        return syntax.string(from, to);
    }

    SourceRange range(int from, int to) {
        return inline.range(from, to);
    }

    private String resolve(String label) {
        return references.isEmpty() ? null : references.get(normalizeLabel(label));
    }

    /** Link labels match case-insensitively with whitespace folded (CommonMark 4.7). */
    static String normalizeLabel(String label) {
        return InlineSyntax.normalizeLabel(label);
    }
}
