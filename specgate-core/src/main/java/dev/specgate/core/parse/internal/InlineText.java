package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.List;

/**
 * The raw inline content of one block (paragraph, heading or table cell), its lines joined with
 * {@code '\n'}, with a map from offsets in the joined text back to source positions.
 */
final class InlineText {

    private final char[] chars;
    private String text;
    private final int[] lineStarts;
    private final int[] sourceLines;
    private final int[] sourceColumns;

    InlineText(List<RawLine> lines) {
        lineStarts = new int[lines.size()];
        sourceLines = new int[lines.size()];
        sourceColumns = new int[lines.size()];
        int length = Math.max(0, lines.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
            length += lines.get(i).content().length();
        }
        // the lines are copied once, straight into the chars the scan reads (from the spec's
        // array when the block parser read them): no string per line, per block or per scan
        chars = new char[length];
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                chars[at++] = '\n';
            }
            RawLine line = lines.get(i);
            lineStarts[i] = at;
            sourceLines[i] = line.lineIndex();
            sourceColumns[i] = line.columnIndex();
            at = copy(line.content(), at);
        }
    }

    private int copy(CharSequence content, int at) {
        int n = content.length();
        if (content instanceof CharSlice slice) {
            slice.copyTo(chars, at);
        } else if (content instanceof String s) {
            s.getChars(0, n, chars, at);
        } else {
            for (int k = 0; k < n; k++) {
                chars[at + k] = content.charAt(k);
            }
        }
        return at + n;
    }

    /** The joined text. The scan reads {@link #chars()}; this string is made on first use. */
    String text() {
        if (text == null) {
            text = new String(chars);
        }
        return text;
    }

    /** The joined text's chars. Shared, not copied: callers must not change them. */
    char[] chars() {
        return chars;
    }

    int length() {
        return chars.length;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The offset in {@link #text()} at which line {@code i} of the block starts. */
    int lineStart(int i) {
        return lineStarts[i];
    }

    /** The offset just past the end of line {@code i} of the block. */
    int lineEnd(int i) {
        return i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : chars.length;
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The source range of {@code [start, end)} in the joined text. */
    SourceRange range(int start, int end) {
        int a = lineOf(start);
        int b = end > start ? lineOf(end - 1) : a;
        int endColumn = sourceColumns[b] + (end - lineStarts[b]);
        if (end > start && end - 1 < chars.length && chars[end - 1] == '\n') {
            endColumn = sourceColumns[b] + (end - 1 - lineStarts[b]);
        }
        return new SourceRange(
                sourceLines[a],
                sourceColumns[a] + (start - lineStarts[a]),
                sourceLines[b],
                endColumn);
    }
}
