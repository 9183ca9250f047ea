package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.SourceSpan;

/**
 * An ATX heading of the one-pass parser's {@link SubsetBlockParser.Detail#MODEL} tree: its title as
 * offsets into the spec's chars and its span as ints, where commonmark's form cost a {@link
 * RawLines} child, a list, a {@code SourceLine}, a {@link CharSlice} and two spans (with a list and
 * its array) per heading.
 */
final class ModelHeading extends Heading {

    private final char[] chars;
    private final int titleFrom;
    private final int titleTo;
    private final int lineIndex;
    private final int column;
    private final int marks;

    // its span, the first line's ({@link FirstLineSpan}): -1 when it has none
    private int spanLine = -1;
    private int spanColumn;
    private int spanInput;
    private int spanLength;

    /**
     * A heading whose title is {@code [titleFrom, titleTo)} of {@code chars}, from column {@code
     * column} of source line {@code lineIndex}, holding {@code marks}.
     */
    ModelHeading(char[] chars, int titleFrom, int titleTo, int lineIndex, int column, int marks) {
        this.chars = chars;
        this.titleFrom = titleFrom;
        this.titleTo = titleTo;
        this.lineIndex = lineIndex;
        this.column = column;
        this.marks = marks;
    }

    /** Sets its span: {@code length} chars of line {@code lineIndex} from {@code columnIndex}. */
    void firstLine(int lineIndex, int columnIndex, int inputIndex, int length) {
        spanLine = lineIndex;
        spanColumn = columnIndex;
        spanInput = inputIndex;
        spanLength = length;
    }

    /** Its span as a range ({@link FirstLineSpan#range}). */
    SourceRange range() {
        return FirstLineSpan.range(spanLine, spanColumn, spanLength);
    }

    @Override
    public List<SourceSpan> getSourceSpans() {
        return FirstLineSpan.spans(spanLine, spanColumn, spanInput, spanLength);
    }

    /** The {@link InlineSyntax} marks of its title (or more), as {@link RawLines#marks()}. */
    int marks() {
        return marks;
    }

    /** Its title for the inline scan, or null when it is empty. */
    InlineText inlineText() {
        return titleFrom == titleTo
                ? null
                : InlineText.ofLine(chars, titleFrom, titleTo, lineIndex, column, marks);
    }

    /** The title when it holds no inline syntax at all (and is not empty), else null. */
    CharSlice plainTitle() {
        return marks == 0 && titleFrom < titleTo ? new CharSlice(chars, titleFrom, titleTo) : null;
    }
}
