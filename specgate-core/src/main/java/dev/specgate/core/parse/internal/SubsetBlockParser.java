package dev.specgate.core.parse.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.SourceLine;
import org.commonmark.text.Characters;

/**
 * Builds the block tree that commonmark 0.30 (with GFM tables, {@link AtxHeadingStart}, source
 * spans of blocks and inlines, {@link RawLineInlineParser}) builds, for documents made only of the
 * Markdown most specs use, in one pass over the text; {@link #parse} returns null, and the caller
 * hands the whole document to commonmark, the moment a line needs anything else.
 *
 * <p>It is commonmark's {@code DocumentParser.parseLine} with its factories unrolled for a closed
 * set of blocks: ATX headings, paragraphs, bullet and ordered lists, block quotes, fenced code,
 * thematic breaks, HTML comment blocks and GFM tables. It declines tabs and control characters
 * (column arithmetic, NUL replacement), lazy continuation lines, setext underlines, indented code,
 * HTML blocks other than comments, anything that could be a link reference definition, empty list
 * items and items whose content is indented five or more columns, table rows with escaped pipes and
 * info strings with escapes or entities. A property test holds its tree, source spans included, to
 * commonmark's on every input it accepts. Under C1 commonmark's generic machinery (a factory call
 * per block type per line, a state object per attempt, a scanner per paragraph) was more than half
 * of a check's CPU.
 */
public final class SubsetBlockParser {

    private static final int CODE_BLOCK_INDENT = 4;

    /** Thrown when the text leaves the subset; no stack trace, it is control flow. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private enum Kind {
        DOCUMENT,
        QUOTE,
        LIST,
        ITEM,
        PARAGRAPH,
        FENCE,
        HTML,
        TABLE,
        HEADING,
        BREAK
    }

    /** One open block, with the state commonmark's parser for its kind keeps. */
    private static final class Open {
        final Kind kind;
        final Block block;
        int sourceIndex;
        // ITEM: content indent; FENCE: fence indent
        int indent;
        boolean hadBlankLine;
        int linesAfterBlank;
        char fenceChar;
        int fenceLength;
        int closingFenceLength;
        String info;
        StringBuilder literal;
        boolean finished;
        List<SourceLine> lines;
        List<SourceSpan> spans;
        List<TableCell.Alignment> alignments;
        List<Integer> widths;

        Open(Kind kind, Block block, int sourceIndex) {
            this.kind = kind;
            this.block = block;
            this.sourceIndex = sourceIndex;
        }

        boolean isContainer() {
            return kind == Kind.DOCUMENT
                    || kind == Kind.QUOTE
                    || kind == Kind.LIST
                    || kind == Kind.ITEM;
        }
    }

    private final String text;
    // every char of the text is read at least once, most several times: an array read is far
    // cheaper under C1 than String.charAt (a coder check and a call per char), for one copy
    private final char[] chars;
    private final int maxOpenBlocks;
    private final List<Open> open = new ArrayList<>();
    private final Document document = new Document();

    // the current line: [lineStart, lineEnd) of the text; indices below are relative to lineStart
    private int lineIndex = -1;
    private int lineStart;
    private int lineLength;
    private int index;
    private int nextNonSpace;
    private int indent;
    private boolean blank;

    private SubsetBlockParser(String text, int maxOpenBlocks) {
        this.text = text;
        this.chars = text.toCharArray();
        this.maxOpenBlocks = maxOpenBlocks;
    }

    /**
     * commonmark's document of {@code text}, or null if {@code text} holds anything outside the
     * subset. {@code maxOpenBlocks} is commonmark's {@code maxOpenBlockParsers}: at that depth the
     * parser declines instead of reading deeper markers as text.
     */
    public static Document parse(String text, int maxOpenBlocks) {
        Parsed parsed = parseCounted(text, maxOpenBlocks);
        return parsed == null ? null : parsed.document();
    }

    /** A document and the lines of its text, counted as CommonMark counts them. */
    public record Parsed(Document document, int lineCount) {}

    /**
     * As {@link #parse}, with the text's line count: the block pass visits every line anyway, so
     * counting them here saves the caller a second pass over the whole text.
     */
    public static Parsed parseCounted(String text, int maxOpenBlocks) {
        try {
            SubsetBlockParser p = new SubsetBlockParser(text, maxOpenBlocks);
            Document document = p.document();
            // one parseLine per line ended by LF, CR LF or CR, and none after a final line end
            return new Parsed(document, p.lineIndex + 1);
        } catch (Decline e) {
            return null;
        }
    }

