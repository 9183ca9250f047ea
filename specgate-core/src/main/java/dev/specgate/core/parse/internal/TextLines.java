package dev.specgate.core.parse.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;

/**
 * A paragraph's lines as the one-pass parser reads them: offsets into the spec's chars and where
 * each line's content starts in the source, four ints a line. Where a {@link SourceLine}, a {@link
 * CharSlice} and a {@link SourceSpan} per line (and a list per paragraph) cost three objects for
 * every line of every paragraph and list item, this is one object per paragraph of one line (most
 * list items and many paragraphs: the first line's ints are fields) and one array more for the
 * others; {@link InlineText} copies the lines straight from it. commonmark's form is made only when
 * a caller asks for it ({@link #sourceLines()}: a table's header row, the dashboard's inline
 * parse).
 */
final class TextLines {

    private static final int FROM = 0;
    private static final int TO = 1;
    private static final int LINE = 2;
    private static final int COLUMN = 3;
    private static final int STRIDE = 4;

    private final char[] chars;

    // the first line
    private int from0;
    private int to0;
    private int line0;
    private int column0;

    /** The lines after the first, {@link #STRIDE} ints each; null until there is a second. */
    private int[] more;

    private int count;

    TextLines(char[] chars) {
        this.chars = chars;
    }

    /**
     * Adds {@code [from, to)} of the chars, the content of source line {@code lineIndex} from
     * column {@code column}.
     */
    void add(int from, int to, int lineIndex, int column) {
        if (count == 0) {
            from0 = from;
            to0 = to;
            line0 = lineIndex;
            column0 = column;
            count = 1;
            return;
        }
        int at = (count - 1) * STRIDE;
        if (more == null) {
            more = new int[2 * STRIDE];
        } else if (at == more.length) {
            more = Arrays.copyOf(more, more.length * 2);
        }
        more[at + FROM] = from;
        more[at + TO] = to;
        more[at + LINE] = lineIndex;
        more[at + COLUMN] = column;
        count++;
    }

    void removeLast() {
        count--;
    }

    int count() {
        return count;
    }

    /** The chars the offsets index: the spec's, read-only. */
    char[] chars() {
        return chars;
    }

    /** Where line {@code i}'s content starts in {@link #chars()}. */
    int from(int i) {
        return i == 0 ? from0 : more[(i - 1) * STRIDE + FROM];
    }

    /** Where line {@code i}'s content ends in {@link #chars()} (exclusive). */
    int to(int i) {
        return i == 0 ? to0 : more[(i - 1) * STRIDE + TO];
    }

    /** The source line (0-based) of line {@code i}. */
    int lineIndex(int i) {
        return i == 0 ? line0 : more[(i - 1) * STRIDE + LINE];
    }

    /** The source column (0-based) at which line {@code i}'s content starts. */
    int column(int i) {
        return i == 0 ? column0 : more[(i - 1) * STRIDE + COLUMN];
    }

    /**
     * Line {@code i} as commonmark holds it: a slice of the chars with its source span (none when
     * the line's content is empty), as the parser's {@code lineSpan} makes it.
     */
    SourceLine sourceLine(int i) {
        int from = from(i);
        int length = to(i) - from;
        SourceSpan span = length == 0 ? null : SourceSpan.of(lineIndex(i), column(i), from, length);
        return SourceLine.of(new CharSlice(chars, from, from + length), span);
    }

    /** Every line as commonmark holds it ({@link #sourceLine}). */
    List<SourceLine> sourceLines() {
        List<SourceLine> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(sourceLine(i));
        }
        return list;
    }

    /** Whether line {@code i} holds {@code c}. */
    boolean holds(int i, char c) {
        for (int k = from(i), to = to(i); k < to; k++) {
            if (chars[k] == c) {
                return true;
            }
        }
        return false;
    }
}
