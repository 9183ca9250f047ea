package dev.specgate.core.parse.internal;

import dev.specgate.core.model.HiddenCells;
import dev.specgate.core.model.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;

/**
 * A GFM table open in the one-pass parser: what commonmark's {@code TableBlockParser} does, for
 * rows without escaped pipes. It starts where a paragraph's last line is a header row and the
 * current line a delimiter row ({@link #tryStart}), takes every following line that holds a pipe,
 * and when it closes splits its rows into cells.
 */
final class GfmTable extends OpenBlock {

    /**
     * Its rows, the header and the delimiter row first: offsets into the spec's chars and where
     * each starts in the source, as a paragraph keeps its lines (no {@link SourceLine} per row, nor
     * one per cell: a cell's text is a line of its own {@link TextLines}).
     */
    private final TextLines rows;

    /** The {@link InlineSyntax} marks of each of {@link #rows} (or more). */
    private int[] lineMarks = new int[8];

    private final List<TableCell.Alignment> alignments;
    private final List<Integer> widths;

    /** Whether the parser builds {@link SubsetBlockParser.Detail#TREE}: the table's nodes. */
    private final boolean tree;

    /**
     * Its cells once it is finished, in document order (the header's, then each body row's, as many
     * as the header has), {@link #CELL} ints each: the trimmed text, {@code [from, to)} of the
     * spec's chars, its source line and column, and its row's marks.
     */
    private int[] cells;

    private int cellCount;

    /** Its body rows' cells past the header's columns, which GFM drops; null when none. */
    private List<HiddenCells> hidden;

    private static final int CELL = 5;

    /**
     * A table whose header is the line {@code [from, to)} of {@code chars}, source line {@code
     * lineIndex} from column {@code column}.
     */
    private GfmTable(
            int sourceIndex,
            char[] chars,
            int from,
            int to,
            int lineIndex,
            int column,
            List<TableCell.Alignment> alignments,
            List<Integer> widths,
            boolean tree) {
        super(tree ? new TableBlock() : null, sourceIndex, false);
        this.rows = new TextLines(chars);
        this.rows.add(from, to, lineIndex, column);
        this.lineMarks[0] = InlineSyntax.marks(chars, from, to);
        this.alignments = alignments;
        this.widths = widths;
        this.tree = tree;
    }

    /**
     * GFM's table factory: a table whose header is {@code paragraph}'s last line and whose
     * delimiter row is the current line, opened in the parser; or null when the lines make none.
     */
    static GfmTable tryStart(SubsetBlockParser p, OpenBlock.Para paragraph, int unmatched) {
        int last = paragraph.lines.count() - 1;
        // asked on every line after a paragraph's line that does not open with a letter (list
        // items, bold labels, digits): most are no delimiter row, told without a pass over the
        // paragraph's line or a list; and most paragraph lines have no '|'
        if (!mayBeDelimiterRow(p) || !paragraph.lines.holds(last, '|')) {
            return null;
        }
        TextLines lines = paragraph.lines;
        List<TableCell.Alignment> alignments = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        if (!parseDelimiterRow(p, alignments, widths) || alignments.isEmpty()) {
            return null;
        }
        if (lines.holds(last, '\\')) {
            throw SubsetBlockParser.DECLINE; // escaped pipes: cell text and spans part ways
        }
        if (alignments.size() < splitCells(lines, last, new int[17])[0]) {
            return null;
        }
        p.closeUnmatched(unmatched);
        // replaceParagraphLines(1): the header line moves from the paragraph to the table
        int from = lines.from(last);
        int to = lines.to(last);
        int lineIndex = lines.lineIndex(last);
        int column = lines.column(last);
        SourceSpan headerSpan = paragraph.removeLastLine();
        p.close(1);
        GfmTable table =
                new GfmTable(
                        p.index,
                        p.chars,
                        from,
                        to,
                        lineIndex,
                        column,
                        alignments,
                        widths,
                        p.detail == SubsetBlockParser.Detail.TREE);
        if (headerSpan != null) {
            table.block.addSourceSpan(headerSpan);
        }
        p.add(table);
        return table;
    }

