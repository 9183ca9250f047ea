package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
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
 * A block the one-pass parser ({@link SubsetBlockParser}) has open: the state commonmark's parser
 * for its kind keeps, with that parser's continue, add-line and finish logic, and what {@link
 * DocumentBuilder} reads of it once it is finished (its lines as offsets into the spec's chars, its
 * first line's position as ints, the block that holds it). One small type per kind; GFM tables are
 * {@link GfmTable}. The parser keeps the current line (its chars and the column state) and calls
 * these as commonmark's {@code DocumentParser} calls its block parsers; it hands the blocks to the
 * builder in document order ({@link SubsetBlockParser.Blocks}). commonmark's node of the block
 * ({@link #block}) is made only when a caller wants commonmark's tree ({@link
 * SubsetBlockParser.Detail#TREE}): a check makes none.
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

    /** commonmark's node of the block ({@link SubsetBlockParser.Detail#TREE}), else null. */
    final Block block;

    /** Where the block's content starts on the current line (for its source span). */
    int sourceIndex;

    /** Whether it holds blocks (document, quote, list, item): a field, read on every line. */
    final boolean container;

    /** The block that holds it (null for the document). */
    OpenBlock parent;

    /** Whether it is the first block its parent holds. */
    boolean first;

    /** Whether a block was added to it. */
    boolean hasChild;

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

    /**
     * Whether a non-blank line that starts no block is added to it (paragraphs, tables). Asked on
     * every line: final, so that C1 inlines it, where an override per kind was a virtual call.
     */
    final boolean takesTextLines() {
        return this instanceof Para || this instanceof GfmTable;
    }

    /** The rest of the current line, {@code [from, to)} of the spec's chars, goes to the block. */
    void addLine(SubsetBlockParser p, int from, int to) {}

    /** Whether it has a source span yet. */
    boolean spanned;

    /** A source span of the current line ({@link SubsetBlockParser.Detail#TREE}). */
    void addSpan(SourceSpan span) {
        block.addSourceSpan(span);
        spanned = true;
    }

    /** commonmark's {@code closeBlock} and {@code parseInlines} of the kind. */
    void finish() {}

    /** The document: contains anything. */
    static final class Root extends OpenBlock {
        /** Its node ({@code document}, or null). */
        Root(Document document) {
            super(document, 0, true);
        }

        @Override
        boolean canContain(OpenBlock child) {
            return true;
        }
    }

    static final class Quote extends OpenBlock {
        /** Its node ({@code quote}, or null). */
        Quote(BlockQuote quote, int sourceIndex) {
            super(quote, sourceIndex, true);
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

        /**
         * A list of bullet {@code marker}, or of ordered items with delimiter {@code marker};
         * {@code list} is its node, or null.
         */
        ListOf(ListBlock list, boolean ordered, char marker, int sourceIndex) {
            super(list, sourceIndex, true);
            this.ordered = ordered;
            this.marker = marker;
            if (list != null) {
                list.setTight(true);
            }
        }

        /**
         * A blank line between its items makes it loose (commonmark's tree only: no model reads
         * it).
         */
        void loose() {
            if (block != null) {
                ((ListBlock) block).setTight(false);
            }
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
                loose();
                hadBlankLine = false;
            }
            return true;
        }
    }

    /** A list item: its first line's span is where the builder places a task item. */
    static final class Item extends OpenBlock {
        private final int contentIndent;
        private boolean hadBlankLine;

        /** The source line (0-based) of its first line. */
        final int lineIndex;

        /** The column (0-based) at which its first line's span starts: its marker's indent. */
        final int column;

        /**
         * Its node ({@code item}, or null), opened at {@code column} of source line {@code
         * lineIndex}.
         */
        Item(ListItem item, int lineIndex, int column, int contentIndent) {
            super(item, column, true);
            this.contentIndent = contentIndent;
            this.lineIndex = lineIndex;
            this.column = column;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            if (p.blank) {
                if (!hasChild) {
                    return false;
                }
                OpenBlock active = p.top();
                hadBlankLine = active instanceof Para || active instanceof Item;
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
            if (hadBlankLine && parent instanceof ListOf list) {
                list.loose();
            }
            return true;
        }
    }

    /**
     * A paragraph: its lines, offsets into the spec's chars ({@link TextLines}), handed to the
     * inline scan unparsed (in commonmark's tree as a {@link RawLines} child).
     */
    static final class Para extends OpenBlock {
        final TextLines lines;

        /** The {@link InlineSyntax} marks of its lines (or more), known when it is finished. */
        int marks;

        Para(TextLines lines, int sourceIndex, SubsetBlockParser.Detail detail) {
            super(
                    detail == SubsetBlockParser.Detail.TREE ? new Paragraph() : null,
                    sourceIndex,
                    false);
            this.lines = lines;
        }

        /** Its lines joined for the inline scan, or null when none has content. */
        InlineText inlineText() {
            return InlineText.of(lines, marks);
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            return !p.blank;
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

        /** Whether it keeps no line (a table took its one line): it is no block then. */
        boolean empty() {
            return lines.count() == 0;
        }

        @Override
        void finish() {
            if (block == null) {
                return;
            }
            if (empty()) {
                block.unlink();
            } else {
                block.appendChild(new RawLines(lines, marks));
            }
        }
    }

    /**
     * Fenced code: its info string, its literal (commonmark's tree only: no check reads code), and
     * whether a closing fence ended it.
     */
    static final class Fence extends OpenBlock {
        final char fenceChar;
        final int fenceLength;
        final int fenceIndent;
        private int closingFenceLength;
        private boolean closed;
        private String info;
        private StringBuilder literal;

        /** The source line (0-based) of its opening fence. */
        final int lineIndex;

        /** The column at which its first line's span starts (its container's content). */
        final int column;

        Fence(
                char fenceChar,
                int fenceLength,
                int fenceIndent,
                int lineIndex,
                int sourceIndex,
                boolean tree) {
            super(tree ? fenced(fenceChar, fenceLength, fenceIndent) : null, sourceIndex, false);
            this.fenceChar = fenceChar;
            this.fenceLength = fenceLength;
            this.fenceIndent = fenceIndent;
            this.lineIndex = lineIndex;
            this.column = sourceIndex;
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
                literal = block == null ? null : new StringBuilder();
            } else if (block != null) {
                // the model does not read code: a check copies none of it
                literal.append(p.chars, from, to - from).append('\n');
            }
        }

        @Override
        void finish() {
            if (block == null) {
                return;
            }
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

        /** Its lines joined by {@code \n}, once it is finished. */
        String literal;

        /** The source line (0-based) of its first line. */
        final int lineIndex;

        /** The column and the index in the text at which its first line's span starts. */
        final int column;

        final int inputIndex;

        /** The spans of its later lines that hold anything (none in commonmark's tree's). */
        private List<SourceSpan> later;

        HtmlComment(int lineIndex, int sourceIndex, int inputIndex, boolean tree) {
            super(tree ? new HtmlBlock() : null, sourceIndex, false);
            this.lineIndex = lineIndex;
            this.column = sourceIndex;
            this.inputIndex = inputIndex;
        }

        @Override
        boolean tryContinue(SubsetBlockParser p) {
            return !ended;
        }

        @Override
        void addLine(SubsetBlockParser p, int from, int to) {
            String line = p.slice(from, to);
            if (block == null && !lines.isEmpty() && to > from) {
                // the model reads where each later line starts (a quote's marker may take a
                // space on one line and none on the next); the first line's is the block's own
                if (later == null) {
                    later = new ArrayList<>(2);
                }
                later.add(SourceSpan.of(p.lineIndex, from - p.lineStart, from, to - from));
            }
            lines.add(line);
            if (line.contains("-->")) {
                ended = true;
            }
        }

        /**
         * A span for each of its lines that holds anything, where the line's text starts, for a
         * block without commonmark's node (which holds its own spans).
         */
        List<SourceSpan> lineSpans() {
            List<SourceSpan> spans = new ArrayList<>(1 + (later == null ? 0 : later.size()));
            spans.add(SourceSpan.of(lineIndex, column, inputIndex, lines.get(0).length()));
            if (later != null) {
                spans.addAll(later);
            }
            return spans;
        }

        @Override
        void finish() {
            literal = String.join("\n", lines);
            if (block != null) {
                ((HtmlBlock) block).setLiteral(literal);
            }
        }
    }

    /**
     * An ATX heading: its title, found when it started, is its one line of inline content, {@code
     * [titleFrom, titleTo)} of the spec's chars (in commonmark's tree a {@link RawLines} child).
     */
    static final class AtxHeading extends OpenBlock {
        final int level;
        private final char[] chars;
        private final int titleFrom;
        private final int titleTo;

        /** The source line (0-based) of the heading, and the column at which its title starts. */
        final int lineIndex;

        private final int titleColumn;

        /** The {@link InlineSyntax} marks of its title (or more). */
        final int marks;

        /** Where its span ends on its line (it starts at {@link #sourceIndex}). */
        private final int spanEnd;

        AtxHeading(
                Heading heading,
                int level,
                char[] chars,
                int titleFrom,
                int titleTo,
                int lineIndex,
                int titleColumn,
                int marks,
                int sourceIndex,
                int spanEnd) {
            super(heading, sourceIndex, false);
            this.level = level;
            this.chars = chars;
            this.titleFrom = titleFrom;
            this.titleTo = titleTo;
            this.lineIndex = lineIndex;
            this.titleColumn = titleColumn;
            this.marks = marks;
            this.spanEnd = spanEnd;
            if (heading != null) {
                heading.setLevel(level);
            }
        }

        /** Its span, the whole line from where it opens. */
        SourceRange range() {
            return SourceRange.ofLine(lineIndex, sourceIndex, spanEnd);
        }

        /** Its title for the inline scan, or null when it is empty. */
        InlineText inlineText() {
            return titleFrom == titleTo
                    ? null
                    : InlineText.ofLine(chars, titleFrom, titleTo, lineIndex, titleColumn, marks);
        }

        /** The offset in the spec's chars at which the heading's line begins. */
        int lineOffset() {
            return titleFrom - titleColumn;
        }

        /** The title when it holds no inline syntax at all (and is not empty), else null. */
        CharSlice plainTitle() {
            return marks == 0 && titleFrom < titleTo
                    ? new CharSlice(chars, titleFrom, titleTo)
                    : null;
        }

        @Override
        void finish() {
            if (block == null) {
                return;
            }
            List<SourceLine> title =
                    titleFrom == titleTo
                            ? List.of()
                            : List.of(
                                    SourceLine.of(
                                            new CharSlice(chars, titleFrom, titleTo),
                                            SourceSpan.of(
                                                    lineIndex,
                                                    titleColumn,
                                                    titleFrom,
                                                    titleTo - titleFrom)));
            block.appendChild(new RawLines(title, marks));
        }
    }

    /** A thematic break: one line, no content. */
    static final class Break extends OpenBlock {
        /** Its node ({@code block}, or null). */
        Break(ThematicBreak block, int sourceIndex) {
            super(block, sourceIndex, false);
        }
    }
}
