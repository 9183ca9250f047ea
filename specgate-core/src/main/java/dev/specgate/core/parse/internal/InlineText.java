package dev.specgate.core.parse.internal;

import dev.specgate.core.SourceRange;
import java.util.List;

/**
 * The raw inline content of one block (paragraph, heading or table cell), its lines joined with
 * {@code '\n'}, with a map from offsets in the joined text back to source positions.
 */
final class InlineText {

    private final String text;
    private final int[] lineStarts;
    private final int[] sourceLines;
    private final int[] sourceColumns;

    InlineText(List<RawLine> lines) {
        lineStarts = new int[lines.size()];
        sourceLines = new int[lines.size()];
        sourceColumns = new int[lines.size()];
        if (lines.size() == 1) {
            // most blocks are one line: its content is the text, without a copy
            RawLine line = lines.get(0);
            sourceLines[0] = line.lineIndex();
            sourceColumns[0] = line.columnIndex();
            text = line.content();
            return;
        }
        int length = lines.size() - 1;
        for (RawLine line : lines) {
            length += line.content().length();
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            RawLine line = lines.get(i);
            lineStarts[i] = sb.length();
            sourceLines[i] = line.lineIndex();
            sourceColumns[i] = line.columnIndex();
            sb.append(line.content());
        }
        text = sb.toString();
    }

    String text() {
        return text;
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
        return i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length();
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
        if (end > start && end - 1 < text.length() && text.charAt(end - 1) == '\n') {
            endColumn = sourceColumns[b] + (end - 1 - lineStarts[b]);
        }
        return new SourceRange(
                sourceLines[a],
                sourceColumns[a] + (start - lineStarts[a]),
                sourceLines[b],
                endColumn);
    }
}
