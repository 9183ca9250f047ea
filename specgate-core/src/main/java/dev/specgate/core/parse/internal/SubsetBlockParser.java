package dev.specgate.core.parse.internal;

import java.util.Arrays;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/**
 * Reads the blocks that commonmark 0.30 (with GFM tables, {@link AtxHeadingStart}, source spans of
 * blocks and inlines, {@link RawLineInlineParser}) reads, for documents made only of the Markdown
 * most specs use, in one pass over the text, and hands them finished, in document order, to {@link
 * DocumentBuilder} ({@link Blocks}); it builds commonmark's block tree of them too when a caller
 * wants it ({@link Detail#TREE}: a renderer). {@link #parse} returns null, and the caller hands the
 * whole document to commonmark, the moment a line needs anything else.
 *
 * <p>It is commonmark's {@code DocumentParser.parseLine} with its factories unrolled for a closed
 * set of blocks: ATX headings, paragraphs, bullet and ordered lists, block quotes, fenced code,
 * thematic breaks, HTML comment blocks and GFM tables. It declines tabs and control characters
 * (column arithmetic, NUL replacement), lazy continuation lines, setext underlines, indented code,
 * HTML blocks other than comments, anything that could be a link reference definition, empty list
 * items and items whose content is indented five or more columns, table rows with escaped pipes and
 * info strings with escapes or entities. A property test holds its tree, source spans included, to
 * commonmark's on every input it accepts, and the model built from its blocks to the model of
 * commonmark's tree. Under C1 commonmark's generic machinery (a factory call per block type per
 * line, a state object per attempt, a scanner per paragraph) was more than half of a check's CPU.
 *
 * <p>The parser owns the line loop, the column state of the current line and the block factories
 * ({@link #tryStart}, in commonmark's order); each open block is an {@link OpenBlock} of its kind
 * (GFM tables a {@link GfmTable}) that owns its continue, add-line and finish logic.
 */
public final class SubsetBlockParser {

    private static final int CODE_BLOCK_INDENT = OpenBlock.CODE_BLOCK_INDENT;

    /** Thrown when the text leaves the subset; no stack trace, it is control flow. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    static final RuntimeException DECLINE = new Decline();

    /** The text's length: it is the first {@code length} of {@link #chars}. */
    final int length;

    // every char of the text is read at least once, most several times: an array read is far
    // cheaper under C1 than String.charAt (a coder check and a call per char), for one copy
    final char[] chars;
    private final int maxOpenBlocks;

    /** Whether the tree is commonmark's whole, or only what {@link DocumentBuilder} reads. */
    final Detail detail;

    // the open blocks, document first: an array and a count, read several times per line (C1
    // checks an ArrayList's index and its modifications on every call)
    private OpenBlock[] open = new OpenBlock[16];
    private int openCount;

    /** commonmark's document ({@link Detail#TREE}), else null. */
    private final Document document;

    /** The finished blocks, in document order, for {@link DocumentBuilder}. */
    private final Blocks blocks;

    // the current line: [lineStart, lineStart + lineLength) of the text; the indices below are
    // relative to lineStart. The open blocks read them while they continue or take a line.
    int lineIndex = -1;
    int lineStart;
    int lineLength;
    int index;
    int nextNonSpace;
    int indent;
    boolean blank;

    /**
     * The {@link InlineSyntax} marks of the current line's chars: found by the line loop as it
     * looks for the line's end, so that the inline scan of a block need not pass over its text
     * again to learn which syntax it holds, and skips a block that holds none.
     */
    private int lineMarks;

    /**
     * What the line loop looks for in each char: the line's end and the chars the subset declines
     * (-1), and the chars of {@link InlineSyntax}'s marks (their mark); 0 for the rest. A table of
     * every char (of which the line loop reads the ASCII part but for the odd dash or arrow) spares
     * the loop a test per char; of ints, which C1 reads faster than bytes (no sign extension: the
     * loop over every char of a spec took 15 % less).
     */
    private static final int[] LINE_CLASS = new int[Character.MAX_VALUE + 1];

    static {
        for (char c = 0; c < ' '; c++) {
            LINE_CLASS[c] = -1;
        }
        for (char c = ' '; c < 128; c++) {
            LINE_CLASS[c] = InlineSyntax.markOf(c);
        }
    }

