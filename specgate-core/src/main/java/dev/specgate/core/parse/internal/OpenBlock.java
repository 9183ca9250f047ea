package dev.specgate.core.parse.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.SourceLine;

/**
 * A block the one-pass parser ({@link SubsetBlockParser}) has open: its commonmark node and the
 * state commonmark's parser for its kind keeps, with that parser's continue, add-line and finish
 * logic. One small type per kind; GFM tables are {@link GfmTable}. The parser keeps the current
 * line (its chars and the column state) and calls these as commonmark's {@code DocumentParser}
 * calls its block parsers.
 */
abstract sealed class OpenBlock
        permits OpenBlock.Root,
                OpenBlock.Quote,
                OpenBlock.ListOf,
                OpenBlock.Item,
                OpenBlock.Para,
                OpenBlock.Fence,
                OpenBlock.HtmlComment,
                OpenBlock.AtxHeading,
                OpenBlock.Break,
                GfmTable {

    static final int CODE_BLOCK_INDENT = 4;

    final Block block;

    /** Where the block's content starts on the current line (for its source span). */
    int sourceIndex;

    /** Whether it holds blocks (document, quote, list, item): a field, read on every line. */
    final boolean container;

    OpenBlock(Block block, int sourceIndex, boolean container) {
        this.block = block;
        this.sourceIndex = sourceIndex;
        this.container = container;
    }

    /**
     * commonmark's {@code tryContinue}: whether the current line continues the block, the parser's
     * index moved past the block's marker or indent when it does.
     */
    boolean tryContinue(SubsetBlockParser p) {
        return false; // headings and thematic breaks hold one line
    }

    /** commonmark's {@code canContain}, with its side effects on a list's tightness. */
    boolean canContain(OpenBlock child) {
        return false;
    }

    /** Whether a non-blank line that starts no block is added to it (paragraphs, tables). */
    boolean takesTextLines() {
        return false;
    }

    /** The rest of the current line, {@code [from, to)} of the spec's chars, goes to the block. */
    void addLine(SubsetBlockParser p, int from, int to) {}

    /** Whether it has a source span yet. */
    boolean spanned;

    /** A source span of the current line. */
    void addSpan(SourceSpan span) {
        block.addSourceSpan(span);
        spanned = true;
    }

    /** commonmark's {@code closeBlock} and {@code parseInlines} of the kind. */
    void finish() {}

    /** The document: contains anything. */
    static final class Root extends OpenBlock {
        Root(Document document) {
            super(document, 0, true);
        }

        @Override
        boolean canContain(OpenBlock child) {
            return true;
        }
    }

    static final class Quote extends OpenBlock {
        Quote(int sourceIndex) {
            super(new BlockQuote(), sourceIndex, true);
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            if (p.indent < CODE_BLOCK_INDENT
                    && p.nextNonSpace < p.lineLength
                    && p.at(p.nextNonSpace) == '>') {
                p.index = p.quoteContent();
                return true;
            }
            return false;
        }

        @Override
        boolean canContain(OpenBlock child) {
            return true;
        }
    }

    /** A bullet or ordered list: holds items, and turns loose after a blank line between them. */
    static final class ListOf extends OpenBlock {
        private final boolean ordered;
        private final char marker;
        private boolean hadBlankLine;
        private int linesAfterBlank;

        /** A list of bullet {@code marker}, or of ordered items with delimiter {@code marker}. */
        ListOf(ListBlock list, boolean ordered, char marker, int sourceIndex) {
            super(list, sourceIndex, true);
            this.ordered = ordered;
            this.marker = marker;
            list.setTight(true);
        }

        /**
         * Whether an item goes on this list: a bullet item with the same bullet ({@code marker}),
         * or an ordered one with the same delimiter ({@code marker} '.' or ')').
         */
        boolean matches(boolean ordered, char marker) {
            return ordered == this.ordered && marker == this.marker;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            if (p.blank) {
                hadBlankLine = true;
                linesAfterBlank = 0;
            } else if (hadBlankLine) {
                linesAfterBlank++;
            }
            return true;
        }

        @Override
        boolean canContain(OpenBlock child) {
            if (!(child instanceof Item)) {
                return false;
            }
            if (hadBlankLine && linesAfterBlank == 1) {
                ((ListBlock) block).setTight(false);
                hadBlankLine = false;
            }
            return true;
        }
    }

    static final class Item extends OpenBlock {
        private final int contentIndent;
        private boolean hadBlankLine;

        Item(ListItem item, int sourceIndex, int contentIndent) {
            super(item, sourceIndex, true);
            this.contentIndent = contentIndent;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            if (p.blank) {
                if (block.getFirstChild() == null) {
                    return false;
                }
                Block active = p.top().block;
                hadBlankLine = active instanceof Paragraph || active instanceof ListItem;
                p.index = p.nextNonSpace;
                return true;
            }
            if (p.indent >= contentIndent) {
                p.index += contentIndent;
                return true;
            }
            return false;
        }

        @Override
        boolean canContain(OpenBlock child) {
            if (hadBlankLine && block.getParent() instanceof ListBlock list) {
                list.setTight(false);
            }
            return true;
        }
    }

    /**
     * A paragraph: its lines, offsets into the spec's chars ({@link TextLines}), handed to the
     * inline scan unparsed ({@link RawLines}).
     */
    static final class Para extends OpenBlock {
        final TextLines lines;

        /** The {@link InlineSyntax} marks of its lines (or more). */
        private int marks;

        Para(TextLines lines, int sourceIndex, SubsetBlockParser.Detail detail) {
            super(
                    detail == SubsetBlockParser.Detail.MODEL
                            ? new ModelParagraph(lines)
                            : new Paragraph(),
                    sourceIndex,
                    false);
            this.lines = lines;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            return !p.blank;
        }

        @Override
        boolean takesTextLines() {
            return true;
        }

        @Override
        void addLine(SubsetBlockParser p, int from, int to) {
            if (lines.count() == 0 && p.at(p.index) == '[') {
                p.declineIfDefinition(p.index);
            }
            if (p.detail == SubsetBlockParser.Detail.TREE) {
                p.lineSpan(p.index); // the paragraph's own span of the line: the tree's only
            }
            lines.add(from, to, p.lineIndex, p.index);
            marks |= p.marksOf(from, to);
        }

        /**
         * Gives its last line to a table that starts there, and that line's span (null when the
         * parser builds {@link SubsetBlockParser.Detail#MODEL}: paragraphs have none then).
         */
        SourceSpan removeLastLine() {
            lines.removeLast();
            if (!spanned) {
                return null;
            }
            List<SourceSpan> spans = new ArrayList<>(block.getSourceSpans());
            SourceSpan last = spans.remove(spans.size() - 1);
            block.setSourceSpans(spans);
            return last;
        }

        @Override
        void finish() {
            if (lines.count() == 0) {
                block.unlink();
            } else if (block instanceof ModelParagraph model) {
                model.marks(marks); // the model's paragraph holds its lines itself
            } else {
                block.appendChild(new RawLines(lines, marks));
            }
        }
    }

    /** Fenced code: its info string, its literal, and whether a closing fence ended it. */
    static final class Fence extends OpenBlock {
        private final char fenceChar;
        private final int fenceLength;
        private final int fenceIndent;
        private int closingFenceLength;
        private boolean closed;
        private String info;
        private StringBuilder literal;

        Fence(char fenceChar, int fenceLength, int fenceIndent, int sourceIndex) {
            super(fenced(fenceChar, fenceLength, fenceIndent), sourceIndex, false);
            this.fenceChar = fenceChar;
            this.fenceLength = fenceLength;
            this.fenceIndent = fenceIndent;
        }

        private static FencedCodeBlock fenced(char c, int length, int indent) {
            FencedCodeBlock block = new FencedCodeBlock();
            block.setFenceCharacter(String.valueOf(c));
            block.setOpeningFenceLength(length);
            block.setFenceIndent(indent);
            return block;
        }

        /** Whether the last line that continued it was its closing fence. */
        boolean closed() {
            return closed;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            if (p.indent < CODE_BLOCK_INDENT
                    && p.nextNonSpace < p.lineLength
                    && closesAt(p, p.nextNonSpace)) {
                closed = true;
                return true;
            }
            for (int i = fenceIndent;
                    i > 0 && p.index < p.lineLength && p.at(p.index) == ' ';
                    i--) {
                p.index++;
            }
            return true;
        }

        private boolean closesAt(SubsetBlockParser p, int from) {
            int i = from;
            while (i < p.lineLength && p.at(i) == fenceChar) {
                i++;
            }
            if (i - from < fenceLength || !p.onlySpaces(i)) {
                return false;
            }
            closingFenceLength = i - from;
            return true;
        }

        @Override
        void addLine(SubsetBlockParser p, int from, int to) {
            if (info == null) {
                String line = p.slice(from, to);
                if (line.indexOf('\\') >= 0 || line.indexOf('&') >= 0) {
                    throw SubsetBlockParser.DECLINE; // commonmark unescapes the info string
                }
                info = line.trim();
                literal = new StringBuilder();
            } else if (p.detail == SubsetBlockParser.Detail.TREE) {
                // the model does not read code: a check copies none of it
                literal.append(p.chars, from, to - from).append('\n');
            }
        }

        @Override
        void finish() {
            FencedCodeBlock f = (FencedCodeBlock) block;
            f.setInfo(info);
            f.setLiteral(literal == null ? "" : literal.toString());
            if (closed) {
                f.setClosingFenceLength(closingFenceLength);
            }
        }
    }

    /** An HTML block that opens with a comment; it ends at the line holding {@code -->}. */
    static final class HtmlComment extends OpenBlock {
        private final List<String> lines = new ArrayList<>(1);
        private boolean ended;

        HtmlComment(int sourceIndex) {
            super(new HtmlBlock(), sourceIndex, false);
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            return !ended;
        }

        @Override
        void addLine(SubsetBlockParser p, int from, int to) {
            String line = p.slice(from, to);
            lines.add(line);
            if (line.contains("-->")) {
                ended = true;
            }
        }

        @Override
        void finish() {
            ((HtmlBlock) block).setLiteral(String.join("\n", lines));
        }
    }

    /**
     * An ATX heading: its title, found when it started, is its one line of inline content; a {@link
     * ModelHeading} holds it itself, commonmark's heading as a {@link RawLines} child.
     */
    static final class AtxHeading extends OpenBlock {
        private final List<SourceLine> title;
        private final int marks;

        AtxHeading(Heading heading, int sourceIndex, List<SourceLine> title, int marks) {
            super(heading, sourceIndex, false);
            this.title = title;
            this.marks = marks;
        }

        AtxHeading(ModelHeading heading, int sourceIndex) {
            this(heading, sourceIndex, null, heading.marks());
        }

        @Override
        void finish() {
            if (title != null) {
                block.appendChild(new RawLines(title, marks));
            }
        }
    }

    /** A thematic break: one line, no content. */
    static final class Break extends OpenBlock {
        Break(ThematicBreak block, int sourceIndex) {
            super(block, sourceIndex, false);
        }
    }
}
