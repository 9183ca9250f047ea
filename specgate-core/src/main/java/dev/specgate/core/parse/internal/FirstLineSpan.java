package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.List;
import org.commonmark.node.SourceSpan;

/**
 * The source span of a block's first line, kept as four ints: what {@link DocumentBuilder} reads of
 * a list item's or a heading's position when the one-pass parser builds {@link
 * SubsetBlockParser.Detail#MODEL}. commonmark's {@code addSourceSpan} costs a span, a list and its
 * array of ten for every item and heading; the span is made here only when it is read.
 */
final class FirstLineSpan {

    private int lineIndex = -1;
    private int columnIndex;
    private int inputIndex;
    private int length;

    void set(int lineIndex, int columnIndex, int inputIndex, int length) {
        this.lineIndex = lineIndex;
        this.columnIndex = columnIndex;
        this.inputIndex = inputIndex;
        this.length = length;
    }

    /** The source line (0-based) of the span, or -1 when there is none. */
    int lineIndex() {
        return lineIndex;
    }

    /** The column (0-based) at which the span starts. */
    int columnIndex() {
        return columnIndex;
    }

    /**
     * The span as a range, or the file's start when there is none: what {@code DocumentBuilder}
     * makes of a block's spans, without the span and the list that hold them.
     */
    SourceRange range() {
        return lineIndex < 0
                ? SourceRange.fileStart()
                : SourceRange.ofLine(lineIndex, columnIndex, columnIndex + length);
    }

    /** As commonmark's {@code getSourceSpans()} of a node that has only this span (or none). */
    List<SourceSpan> spans() {
        return lineIndex < 0
                ? List.of()
                : List.of(SourceSpan.of(lineIndex, columnIndex, inputIndex, length));
    }
}