    /**
     * The source span of the current line's content from {@code index} when a paragraph or table
     * took it: the paragraph's own span of the line is the same, and shares the object.
     */
    private SourceSpan contentSpan;

    /** Where {@link #findNextNonSpace} last looked from on the current line (-1: not yet). */
    private int spacesFrom;

    private SubsetBlockParser(char[] chars, int length, int maxOpenBlocks, Detail detail) {
        if (length < 0 || chars.length < length) {
            throw new IllegalArgumentException(
                    "length " + length + " must be between 0 and " + chars.length);
        }
        this.length = length;
        this.chars = chars;
        this.maxOpenBlocks = maxOpenBlocks;
        this.detail = detail;
        this.document = detail == Detail.TREE ? new Document() : null;
        this.blocks = new Blocks(chars, length);
    }

    /** Whether the parser builds commonmark's tree too. */
    public enum Detail {
        /**
         * commonmark's tree, every source span and code literal included, besides the blocks: what
         * renderers read.
         */
        TREE,
        /**
         * Only the blocks {@link DocumentBuilder} reads ({@link Blocks}): no commonmark node, no
         * code block's literal, no source span but an HTML comment block's later lines'. What a
         * check builds.
         */
        MODEL
    }

    /**
     * The finished blocks of a parse in document order, what {@link DocumentBuilder#build(Blocks,
     * int, boolean)} reads: each container (block quote, list, list item) when it opens and again
     * when it closes, every other block once it is finished (a paragraph that a table took the only
     * line of is none). Each block knows the block that holds it ({@link OpenBlock#parent}) and
     * whether it is the first ({@link OpenBlock#first}).
     */
    public static final class Blocks {
        private final char[] chars;
        private OpenBlock[] blocks;
        private int count;

        /** The blocks of a text of {@code length} chars. */
        private Blocks(char[] chars, int length) {
            this.chars = chars;
            // a spec has an entry for each 25 to 50 chars (more where it has many list items, an
            // item being three): room for them all at once, where doubling from a few dozen copied
            // the array four or five times, and an array for 32 chars had most specs copy it once
            this.blocks = new OpenBlock[16 + length / 16];
        }

        void add(OpenBlock block) {
            if (count == blocks.length) {
                grow();
            }
            blocks[count++] = block;
        }

        private void grow() {
            // not Arrays.copyOf: under C1 it makes the array by reflection
            OpenBlock[] more = new OpenBlock[count * 2];
            System.arraycopy(blocks, 0, more, 0, count);
            blocks = more;
        }

        /** How many entries there are. */
        int count() {
            return count;
        }

        /** Entry {@code i}. */
        OpenBlock get(int i) {
            return blocks[i];
        }

        /** The spec's chars, which the blocks' offsets index. */
        char[] chars() {
            return chars;
        }
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

    /**
     * The blocks of a text, the lines of its text, counted as CommonMark counts them, and (with
     * {@link Detail#TREE}) commonmark's document, else null.
     */
    public record Parsed(Document document, int lineCount, Blocks blocks) {}

    /**
     * As {@link #parse}, with the text's line count and blocks: the block pass visits every line
     * anyway, so counting them here saves the caller a second pass over the whole text.
     */
    public static Parsed parseCounted(String text, int maxOpenBlocks) {
        return parseCounted(text, maxOpenBlocks, Detail.TREE);
    }

    /** As {@link #parseCounted(String, int)}, in {@code detail}. */
    public static Parsed parseCounted(String text, int maxOpenBlocks, Detail detail) {
        return parseCounted(text, text.toCharArray(), maxOpenBlocks, detail);
    }

    /**
     * As {@link #parseCounted(String, int, Detail)}, reading {@code chars}, the text's chars in its
     * first {@code text.length()} (the decoder's: no copy of the string), which the parser, the
     * blocks and the tree's lines share and never change.
     */
    public static Parsed parseCounted(String text, char[] chars, int maxOpenBlocks, Detail detail) {
        if (chars.length < text.length()) {
            throw new IllegalArgumentException("chars must begin with the text's");
        }
        return parseCounted(chars, text.length(), maxOpenBlocks, detail);
    }