    private Document document() {
        open.add(new Open(Kind.DOCUMENT, document, 0));
        char[] chars = this.chars;
        int n = chars.length;
        int start = 0;
        while (start < n) {
            int end = start;
            char c = 0;
            while (end < n) {
                c = chars[end];
                if (c < ' ') {
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    throw DECLINE; // tabs move columns, NUL is replaced, VT and FF are spaces
                }
                end++;
            }
            parseLine(start, end);
            if (end < n && c == '\r' && end + 1 < n && chars[end + 1] == '\n') {
                end++;
            }
            start = end + 1;
        }
        close(open.size());
        return document;
    }

    private char at(int i) {
        return chars[lineStart + i];
    }

    private void findNextNonSpace() {
        int i = index;
        while (i < lineLength && at(i) == ' ') {
            i++;
        }
        blank = i == lineLength;
        nextNonSpace = i;
        indent = i - index;
    }

    private void parseLine(int start, int end) {
        lineIndex++;
        lineStart = start;
        lineLength = end - start;
        index = 0;

        int matches = 1;
        for (int i = 1; i < open.size(); i++) {
            Open o = open.get(i);
            findNextNonSpace();
            int before = index;
            if (!tryContinue(o)) {
                break;
            }
            o.sourceIndex = before;
            if (o.finished && o.kind == Kind.FENCE) {
                // a closing fence: the line belongs to the fence, which ends here
                addSourceSpans();
                close(open.size() - i);
                return;
            }
            matches++;
        }

        int unmatched = open.size() - matches;
        Open matched = open.get(matches - 1);
        boolean startedNewBlock = false;
        int lastIndex = index;
        boolean tryBlockStarts = matched.kind == Kind.PARAGRAPH || matched.isContainer();
        while (tryBlockStarts) {
            lastIndex = index;
            findNextNonSpace();
            if (blank || (indent < CODE_BLOCK_INDENT && isLetter(lineStart + nextNonSpace))) {
                index = nextNonSpace;
                break;
            }
            if (open.size() > maxOpenBlocks) {
                throw DECLINE;
            }
            Open started = tryStart(matched, unmatched);
            if (started == null) {
                index = nextNonSpace;
                break;
            }
            startedNewBlock = true;
            unmatched = 0; // tryStart closed them
            matched = started;
            tryBlockStarts = started.isContainer();
        }

        Open active = open.get(open.size() - 1);
        if (!startedNewBlock
                && !blank
                && (active.kind == Kind.PARAGRAPH || active.kind == Kind.TABLE)) {
            if (unmatched > 0) {
                throw DECLINE; // a lazy continuation line or table row
            }
            active.sourceIndex = lastIndex;
            addLine();
        } else {
            if (unmatched > 0) {
                close(unmatched);
            }
            if (!matched.isContainer()) {
                addLine();
            } else if (!blank) {
                add(new Open(Kind.PARAGRAPH, new Paragraph(), lastIndex));
                addLine();
            } else {
                addSourceSpans();
            }
        }
    }

    /** What {@code tryContinue} of the kind's commonmark parser does, index moved on success. */
    private boolean tryContinue(Open o) {
        switch (o.kind) {
            case QUOTE:
                if (indent < CODE_BLOCK_INDENT
                        && nextNonSpace < lineLength
                        && at(nextNonSpace) == '>') {
                    index = quoteContent();
                    return true;
                }
                return false;
            case LIST:
                if (blank) {
                    o.hadBlankLine = true;
                    o.linesAfterBlank = 0;
                } else if (o.hadBlankLine) {
                    o.linesAfterBlank++;
                }
                return true;
            case ITEM:
                if (blank) {
                    if (o.block.getFirstChild() == null) {
                        return false;
                    }
                    Block activeBlock = open.get(open.size() - 1).block;
                    o.hadBlankLine =
                            activeBlock instanceof Paragraph || activeBlock instanceof ListItem;
                    index = nextNonSpace;
                    return true;
                }
                if (indent >= o.indent) {
                    index += o.indent;
                    return true;
                }
                return false;
            case PARAGRAPH:
                return !blank;
            case FENCE:
                if (indent < CODE_BLOCK_INDENT
                        && nextNonSpace < lineLength
                        && closesFence(o, nextNonSpace)) {
                    o.finished = true;
                    return true;
                }
                for (int i = o.indent; i > 0 && index < lineLength && at(index) == ' '; i--) {
                    index++;
                }
                return true;
            case HTML:
                return !o.finished;
            case TABLE:
                {
                    int pipe = find('|', nextNonSpace);
                    if (pipe < 0) {
                        return false;
                    }
                    if (pipe == nextNonSpace && onlySpaces(nextNonSpace + 1)) {
                        throw DECLINE; // ends the table but leaves it open to lazy lines
                    }
                    return true;
                }
            default:
                return false; // headings and thematic breaks hold one line
        }
    }

