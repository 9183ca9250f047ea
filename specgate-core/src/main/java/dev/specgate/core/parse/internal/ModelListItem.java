package dev.specgate.core.parse.internal;

import java.util.List;
import org.commonmark.node.ListItem;
import org.commonmark.node.SourceSpan;

/**
 * A list item of the one-pass parser's {@link SubsetBlockParser.Detail#MODEL} tree: its span is its
 * first line's, held as ints ({@link FirstLineSpan}), the only span {@link DocumentBuilder} reads
 * of an item.
 */
final class ModelListItem extends ListItem {

    final FirstLineSpan firstLine = new FirstLineSpan();

    @Override
    public List<SourceSpan> getSourceSpans() {
        return firstLine.spans();
    }
}
