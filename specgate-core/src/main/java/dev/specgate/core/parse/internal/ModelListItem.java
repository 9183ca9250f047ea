package dev.specgate.core.parse.internal;

import java.util.List;
import org.commonmark.node.ListItem;
import org.commonmark.node.SourceSpan;

/**
 * A list item of the one-pass parser's {@link SubsetBlockParser.Detail#MODEL} tree: its span is its
 * first line's, held as four ints ({@link FirstLineSpan}), the only span {@link DocumentBuilder}
 * reads of an item.
 */
final class ModelListItem extends ListItem {

    private int lineIndex = -1;
    private int columnIndex;
    private int inputIndex;
    private int length;

    /** Sets its span: {@code length} chars of line {@code lineIndex} from {@code columnIndex}. */
    void firstLine(int lineIndex, int columnIndex, int inputIndex, int length) {
        this.lineIndex = lineIndex;
        this.columnIndex = columnIndex;
        this.inputIndex = inputIndex;
        this.length = length;
    }

    /** The source line (0-based) of its span, or -1 when it has none. */
    int lineIndex() {
        return lineIndex;
    }

    /** The column (0-based) at which its span starts. */
    int columnIndex() {
        return columnIndex;
    }

    @Override
    public List<SourceSpan> getSourceSpans() {
        return FirstLineSpan.spans(lineIndex, columnIndex, inputIndex, length);
    }
}