    /**
     * As {@link #parseCounted(String, int, Detail)}, of the text in the first {@code length} of
     * {@code chars} (a spec's decoded chars: no string made of them), which the parser and the
     * tree's lines share and never change.
     */
    public static Parsed parseCounted(char[] chars, int length, int maxOpenBlocks, Detail detail) {
        try {
            SubsetBlockParser p = new SubsetBlockParser(chars, length, maxOpenBlocks, detail);
            Document document = p.document();
            // one parseLine per line ended by LF, CR LF or CR, and none after a final line end
            return new Parsed(document, p.lineIndex + 1, p.blocks);
        } catch (Decline e) {
            return null;
        }
    }

    private Document document() {
        push(new OpenBlock.Root(document));
        char[] chars = this.chars;
        int n = length; // the decoder's array may be longer
        int[] classes = LINE_CLASS;
        int start = 0;
        while (start < n) {
            // the line's end and its marks, in one table read per char: the loop that reads every
            // char of the text, kept to a test and an or per char
            int end = start;
            int marks = 0;
            int k;
            while (end < n && (k = classes[chars[end]]) >= 0) {
                marks |= k;
                end++;
            }
            char c = end < n ? chars[end] : 0;
            if (end < n && c != '\n' && c != '\r') {
                // tabs move columns, NUL is replaced, VT and FF are spaces
                throw DECLINE;
            }
            lineMarks = marks;
            parseLine(start, end);
            if (c == '\r' && end + 1 < n && chars[end + 1] == '\n') {
                end++;
            }
            start = end + 1;
        }
        close(openCount);
        return document;
    }

    /**
     * The {@link InlineSyntax} marks of {@code [from, to)} of the current line (indices of {@link
     * #chars}), or more: the line's, when no mark is before {@code from} on the line (most lines:
     * what is before is indent and block markers), else counted again. More marks than the text
     * holds only cost the inline scan a pass that finds nothing.
     */
    int marksOf(int from, int to) {
        return from == lineStart ? lineMarks : marksAfterStart(from, to);
    }

    private int marksAfterStart(int from, int to) {
        // what is before is a few chars of indent and markers ("- ", "  1. "): looked at here,
        // with the line loop's table, not in a call per line to InlineSyntax.marks
        int[] classes = LINE_CLASS;
        for (int i = lineStart; i < from; i++) {
            if (classes[chars[i]] != 0) {
                return InlineSyntax.marks(chars, from, to); // "* item": its bullet is a mark
            }
        }
        return lineMarks;
    }

    char at(int i) {
        return chars[lineStart + i];
    }

    /** The deepest open block. */
    OpenBlock top() {
        return open[openCount - 1];
    }

    // Under C1 (the launcher's compiler) a call costs more than most of what these methods do, and
    // C1 inlines a method of at most 35 bytes of bytecode only: the methods called for every line
    // or block keep to that and call out for what they seldom do (findNextNonSpace,
    // addSourceSpans, push, Blocks.add).

    private void findNextNonSpace() {
        if (index != spacesFrom) {
            // most calls find the index where the line's blocks left it: nothing to look for
            skipSpaces();
        }
    }

    private void skipSpaces() {
        spacesFrom = index;
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
        contentSpan = null;
        spacesFrom = -1;

        if (openCount == 2
                && lineLength > 0
                && open[1] instanceof OpenBlock.Para para
                && startsNoBlock(lineStart)) {
            // a prose line that goes on a paragraph of the document (the most common line): it
            // continues the paragraph, and a letter starts no block, so it is the paragraph's
            // line, as the loops below find with a call or two per open block and per start
            nextNonSpace = 0;
            indent = 0;
            blank = false;
            para.sourceIndex = 0;
            addLine();
            return;
        }

        int matches = 1;
        for (int i = 1; i < openCount; i++) {
            OpenBlock o = open[i];
            findNextNonSpace();
            int before = index;
            if (!o.tryContinue(this)) {
                break;
            }
            o.sourceIndex = before;
            if (o instanceof OpenBlock.Fence fence && fence.closed()) {
                // a closing fence: the line belongs to the fence, which ends here
                addSourceSpans();
                close(openCount - i);
                return;
            }
            matches++;
        }

        int unmatched = openCount - matches;
        OpenBlock matched = open[matches - 1];
        boolean startedNewBlock = false;
        int lastIndex = index;
        boolean tryBlockStarts = matched instanceof OpenBlock.Para || matched.container;
        while (tryBlockStarts) {
            lastIndex = index;
            findNextNonSpace();
            if (blank || (indent < CODE_BLOCK_INDENT && startsNoBlock(lineStart + nextNonSpace))) {
                index = nextNonSpace;
                break;
            }
            if (openCount > maxOpenBlocks) {
                throw DECLINE;
            }
            OpenBlock started = tryStart(matched, unmatched);
            if (started == null) {
                index = nextNonSpace;
                break;
            }
            startedNewBlock = true;
            unmatched = 0; // tryStart closed them
            matched = started;
            tryBlockStarts = started.container;
        }

        OpenBlock active = top();
        if (!startedNewBlock && !blank && active.takesTextLines()) {
            if (unmatched > 0) {
                throw DECLINE; // a lazy continuation line or table row
            }
            active.sourceIndex = lastIndex;
            addLine();
        } else {
            if (unmatched > 0) {
                close(unmatched);
            }
            if (!matched.container) {
                addLine();
            } else if (!blank) {
                add(new OpenBlock.Para(new TextLines(chars), lastIndex, detail));
                addLine();
            } else {
                addSourceSpans();
            }
        }
    }

