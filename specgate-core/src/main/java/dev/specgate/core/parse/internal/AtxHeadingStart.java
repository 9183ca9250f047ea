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
            return BlockStart.none();
        }
        int k = skip('#', s, at, n);
        int level = k - at;
        if (level > 6) {
            return BlockStart.none();
        }
        if (k == n) {
            return heading(level, SourceLines.empty(), n);
        }
        if (s.charAt(k) != ' ' && s.charAt(k) != '\t') {
            return BlockStart.none();
        }
        int start = skipWhitespace(s, k, n);
        int end = start;
        boolean hashCanEnd = true;
        k = start;
        while (k < n) {
            char c = s.charAt(k);
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

    private static BlockStart heading(int level, SourceLines title, int lineLength) {
        return BlockStart.of(new HeadingParser(level, title)).atIndex(lineLength);
    }

    private static int skip(char c, CharSequence s, int k, int n) {
        while (k < n && s.charAt(k) == c) {
            k++;
        }
        return k;
    }

    /** What commonmark's {@code Scanner.whitespace()} skips. */
    private static int skipWhitespace(CharSequence s, int k, int n) {
        while (k < n) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                break;
            }
            k++;
        }
        return k;
    }
}
