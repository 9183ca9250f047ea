package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.List;
import org.commonmark.node.SourceSpan;

/**
 * The source span of a block's first line, kept as four ints in the block itself: what {@link
 * DocumentBuilder} reads of a list item's or a heading's position when the one-pass parser builds
 * {@link SubsetBlockParser.Detail#MODEL} ({@link ModelListItem}, {@link ModelHeading}).
 * commonmark's {@code addSourceSpan} costs a span, a list and its array of ten for every item and
 * heading, and an object holding the ints one more; the span is made here only when it is read.
 */
final class FirstLineSpan {

    private FirstLineSpan() {}

    /**
     * The span of line {@code lineIndex} from {@code columnIndex}, {@code length} chars, as a
     * range; the file's start when there is none ({@code lineIndex} -1): what {@code
     * DocumentBuilder} makes of a block's spans, without the span and the list that hold them.
     */
    static SourceRange range(int lineIndex, int columnIndex, int length) {
        return lineIndex < 0
                ? SourceRange.fileStart()
                : SourceRange.ofLine(lineIndex, columnIndex, columnIndex + length);
    }

    /**
     * As commonmark's {@code getSourceSpans()} of a node that has only this span, or none when
     * {@code lineIndex} is -1.
     */
    static List<SourceSpan> spans(int lineIndex, int columnIndex, int inputIndex, int length) {
        return lineIndex < 0
                ? List.of()
                : List.of(SourceSpan.of(lineIndex, columnIndex, inputIndex, length));
    }
}
