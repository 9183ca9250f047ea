package dev.specgate.core.parse.internal;

import java.util.List;
import org.commonmark.node.CustomNode;
import org.commonmark.parser.SourceLine;

/**
 * The inline content of one block as commonmark hands it over: its lines, unparsed, each with its
 * source span. One node per block, where a {@code Text} node per line cost a node, a string and a
 * span list for every line of every spec. A paragraph of the one-pass parser holds its lines as
 * offsets into the spec's chars ({@link TextLines}), read by {@link InlineText} without a {@link
 * SourceLine} per line; its {@link #lines()} are made from them on first use.
 */
public final class RawLines extends CustomNode {

    /** {@link #marks()} when nothing is known of them. */
    static final int UNKNOWN_MARKS = -1;

    private List<SourceLine> lines;
    private final TextLines text;
    private final int marks;

    RawLines(List<SourceLine> lines) {
        this(lines, UNKNOWN_MARKS);
    }

    RawLines(List<SourceLine> lines, int marks) {
        this.lines = lines;
        this.text = null;
        this.marks = marks;
    }

    RawLines(TextLines text, int marks) {
        this.text = text;
        this.marks = marks;
    }

    /** The lines, in order; a line without a source span is not part of the text. */
    public List<SourceLine> lines() {
        if (lines == null) {
            lines = text.sourceLines();
        }
        return lines;
    }

    /**
     * Fills {@code text} with the lines' content joined by {@code \n} (commonmark's {@code
     * SourceLines.getContent()}), without making the lines' {@link SourceLine}s.
     */
    public void content(BlockText text) {
        if (lines == null) {
            text.of(this.text);
        } else {
            text.of(lines);
        }
    }

    /** The lines as offsets into the spec's chars, or null when they are only {@link #lines()}. */
    TextLines textLines() {
        return text;
    }

    /**
     * The {@link InlineSyntax} marks the lines' chars hold, or more (the one-pass parser finds them
     * as it reads the lines), or {@link #UNKNOWN_MARKS} (commonmark's parser): 0 when the block
     * holds no inline syntax that Specgate reads, so that its scan finds nothing.
     */
    int marks() {
        return marks;
    }
}
