package dev.specgate.core.parse.internal;

import org.commonmark.internal.HeadingParser;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Starts ATX headings ({@code ## Title ##}) exactly as commonmark 0.30's {@code HeadingParser}
 * does, on the line's characters by index. commonmark's version walks the line with a {@code
 * Scanner} that allocates a position object for every character of the title, which made heading
 * lines the dearest lines of a spec under C1. Registered after the GFM table factory, so it runs
 * where commonmark's heading factory would (the block quote factory before it cannot start a line
 * that begins with '#'); anything it declines (setext headings, seven '#', "#5") goes on to
 * commonmark's own factories. A property test holds the tree to commonmark's.
 */
public final class AtxHeadingStart implements BlockParserFactory {

    private static final int CODE_BLOCK_INDENT = 4;

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
        if (state.getIndent() >= CODE_BLOCK_INDENT) {
            return BlockStart.none();
        }
        SourceLine line = state.getLine();
        CharSequence s = line.getContent();
        int n = s.length();
        int at = state.getNextNonSpaceIndex();
        if (at >= n || s.charAt(at) != '#') {
            return BlockStart.none(); // most lines: no copy
        }
        // one copy per line that opens with '#' (commonmark's path: declined documents)
        long h = scan(s.toString().toCharArray(), at, n);
        if (h < 0) {
            return BlockStart.none();
        }
        int level = level(h);
        int start = titleStart(h);
        int end = titleEnd(h);
        if (end == start) {
            return heading(level, SourceLines.empty(), n);
        }
        SourceSpan span = line.getSourceSpan();
        SourceSpan titleSpan =
                span == null
                        ? null
                        : SourceSpan.of(
                                span.getLineIndex(),
                                span.getColumnIndex() + start,
                                span.getInputIndex() + start,
                                end - start);
        return heading(
                level, SourceLines.of(SourceLine.of(s.subSequence(start, end), titleSpan)), n);
    }

    /**
     * Reads an ATX heading whose first '#' is at {@code at} of {@code s} (ending at {@code n}): -1
     * if it is none, else its level and title bounds packed for {@link #level}, {@link #titleStart}
     * and {@link #titleEnd} (start == end: an empty title). Shared with {@link SubsetBlockParser},
     * so both read headings alike; on a char array, which C1 reads far faster than a {@code
     * CharSequence} (an interface call per char).
     */
    static long scan(char[] s, int at, int n) {
        int k = openingEnd(s, at, n);
        if (k < 0) {
            return -1;
        }
        int level = k - at;
        if (k == n) {
            return pack(level, n, n);
        }
        if (s[k] != ' ' && s[k] != '\t') {
            return -1;
        }
        int start = skipWhitespace(s, k, n);
        int end = start;
        boolean hashCanEnd = true;
        k = start;
        while (k < n) {
            char c = s[k];
            if (c == '#') {
                if (hashCanEnd) {
                    k = skip('#', s, k, n);
                    int afterHashes = k;
                    k = skipWhitespace(s, k, n);
                    if (k < n) {
                        end = k; // more text: the hashes and spaces were part of the title
                    }
                    hashCanEnd = k > afterHashes;
                } else {
                    k++;
                    end = k;
                }
            } else if (c == ' ' || c == '\t') {
                hashCanEnd = true;
                k++;
            } else {
                hashCanEnd = false;
                k++;
                end = k;
            }
        }
        return pack(level, start, end);
    }

    /**
     * As {@link #scan}, for a line whose only whitespace is ' ' (the one-pass parser's: it declines
     * tabs and control chars): the title's end is found from the line's end backwards, past a
     * closing sequence and the spaces around it, instead of by a walk over the whole title.
     */
    static long scanSpacesOnly(char[] s, int at, int n) {
        int k = openingEnd(s, at, n);
        if (k < 0) {
            return -1;
        }
        int level = k - at;
        if (k == n) {
            return pack(level, n, n);
        }
        if (s[k] != ' ') {
            return -1;
        }
        int start = skip(' ', s, k, n);
        return pack(level, start, titleEnd(s, start, n));
    }

    /**
     * Where the opening sequence of '#' that starts at {@code at} ends, or -1 if there is none or
     * it is longer than six: the opening {@link #scan} and {@link #scanSpacesOnly} share.
     */
    private static int openingEnd(char[] s, int at, int n) {
        if (at >= n || s[at] != '#') {
            return -1;
        }
        int k = skip('#', s, at, n);
        return k - at > 6 ? -1 : k;
    }

    /**
     * Where the title {@code [start, n)} (which starts with no space) ends, as {@link #scan}'s walk
     * finds it: before the spaces that end the line, a closing sequence of '#' (one that follows a
     * space, or is the whole title) and the spaces before it; but where the closing sequence
     * follows a run of '#' that could have closed the heading but for the text after it, the walk
     * ended the title at the closing sequence, those spaces included.
     */
    private static int titleEnd(char[] s, int start, int n) {
        int end = skipBack(' ', s, start, n);
        int hashes = skipBack('#', s, start, end);
        if (hashes == end || (hashes > start && s[hashes - 1] != ' ')) {
            return end; // no closing sequence
        }
        int before = skipBack(' ', s, start, hashes);
        if (before > start && s[before - 1] == '#') {
            int run = skipBack('#', s, start, before);
            if (run == start || s[run - 1] == ' ') {
                return hashes;
            }
        }
        return before;
    }

    /** Where the run of {@code c} that ends at {@code k} starts, {@code floor} at the earliest. */
    private static int skipBack(char c, char[] s, int floor, int k) {
        while (k > floor && s[k - 1] == c) {
            k--;
        }
        return k;
    }

    private static long pack(int level, int start, int end) {
        return ((long) level << 60) | ((long) start << 30) | end;
    }

    static int level(long heading) {
        return (int) (heading >>> 60);
    }

    static int titleStart(long heading) {
        return (int) ((heading >>> 30) & 0x3FFF_FFFF);
    }

    static int titleEnd(long heading) {
        return (int) (heading & 0x3FFF_FFFF);
    }

    private static BlockStart heading(int level, SourceLines title, int lineLength) {
        return BlockStart.of(new HeadingParser(level, title)).atIndex(lineLength);
    }

    private static int skip(char c, char[] s, int k, int n) {
        while (k < n && s[k] == c) {
            k++;
        }
        return k;
    }

    /** What commonmark's {@code Scanner.whitespace()} skips. */
    private static int skipWhitespace(char[] s, int k, int n) {
        while (k < n) {
            char c = s[k];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                break;
            }
            k++;
        }
        return k;
    }
}
