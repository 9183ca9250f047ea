package dev.specgate.core.parse.internal;

import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * An inline "parser" that keeps each line of a block's content as one {@link Text} node with its
 * source span. Specgate scans inline content itself ({@link InlineScanner}), which is several times
 * cheaper than building a full inline tree.
 */
public final class RawLineInlineParser implements InlineParser {

    /** The factory to hand to commonmark's parser builder. */
    public static final InlineParserFactory FACTORY = context -> new RawLineInlineParser();

    @Override
    public void parse(SourceLines lines, Node block) {
        for (SourceLine line : lines.getLines()) {
            Text text = new Text(line.getContent().toString());
            SourceSpan span = line.getSourceSpan();
            if (span != null) {
                text.addSourceSpan(span);
            }
            block.appendChild(text);
        }
    }
}