    /** The first {@code c} of the line at or after {@code from}, or -1. */
    private int find(char c, int from) {
        for (int i = from; i < lineLength; i++) {
            if (at(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private int quoteContent() {
        int after = nextNonSpace + 1;
        return after < lineLength && at(after) == ' ' ? after + 1 : after;
    }

    private boolean onlySpaces(int from) {
        for (int i = from; i < lineLength; i++) {
            if (at(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean closesFence(Open o, int from) {
        int i = from;
        while (i < lineLength && at(i) == o.fenceChar) {
            i++;
        }
        if (i - from < o.fenceLength || !onlySpaces(i)) {
            return false;
        }
        o.closingFenceLength = i - from;
        return true;
    }

    /**
     * commonmark's block factories in its order (GFM table, ATX heading, quote, setext heading,
     * fence, HTML, thematic break, list, indented code): the block started, or null if none.
     * Declines where commonmark would start a block outside the subset.
     */
    private Open tryStart(Open matched, int unmatched) {
        Open paragraph =
                matched.kind == Kind.PARAGRAPH && !matched.lines.isEmpty() ? matched : null;
        if (paragraph != null) {
            Open table = tryTable(paragraph, unmatched);
            if (table != null) {
                return table;
            }
        }
        if (indent >= CODE_BLOCK_INDENT) {
            if (!blank && open.get(open.size() - 1).kind != Kind.PARAGRAPH) {
                throw DECLINE; // indented code
            }
            return null;
        }
        char c = at(nextNonSpace);
        int sourceIndex = index;
        switch (c) {
            case '#':
                {
                    long h =
                            AtxHeadingStart.scan(
                                    text, lineStart + nextNonSpace, lineStart + lineLength);
                    if (h >= 0) {
                        return heading(h, unmatched, sourceIndex);
                    }
                    return null; // "#5", "#######": nothing else starts with '#'
                }
            case '>':
                {
                    closeUnmatched(unmatched);
                    int content = quoteContent();
                    Open quote = add(new Open(Kind.QUOTE, new BlockQuote(), sourceIndex));
                    index = content;
                    return quote;
                }
            case '=':
                if (paragraph != null && isSetextUnderline('=')) {
                    throw DECLINE;
                }
                return null;
            case '`':
            case '~':
                return tryFence(c, unmatched, sourceIndex);
            case '<':
                if (text.startsWith("<!--", lineStart + nextNonSpace)) {
                    closeUnmatched(unmatched);
                    Open html = add(new Open(Kind.HTML, new HtmlBlock(), sourceIndex));
                    html.lines = new ArrayList<>(1);
                    return html;
                }
                if (isAutolinkScheme(nextNonSpace + 1)) {
                    return null; // "<https://…>" at the start of a line: prose, no HTML block
                }
                throw DECLINE; // other HTML blocks, or inline HTML that may start one
            case '-':
                if (paragraph != null && isSetextUnderline('-')) {
                    throw DECLINE;
                }
            // fall through
            case '*':
            case '_':
                if (isThematicBreak()) {
                    closeUnmatched(unmatched);
                    ThematicBreak br = new ThematicBreak();
                    br.setLiteral(text.substring(lineStart + index, lineStart + lineLength));
                    Open o = add(new Open(Kind.BREAK, br, sourceIndex));
                    index = lineLength;
                    return o;
                }
                return c == '_' ? null : tryList(matched, paragraph != null, unmatched);
            case '+':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                return tryList(matched, paragraph != null, unmatched);
            default:
                return null;
        }
    }

    /**
     * Whether a letter, then letters, digits or '-', then ':' start at {@code from}: no HTML block
     * opener of CommonMark matches there (each needs a space, '>', '/' or the line's end after the
     * tag name, or '!' or '?' after '<'). Specs put {@code <https://…>} autolinks at line starts.
     */
    private boolean isAutolinkScheme(int from) {
        if (from >= lineLength || !isAsciiLetter(at(from))) {
            return false;
        }
        int i = from + 1;
        while (i < lineLength && (isAsciiLetter(at(i)) || isDigit(at(i)) || at(i) == '-')) {
            i++;
        }
        return i < lineLength && at(i) == ':';
    }

    /** commonmark's {@code Characters.isLetter}, without a code point lookup for ASCII. */
    private boolean isLetter(int at) {
        char c = chars[at];
        return c < 128 ? isAsciiLetter(c) : Characters.isLetter(text, at);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void closeUnmatched(int unmatched) {
        if (unmatched > 0) {
            close(unmatched);
        }
    }

    private Open heading(long h, int unmatched, int sourceIndex) {
        closeUnmatched(unmatched);
        Heading heading = new Heading();
        heading.setLevel(AtxHeadingStart.level(h));
        Open o = add(new Open(Kind.HEADING, heading, sourceIndex));
        int start = AtxHeadingStart.titleStart(h) - lineStart;
        int end = AtxHeadingStart.titleEnd(h) - lineStart;
        o.lines =
                end == start
                        ? List.of()
                        : List.of(
                                SourceLine.of(
                                        new CharSlice(chars, lineStart + start, lineStart + end),
                                        SourceSpan.of(
                                                lineIndex, start, lineStart + start, end - start)));
        index = lineLength;
        return o;
    }

    private boolean isSetextUnderline(char c) {
        int i = nextNonSpace;
        while (i < lineLength && at(i) == c) {
            i++;
        }
        return onlySpaces(i);
    }

    private boolean isThematicBreak() {
        int dashes = 0;
        int underscores = 0;
        int asterisks = 0;
        for (int i = nextNonSpace; i < lineLength; i++) {
            switch (at(i)) {
                case '-':
                    dashes++;
                    break;
                case '_':
                    underscores++;
                    break;
                case '*':
                    asterisks++;
                    break;
                case ' ':
                    break;
                default:
                    return false;
            }
        }
        return (dashes >= 3 && underscores == 0 && asterisks == 0)
                || (underscores >= 3 && dashes == 0 && asterisks == 0)
                || (asterisks >= 3 && dashes == 0 && underscores == 0);
    }

    private Open tryFence(char c, int unmatched, int sourceIndex) {
        int backticks = 0;
        int tildes = 0;
        for (int i = nextNonSpace; i < lineLength; i++) {
            char d = at(i);
            if (d == '`') {
                backticks++;
            } else if (d == '~') {
                tildes++;
            } else {
                break;
            }
        }
        int length;
        if (backticks >= 3 && tildes == 0) {
            if (find('`', nextNonSpace + backticks) >= 0) {
                return null; // not a fence: a backtick in the info string
            }
            length = backticks;
        } else if (tildes >= 3 && backticks == 0) {
            length = tildes;
        } else {
            return null;
        }
        closeUnmatched(unmatched);
        FencedCodeBlock block = new FencedCodeBlock();
        block.setFenceCharacter(String.valueOf(c));
        block.setOpeningFenceLength(length);
        block.setFenceIndent(indent);
        Open o = add(new Open(Kind.FENCE, block, sourceIndex));
        o.fenceChar = c;
        o.fenceLength = length;
        o.indent = indent;
        index = nextNonSpace + length;
        return o;
    }

    private Open tryList(Open matched, boolean inParagraph, int unmatched) {
        int markerIndex = nextNonSpace;
        char c = at(markerIndex);
        int afterMarker;
        ListBlock list;
        if (c == '-' || c == '+' || c == '*') {
            if (markerIndex + 1 < lineLength && at(markerIndex + 1) != ' ') {
                return null;
            }
            BulletList bullets = new BulletList();
            bullets.setMarker(String.valueOf(c));
            list = bullets;
            afterMarker = markerIndex + 1;
        } else {
            int i = markerIndex;
            while (i < lineLength && at(i) >= '0' && at(i) <= '9') {
                i++;
            }
            int digits = i - markerIndex;
            if (digits == 0
                    || digits > 9
                    || i >= lineLength
                    || (at(i) != '.' && at(i) != ')')
                    || (i + 1 < lineLength && at(i + 1) != ' ')) {
                return null;
            }
            OrderedList ordered = new OrderedList();
            ordered.setMarkerStartNumber(
                    Integer.parseInt(text, lineStart + markerIndex, lineStart + i, 10));
            ordered.setMarkerDelimiter(String.valueOf(at(i)));
            list = ordered;
            afterMarker = i + 1;
        }
        int content = afterMarker;
        while (content < lineLength && at(content) == ' ') {
            content++;
        }
        boolean hasContent = content < lineLength;
        if (inParagraph) {
            if (list instanceof OrderedList o && o.getMarkerStartNumber() != 1) {
                return null;
            }
            if (!hasContent) {
                return null;
            }
        }
        if (!hasContent || content - afterMarker > CODE_BLOCK_INDENT) {
            throw DECLINE; // an empty item, or one that starts with indented code
        }
        closeUnmatched(unmatched);
        int sourceIndex = index;
        ListItem item = new ListItem();
        item.setMarkerIndent(indent);
        item.setContentIndent(content - index);
        if (!(matched.kind == Kind.LIST && listsMatch((ListBlock) matched.block, list))) {
            list.setTight(true);
            add(new Open(Kind.LIST, list, sourceIndex));
        }
        Open o = add(new Open(Kind.ITEM, item, sourceIndex));
        o.indent = content - index;
        index = content;
        return o;
    }

    private static boolean listsMatch(ListBlock a, ListBlock b) {
        if (a instanceof BulletList x && b instanceof BulletList y) {
            return x.getMarker().equals(y.getMarker());
        }
        if (a instanceof OrderedList x && b instanceof OrderedList y) {
            return x.getMarkerDelimiter().equals(y.getMarkerDelimiter());
        }
        return false;
    }

    /**
     * GFM's table factory: the paragraph's last line is the header, this line the delimiter row.
     */
    private Open tryTable(Open paragraph, int unmatched) {
        SourceLine header = paragraph.lines.get(paragraph.lines.size() - 1);
        String headerText = header.getContent().toString();
        if (headerText.indexOf('|') < 0) {
            return null;
        }
        List<TableCell.Alignment> alignments = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        if (!parseDelimiterRow(alignments, widths) || alignments.isEmpty()) {
            return null;
        }
        if (headerText.indexOf('\\') >= 0) {
            throw DECLINE; // escaped pipes: cell text and spans part ways
        }
        if (alignments.size() < splitCells(header).size()) {
            return null;
        }
        closeUnmatched(unmatched);
        // replaceParagraphLines(1): the header line moves from the paragraph to the table
        int last = paragraph.lines.size() - 1;
        paragraph.lines.remove(last);
        SourceSpan headerSpan = paragraph.spans.remove(paragraph.spans.size() - 1);
        close(1);
        TableBlock block = new TableBlock();
        block.addSourceSpan(headerSpan);
        Open o = add(new Open(Kind.TABLE, block, index));
        o.lines = new ArrayList<>();
        o.lines.add(header);
        o.alignments = alignments;
        o.widths = widths;
        return o;
    }

    /** GFM's {@code parseSeparator} on the line from the current index. */
    private boolean parseDelimiterRow(List<TableCell.Alignment> alignments, List<Integer> widths) {
        int pipes = 0;
        boolean valid = false;
        int i = index;
        int width = 0;
        while (i < lineLength) {
            char c = at(i);
            switch (c) {
                case '|':
                    i++;
                    pipes++;
                    if (pipes > 1) {
                        return false;
                    }
                    valid = true;
                    break;
                case '-':
                case ':':
                    {
                        if (pipes == 0 && !alignments.isEmpty()) {
                            return false;
                        }
                        boolean left = false;
                        boolean right = false;
                        if (c == ':') {
                            left = true;
                            i++;
                            width++;
                        }
                        boolean haveDash = false;
                        while (i < lineLength && at(i) == '-') {
                            i++;
                            width++;
                            haveDash = true;
                        }
                        if (!haveDash) {
                            return false;
                        }
                        if (i < lineLength && at(i) == ':') {
                            right = true;
                            i++;
                            width++;
                        }
                        alignments.add(
                                left && right
                                        ? TableCell.Alignment.CENTER
                                        : left
                                                ? TableCell.Alignment.LEFT
                                                : right ? TableCell.Alignment.RIGHT : null);
                        widths.add(width);
                        width = 0;
                        pipes = 0;
                        break;
                    }
                case ' ':
                    i++;
                    break;
                default:
                    return false;
            }
        }
        return valid;
    }

    /** GFM's {@code split} of a row without backslashes: each cell's raw text and span. */
    private static List<SourceLine> splitCells(SourceLine line) {
        String row = line.getContent().toString();
        int n = row.length();
        int nonSpace = 0;
        while (nonSpace < n && row.charAt(nonSpace) == ' ') {
            nonSpace++;
        }
        int cellStart = nonSpace;
        int cellEnd = n;
        if (row.charAt(nonSpace) == '|') {
            cellStart = nonSpace + 1;
            int end = n - 1;
            while (end >= cellStart && row.charAt(end) == ' ') {
                end--;
            }
            cellEnd = end + 1;
        }
        List<SourceLine> cells = new ArrayList<>();
        for (int i = cellStart; i < cellEnd; i++) {
            if (row.charAt(i) == '|') {
                cells.add(line.substring(cellStart, i));
                cellStart = i + 1;
            }
        }
        if (cellEnd > cellStart) {
            cells.add(line.substring(cellStart, n));
        }
        return cells;
    }

    /** commonmark's {@code addChild}: closes blocks that cannot hold the new one, then opens it. */
    private Open add(Open child) {
        while (!canContain(open.get(open.size() - 1), child)) {
            close(1);
        }
        open.get(open.size() - 1).block.appendChild(child.block);
        open.add(child);
        if (child.kind == Kind.PARAGRAPH) {
            child.lines = new ArrayList<>(4);
            child.spans = new ArrayList<>(4);
        }
        return child;
    }

    private static boolean canContain(Open parent, Open child) {
        switch (parent.kind) {
            case DOCUMENT:
            case QUOTE:
                return true;
            case ITEM:
                if (parent.hadBlankLine && parent.block.getParent() instanceof ListBlock list) {
                    list.setTight(false);
                }
                return true;
            case LIST:
                if (child.kind == Kind.ITEM) {
                    if (parent.hadBlankLine && parent.linesAfterBlank == 1) {
                        ((ListBlock) parent.block).setTight(false);
                        parent.hadBlankLine = false;
                    }
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** The rest of the line from the current index goes to the deepest open block. */
    private void addLine() {
        Open active = open.get(open.size() - 1);
        int from = lineStart + index;
        int to = lineStart + lineLength;
        switch (active.kind) {
            case PARAGRAPH:
                if (active.lines.isEmpty() && at(index) == '[') {
                    declineIfDefinition(index);
                }
                active.lines.add(SourceLine.of(new CharSlice(chars, from, to), span(index)));
                break;
            case FENCE:
                if (active.info == null) {
                    String info = text.substring(from, to);
                    if (info.indexOf('\\') >= 0 || info.indexOf('&') >= 0) {
                        throw DECLINE; // commonmark unescapes the info string
                    }
                    active.info = info.trim();
                    active.literal = new StringBuilder();
                } else {
                    active.literal.append(text, from, to).append('\n');
                }
                break;
            case HTML:
                {
                    String line = text.substring(from, to);
                    active.lines.add(SourceLine.of(line, null));
                    if (line.contains("-->")) {
                        active.finished = true;
                    }
                    break;
                }
            case TABLE:
                active.lines.add(SourceLine.of(new CharSlice(chars, from, to), span(index)));
                break;
            default:
                break; // headings and thematic breaks keep nothing of their line
        }
        addSourceSpans();
    }

    /**
     * A paragraph that starts with '[' may be a link reference definition, which commonmark reads
     * line by line; only an unescaped ']' on the first line that is not followed by ':' (or a
     * second '[' before it) proves it is none.
     */
    private void declineIfDefinition(int from) {
        for (int i = from + 1; i < lineLength; i++) {
            char c = at(i);
            if (c == '\\') {
                throw DECLINE;
            }
            if (c == '[') {
                return;
            }
            if (c == ']') {
                if (i + 1 < lineLength && at(i + 1) == ':') {
                    throw DECLINE;
                }
                return;
            }
        }
        throw DECLINE; // the label may go on on the next line
    }

    private SourceSpan span(int from) {
        return from < lineLength
                ? SourceSpan.of(lineIndex, from, lineStart + from, lineLength - from)
                : null;
    }

    private void addSourceSpans() {
        for (int i = 1; i < open.size(); i++) {
            Open o = open.get(i);
            int blockIndex = Math.min(o.sourceIndex, index);
            if (lineLength - blockIndex != 0) {
                SourceSpan s =
                        SourceSpan.of(
                                lineIndex,
                                blockIndex,
                                lineStart + blockIndex,
                                lineLength - blockIndex);
                if (o.kind == Kind.PARAGRAPH) {
                    o.spans.add(s);
                } else {
                    o.block.addSourceSpan(s);
                }
            }
        }
    }

    private void close(int count) {
        for (int i = 0; i < count; i++) {
            finish(open.remove(open.size() - 1));
        }
    }

    /** closeBlock and parseInlines of the kind's commonmark parser. */
    private void finish(Open o) {
        switch (o.kind) {
            case PARAGRAPH:
                if (o.lines.isEmpty()) {
                    o.block.unlink();
                } else {
                    o.block.setSourceSpans(o.spans);
                    o.block.appendChild(new RawLines(o.lines));
                }
                break;
            case HEADING:
                o.block.appendChild(new RawLines(o.lines));
                break;
            case FENCE:
                {
                    FencedCodeBlock f = (FencedCodeBlock) o.block;
                    f.setInfo(o.info);
                    f.setLiteral(o.literal.toString());
                    if (o.finished) {
                        f.setClosingFenceLength(o.closingFenceLength);
                    }
                    break;
                }
            case HTML:
                {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < o.lines.size(); i++) {
                        if (i > 0) {
                            sb.append('\n');
                        }
                        sb.append(o.lines.get(i).getContent());
                    }
                    ((HtmlBlock) o.block).setLiteral(sb.toString());
                    break;
                }
            case TABLE:
                finishTable(o);
                break;
            default:
                break;
        }
    }

    /** GFM's {@code TableBlockParser.parseInlines}. */
    private void finishTable(Open o) {
        TableBlock block = (TableBlock) o.block;
        List<SourceSpan> spans = block.getSourceSpans();
        TableHead head = new TableHead();
        head.addSourceSpan(spans.get(0));
        block.appendChild(head);
        TableRow headerRow = new TableRow();
        headerRow.setSourceSpans(head.getSourceSpans());
        head.appendChild(headerRow);
        List<SourceLine> headerCells = splitCells(o.lines.get(0));
        int columns = headerCells.size();
        for (int i = 0; i < columns; i++) {
            TableCell cell = cell(o, headerCells.get(i), i);
            cell.setHeader(true);
            headerRow.appendChild(cell);
        }
        TableBody body = null;
        for (int r = 2; r < o.lines.size(); r++) {
            SourceLine rowLine = o.lines.get(r);
            if (rowLine.getContent().toString().indexOf('\\') >= 0) {
                throw DECLINE; // escaped pipes
            }
            SourceSpan span = r < spans.size() ? spans.get(r) : null;
            List<SourceLine> cells = splitCells(rowLine);
            TableRow row = new TableRow();
            if (span != null) {
                row.addSourceSpan(span);
            }
            for (int i = 0; i < columns; i++) {
                row.appendChild(
                        cell(o, i < cells.size() ? cells.get(i) : SourceLine.of("", null), i));
            }
            if (body == null) {
                body = new TableBody();
                block.appendChild(body);
            }
            body.appendChild(row);
            body.addSourceSpan(span);
        }
    }

    private static TableCell cell(Open table, SourceLine cell, int column) {
        TableCell tableCell = new TableCell();
        SourceSpan span = cell.getSourceSpan();
        if (span != null) {
            tableCell.addSourceSpan(span);
        }
        if (column < table.alignments.size()) {
            tableCell.setAlignment(table.alignments.get(column));
            tableCell.setWidth(table.widths.get(column));
        }
        CharSequence content = cell.getContent();
        int start = 0;
        while (start < content.length() && content.charAt(start) == ' ') {
            start++;
        }
        int end = content.length() - 1;
        while (end >= start && content.charAt(end) == ' ') {
            end--;
        }
        tableCell.appendChild(new RawLines(List.of(cell.substring(start, end + 1))));
        return tableCell;
    }
}
