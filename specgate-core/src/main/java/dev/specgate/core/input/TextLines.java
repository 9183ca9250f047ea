package dev.specgate.core.input;

/**
 * The lines of a decoded text and the inline syntax characters each holds, found by the decoder as
 * it reads every byte anyway, so that the block parser need not pass over the text again to find
 * them. Lines end as CommonMark ends them (LF, CR LF or CR); none follows a final line break. A
 * text holding a control character the block parser declines (a tab, VT, FF, ...) gets none.
 *
 * <p>The marks are bits, one per character the inline scan looks for ({@code `} {@code <} {@code
 * \} {@code [} {@code {} {@code *} {@code Y}); the parser's {@code InlineSyntax} names them with
 * these values.
 */
public final class TextLines {

    public static final int BACKTICK = 1;
    public static final int LT = 1 << 1;
    public static final int BACKSLASH = 1 << 2;
    public static final int OPEN_SQUARE = 1 << 3;
    public static final int OPEN_BRACE = 1 << 4;
    public static final int STAR = 1 << 5;
    public static final int Y = 1 << 6;

    /**
     * For each ASCII char: -1 for a control char (a line's end, or a char the block parser
     * declines), its mark for the syntax characters, 0 for the rest.
     */
    static final int[] CLASS = new int[128];

    static {
        for (char c = 0; c < ' '; c++) {
            CLASS[c] = -1;
        }
        CLASS['`'] = BACKTICK;
        CLASS['<'] = LT;
        CLASS['\\'] = BACKSLASH;
        CLASS['['] = OPEN_SQUARE;
        CLASS['{'] = OPEN_BRACE;
        CLASS['*'] = STAR;
        CLASS['Y'] = Y;
    }

    /** The mark of an ASCII char from a space up (0 for most), and of any other char 0. */
    public static int markOf(char c) {
        return c >= ' ' && c < 128 ? CLASS[c] : 0;
    }

    private final int count;

    /** Three ints per line: where it ends, its marks, where its first mark is. */
    private final int[] lines;

    TextLines(int count, int[] lines) {
        this.count = count;
        this.lines = lines;
    }

    /** How many lines the text has. */
    public int count() {
        return count;
    }

    /** The index of the char that ends line {@code i} (its LF or CR), or the text's length. */
    public int end(int i) {
        return lines[3 * i];
    }

    /** The marks of the chars of line {@code i}. */
    public int marks(int i) {
        return lines[3 * i + 1];
    }

    /** The index of the first char of line {@code i} with a mark, or {@link Integer#MAX_VALUE}. */
    public int firstMark(int i) {
        return lines[3 * i + 2];
    }
}