    /** The first {@code c} of the line at or after {@code from}, or -1. */
    int find(char c, int from) {
        for (int i = from; i < lineLength; i++) {
            if (at(i) == c) {
                return i;
            }
        }
        return -1;
    }

    int quoteContent() {
        int after = nextNonSpace + 1;
        return after < lineLength && at(after) == ' ' ? after + 1 : after;
    }

    boolean onlySpaces(int from) {
        for (int i = from; i < lineLength; i++) {
            if (at(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * commonmark's block factories in its order (GFM table, ATX heading, quote, setext heading,
     * fence, HTML, thematic break, list, indented code): the block started, or null if none.
     * Declines where commonmark would start a block outside the subset.
     */
    private OpenBlock tryStart(OpenBlock matched, int unmatched) {
        OpenBlock.Para paragraph =
                matched instanceof OpenBlock.Para para && para.lines.count() > 0 ? para : null;
        if (paragraph != null) {
            GfmTable table = GfmTable.tryStart(this, paragraph, unmatched);
            if (table != null) {
                return table;
            }
        }
        if (indent >= CODE_BLOCK_INDENT) {
            if (!blank && !(top() instanceof OpenBlock.Para)) {
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
                            AtxHeadingStart.scanSpacesOnly(
                                    chars, lineStart + nextNonSpace, lineStart + lineLength);
                    if (h >= 0) {
                        return heading(h, unmatched, sourceIndex);
                    }
                    return null; // "#5", "#######": nothing else starts with '#'
                }
            case '>':
                {
                    closeUnmatched(unmatched);
                    int content = quoteContent();
                    OpenBlock quote =
                            add(
                                    new OpenBlock.Quote(
                                            detail == Detail.TREE ? new BlockQuote() : null,
                                            sourceIndex));
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
                if (startsWith("<!--", lineStart + nextNonSpace)) {
                    closeUnmatched(unmatched);
                    return add(
                            new OpenBlock.HtmlComment(
                                    lineIndex,
                                    sourceIndex,
                                    lineStart + sourceIndex,
                                    detail == Detail.TREE));
                }
                if (isAutolinkScheme(nextNonSpace + 1)) {
                    return null; // "<https://…>" at the start of a line: prose, no HTML block
                }
                throw DECLINE; // other HTML blocks, or inline HTML that may start one
            case '-':
            case '*':
            case '_':
                if (nextNonSpace + 1 < lineLength
                        && at(nextNonSpace + 1) != ' '
                        && (at(nextNonSpace + 1) != c || isNoBreakAfterTwo(c))) {
                    // "-x", "**Label:**": no list item (its marker needs a space after it), and
                    // neither a thematic break nor an underline (only the marker and spaces)
                    return null;
                }
                if (nextNonSpace + 1 < lineLength && notAfterSpaces(nextNonSpace + 1, c)) {
                    // "- **Label:** …": a setext underline or a thematic break has only spaces
                    // and more of the marker after it
                    return c == '_' ? null : tryList(matched, paragraph != null, unmatched);
                }
                if (c == '-' && paragraph != null && isSetextUnderline('-')) {
                    throw DECLINE;
                }
                if (isThematicBreak()) {
                    closeUnmatched(unmatched);
                    ThematicBreak br = null;
                    if (detail == Detail.TREE) {
                        br = new ThematicBreak();
                        br.setLiteral(slice(lineStart + index, lineStart + lineLength));
                    }
                    OpenBlock o = add(new OpenBlock.Break(br, sourceIndex));
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

    /**
     * Whether the char at {@code at} is one that starts no block: an ASCII letter, or any char
     * outside ASCII (every block start of the subset and of commonmark is an ASCII mark, digit or
     * space). commonmark asks {@code Characters.isLetter} there, a shortcut past its block
     * factories; a non-ASCII char that is no letter ('—', '→', a BOM) finds no block start in them
     * either, so the answer is the same without the code point lookup.
     */
    private boolean startsNoBlock(int at) {
        char c = chars[at];
        return c >= 128 || isAsciiLetter(c);
    }

    /** Whether the text holds {@code s} at {@code at}. */
    private boolean startsWith(String s, int at) {
        if (at < 0 || at + s.length() > length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (chars[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The text from {@code from} to {@code to}, as a string. */
    String slice(int from, int to) {
        return new String(chars, from, to - from);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    void closeUnmatched(int unmatched) {
        if (unmatched > 0) {
            close(unmatched);
        }
    }

    private OpenBlock heading(long h, int unmatched, int sourceIndex) {
        closeUnmatched(unmatched);
        int start = AtxHeadingStart.titleStart(h) - lineStart;
        int end = AtxHeadingStart.titleEnd(h) - lineStart;
        int marks = end == start ? 0 : marksOf(lineStart + start, lineStart + end);
        OpenBlock o =
                add(
                        new OpenBlock.AtxHeading(
                                detail == Detail.TREE ? new Heading() : null,
                                AtxHeadingStart.level(h),
                                chars,
                                lineStart + start,
                                lineStart + end,
                                lineIndex,
                                start,
                                marks,
                                sourceIndex,
                                lineLength));
        index = lineLength;
        return o;
    }

    /**
     * Whether the first char from {@code from} on the line that is not a space is there and is not
     * {@code c}.
     */
    private boolean notAfterSpaces(int from, char c) {
        int i = from;
        while (i < lineLength && at(i) == ' ') {
            i++;
        }
        return i < lineLength && at(i) != c;
    }

    /**
     * Whether the line's third char from {@code nextNonSpace} is there and is neither {@code c} nor
     * a space: the line then is no thematic break or underline of {@code c}.
     */
    private boolean isNoBreakAfterTwo(char c) {
        int third = nextNonSpace + 2;
        return third < lineLength && at(third) != c && at(third) != ' ';
    }

    private boolean isSetextUnderline(char c) {
        int i = nextNonSpace;
        while (i < lineLength && at(i) == c) {
            i++;
        }
        return onlySpaces(i);
    }

    private boolean isThematicBreak() {
        return isThematicBreak(chars, lineStart + nextNonSpace, lineStart + lineLength);
    }

    /**
     * Whether {@code chars} from {@code from} (a line's first char after its indent, at most three
     * spaces) to {@code to} (its end) are a thematic break: three or more of one of {@code -},
     * {@code _}, {@code *}, and nothing else but spaces and tabs. The one reading of a thematic
     * break, the parser's and {@code SpecParser.isThematicBreak}'s.
     */
    public static boolean isThematicBreak(char[] chars, int from, int to) {
        int dashes = 0;
        int underscores = 0;
        int asterisks = 0;
        for (int i = from; i < to; i++) {
            switch (chars[i]) {
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
                case '\t':
                    break;
                default:
                    return false;
            }
        }
        return (dashes >= 3 && underscores == 0 && asterisks == 0)
                || (underscores >= 3 && dashes == 0 && asterisks == 0)
                || (asterisks >= 3 && dashes == 0 && underscores == 0);
    }

    private OpenBlock tryFence(char c, int unmatched, int sourceIndex) {
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
        OpenBlock o =
                add(
                        new OpenBlock.Fence(
                                c, length, indent, lineIndex, sourceIndex, detail == Detail.TREE));
        index = nextNonSpace + length;
        return o;
    }

    private OpenBlock tryList(OpenBlock matched, boolean inParagraph, int unmatched) {
        int markerIndex = nextNonSpace;
        char marker = at(markerIndex);
        int afterMarker;
        int startNumber = 0;
        boolean ordered = marker >= '0' && marker <= '9';
        if (!ordered) {
            if (markerIndex + 1 < lineLength && at(markerIndex + 1) != ' ') {
                return null;
            }
            afterMarker = markerIndex + 1;
        } else {
            int i = markerIndex;
            while (i < lineLength && at(i) >= '0' && at(i) <= '9') {
                startNumber = startNumber * 10 + (at(i) - '0'); // read only if nine digits at most
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
            marker = at(i);
            afterMarker = i + 1;
        }
        int content = afterMarker;
        while (content < lineLength && at(content) == ' ') {
            content++;
        }
        boolean hasContent = content < lineLength;
        if (inParagraph) {
            if (ordered && startNumber != 1) {
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
        ListItem item = null;
        if (detail == Detail.TREE) {
            item = new ListItem();
            item.setMarkerIndent(indent);
            item.setContentIndent(content - index);
        }
        // commonmark makes a list node for every item and drops it when the item goes on the
        // list above; this makes one only for a new list
        if (!(matched instanceof OpenBlock.ListOf same && same.matches(ordered, marker))) {
            add(
                    new OpenBlock.ListOf(
                            detail == Detail.TREE ? listBlock(ordered, marker, startNumber) : null,
                            ordered,
                            marker,
                            sourceIndex));
        }
        OpenBlock o = add(new OpenBlock.Item(item, lineIndex, sourceIndex, content - index));
        index = content;
        return o;
    }

    private static ListBlock listBlock(boolean ordered, char marker, int startNumber) {
        if (ordered) {
            OrderedList list = new OrderedList();
            list.setMarkerStartNumber(startNumber);
            list.setMarkerDelimiter(marker == '.' ? "." : ")");
            return list;
        }
        BulletList list = new BulletList();
        list.setMarker(marker == '-' ? "-" : marker == '*' ? "*" : "+");
        return list;
    }

    /** commonmark's {@code addChild}: closes blocks that cannot hold the new one, then opens it. */
    <T extends OpenBlock> T add(T child) {
        while (!top().canContain(child)) {
            close(1);
        }
        OpenBlock parent = top();
        child.parent = parent;
        child.first = !parent.hasChild;
        parent.hasChild = true;
        if (child.block != null) {
            parent.block.appendChild(child.block);
        }
        push(child);
        if (child.container) {
            blocks.add(child); // opened: a leaf goes to the builder once it is finished
        }
        return child;
    }

    private void push(OpenBlock block) {
        if (openCount == open.length) {
            growOpen();
        }
        open[openCount++] = block;
    }

    private void growOpen() {
        open = Arrays.copyOf(open, openCount * 2);
    }

    /** The rest of the line from the current index goes to the deepest open block. */
    private void addLine() {
        top().addLine(this, lineStart + index, lineStart + lineLength);
        addSourceSpans();
    }

    /**
     * A paragraph that starts with '[' may be a link reference definition, which commonmark reads
     * line by line; only an unescaped ']' on the first line that is not followed by ':' (or a
     * second '[' before it) proves it is none.
     */
    void declineIfDefinition(int from) {
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

    /** The span of the current line's content from {@code from}, or null when it is empty. */
    SourceSpan lineSpan(int from) {
        if (from >= lineLength) {
            return null;
        }
        SourceSpan span = SourceSpan.of(lineIndex, from, lineStart + from, lineLength - from);
        if (from == index) {
            contentSpan = span;
        }
        return span;
    }

    /** commonmark's span of the current line for every open block ({@link Detail#TREE}). */
    private void addSourceSpans() {
        if (detail == Detail.TREE) {
            addTreeSpans();
        }
    }

    private void addTreeSpans() {
        for (int i = 1; i < openCount; i++) {
            OpenBlock o = open[i];
            int blockIndex = Math.min(o.sourceIndex, index);
            if (lineLength - blockIndex == 0) {
                continue;
            }
            o.addSpan(
                    blockIndex == index && contentSpan != null
                            ? contentSpan
                            : SourceSpan.of(
                                    lineIndex,
                                    blockIndex,
                                    lineStart + blockIndex,
                                    lineLength - blockIndex));
        }
    }

    void close(int count) {
        for (int i = 0; i < count; i++) {
            OpenBlock o = open[--openCount];
            open[openCount] = null;
            o.finish();
            if (o.parent != null && !(o instanceof OpenBlock.Para para && para.empty())) {
                blocks.add(o); // a container closed, or a block finished
            }
        }
    }
}
