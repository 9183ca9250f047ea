package dev.specgate.core.parse.internal;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.HiddenCells;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.LinkDefinition;
import dev.specgate.core.model.MergeConflict;
import dev.specgate.core.model.Prose;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.model.UnclosedFence;
import dev.specgate.core.model.UnclosedHtml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.SourceLine;

/**
 * Builds a {@link SpecDocument} from the blocks the one-pass parser finished ({@link
 * SubsetBlockParser.Blocks}), or from commonmark's block tree when that parser declined the text.
 * Both feed the same readers of headings, paragraphs, list items, HTML blocks, fences and table
 * cells; a property test holds the two models equal. One instance per parse.
 */
public final class DocumentBuilder {

    private static final Pattern ANY_BOX = Pattern.compile("^\\[[ xX]{0,3}\\](?![(\\[:])");

    /** {@code Label: value}, {@code **Label:** value} or {@code **Label**: value}. */
    private static final Pattern LIST_FIELD =
            Pattern.compile(
                    "(?:\\*\\*|__)?(\\p{L}[^:*_`\\[\\]<>()]{0,60}?)(?:\\*\\*|__)?[ \t]*:(?:\\*\\*|__)?(?:[ \t]+(.*))?[ \t]*");

    private static final Pattern BOX_WITHOUT_MARKER_SPACE =
            Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])\\[[ xX]{0,3}\\]");

    private final int lineCount;
    // sized for a spec as the template makes it (~50 sections, ~100 fields, ~50 task items), so
    // that they do not grow step by step in every parse
    private final Map<String, String> references = new HashMap<>();
    private final List<LinkDefinition> definitions = new ArrayList<>();
    // ArrayLists, not Lists: calls through the interface are not inlined under C1
    private final ArrayList<SectionDraft> sections = new ArrayList<>(64);
    private final ArrayList<Field> fields = new ArrayList<>(128);
    private final ArrayList<ChecklistItem> checklist = new ArrayList<>(64);

    /** The bold labels of the line being read ({@link InlineScanner#labels}), reused. */
    private final BoldLabels labels = new BoldLabels();

    /**
     * How many chars the first array of {@link #labelChars} holds, and the most any other holds:
     * each holds twice the one before, so a spec's hundred label lines take a few (a line longer
     * than that takes one of its own).
     */
    private static final int FIRST_LABEL_CHARS = 256;

    private static final int LABEL_CHARS = 4096;

    /**
     * Copies of the label lines read straight from the spec's chars ({@link #labelLine}), one after
     * another, which their fields view; a full array is left to them and a new one started.
     */
    private char[] labelChars;

    /** How many of {@link #labelChars} hold lines. */
    private int labelCharsUsed;

    /**
     * The one HTML comment of the paragraph {@link #labelsOnly} admitted last, which {@link
     * #labelLines} reports: the paragraph's line that holds it (-1: none), and the offsets of its
     * {@code <!--} and of its first {@code -->} in the spec's chars.
     */
    private int commentLine = -1;

    private int commentOpen;
    private int commentClose;

    private final List<Link> links = new ArrayList<>();
    private final List<BracketText> brackets = new ArrayList<>();
    private final List<TextMark> marks = new ArrayList<>();
    private final List<TextMark> malformed = new ArrayList<>();

    /** The headings and HTML ids whose fragment ids the document gets, worked out on first use. */
    private final HeadingSlugs.Builder anchors = new HeadingSlugs.Builder();

    private final List<HtmlComment> comments = new ArrayList<>();
    private final List<UnclosedFence> unclosedFences = new ArrayList<>(0);
    private final List<UnclosedHtml> unclosedHtml = new ArrayList<>(0);
    private final List<HiddenCells> hiddenCells = new ArrayList<>(0);
    private List<MergeConflict> mergeConflicts = List.of();

    /** The text commonmark's tree was parsed from, or null for the one-pass parser's tree. */
    private String text;

    private final InlineSyntax.Scratch scratch = InlineSyntax.Scratch.ofThread();
    private int currentSection = -1;

    /** The section {@link #currentSection} indexes, or null before the first. */
    private SectionDraft current;

    private final boolean listMetadata;

    /** Whether paragraphs of prose are read ({@link #prose}); null when not. */
    private final List<Prose> prose;

    private boolean leadingListSeen;
    private boolean inLeadingList;

    /** Whether a block that a reader sees (not a comment) came before. */
    private boolean seenBlock;

    /**
     * How many container elements ({@link #CONTAINERS}: {@code <details>}, {@code <div>}, ...)
     * opened in HTML blocks are not closed yet.
     */
    private int detailsDepth;

    /** HTML elements whose Markdown content a reader sees as part of the section around them. */
    private static final java.util.Set<String> CONTAINERS =
            java.util.Set.of(
                    "details",
                    "div",
                    "section",
                    "article",
                    "aside",
                    "figure",
                    "nav",
                    "header",
                    "footer",
                    "main",
                    "center",
                    "blockquote",
                    "table");

    private static final class SectionDraft {
        final int level;
        final String title;
        final SourceRange range;
        final boolean leading;
        final int lineOffset;
        boolean hasBody;

        SectionDraft(int level, String title, SourceRange range, boolean leading, int lineOffset) {
            this.leading = leading;
            this.lineOffset = lineOffset;
            this.level = level;
            this.title = title;
            this.range = range;
        }
    }

    private DocumentBuilder(int lineCount, boolean listMetadata, boolean readsProse) {
        this.lineCount = lineCount;
        this.listMetadata = listMetadata;
        this.prose = readsProse ? new ArrayList<>() : null;
    }

    /** Builds the document model of commonmark's tree of {@code text}. */
    public static SpecDocument build(Node document, String text, int lineCount) {
        return build(document, text, lineCount, false);
    }

    /**
     * Builds the document model of commonmark's tree of {@code text} (where its link reference
     * definitions' destinations are found); with {@code listMetadata}, the {@code Label: value}
     * items of the list that opens the document (before any section but the title) are metadata
     * fields ({@link FieldForm#LIST_ITEM}).
     */
    public static SpecDocument build(
            Node document, String text, int lineCount, boolean listMetadata) {
        return build(document, text, text.toCharArray(), lineCount, listMetadata);
    }

    /**
     * As {@link #build(Node, String, int, boolean)}, {@code chars} the text's chars in their first
     * {@code text.length()} (the parser's: no copy made), where merge conflicts are looked for.
     */
    public static SpecDocument build(
            Node document, String text, char[] chars, int lineCount, boolean listMetadata) {
        return build(document, text, chars, lineCount, listMetadata, false);
    }

    /**
     * As {@link #build(Node, String, char[], int, boolean)}; with {@code readsProse}, the
     * document's paragraphs of prose ({@link SpecDocument#prose()}) are read too.
     */
    public static SpecDocument build(
            Node document,
            String text,
            char[] chars,
            int lineCount,
            boolean listMetadata,
            boolean readsProse) {
        DocumentBuilder b = new DocumentBuilder(lineCount, listMetadata, readsProse);
        b.text = text;
        int length = text.length();
        b.mergeConflicts =
                ConflictMarkers.anyOpens(chars, length)
                        ? ConflictMarkers.read(chars, length)
                        : List.of();
        b.collectReferences(document, text);
        b.visitChildren(document, 0);
        return b.finish();
    }

    /**
     * As {@link #build(Node, String, int, boolean)}, from the blocks {@link SubsetBlockParser}
     * finished, read in document order without a tree: they hold no link reference definitions (the
     * parser declines text that may define one).
     */
    public static SpecDocument build(
            SubsetBlockParser.Blocks blocks, int lineCount, boolean listMetadata) {
        return build(blocks, lineCount, listMetadata, false);
    }

    /**
     * As {@link #build(SubsetBlockParser.Blocks, int, boolean)}; with {@code readsProse}, the
     * document's paragraphs of prose ({@link SpecDocument#prose()}) are read too.
     */
    public static SpecDocument build(
            SubsetBlockParser.Blocks blocks,
            int lineCount,
            boolean listMetadata,
            boolean readsProse) {
        DocumentBuilder b = new DocumentBuilder(lineCount, listMetadata, readsProse);
        b.mergeConflicts = blocks.mergeConflicts();
        b.read(blocks);
        return b.finish();
    }

    /**
     * Reads the one-pass parser's blocks as {@link #visit} reads commonmark's tree: a container
     * (quote, list, item) as it opens, any other block once it is finished, which is the tree's
     * order; a container's second entry closes it.
     */
    private void read(SubsetBlockParser.Blocks blocks) {
        OpenBlock[] open = new OpenBlock[16]; // the open containers, outermost first
        int depth = 0;
        int items = 0; // open list items: the list depth of the blocks in the innermost
        OpenBlock leadingList = null;
        // an unclosed fence or HTML comment, which reads the rest of the file unless a block
        // follows
        OpenBlock unclosed = null;
        for (int i = 0; i < blocks.count(); i++) {
            OpenBlock b = blocks.get(i);
            if (b.container && depth > 0 && open[depth - 1] == b) {
                open[--depth] = null; // closed
                if (b instanceof OpenBlock.Item) {
                    items--;
                } else if (b == leadingList) {
                    inLeadingList = false;
                }
                continue;
            }
            if (unclosed != null) {
                followedBy(unclosed);
                unclosed = null;
            }
            if (b instanceof OpenBlock.Para p) {
                if (p.first && p.parent instanceof OpenBlock.Item item) {
                    itemParagraph(item, p, items - 1);
                } else {
                    seenBlock = true;
                    markBody();
                    if (prose != null && outsideLists(p)) {
                        prose(p.inlineText());
                    }
                    boolean inList = p.parent instanceof OpenBlock.Item;
                    if (labelsOnly(p, p.lines.count())) {
                        labelLines(p.lines, p.lines.count(), inList);
                    } else if (!holdsNoToken(p.marks)) {
                        paragraph(p.inlineText(), inList);
                    }
                }
            } else if (b.container) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = b;
                if (b instanceof OpenBlock.Item) {
                    items++;
                    seenBlock = true;
                    markBody();
                } else if (b instanceof OpenBlock.Quote) {
                    seenBlock = true;
                    markBody();
                } else if (listMetadata && isLeadingList(b.parent instanceof OpenBlock.Root)) {
                    leadingList = b;
                    inLeadingList = true;
                    markBody();
                }
            } else if (b instanceof OpenBlock.AtxHeading h) {
                CharSlice plain = h.plainTitle();
                InlineText inline = plain != null ? null : h.inlineText();
                if (h.parent instanceof OpenBlock.Root && detailsDepth == 0) {
                    heading(h.level, plain, inline, h.range(), h.lineOffset());
                } else {
                    seenBlock = true;
                    markBody();
                    nestedHeading(plain, inline);
                }
            } else if (b instanceof GfmTable t) {
                seenBlock = true;
                markBody();
                cells(t);
                hiddenCells.addAll(t.hiddenCells());
            } else if (b instanceof OpenBlock.Fence f) {
                seenBlock = true;
                markBody();
                if (!f.closed()) {
                    unclosed = f;
                }
            } else if (b instanceof OpenBlock.HtmlComment html) {
                htmlBlock(html.literal, html.lineIndex, html.column, html.lineSpans());
                unclosed = html;
            }
            // a thematic break: nothing to read
        }
        if (unclosed instanceof OpenBlock.Fence f) {
            unclosedFence(f, UnclosedFence.Reach.FILE);
        } else if (unclosed instanceof OpenBlock.HtmlComment html) {
            UnclosedHtml at =
                    UnclosedHtmlBlocks.atEndOfFile(
                            html.literal, html.lineIndex, html.column, html.inputIndex, null);
            if (at != null) {
                unclosedHtml.add(at);
            }
        }
    }

    /**
     * Notes what a block following {@code unclosed} (anywhere after it) tells: an unclosed fence
     * ends with the block that holds it; an HTML comment does not read the rest of the file.
     */
    private void followedBy(OpenBlock unclosed) {
        if (unclosed instanceof OpenBlock.Fence f) {
            unclosedFence(
                    f,
                    f.parent instanceof OpenBlock.Quote
                            ? UnclosedFence.Reach.BLOCK_QUOTE
                            : UnclosedFence.Reach.LIST_ITEM);
        }
    }

    private void unclosedFence(OpenBlock.Fence f, UnclosedFence.Reach reach) {
        // the span starts after the containers' markers, at the fence's own indentation
        addUnclosedFence(f.lineIndex, f.column + f.fenceIndent, f.fenceLength, f.fenceChar, reach);
    }

    /** The first paragraph of a list item, at {@code listDepth}, as {@link #listItem} reads it. */
    private void itemParagraph(OpenBlock.Item item, OpenBlock.Para p, int listDepth) {
        boolean metadata = inLeadingList && listDepth == 0;
        if (holdsNoToken(p.marks) && !metadata) {
            return; // as in listItem
        }
        if (!metadata && p.lines.from(0) < p.lines.to(0) && labelsOnly(p, 1)) {
            labelLines(p.lines, 1, true); // an item's labels are those of its first line
            return;
        }
        InlineText inline = p.inlineText();
        if (inline != null) {
            listItemParagraph(item.lineIndex, item.column, inline, listDepth);
        }
    }

    /**
     * Whether all the inline scan would find in a paragraph is the bold labels of its first {@code
     * count} lines and at most one HTML comment ({@link #labelLines}): its token marks are '*', a
     * 'Y' that opens no {@code YYYY-MM-DD} and a '<' that opens the one comment (no bracket, box,
     * brace, tag, autolink or escape), and its code spans, if any, cannot change which labels those
     * lines hold (no '*' from a line's first backtick on, nor after a line that leaves a code span
     * open: {@link #noStarFromFirstBacktick(TextLines, int)}). A comment must stand at the end of
     * its line in a paragraph without a backtick ({@link #oneCommentAtALineEnd}). The common {@code
     * - **Label:** value} item (whose labels are those of its first line: {@code count} 1), a block
     * of {@code **Created:** 2026-09-24} lines, prose with bold words, an approval record's {@code
     * **Approval:** ... <!-- sections: ... -->} line.
     */
    private boolean labelsOnly(OpenBlock.Para p, int count) {
        int marks = p.marks;
        commentLine = -1;
        if ((marks & InlineSyntax.TOKEN_MARKS) == 0
                || (marks
                                & (InlineSyntax.TOKEN_MARKS | InlineSyntax.BACKSLASH)
                                & ~(InlineSyntax.STAR | InlineSyntax.Y | InlineSyntax.LT))
                        != 0) {
            return false;
        }
        if ((marks & InlineSyntax.Y) != 0 && holdsDateToken(p.lines)) {
            return false;
        }
        if ((marks & InlineSyntax.LT) != 0) {
            return (marks & InlineSyntax.BACKTICK) == 0 && oneCommentAtALineEnd(p.lines);
        }
        return (marks & InlineSyntax.BACKTICK) == 0 || noStarFromFirstBacktick(p.lines, count);
    }

    /** Whether a line of {@code lines} holds a {@code YYYY-MM-DD} token. */
    private static boolean holdsDateToken(TextLines lines) {
        char[] chars = lines.chars();
        for (int i = 0; i < lines.count(); i++) {
            for (int k = lines.from(i), last = lines.to(i) - 10; k <= last; k++) {
                if (chars[k] == 'Y'
                        && InlineSyntax.startsWith(chars, InlineScanner.DATE_TOKEN, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the only '<' of a paragraph without backticks or backslashes opens an HTML comment
     * that closes on its line ({@code <!--}, then the first {@code -->} from four chars on, as
     * {@link InlineSyntax} masks it: {@code <!-->} and {@code <!--->} close nothing) with nothing
     * but spaces after it: then masking blanks that comment and nothing else, no label stands after
     * it, and the value before it ends where the comment starts, trimmed; the comment is noted for
     * {@link #labelLines}. A '<' inside the comment is the comment's.
     */
    private boolean oneCommentAtALineEnd(TextLines lines) {
        char[] chars = lines.chars();
        for (int i = 0; i < lines.count(); i++) {
            int to = lines.to(i);
            for (int k = lines.from(i); k < to; k++) {
                if (chars[k] != '<') {
                    continue;
                }
                if (commentLine >= 0 || k + 4 > to || !InlineSyntax.startsWith(chars, "<!--", k)) {
                    return false;
                }
                // the first "-->" from k + 4 on: its '>' from k + 6 on
                int gt = k + 6;
                while (gt < to
                        && !(chars[gt] == '>' && chars[gt - 1] == '-' && chars[gt - 2] == '-')) {
                    gt++;
                }
                int after = gt + 1;
                while (after < to && chars[after] == ' ') {
                    after++;
                }
                if (after < to || gt >= to) {
                    return false; // not closed on its line, or more than spaces after it
                }
                commentLine = i;
                commentOpen = k;
                commentClose = gt - 2;
                break; // the rest of the line is the comment's and spaces
            }
        }
        return commentLine >= 0;
    }

    /**
     * {@link InlineSyntax#noStarFromFirstBacktick} of each of the first {@code count} lines, where
     * the lines before it close all the code spans they open ({@link InlineSyntax#starsAndCode}, a
     * metadata block's {@code **File:** `a.md`} line followed by {@code **Created:** ...}); else of
     * the lines joined from the first that leaves a backtick open. The lines after them are not
     * read: a code span cannot reach back to a star before it.
     */
    private static boolean noStarFromFirstBacktick(TextLines lines, int count) {
        char[] chars = lines.chars();
        boolean code = false; // whether a line before left a backtick run unclosed
        for (int i = 0; i < count; i++) {
            int from = lines.from(i);
            int to = lines.to(i);
            if (code) {
                if (lines.holds(i, '*')) {
                    return false;
                }
            } else {
                int read = InlineSyntax.starsAndCode(chars, from, to); // one pass for both
                if (read == InlineSyntax.STAR_AFTER_BACKTICK) {
                    return false;
                }
                code = read == InlineSyntax.CODE_OPEN;
            }
        }
        return true;
    }

    /**
     * The bold labels of the first {@code count} lines of a paragraph that {@link #labelsOnly}
     * holds ({@code inList}: in a list item), read straight from the spec's chars, and its comment:
     * what {@link #paragraph} and {@link #listItemParagraph} find in it (its labels, each line's
     * read up to the comment it ends with, and the comment; the scan of the rest finds nothing
     * without a token mark), without an {@link InlineText} or an {@link InlineScanner}.
     */
    private void labelLines(TextLines lines, int count, boolean inList) {
        char[] chars = lines.chars();
        for (int i = 0; i < count; i++) {
            int from = lines.from(i);
            int to = i == commentLine ? commentOpen : lines.to(i);
            labels.clear();
            labels.read(chars, chars, null, i, from, to, to, true);
            if (labels.count() > 0) {
                labelLine(chars, from, to, lines.lineIndex(i), lines.column(i), inList);
            }
        }
        if (commentLine >= 0) {
            comments.add(
                    new HtmlComment(
                            new String(chars, commentOpen + 4, commentClose - commentOpen - 4)
                                    .trim(),
                            lines.lineIndex(commentLine)));
            commentLine = -1;
        }
    }

    /**
     * The fields of {@link #labels}, found on {@code [from, to)} of {@code chars}, the content of
     * source line {@code sourceLine} from {@code column}.
     */
    private void labelLine(
            char[] chars, int from, int to, int sourceLine, int column, boolean inList) {
        // the fields read a copy of the line, as the inline scan's do: a document holds its
        // fields' lines, not the whole spec's chars (which a reader may reuse for the next file);
        // the lines are copied one after another into a few shared arrays, not an array each
        int n = to - from;
        char[] line = labelChars;
        int at = labelCharsUsed;
        if (line == null || n > line.length - at) {
            // each array twice the last, up to a few label lines' worth: a document with few
            // labels keeps little room unused
            int size = line == null ? FIRST_LABEL_CHARS : Math.min(2 * line.length, LABEL_CHARS);
            line = new char[Math.max(size, n)];
            labelChars = line;
            at = 0;
        }
        System.arraycopy(chars, from, line, at, n);
        labelCharsUsed = at + n;
        int shift = at - from; // from an offset into chars to one into line
        for (int k = 0; k < labels.count(); k++) {
            fields.add(
                    Field.read(
                            line,
                            labels.nameStart(k) + shift,
                            labels.nameEnd(k) + shift,
                            labels.valueStart(k) + shift,
                            sourceLine,
                            column + labels.labelStart(k) - from,
                            column + labels.labelEnd(k) - from,
                            column + labels.valueStart(k) - from,
                            column + labels.valueEnd(k) - from,
                            currentSection,
                            inList));
        }
    }

    /** The cells of a table, each read as {@link #visit} reads a {@code TableCell}. */
    private void cells(GfmTable t) {
        char[] chars = t.chars();
        for (int k = 0; k < t.cellCount(); k++) {
            int marks = t.cellMarks(k);
            if (holdsNoToken(marks)) {
                continue;
            }
            int from = t.cellFrom(k);
            int to = t.cellTo(k);
            cellText = stripped(chars, from, to);
            if (to > from) {
                scanInline(
                        InlineText.ofLine(chars, from, to, t.cellLine(k), t.cellColumn(k), marks),
                        0,
                        0);
            }
            cellText = null;
        }
    }

    /**
     * {@code [from, to)} of {@code chars} trimmed as {@link String#strip} trims (no whitespace
     * outside the BMP exists), as a view: no string per cell.
     */
    private static CharSlice stripped(char[] chars, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && AnchorSlugs.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && AnchorSlugs.isWhitespace(chars[end - 1])) {
            end--;
        }
        return new CharSlice(chars, start, end);
    }

    private void collectReferences(Node node, String text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition def) {
                references.putIfAbsent(
                        InlineScanner.normalizeLabel(def.getLabel()), def.getDestination());
                LinkDefinition d = LinkDefinitions.of(def, text);
                if (d != null) {
                    definitions.add(d);
                }
            } else if (child.getFirstChild() != null
                    && !(child instanceof Paragraph)
                    && !(child instanceof Heading)) {
                collectReferences(child, text);
            }
        }
    }

    private void visitChildren(Node node, int listDepth) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child, listDepth);
        }
    }

    private void visit(Node node, int listDepth) {
        if (node instanceof ListBlock && !listMetadata) {
            visitChildren(node, listDepth); // as the last branch visits a list
        } else if (node instanceof Heading h
                && h.getParent() instanceof Document
                && detailsDepth == 0) {
            heading(h);
        } else if (node instanceof Heading h) {
            // a heading quoted, inside a list item or inside an HTML element (<details>, <div>) is
            // content of the section it stands in, as a reader sees it: never a section of its
            // own (it keeps its anchor, as GitHub's does)
            seenBlock = true;
            markBody();
            nestedHeading(h);
        } else if (node instanceof Paragraph p) {
            seenBlock = true;
            markBody();
            if (prose != null && outsideLists(p)) {
                prose(inlineText(p));
            }
            paragraph(p);
        } else if (node instanceof ListItem item) {
            seenBlock = true;
            markBody();
            listItem(item, listDepth);
        } else if (node instanceof HtmlBlock html) {
            htmlBlock(html);
            UnclosedHtml unclosed = UnclosedHtmlBlocks.atEndOfFile(html, text);
            if (unclosed != null) {
                unclosedHtml.add(unclosed);
            }
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            seenBlock = true;
            markBody();
            if (node instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                unclosedFence(f);
            }
        } else if (node instanceof ThematicBreak || node instanceof LinkReferenceDefinition) {
            return;
        } else if (node instanceof ListBlock
                && listMetadata
                && isLeadingList(node.getParent() instanceof Document)) {
            inLeadingList = true;
            markBody();
            visitChildren(node, listDepth);
            inLeadingList = false;
        } else if (node instanceof TableCell cell) {
            if (!holdsNoToken(cell)) {
                cellText = cellText(cell);
                inline(cell, 0, 0);
                cellText = null;
            }
        } else if (node instanceof TableRow row && row.getParent() instanceof TableBody) {
            hiddenCells(row);
            visitChildren(node, listDepth);
        } else {
            // a table's head, body and rows come after its TableBlock, in the same section
            if (node instanceof BlockQuote || node instanceof TableBlock) {
                seenBlock = true;
                markBody();
            }
            visitChildren(node, listDepth);
        }
    }

    /**
     * Notes the cells of a body row past its header's columns, which commonmark's tree drops (a row
     * holds as many cells as the header), read from the row's text as {@link GfmTable} reads them.
     */
    private void hiddenCells(TableRow row) {
        List<SourceSpan> spans = row.getSourceSpans();
        if (text == null || spans.size() != 1) {
            return;
        }
        SourceSpan span = spans.get(0);
        int columns = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            columns++;
        }
        int from = span.getInputIndex();
        HiddenCells h =
                GfmTable.hiddenCells(
                        text.subSequence(from, from + span.getLength()),
                        span.getLineIndex(),
                        span.getColumnIndex(),
                        columns);
        if (h != null) {
            hiddenCells.add(h);
        }
    }

    /**
     * Notes a fence the parser ended without a closing fence: it runs to the end of the block that
     * holds it, and to the end of the file when nothing follows it or any block around it.
     */
    private void unclosedFence(FencedCodeBlock f) {
        List<SourceSpan> spans = f.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        SourceSpan first = spans.get(0);
        // the span starts after the containers' markers, at the fence's own indentation: spaces,
        // or (commonmark's tree only: the one-pass parser declines them) tabs
        int column = first.getColumnIndex() + f.getFenceIndent();
        if (text != null) {
            int at = first.getInputIndex();
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
            column = first.getColumnIndex() + (at - first.getInputIndex());
        }
        Integer opening = f.getOpeningFenceLength();
        String fenceCharacter = f.getFenceCharacter();
        if (opening == null || fenceCharacter == null || fenceCharacter.isEmpty()) {
            return;
        }
        int length = opening;
        UnclosedFence.Reach reach = UnclosedFence.Reach.FILE;
        for (Node n = f; n != null && !(n instanceof Document); n = n.getParent()) {
            if (n.getNext() != null) {
                reach =
                        f.getParent() instanceof BlockQuote
                                ? UnclosedFence.Reach.BLOCK_QUOTE
                                : UnclosedFence.Reach.LIST_ITEM;
                break;
            }
        }
        addUnclosedFence(first.getLineIndex(), column, length, fenceCharacter.charAt(0), reach);
    }

    /** An unclosed fence of {@code length} {@code fenceChar}s at {@code column} of {@code line}. */
    private void addUnclosedFence(
            int line, int column, int length, char fenceChar, UnclosedFence.Reach reach) {
        unclosedFences.add(
                new UnclosedFence(
                        new SourceRange(line, column, line, column + length),
                        String.valueOf(fenceChar).repeat(length),
                        reach));
    }

    /**
     * Whether a list ({@code topLevel}: held by the document) is the first top-level list, before
     * any section but a level-1 title.
     */
    private boolean isLeadingList(boolean topLevel) {
        if (leadingListSeen || !topLevel) {
            return false;
        }
        leadingListSeen = true;
        return currentSection < 0 || (currentSection == 0 && sections.get(0).level == 1);
    }

    private void markBody() {
        if (current != null) {
            current.hasBody = true;
        }
    }

    private void heading(Heading h) {
        CharSlice plain = plainLine(h);
        List<SourceSpan> spans = h.getSourceSpans();
        int lineOffset = -1;
        if (!spans.isEmpty() && spans.get(0).getInputIndex() >= 0) {
            lineOffset = spans.get(0).getInputIndex() - spans.get(0).getColumnIndex();
        }
        heading(
                h.getLevel(),
                plain,
                plain != null ? null : inlineText(h),
                blockRange(h),
                lineOffset);
    }

    /**
     * A section's heading of {@code level} at {@code range}: its title {@code plain} when it holds
     * no inline syntax, else its {@code inline} text (null when it is empty); its first line begins
     * at {@code lineOffset} of the spec's text (-1: not known).
     */
    private void heading(
            int level, CharSlice plain, InlineText inline, SourceRange range, int lineOffset) {
        InlineScanner scanner =
                inline == null ? null : new InlineScanner(inline, references, scratch);
        // what a reader sees: HTML comments are not part of the title
        String text =
                plain != null
                        ? plain.toString()
                        : scanner == null ? "" : scanner.textWithoutComments();
        String title;
        if (plain != null) {
            // no inline syntax: the title read from the line's chars, and no {#id} attribute (it
            // needs a '{')
            int from = plain.start();
            int to = from + plain.length();
            title = SpaceFolding.fold(text, plain.array(), from, to);
        } else {
            title = foldSpace(text);
        }
        // its slug made only when asked (HeadingSlugs): a check asks of a few links' fragments
        anchors.section(text, plain != null);
        sections.add(new SectionDraft(level, title, range, !seenBlock, lineOffset));
        seenBlock = true;
        currentSection = sections.size() - 1;
        current = sections.get(currentSection);
        if (scanner != null) {
            scanner.scan(0, sink(level));
            addHtmlIds(scanner);
        }
    }

    private void nestedHeading(Heading h) {
        CharSlice plain = plainLine(h);
        nestedHeading(plain, plain != null ? null : inlineText(h));
    }

    /** A heading that is no section, its title read as {@link #heading} reads it. */
    private void nestedHeading(CharSlice plain, InlineText inline) {
        if (plain != null) {
            anchors.heading(plain.toString(), true); // nothing else to read: no inline syntax
            return;
        }
        if (inline == null) {
            return;
        }
        InlineScanner scanner = new InlineScanner(inline, references, scratch);
        anchors.heading(scanner.textWithoutComments(), false);
        scanner.scan(0, sink(0));
        addHtmlIds(scanner);
    }

    private static String foldSpace(String text) {
        return SpaceFolding.fold(text);
    }

    /** Whether the paragraph stands in the document itself or in block quotes only. */
    private static boolean outsideLists(OpenBlock.Para p) {
        OpenBlock b = p.parent;
        while (b instanceof OpenBlock.Quote) {
            b = b.parent;
        }
        return b instanceof OpenBlock.Root;
    }

    /** Whether the paragraph stands in the document itself or in block quotes only. */
    private static boolean outsideLists(Paragraph p) {
        Node n = p.getParent();
        while (n instanceof BlockQuote) {
            n = n.getParent();
        }
        return n instanceof Document;
    }

    /**
     * Notes a paragraph of prose ({@link Prose}): its lines joined by a space, inline HTML comments
     * left out, whitespace folded. A paragraph that is all comment is none.
     */
    private void prose(InlineText inline) {
        if (inline == null) {
            return;
        }
        String folded = foldSpace(withoutComments(inline.text()));
        if (!folded.isEmpty()) {
            int end = inline.lineEnd(0);
            prose.add(new Prose(folded, inline.range(inline.lineStart(0), end), currentSection));
        }
    }

    /**
     * {@code text} without its HTML comments ({@code <!-- ... -->}, an unclosed one to the end).
     */
    static String withoutComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        while (open >= 0) {
            sb.append(text, from, open).append(' ');
            int close = text.indexOf("-->", open + 4);
            from = close < 0 ? text.length() : close + 3;
            open = close < 0 ? -1 : text.indexOf("<!--", from);
        }
        return sb.append(text, from, text.length()).toString();
    }

    private void paragraph(Paragraph p) {
        if (holdsNoToken(p)) {
            return; // nothing to find: no label, box, bracket, comment or date token
        }
        paragraph(inlineText(p), p.getParent() instanceof ListItem);
    }

    /**
     * A paragraph's {@code inline} text (null when it has none), held by a list item when {@code
     * inList}.
     */
    private void paragraph(InlineText inline, boolean inList) {
        if (inline == null) {
            return;
        }
        InlineScanner scanner = new InlineScanner(inline, references, scratch);
        boxesWithoutMarkerSpace(inline, scanner, 0);
        for (int i = 0; i < inline.lineCount(); i++) {
            scanner.labels(i, true, 0, labels);
            addFields(inline, inList);
        }
        scanner.scan(0, sink(0));
        addHtmlIds(scanner);
    }

    /**
     * Finds lines such as {@code -[ ] item}, from line {@code firstLine} of the block on. Markdown
     * reads them as text, not as a list item: a paragraph of their own, or a lazy continuation of
     * the paragraph (or list item) above.
     */
    private void boxesWithoutMarkerSpace(InlineText inline, InlineScanner scanner, int firstLine) {
        if (!scanner.holds(InlineSyntax.OPEN_SQUARE)) {
            return; // the pattern needs a '['
        }
        for (int i = firstLine; i < inline.lineCount(); i++) {
            int[] box = boxWithoutMarkerSpace(inline, scanner, i);
            if (box != null) {
                malformed.add(
                        new TextMark(
                                scanner.text(box[0], box[1]),
                                scanner.range(box[0], box[1]),
                                currentSection));
            }
        }
    }

    /**
     * The {from, end} offsets of the {@link #BOX_WITHOUT_MARKER_SPACE} that opens line {@code line}
     * of the masked text, or null (most lines). The pattern starts with a list marker and a '[':
     * most lines are dismissed without a copy or a regex, and where masking cannot change how the
     * line starts ({@link InlineScanner#unmaskedUpToBacktick}), without masking the block.
     */
    static int[] boxWithoutMarkerSpace(InlineText inline, InlineScanner scanner, int line) {
        int lineStart = inline.lineStart(line);
        int lineEnd = inline.lineEnd(line);
        if (!scanner.masksFreely()) {
            char[] text = inline.chars();
            if (scanner.unmaskedUpToBacktick(lineStart)) {
                // the text's first char is the masked text's, unless it opens a code span; the
                // marker and the '[' after it hold no backtick, so no code span either
                int k = skipSpaceAndTab(text, lineStart, lineEnd);
                if (k == lineEnd || (text[k] != '`' && !boxAfterMarker(text, k, lineEnd))) {
                    return null;
                }
            } else if (!bracketAfterMarkerChar(text, lineStart, lineEnd)) {
                // masking only blanks chars: the masked line's marker and '[' are the text's
                return null;
            }
        }
        char[] masked = scanner.blanked();
        int from = skipSpaceAndTab(masked, lineStart, lineEnd);
        if (from == lineEnd || !boxAfterMarker(masked, from, lineEnd)) {
            return null;
        }
        Matcher m = BOX_WITHOUT_MARKER_SPACE.matcher(scanner.masked(from, lineEnd));
        return m.find() ? new int[] {from, from + m.end()} : null;
    }

    /**
     * Whether {@code [from, to)} of {@code chars} holds a '[' right after a char that may end a
     * list marker ('-', '*', '+', '.' or ')'): what a box without marker space needs, blanked or
     * not.
     */
    private static boolean bracketAfterMarkerChar(char[] chars, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (chars[k] == '[') {
                char c = chars[k - 1];
                if (c == '-' || c == '*' || c == '+' || c == '.' || c == ')') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int skipSpaceAndTab(char[] chars, int from, int to) {
        int k = from;
        while (k < to && (chars[k] == ' ' || chars[k] == '\t')) {
            k++;
        }
        return k;
    }

    private void addHtmlIds(InlineScanner scanner) {
        if (!scanner.holds(InlineSyntax.LT)) {
            return; // no tag (most blocks): no list to ask
        }
        List<String> ids = scanner.htmlIds();
        for (int i = 0; i < ids.size(); i++) {
            anchors.htmlId(ids.get(i));
        }
    }

    /** The fields of {@link #labels}, found in {@code inline}. */
    private void addFields(InlineText inline, boolean inList) {
        for (int k = 0; k < labels.count(); k++) {
            fields.add(field(inline, k, inList));
        }
    }

    /**
     * Whether {@code chars} at {@code from} hold a list marker ({@code -}, {@code *}, {@code +}, or
     * one to nine digits and {@code .} or {@code )}) followed by '[': what {@link
     * #BOX_WITHOUT_MARKER_SPACE} needs before its box.
     */
    private static boolean boxAfterMarker(char[] chars, int from, int to) {
        char c = chars[from];
        int k = from + 1;
        if (c >= '0' && c <= '9') {
            while (k < to && k - from < 10 && isDigit(chars[k])) {
                k++;
            }
            if (k - from > 9 || k >= to || !(chars[k] == '.' || chars[k] == ')')) {
                return false;
            }
            k++;
        } else if (c != '-' && c != '*' && c != '+') {
            return false;
        }
        return k < to && chars[k] == '[';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void listItem(ListItem item, int listDepth) {
        Node first = item.getFirstChild();
        if (first instanceof Paragraph p && holdsNoToken(p) && !(inLeadingList && listDepth == 0)) {
            // the item's text holds no label, box, bracket, comment or date token: nothing to
            // read in it (a leading list's item may be a metadata field without syntax)
            for (Node child = first.getNext(); child != null; child = child.getNext()) {
                visit(child, listDepth + 1);
            }
            return;
        }
        // the lines are collected once, here, for the test and the scan
        InlineText inline = first instanceof Paragraph p ? inlineText(p) : null;
        if (inline != null) {
            // where the item's first span starts
            List<SourceSpan> spans = item.getSourceSpans();
            SourceSpan span = spans.isEmpty() ? null : spans.get(0);
            listItemParagraph(
                    span == null ? -1 : span.getLineIndex(),
                    span == null ? 0 : span.getColumnIndex(),
                    inline,
                    listDepth);
            for (Node child = first.getNext(); child != null; child = child.getNext()) {
                visit(child, listDepth + 1);
            }
        } else {
            visitChildren(item, listDepth + 1);
        }
    }

    /**
     * The first paragraph of a list item at {@code listDepth}, {@code inline}: a task item, a
     * metadata field of the leading list, or labels; the item's first line's span starts at {@code
     * spanColumn} of {@code spanLine} (-1: it has none).
     */
    private void listItemParagraph(int spanLine, int spanColumn, InlineText inline, int listDepth) {
        // both box patterns start with '[': most items are dismissed without a copy or a regex
        boolean box = inline.length() > 0 && inline.chars()[0] == '[';
        char taskMark = box ? taskBox(inline) : 0;
        if (taskMark != 0 && onlyLabelsAfterBox(inline)) {
            // the common task item: nothing for the inline scan to find, no scanner made
            taskItem(taskMark, spanLine, spanColumn, inline, listDepth, null);
            return;
        }
        InlineScanner scanner = new InlineScanner(inline, references, scratch);
        int skip = 0;
        if (taskMark != 0) {
            skip = 3;
            taskItem(taskMark, spanLine, spanColumn, inline, listDepth, scanner);
        } else if (inLeadingList && listDepth == 0 && listMetadataItem(inline, scanner)) {
            for (int i = 1; i < inline.lineCount(); i++) {
                scanner.labels(i, true, 0, labels);
                addFields(inline, true);
            }
        } else {
            String firstLine = box ? inline.line(0) : "";
            Matcher anyBox = box ? ANY_BOX.matcher(firstLine) : null;
            boolean malformedBox = box && anyBox.find();
            if (malformedBox) {
                skip = anyBox.end();
                malformed.add(
                        new TextMark(
                                firstLine.substring(0, anyBox.end()),
                                scanner.range(0, anyBox.end()),
                                currentSection));
            }
            // an item whose box is malformed ('- [ x] Pick a queue - **Decision by:** 15/03/2025')
            // has its labels read where a task item's are, so that its deadline is checked (and
            // fixed by the same --fix as its box) before the box is mended
            scanner.labels(0, !malformedBox, skip, labels);
            addFields(inline, true);
        }
        boxesWithoutMarkerSpace(inline, scanner, 1);
        scanner.scan(skip, sink(0));
        addHtmlIds(scanner);
    }

    /**
     * Adds the task item whose first paragraph is {@code inline}, its box marked {@code taskMark},
     * with the labels written in it; {@code scanner} reads them as masked, or is null when {@link
     * #onlyLabelsAfterBox} holds and they are read from the text itself.
     */
    private void taskItem(
            char taskMark,
            int spanLine,
            int spanColumn,
            InlineText inline,
            int listDepth,
            InlineScanner scanner) {
        // most items hold no label: they share the empty list
        List<Field> itemFields = List.of();
        for (int i = 0; i < inline.lineCount(); i++) {
            if (scanner != null) {
                scanner.labels(i, false, i == 0 ? 3 : 0, labels);
            } else {
                labelsAfterBox(inline);
            }
            for (int k = 0; k < labels.count(); k++) {
                Field f = field(inline, k, true);
                if (itemFields.isEmpty()) {
                    itemFields = new ArrayList<>(2);
                }
                itemFields.add(f);
                fields.add(f);
            }
        }
        int line = inline.sourceLine(0);
        int column = inline.sourceColumn(0);
        checklist.add(
                ChecklistItem.read(
                        taskMark != ' ',
                        checklistText(inline),
                        listDepth,
                        itemRange(spanLine, spanColumn, inline),
                        SourceRange.ofLine(line, column, column + 3), // the box
                        currentSection,
                        itemFields));
    }

    /**
     * Whether the inline scan finds nothing after the task box of an item's first paragraph, {@code
     * inline}, and masking cannot change which bold labels it holds: it is one line whose only '['
     * is its box's, without a '<', '{', 'Y' or backslash (no comment, tag, placeholder, link, date
     * token or escape), nor a '*' from its first backtick on ({@link
     * InlineSyntax#noStarFromFirstBacktick}, as in {@link #labelsOnly}). Never for commonmark's
     * tree, whose marks are not known: its items are all scanned.
     */
    private static boolean onlyLabelsAfterBox(InlineText inline) {
        int marks = inline.marks();
        if (marks == RawLines.UNKNOWN_MARKS
                || inline.lineCount() != 1
                || (marks & (InlineSyntax.LT | InlineSyntax.OPEN_BRACE | InlineSyntax.Y)) != 0
                || (marks & InlineSyntax.BACKSLASH) != 0) {
            return false;
        }
        char[] c = inline.chars();
        for (int k = 3; k < c.length; k++) {
            if (c[k] == '[') {
                return false;
            }
        }
        return (marks & InlineSyntax.STAR) == 0
                || (marks & InlineSyntax.BACKTICK) == 0
                || InlineSyntax.noStarFromFirstBacktick(c, 3, c.length);
    }

    /**
     * The bold labels after the task box of a one-line item that {@link #onlyLabelsAfterBox} holds,
     * into {@link #labels}: read from its text, which masking would not change.
     */
    private void labelsAfterBox(InlineText inline) {
        labels.clear();
        if ((inline.marks() & InlineSyntax.STAR) != 0) {
            char[] c = inline.chars();
            labels.read(c, c, null, 0, 3, c.length, c.length, false);
        }
    }

    /**
     * The text after an item's task box, lines joined with a space and trimmed: what {@code new
     * String(chars, 3, length - 3).replace('\n', ' ').trim()} makes (a line break is trimmed as a
     * space is); a view of the item's chars when it is one line, a copy when it has line breaks.
     */
    static CharSequence checklistText(InlineText inline) {
        char[] c = inline.chars();
        int from = 3;
        int to = c.length;
        while (from < to && c[from] <= ' ') {
            from++;
        }
        while (to > from && c[to - 1] <= ' ') {
            to--;
        }
        if (inline.lineCount() == 1) {
            return new CharSlice(c, from, to); // no line break to replace
        }
        char[] joined = Arrays.copyOfRange(c, from, to);
        for (int k = 0; k < joined.length; k++) {
            if (joined[k] == '\n') {
                joined[k] = ' ';
            }
        }
        return new String(joined);
    }

    /**
     * The mark of a task box that opens an item ({@code [ ]}, {@code [x]} or {@code [X]}, then a
     * space, a tab or the line's end): ' ', 'x' or 'X'; 0 when the item has none. By index, where a
     * regex per checklist item cost a matcher and a copy of the line.
     */
    static char taskBox(InlineText inline) {
        char[] c = inline.chars();
        int end = inline.lineEnd(0);
        if (end < 3 || c[0] != '[' || c[2] != ']') {
            return 0;
        }
        char mark = c[1];
        if (mark != ' ' && mark != 'x' && mark != 'X') {
            return 0;
        }
        boolean after =
                end == 3
                        || c[3] == ' '
                        || c[3] == '\t'
                        // what the regex's $ also took: a line separator that ends the line
                        || (end == 4 && (c[3] == '\u0085' || c[3] == '\u2028' || c[3] == '\u2029'));
        return after ? mark : 0;
    }

    /**
     * Reads {@code Label: value} (the label bold or not) on an item's first line as a metadata
     * field; false when the line is not one. Trailing HTML comments are no part of the value, as on
     * a {@code **Label:**} line.
     */
    private boolean listMetadataItem(InlineText inline, InlineScanner scanner) {
        String content = inline.line(0);
        Matcher m = LIST_FIELD.matcher(content);
        if (!m.matches()) {
            return false;
        }
        String value = "";
        if (m.group(2) != null) {
            int lineStart = inline.lineStart(0);
            int end = scanner.valueEnd(lineStart + m.start(2), lineStart + m.end(2)) - lineStart;
            value = content.substring(m.start(2), Math.max(m.start(2), end)).strip();
        }
        if (value.startsWith("//")) {
            return false; // a URL, not a label
        }
        int col = inline.sourceColumn(0);
        int lineIndex = inline.sourceLine(0);
        int valueStart = m.group(2) == null ? content.stripTrailing().length() : m.start(2);
        fields.add(
                new Field(
                        m.group(1).strip(),
                        value,
                        SourceRange.ofLine(lineIndex, col + m.start(1), col + m.end(1)),
                        SourceRange.ofLine(
                                lineIndex, col + valueStart, col + valueStart + value.length()),
                        currentSection,
                        false,
                        FieldForm.LIST_ITEM));
        return true;
    }

    private static SourceRange itemRange(int spanLine, int spanColumn, InlineText inline) {
        int line = inline.sourceLine(0);
        int column = inline.sourceColumn(0);
        int endColumn = column + inline.lineEnd(0);
        if (spanLine != line) {
            return SourceRange.ofLine(line, column, endColumn);
        }
        return SourceRange.ofLine(line, spanColumn, Math.max(endColumn, spanColumn));
    }

    /** The field of label {@code k} of {@link #labels}, found in {@code inline}. */
    private Field field(InlineText inline, int k, boolean inList) {
        int line = labels.line(k);
        // the source column of an offset on the label's line
        int shift = inline.sourceColumn(line) - inline.lineStart(line);
        // label and value read from the block's chars, their strings and ranges made when asked:
        // a check asks the values and ranges of a few metadata fields only
        return Field.read(
                inline.chars(),
                labels.nameStart(k),
                labels.nameEnd(k),
                labels.valueStart(k),
                inline.sourceLine(line),
                shift + labels.labelStart(k),
                shift + labels.labelEnd(k),
                shift + labels.valueStart(k),
                shift + labels.valueEnd(k),
                currentSection,
                inList);
    }

    private void htmlBlock(HtmlBlock html) {
        List<SourceSpan> spans = html.getSourceSpans();
        SourceSpan first = spans.isEmpty() ? null : spans.get(0);
        htmlBlock(
                html.getLiteral(),
                first == null ? 0 : first.getLineIndex(),
                first == null ? -1 : first.getColumnIndex(),
                spans);
    }

    /**
     * An HTML block, {@code literal}, from {@code column} of source line {@code line} (-1: no
     * position); {@code spans} are its lines' that hold anything, each where its text starts.
     */
    private void htmlBlock(String literal, int line, int column, List<SourceSpan> spans) {
        StringBuilder rest = new StringBuilder();
        int last = 0;
        int newlines = 0;
        int counted = 0;
        while (true) {
            int open = literal.indexOf("<!--", last);
            if (open < 0) {
                break;
            }
            // an unclosed comment runs to the end of the block and hides all of it
            int close = literal.indexOf("-->", open + 4);
            int end = close < 0 ? literal.length() : close;
            rest.append(literal, last, open);
            newlines += countNewlines(literal, counted, open);
            counted = open;
            comments.add(new HtmlComment(literal.substring(open + 4, end).trim(), line + newlines));
            last = close < 0 ? literal.length() : close + 3;
        }
        rest.append(literal.substring(last));
        String shown = rest.toString();
        // one pass over the tags outside comments: an id in a comment is no anchor
        detailsDepth = Math.max(0, detailsDepth + readTags(shown));
        if (!shown.isBlank()) {
            seenBlock = true;
            markBody();
            htmlText(literal, line, column, spans);
        }
    }

    /**
     * Finds the placeholders and date tokens in the text an HTML block shows a reader ({@code
     * <div>[Time estimate]</div>}, a {@code <summary>}), as in prose: tags (and their attributes),
     * comments and code elements ({@link HtmlText#CODE}) are blanked first, so nothing inside them
     * is one. Links are not read here: raw HTML is no Markdown.
     */
    private void htmlText(String literal, int line, int column, List<SourceSpan> spans) {
        if (column < 0) {
            return;
        }
        String visible = HtmlText.visible(literal);
        if ((InlineSyntax.marks(visible)
                        & (InlineSyntax.OPEN_SQUARE | InlineSyntax.OPEN_BRACE | InlineSyntax.Y))
                == 0) {
            return; // no '[', '{' or 'Y' left to start a placeholder or a date token
        }
        String[] lines = visible.split("\n", -1);
        List<RawLine> raw = new ArrayList<>(lines.length);
        int firstLine = spans.isEmpty() ? line : spans.get(0).getLineIndex();
        int next = 0;
        for (int i = 0; i < lines.length; i++) {
            // a span per line that holds anything (an empty line has none, in both trees): the
            // block's lines are the source's, one after another, and where each starts differs
            // in a quote whose marker takes a space on one line and none on the next
            while (next < spans.size() && spans.get(next).getLineIndex() < firstLine + i) {
                next++;
            }
            SourceSpan span = next < spans.size() ? spans.get(next) : null;
            int at =
                    span != null && span.getLineIndex() == firstLine + i
                            ? span.getColumnIndex()
                            : spans.isEmpty() && i == 0 ? column : 0;
            raw.add(new RawLine(lines[i], firstLine + i, at));
        }
        InlineScanner.Sink prose = sink(0);
        InlineScanner scanner = new InlineScanner(new InlineText(raw), references, scratch);
        scanner.scan(
                0,
                new InlineScanner.Sink() {
                    @Override
                    public void link(String destination, boolean image, SourceRange range) {
                        // "[text](x)" in raw HTML is text, not a link
                    }

                    @Override
                    public void bracket(String text, SourceRange range) {
                        prose.bracket(text, range);
                    }

                    @Override
                    public void dateToken(SourceRange range) {
                        prose.dateToken(range);
                    }

                    @Override
                    public void comment(String text, int line) {
                        // the block's comments are noted above, once
                    }
                });
    }

    /**
     * Reads the tags of an HTML block's text, its comments removed, in one pass: each tag's ids and
     * names ({@code <a id="x">}) are anchors, and what it gives is the opening minus closing {@link
     * #CONTAINERS} tags; a self-closing tag ({@code <div/>}) neither opens nor closes. A tag ends
     * where {@link HtmlText#tagClose} says (a quoted attribute value may hold '>'), as inline tags
     * and headings' do.
     */
    private int readTags(String html) {
        int balance = 0;
        int n = html.length();
        Matcher id = null;
        for (int at = 0; at < n; at++) {
            if (html.charAt(at) != '<') {
                continue;
            }
            int i = at + 1;
            boolean closing = i < n && html.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(html.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            int end = HtmlText.tagClose(html, i, Math.min(n, at + HtmlText.MAX_TAG_LENGTH));
            if (end > 0 && !closing) {
                if (id == null) {
                    id = InlineSyntax.HTML_ID.matcher(html); // one per block, not per tag
                }
                id.region(at, end);
                while (id.find()) {
                    anchors.htmlId(id.group(1));
                }
            }
            if (i < n
                    && (html.charAt(i) == '>'
                            || html.charAt(i) == '/'
                            || Character.isWhitespace(html.charAt(i)))
                    && CONTAINERS.contains(
                            html.substring(start, i).toLowerCase(java.util.Locale.ROOT))) {
                // a tag no '>' closes in the block still opens (or closes) its element
                boolean selfClosing = end > 0 && html.charAt(end - 2) == '/';
                if (!selfClosing) {
                    balance += closing ? -1 : 1;
                }
            }
            if (end > 0) {
                at = end - 1;
            }
        }
        return balance;
    }

    private static int countNewlines(String s, int from, int end) {
        int n = 0;
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void inline(Node block, int skip, int headingLevel) {
        InlineText inline = inlineText(block);
        if (inline != null) {
            scanInline(inline, skip, headingLevel);
        }
    }

    private void scanInline(InlineText inline, int skip, int headingLevel) {
        InlineScanner scanner = new InlineScanner(inline, references, scratch);
        scanner.scan(skip, sink(headingLevel));
        addHtmlIds(scanner);
    }

    /**
     * The sink for a block of the current section at {@code headingLevel} (0 outside a heading):
     * one sink per parse, which reads the section and the level as it is called, where a sink per
     * section and level cost an object for each.
     */
    private InlineScanner.Sink sink(int headingLevel) {
        sinkLevel = headingLevel;
        return sink;
    }

    /** The heading level of the block being scanned, as {@link #sink} was given it. */
    private int sinkLevel;

    /** The trimmed text of the table cell being scanned, or null outside a cell. */
    private CharSequence cellText;

    private final InlineScanner.Sink sink =
            new InlineScanner.Sink() {
                @Override
                public void link(String destination, boolean image, SourceRange range) {
                    links.add(new Link(destination, image, range, currentSection));
                }

                @Override
                public void bracket(String text, SourceRange range) {
                    boolean wholeCell = cellText != null && text.contentEquals(cellText);
                    brackets.add(
                            new BracketText(text, range, currentSection, sinkLevel, wholeCell));
                }

                @Override
                public void dateToken(SourceRange range) {
                    marks.add(new TextMark(InlineScanner.DATE_TOKEN, range, currentSection));
                }

                @Override
                public void comment(String text, int line) {
                    comments.add(new HtmlComment(text, line));
                }
            };

    /** The text a table cell holds, trimmed (a cell is one line), or null when it has none. */
    private static String cellText(TableCell cell) {
        if (!(cell.getFirstChild() instanceof RawLines raw) || raw.lines().size() != 1) {
            return null;
        }
        return raw.lines().get(0).getContent().toString().strip();
    }

    /**
     * A block's inline content, its {@link RawLines} child's, or null when it has none with a
     * position.
     */
    private static InlineText inlineText(Node block) {
        return block.getFirstChild() instanceof RawLines raw ? InlineText.of(raw) : null;
    }

    /**
     * The marks of a block's inline content, as {@link #inlineText} finds it ({@link
     * RawLines#marks()}).
     */
    private static int marks(Node block) {
        return block.getFirstChild() instanceof RawLines raw ? raw.marks() : RawLines.UNKNOWN_MARKS;
    }

    /**
     * Whether the one-pass block parser found that the block's text holds none of the marks a token
     * starts with ({@link InlineSyntax#TOKEN_MARKS} of {@link RawLines#marks()}): then the inline
     * scan finds nothing in it, and is skipped; code spans and escapes alone only mask text (a list
     * item such as {@code - Core logic: `src/core/`}). Never for commonmark's tree, whose blocks
     * are all scanned (which is what the property tests compare the fast path's model with).
     */
    private static boolean holdsNoToken(Node block) {
        return holdsNoToken(marks(block));
    }

    /** As {@link #holdsNoToken(Node)}, for a block whose text holds {@code marks}. */
    private static boolean holdsNoToken(int marks) {
        return marks != RawLines.UNKNOWN_MARKS && (marks & InlineSyntax.TOKEN_MARKS) == 0;
    }

    /**
     * The one line of a heading that holds no inline syntax at all (a code span changes a title), a
     * slice of the spec's chars: its text, read without the inline scan; null for any other heading
     * (an empty one included).
     */
    private static CharSlice plainLine(Heading h) {
        if (!(h.getFirstChild() instanceof RawLines raw) || raw.marks() != 0) {
            return null;
        }
        List<SourceLine> lines = raw.lines();
        if (lines.size() != 1 || lines.get(0).getSourceSpan() == null) {
            return null;
        }
        return lines.get(0).getContent() instanceof CharSlice slice ? slice : null;
    }

    private static SourceRange blockRange(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return SourceRange.fileStart();
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return new SourceRange(
                first.getLineIndex(),
                first.getColumnIndex(),
                last.getLineIndex(),
                last.getColumnIndex() + last.getLength());
    }

    private SpecDocument finish() {
        HeadingSlugs ids = anchors.build();
        int n = sections.size();
        List<Section> result = new ArrayList<>(n);
        int[] parent = new int[n];
        int[] end = new int[n];
        boolean[] hasSub = new boolean[n];
        int[] open = new int[n]; // a stack of the sections not ended yet, without boxing
        int depth = 0;
        for (int i = 0; i < n; i++) {
            int level = sections.get(i).level;
            while (depth > 0 && sections.get(open[depth - 1]).level >= level) {
                end[open[--depth]] = sections.get(i).range.startLine();
            }
            parent[i] = depth == 0 ? -1 : open[depth - 1];
            if (depth > 0) {
                hasSub[open[depth - 1]] = true;
            }
            open[depth++] = i;
        }
        while (depth > 0) {
            end[open[--depth]] = lineCount;
        }
        for (int i = 0; i < n; i++) {
            SectionDraft d = sections.get(i);
            result.add(
                    new Section(
                            i,
                            d.level,
                            d.title,
                            d.range,
                            parent[i],
                            d.hasBody,
                            hasSub[i],
                            end[i],
                            ids,
                            d.leading,
                            d.lineOffset));
        }
        return new SpecDocument(
                lineCount,
                result,
                fields,
                checklist,
                links,
                brackets,
                marks,
                malformed,
                ids.asSet(),
                comments,
                java.util.Optional.empty(),
                List.of(),
                definitions,
                unclosedFences,
                unclosedHtml,
                hiddenCells,
                mergeConflicts,
                prose == null ? List.of() : prose);
    }
}
