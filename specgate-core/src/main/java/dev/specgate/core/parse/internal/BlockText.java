package dev.specgate.core.parse.internal;

import java.util.List;
import org.commonmark.parser.SourceLine;

/**
 * One block's inline content as a range of chars: its lines joined by {@code \n}, as commonmark's
 * {@code SourceLines.getContent()} joins them, without a string per line. A block of one line of
 * the one-pass parser is a range of the spec's own chars (no copy); any other is copied into an
 * array of its own. Either way the chars are not changed afterwards, so a renderer may keep them
 * instead of copying them. Filled by {@link RawLines#content(BlockText)}. Not thread-safe.
 */
public final class BlockText {

    private char[] chars;
    private int from;
    private int to;
    private int lines;

    /** The chars the range indexes: read-only, the spec's own or the block's own copy. */
    public char[] chars() {
        return chars;
    }

    /** Where the content starts in {@link #chars()}. */
    public int from() {
        return from;
    }

    /** Where the content ends in {@link #chars()} (exclusive). */
    public int to() {
        return to;
    }

    /** How many lines the content joins (none, one, or more with a {@code \n} between each two). */
    public int lines() {
        return lines;
    }

    void of(TextLines text) {
        int count = text.count();
        lines = count;
        if (count == 1) {
            chars = text.chars();
            from = text.from(0);
            to = text.to(0);
            return;
        }
        int length = count == 0 ? 0 : count - 1;
        for (int i = 0; i < count; i++) {
            length += text.to(i) - text.from(i);
        }
        char[] out = room(length);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out[at++] = '\n';
            }
            int f = text.from(i);
            int n = text.to(i) - f;
            System.arraycopy(text.chars(), f, out, at, n);
            at += n;
        }
        set(out, length);
    }

    void of(List<SourceLine> list) {
        int count = list.size();
        lines = count;
        int length = count == 0 ? 0 : count - 1;
        for (int i = 0; i < count; i++) {
            length += list.get(i).getContent().length();
        }
        char[] out = room(length);
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out[at++] = '\n';
            }
            CharSequence content = list.get(i).getContent();
            int n = content.length();
            if (content instanceof CharSlice slice) {
                slice.copyTo(out, at);
            } else if (content instanceof String s) {
                s.getChars(0, n, out, at);
            } else {
                for (int k = 0; k < n; k++) {
                    out[at + k] = content.charAt(k);
                }
            }
            at += n;
        }
        set(out, length);
    }

    private static char[] room(int length) {
        return new char[length];
    }

    private void set(char[] out, int length) {
        chars = out;
        from = 0;
        to = length;
    }
}