    /**
     * Whether the current line from its index holds only the chars a delimiter row is made of
     * ({@code |}, {@code -}, {@code :} and spaces): {@link #parseDelimiterRow} refuses any other at
     * once, so a line with one is no delimiter row.
     */
    private static boolean mayBeDelimiterRow(SubsetBlockParser p) {
        for (int i = p.index; i < p.lineLength; i++) {
            char c = p.at(i);
            if (c != '|' && c != '-' && c != ':' && c != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean parseDelimiterRow(
            SubsetBlockParser p, List<TableCell.Alignment> alignments, List<Integer> widths) {
        int pipes = 0;
        boolean valid = false;
        int i = p.index;
        int n = p.lineLength;
        int width = 0;
        while (i < n) {
            char c = p.at(i);
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
                        while (i < n && p.at(i) == '-') {
                            i++;
                            width++;
                            haveDash = true;
                        }
                        if (!haveDash) {
                            return false;
                        }
                        if (i < n && p.at(i) == ':') {
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

    @Override
    boolean tryContinue(SubsetBlockParser p) {
        int pipe = p.find('|', p.nextNonSpace);
        if (pipe < 0) {
            return false;
        }
        if (pipe == p.nextNonSpace && p.onlySpaces(p.nextNonSpace + 1)) {
            throw SubsetBlockParser.DECLINE; // ends the table but leaves it open to lazy lines
        }
        return true;
    }

    @Override
    void addLine(SubsetBlockParser p, int from, int to) {
        int row = rows.count();
        if (row == lineMarks.length) {
            lineMarks = Arrays.copyOf(lineMarks, lineMarks.length * 2);
        }
        lineMarks[row] = p.marksOf(from, to);
        rows.add(from, to, p.lineIndex, p.index);
        if (p.detail == SubsetBlockParser.Detail.TREE) {
            p.lineSpan(p.index); // the row's span of the line, which the table's span shares
        }
    }

    /**
     * GFM's {@code split} of row {@code row} of {@code rows} (one without backslashes): its count
     * of cells {@code k} in {@code [0]}, then each cell's raw text, {@code [from, to)} of the
     * spec's chars, in {@code [1 + 2i]} and {@code [2 + 2i]}. Written into {@code cells}, or into a
     * longer copy when it is too short: the array returned.
     */
    private static int[] splitCells(TextLines rows, int row, int[] cells) {
        char[] chars = rows.chars();
        int n = rows.to(row);
        int nonSpace = rows.from(row);
        while (nonSpace < n && chars[nonSpace] == ' ') {
            nonSpace++;
        }
        if (nonSpace == n) {
            throw SubsetBlockParser.DECLINE; // a row holds a '|': never reached
        }
        int cellStart = nonSpace;
        int cellEnd = n;
        if (chars[nonSpace] == '|') {
            cellStart = nonSpace + 1;
            int end = n - 1;
            while (end >= cellStart && chars[end] == ' ') {
                end--;
            }
            cellEnd = end + 1;
        }
        cells[0] = 0;
        for (int i = cellStart; i < cellEnd; i++) {
            if (chars[i] == '|') {
                cells = addCell(cells, cellStart, i);
                cellStart = i + 1;
            }
        }
        if (cellEnd > cellStart) {
            cells = addCell(cells, cellStart, n);
        }
        return cells;
    }

    private static int[] addCell(int[] cells, int from, int to) {
        int at = 1 + 2 * cells[0];
        if (at + 2 > cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        cells[at] = from;
        cells[at + 1] = to;
        cells[0]++;
        return cells;
    }

    /**
     * GFM's {@code TableBlockParser.parseInlines}: splits the rows into cells; in commonmark's tree
     * head, body, rows and cells.
     */
    @Override
    void finish() {
        TableBlock table = (TableBlock) block;
        List<SourceSpan> spans = tree ? table.getSourceSpans() : List.of();
        TableRow headerRow = null;
        if (tree) {
            TableHead head = new TableHead();
            if (!spans.isEmpty()) {
                head.addSourceSpan(spans.get(0));
            }
            table.appendChild(head);
            headerRow = new TableRow();
            headerRow.setSourceSpans(head.getSourceSpans());
            head.appendChild(headerRow);
        }
        int[] split = splitCells(rows, 0, new int[17]);
        int columns = split[0];
        this.cells = new int[CELL * columns * Math.max(1, rows.count() - 1)];
        for (int i = 0; i < columns; i++) {
            TableCell cell = cell(0, split[1 + 2 * i], split[2 + 2 * i], i);
            if (tree) {
                cell.setHeader(true);
                headerRow.appendChild(cell);
            }
        }
        TableBody body = null;
        for (int r = 2; r < rows.count(); r++) {
            // the row's marks say whether it may hold a backslash: most rows are not searched
            if ((lineMarks[r] & InlineSyntax.BACKSLASH) != 0 && rows.holds(r, '\\')) {
                throw SubsetBlockParser.DECLINE; // escaped pipes
            }
            SourceSpan span = r < spans.size() ? spans.get(r) : null;
            split = splitCells(rows, r, split);
            if (split[0] > columns) {
                noteHidden(r, columns);
            }
            TableRow row = tree ? new TableRow() : null;
            if (span != null) {
                row.addSourceSpan(span);
            }
            for (int i = 0; i < columns; i++) {
                // a row with fewer cells: the rest empty, at the row's end, without a span
                int end = rows.to(r);
                TableCell cell =
                        i < split[0]
                                ? cell(r, split[1 + 2 * i], split[2 + 2 * i], i)
                                : cell(r, end, end, i);
                if (tree) {
                    row.appendChild(cell);
                }
            }
            if (!tree) {
                continue;
            }
            if (body == null) {
                body = new TableBody();
                table.appendChild(body);
            }
            body.appendChild(row);
            if (span != null) {
                body.addSourceSpan(span);
            }
        }
    }

    /** Notes the cells of body row {@code row} past the header's {@code columns}. */
    private void noteHidden(int row, int columns) {
        HiddenCells h =
                hiddenCells(
                        new CharSlice(rows.chars(), rows.from(row), rows.to(row)),
                        rows.lineIndex(row),
                        rows.column(row),
                        columns);
        if (h != null) {
            if (hidden == null) {
                hidden = new ArrayList<>(1);
            }
            hidden.add(h);
        }
    }

    /** Its body rows' cells past the header's columns, once it is finished. */
    List<HiddenCells> hiddenCells() {
        return hidden == null ? List.of() : hidden;
    }

    /**
     * The cells past the first {@code columns} of a table row whose text (from where its cells
     * start, after any container's markers, to the line's end) is {@code row}, on source line
     * {@code line} from column {@code column}: split as GFM splits a row (an escaped pipe splits no
     * cell), or null when it holds no more cells or they hold only spaces and pipes. The one
     * reading of both parsers' trees (the one-pass parser's rows have no backslash).
     */
    static HiddenCells hiddenCells(CharSequence row, int line, int column, int columns) {
        int n = row.length();
        int nonSpace = 0;
        while (nonSpace < n && (row.charAt(nonSpace) == ' ' || row.charAt(nonSpace) == '\t')) {
            nonSpace++;
        }
        if (nonSpace == n) {
            return null;
        }
        int cellStart = row.charAt(nonSpace) == '|' ? nonSpace + 1 : nonSpace;
        // trailing spaces go with or without a leading pipe: a closing pipe before them opens
        // no cell
        int end = n - 1;
        while (end >= cellStart && (row.charAt(end) == ' ' || row.charAt(end) == '\t')) {
            end--;
        }
        int cellEnd = end + 1;
        int cells = 0;
        int droppedFrom = -1;
        for (int i = cellStart; i < cellEnd; i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < cellEnd && row.charAt(i + 1) == '|') {
                i++;
            } else if (c == '|') {
                cells++;
                cellStart = i + 1;
                if (cells == columns) {
                    droppedFrom = cellStart;
                }
            }
        }
        if (cellEnd > cellStart) {
            cells++;
        }
        if (cells <= columns || droppedFrom < 0) {
            return null;
        }
        int from = droppedFrom;
        int to = cellEnd;
        boolean text = false;
        for (int i = from; i < to; i++) {
            char c = row.charAt(i);
            if (c != ' ' && c != '\t' && c != '|') {
                text = true;
                break;
            }
        }
        if (!text) {
            return null;
        }
        if (row.charAt(to - 1) == '|' && !(to - 2 >= from && row.charAt(to - 2) == '\\')) {
            to--; // the closing pipe
        }
        while (from < to && (row.charAt(from) == ' ' || row.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (row.charAt(to - 1) == ' ' || row.charAt(to - 1) == '\t')) {
            to--;
        }
        return new HiddenCells(
                new SourceRange(line, column + from, line, column + to),
                cells,
                columns,
                row.subSequence(from, to).toString());
    }

    /** How many cells it holds, once it is finished. */
    int cellCount() {
        return cellCount;
    }

    /** The chars its cells index: the spec's. */
    char[] chars() {
        return rows.chars();
    }

    /** Where cell {@code k}'s trimmed text starts in {@link #chars()}. */
    int cellFrom(int k) {
        return cells[k * CELL];
    }

    /** Where cell {@code k}'s trimmed text ends in {@link #chars()} (exclusive). */
    int cellTo(int k) {
        return cells[k * CELL + 1];
    }

    /** The source line (0-based) of cell {@code k}. */
    int cellLine(int k) {
        return cells[k * CELL + 2];
    }

    /** The source column (0-based) at which cell {@code k}'s trimmed text starts. */
    int cellColumn(int k) {
        return cells[k * CELL + 3];
    }

    /** The {@link InlineSyntax} marks of cell {@code k}'s row (or more). */
    int cellMarks(int k) {
        return cells[k * CELL + 4];
    }

    /**
     * The cell {@code [from, to)} of the spec's chars in row {@code row}, in column {@code column}:
     * its text trimmed of spaces, holding the row's marks, noted in {@link #cells}; in commonmark's
     * tree ({@link SubsetBlockParser.Detail#TREE}, else null) its node, whose text is one line of
     * its own {@link TextLines} and whose span is its untrimmed text's.
     */
    private TableCell cell(int row, int from, int to, int column) {
        int rowFrom = rows.from(row);
        int lineIndex = rows.lineIndex(row);
        int rowColumn = rows.column(row);
        char[] chars = rows.chars();
        int start = from;
        while (start < to && chars[start] == ' ') {
            start++;
        }
        int end = to;
        while (end > start && chars[end - 1] == ' ') {
            end--;
        }
        int at = cellCount++ * CELL;
        if (at == cells.length) {
            cells = Arrays.copyOf(cells, Math.max(CELL, cells.length * 2));
        }
        cells[at] = start;
        cells[at + 1] = end;
        cells[at + 2] = lineIndex;
        cells[at + 3] = rowColumn + start - rowFrom;
        cells[at + 4] = lineMarks[row];
        if (!tree) {
            return null;
        }
        TableCell tableCell = new TableCell();
        if (to > from) {
            tableCell.addSourceSpan(
                    SourceSpan.of(lineIndex, rowColumn + from - rowFrom, from, to - from));
        }
        if (column < alignments.size()) {
            tableCell.setAlignment(alignments.get(column));
            tableCell.setWidth(widths.get(column));
        }
        TextLines text = new TextLines(chars);
        text.add(start, end, lineIndex, rowColumn + start - rowFrom);
        tableCell.appendChild(new RawLines(text, lineMarks[row]));
        return tableCell;
    }
}
