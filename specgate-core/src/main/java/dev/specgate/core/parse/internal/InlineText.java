package dev.specgate.core.parse.internal;

import dev.specgate.core.model.SourceRange;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;

/**
 * The raw inline content of one block (paragraph, heading or table cell), its lines joined with
 * {@code '\n'}, with a map from offsets in the joined text back to source positions.
 */
final class InlineText {

    private final char[] chars;
    private String text;
    private final int[] lineStarts;

    /**
     * Each line's source line and column (0-based), or null for a text of one line (most blocks),
     * whose {@link #firstLine} and {@link #firstColumn} are all there is: two arrays fewer per
     * block.
     */
    private final int[] sourceLines;

    private final int[] sourceColumns;
    private final int firstLine;
    private final int firstColumn;

    /** {@link RawLines#marks()} of the lines, or {@link RawLines#UNKNOWN_MARKS}. */
    private final int marks;

    InlineText(List<RawLine> lines) {
        marks = RawLines.UNKNOWN_MARKS;
        firstLine = 0; // read from the arrays
        firstColumn = 0;
        lineStarts = new int[lines.size()];
        sourceLines = new int[lines.size()];
        sourceColumns = new int[lines.size()];
        int length = Math.max(0, lines.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
            length += lines.get(i).content().length();
        }
        // the lines are copied once, straight into the chars the scan reads (from the spec's
        // array when the block parser read them): no string per line, per block or per scan
        chars = new char[length];
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                chars[at++] = '\n';
            }
            RawLine line = lines.get(i);
            lineStarts[i] = at;
            sourceLines[i] = line.lineIndex();
            sourceColumns[i] = line.columnIndex();
            at = copy(line.content(), at);
        }
    }

    /**
     * The inline content of a block's lines as the block parser hands them over ({@link RawLines});
     * a line without a source span is not part of it. Null when no line has one. Read straight from
     * the lines, without a {@link RawLine} or a list per block.
     */
    static InlineText of(List<SourceLine> lines) {
        return of(lines, RawLines.UNKNOWN_MARKS);
    }

    /**
     * As {@link #of(List)}, for lines whose chars hold {@code marks} ({@link RawLines#marks()}).
     */
    static InlineText of(List<SourceLine> lines, int marks) {
        if (lines.size() == 1) {
            // one line (most blocks): no count, no second pass over the list
            SourceLine line = lines.get(0);
            SourceSpan span = line.getSourceSpan();
            return span == null ? null : new InlineText(line.getContent(), span, marks);
        }
        int count = 0;
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.getSourceSpan() != null) {
                count++;
                length += line.getContent().length();
            }
        }
        return count == 0 ? null : new InlineText(lines, count, length + count - 1, marks);
    }

    /**
     * The inline content of a block's {@link RawLines}: read straight from the spec's chars when
     * the one-pass parser held them as offsets ({@link TextLines}), else from its {@link
     * SourceLine}s. Null when no line has a source span.
     */
    static InlineText of(RawLines raw) {
        TextLines text = raw.textLines();
        return text == null ? of(raw.lines(), raw.marks()) : of(text, raw.marks());
    }

    /**
     * As {@link #of(List, int)}, for lines held as offsets: a line with empty content has no source
     * span ({@link TextLines#sourceLine}) and is not part of the text.
     */
    static InlineText of(TextLines lines, int marks) {
        int n = lines.count();
        if (n == 1) {
            // one line (most blocks): one copy of the spec's chars, nothing counted
            int from = lines.from(0);
            int to = lines.to(0);
            return from == to
                    ? null
                    : new InlineText(
                            Arrays.copyOfRange(lines.chars(), from, to),
                            lines.lineIndex(0),
                            lines.column(0),
                            marks);
        }
        int count = 0;
        int length = 0;
        for (int i = 0; i < n; i++) {
            int chars = lines.to(i) - lines.from(i);
            if (chars > 0) {
                count++;
                length += chars;
            }
        }
        return count == 0 ? null : new InlineText(lines, count, length + count - 1, marks);
    }

    /**
     * One line, {@code [from, to)} of {@code chars} (not empty), from column {@code column} of
     * source line {@code lineIndex}, holding {@code marks}: one copy of the chars.
     */
    static InlineText ofLine(char[] chars, int from, int to, int lineIndex, int column, int marks) {
        return new InlineText(Arrays.copyOfRange(chars, from, to), lineIndex, column, marks);
    }

    private static final int[] FIRST_LINE_AT_ZERO = {0};

    private InlineText(char[] chars, int sourceLine, int sourceColumn, int marks) {
        this.marks = marks;
        this.chars = chars;
        lineStarts = FIRST_LINE_AT_ZERO; // read only
        sourceLines = null;
        sourceColumns = null;
        firstLine = sourceLine;
        firstColumn = sourceColumn;
    }

    private InlineText(TextLines lines, int count, int length, int marks) {
        this.marks = marks;
        firstLine = 0; // read from the arrays
        firstColumn = 0;
        lineStarts = new int[count];
        sourceLines = new int[count];
        sourceColumns = new int[count];
        chars = new char[length];
        char[] from = lines.chars();
        int at = 0;
        int j = 0;
        for (int i = 0; i < lines.count(); i++) {
            int start = lines.from(i);
            int n = lines.to(i) - start;
            if (n == 0) {
                continue;
            }
            if (j > 0) {
                chars[at++] = '\n';
            }
            lineStarts[j] = at;
            sourceLines[j] = lines.lineIndex(i);
            sourceColumns[j] = lines.column(i);
            j++;
            System.arraycopy(from, start, chars, at, n);
            at += n;
        }
    }

    private InlineText(CharSequence line, SourceSpan span, int marks) {
        this.marks = marks;
        lineStarts = FIRST_LINE_AT_ZERO; // read only
        sourceLines = null;
        sourceColumns = null;
        firstLine = span.getLineIndex();
        firstColumn = span.getColumnIndex();
        chars = new char[line.length()];
        copy(line, 0);
    }

    private InlineText(List<SourceLine> lines, int count, int length, int marks) {
        this.marks = marks;
        firstLine = 0; // read from the arrays
        firstColumn = 0;
        lineStarts = new int[count];
        sourceLines = new int[count];
        sourceColumns = new int[count];
        chars = new char[length];
        int at = 0;
        int j = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            SourceSpan span = line.getSourceSpan();
            if (span == null) {
                continue;
            }
            if (j > 0) {
                chars[at++] = '\n';
            }
            lineStarts[j] = at;
            sourceLines[j] = span.getLineIndex();
            sourceColumns[j] = span.getColumnIndex();
            j++;
            at = copy(line.getContent(), at);
        }
    }

    private int copy(CharSequence content, int at) {
        int n = content.length();
        if (content instanceof CharSlice slice) {
            slice.copyTo(chars, at);
        } else if (content instanceof String s) {
            s.getChars(0, n, chars, at);
        } else {
            for (int k = 0; k < n; k++) {
                chars[at + k] = content.charAt(k);
            }
        }
        return at + n;
    }

    /**
     * The {@link InlineSyntax} marks the text holds (or more), or {@link RawLines#UNKNOWN_MARKS}
     * when they are not known.
     */
    int marks() {
        return marks;
    }

    /** The joined text. The scan reads {@link #chars()}; this string is made on first use. */
    String text() {
        if (text == null) {
            text = new String(chars);
        }
        return text;
    }

    /** The joined text's chars. Shared, not copied: callers must not change them. */
    char[] chars() {
        return chars;
    }

    int length() {
        return chars.length;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The source line (0-based) of line {@code i} of the block. */
    int sourceLine(int i) {
        return sourceLines == null ? firstLine : sourceLines[i];
    }

    /** The source column (0-based) at which line {@code i} of the block starts. */
    int sourceColumn(int i) {
        return sourceColumns == null ? firstColumn : sourceColumns[i];
    }

    /** Line {@code i} of the block. */
    String line(int i) {
        return new String(chars, lineStarts[i], lineEnd(i) - lineStarts[i]);
    }

    /** The offset in {@link #text()} at which line {@code i} of the block starts. */
    int lineStart(int i) {
        return lineStarts[i];
    }

    /** The offset just past the end of line {@code i} of the block. */
    int lineEnd(int i) {
        return i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : chars.length;
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The source range of {@code [start, end)} in the joined text. */
    SourceRange range(int start, int end) {
        int a = lineOf(start);
        int b = end > start ? lineOf(end - 1) : a;
        int endColumn = sourceColumn(b) + (end - lineStarts[b]);
        if (end > start && end - 1 < chars.length && chars[end - 1] == '\n') {
            endColumn = sourceColumn(b) + (end - 1 - lineStarts[b]);
        }
        return new SourceRange(
                sourceLine(a), sourceColumn(a) + (start - lineStarts[a]), sourceLine(b), endColumn);
    }
}
