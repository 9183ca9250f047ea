package dev.specgate.core.parse.internal;

import java.util.List;
import org.commonmark.node.CustomNode;
import org.commonmark.parser.SourceLine;

/**
 * The inline content of one block as commonmark hands it over: its lines, unparsed, each with its
 * source span. One node per block, where a {@code Text} node per line cost a node, a string and a
 * span list for every line of every spec.
 */
public final class RawLines extends CustomNode {

    private final List<SourceLine> lines;

    RawLines(List<SourceLine> lines) {
        this.lines = lines;
    }

    /** The lines, in order; a line without a source span is not part of the text. */
    public List<SourceLine> lines() {
        return lines;
    }
}
