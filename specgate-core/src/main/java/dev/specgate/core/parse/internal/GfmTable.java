package dev.specgate.core.parse.internal;

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

    private final List<SourceLine> lines = new ArrayList<>();

    /** The {@link InlineSyntax} marks of each of {@link #lines} (or more). */
    private int[] lineMarks = new int[8];

    private final List<TableCell.Alignment> alignments;
    private final List<Integer> widths;

    private GfmTable(
            int sourceIndex,
            SourceLine header,
            List<TableCell.Alignment> alignments,
            List<Integer> widths) {
        super(new TableBlock(), sourceIndex, false);
        this.lines.add(header);
        this.lineMarks[0] = InlineSyntax.marks(header.getContent());
        this.alignments = alignments;
        this.widths = widths;
    }

    /**
     * GFM's table factory: a table whose header is {@code paragraph}'s last line and whose
     * delimiter row is the current line, opened in the parser; or null when the lines make none.
     */
    static GfmTable tryStart(SubsetBlockParser p, OpenBlock.Para paragraph, int unmatched) {
        int last = paragraph.lines.count() - 1;
        // asked on every line after a paragraph's line: most have no '|', and make no line
        if (!paragraph.lines.holds(last, '|')) {
            return null;
        }
        SourceLine header = paragraph.lines.sourceLine(last);
        String headerText = header.getContent().toString();
        List<TableCell.Alignment> alignments = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        if (!parseDelimiterRow(p, alignments, widths) || alignments.isEmpty()) {
            return null;
        }
        if (headerText.indexOf('\\') >= 0) {
            throw SubsetBlockParser.DECLINE; // escaped pipes: cell text and spans part ways
        }
        if (alignments.size() < splitCells(header).size()) {
            return null;
        }
        p.closeUnmatched(unmatched);
        // replaceParagraphLines(1): the header line moves from the paragraph to the table
        SourceSpan headerSpan = paragraph.removeLastLine();
        p.close(1);
        GfmTable table = new GfmTable(p.index, header, alignments, widths);
        if (headerSpan != null) {
            table.block.addSourceSpan(headerSpan);
        }
        p.add(table);
        return table;
    }

    /** GFM's {@code parseSeparator} on the current line from the parser's index. */
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
    boolean takesTextLines() {
        return true;
    }

    @Override
    void addLine(SubsetBlockParser p, int from, int to) {
        if (lines.size() == lineMarks.length) {
            lineMarks = Arrays.copyOf(lineMarks, lineMarks.length * 2);
        }
        lineMarks[lines.size()] = p.marksOf(from, to);
        lines.add(SourceLine.of(new CharSlice(p.chars, from, to), p.lineSpan(p.index)));
    }

    /** GFM's {@code split} of a row without backslashes: each cell's raw text and span. */
    private static List<SourceLine> splitCells(SourceLine line) {
        // read on the spec's chars when the line is a slice of them (always, from the parser)
        CharSequence content = line.getContent();
        char[] row;
        int base;
        if (content instanceof CharSlice slice) {
            row = slice.array();
            base = slice.start();
        } else {
            row = content.toString().toCharArray();
            base = 0;
        }
        int n = content.length();
        int nonSpace = 0;
        while (nonSpace < n && row[base + nonSpace] == ' ') {
            nonSpace++;
        }
        if (nonSpace == n) {
            throw SubsetBlockParser.DECLINE; // a row holds a '|': never reached
        }
        int cellStart = nonSpace;
        int cellEnd = n;
        if (row[base + nonSpace] == '|') {
            cellStart = nonSpace + 1;
            int end = n - 1;
            while (end >= cellStart && row[base + end] == ' ') {
                end--;
            }
            cellEnd = end + 1;
        }
        List<SourceLine> cells = new ArrayList<>();
        for (int i = cellStart; i < cellEnd; i++) {
            if (row[base + i] == '|') {
                cells.add(line.substring(cellStart, i));
                cellStart = i + 1;
            }
        }
        if (cellEnd > cellStart) {
            cells.add(line.substring(cellStart, n));
        }
        return cells;
    }

    /** GFM's {@code TableBlockParser.parseInlines}: head, body, rows and cells. */
    @Override
    void finish() {
        TableBlock table = (TableBlock) block;
        List<SourceSpan> spans = table.getSourceSpans();
        TableHead head = new TableHead();
        if (!spans.isEmpty()) {
            // none when the parser builds Detail.MODEL: the model reads only the cells' spans
            head.addSourceSpan(spans.get(0));
        }
        table.appendChild(head);
        TableRow headerRow = new TableRow();
        headerRow.setSourceSpans(head.getSourceSpans());
        head.appendChild(headerRow);
        List<SourceLine> headerCells = splitCells(lines.get(0));
        int columns = headerCells.size();
        for (int i = 0; i < columns; i++) {
            TableCell cell = cell(headerCells.get(i), i, lineMarks[0]);
            cell.setHeader(true);
            headerRow.appendChild(cell);
        }
        TableBody body = null;
        for (int r = 2; r < lines.size(); r++) {
            SourceLine rowLine = lines.get(r);
            // the row's marks say whether it may hold a backslash: most rows are not searched
            if ((lineMarks[r] & InlineSyntax.BACKSLASH) != 0 && hasBackslash(rowLine)) {
                throw SubsetBlockParser.DECLINE; // escaped pipes
            }
            SourceSpan span = r < spans.size() ? spans.get(r) : null;
            List<SourceLine> cells = splitCells(rowLine);
            TableRow row = new TableRow();
            if (span != null) {
                row.addSourceSpan(span);
            }
            for (int i = 0; i < columns; i++) {
                row.appendChild(
                        cell(
                                i < cells.size() ? cells.get(i) : SourceLine.of("", null),
                                i,
                                lineMarks[r]));
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

    private static boolean hasBackslash(SourceLine line) {
        CharSequence content = line.getContent();
        return content instanceof CharSlice slice
                ? slice.indexOf('\\') >= 0
                : content.toString().indexOf('\\') >= 0;
    }

    /** A cell of a row whose chars hold {@code marks} ({@link InlineSyntax}). */
    private TableCell cell(SourceLine cell, int column, int marks) {
        TableCell tableCell = new TableCell();
        SourceSpan span = cell.getSourceSpan();
        if (span != null) {
            tableCell.addSourceSpan(span);
        }
        if (column < alignments.size()) {
            tableCell.setAlignment(alignments.get(column));
            tableCell.setWidth(widths.get(column));
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
        tableCell.appendChild(new RawLines(List.of(cell.substring(start, end + 1)), marks));
        return tableCell;
    }
}
