package dev.specgate.core.parse.internal;

import org.commonmark.node.Node;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLines;

/**
 * An inline "parser" that keeps a block's lines, unparsed, as one {@link RawLines} child of the
 * block. Specgate scans inline content itself ({@link InlineScanner}), which is several times
 * cheaper than building a full inline tree.
 */
public final class RawLineInlineParser implements InlineParser {

    /** The factory to hand to commonmark's parser builder. */
    public static final InlineParserFactory FACTORY = context -> new RawLineInlineParser();

    @Override
    public void parse(SourceLines lines, Node block) {
        // the block is finished: its lines do not change any more
        block.appendChild(new RawLines(lines.getLines()));
    }
}
