package dev.specgate.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTML written straight as UTF-8 bytes: what {@link FastHtml} writes a page's body into, so that
 * the body is neither appended into a UTF-16 builder (which widens every Latin-1 string once the
 * page holds a character beyond Latin-1) nor encoded to UTF-8 afterwards: each piece is encoded and
 * escaped in one pass over its chars. A high surrogate that ends a piece waits for the next one (as
 * {@link PageBuffer} does), so the bytes are those of the whole text encoded at once: a lone half
 * becomes {@code ?}, as in {@code String.getBytes(UTF_8)}. A {@link CharSequence} (its text decoded
 * on demand) so that a page can hold it as its body; {@link PageBuffer} copies its bytes. Its
 * buffer is kept from one page to the next by {@link #reset()}. Not thread-safe.
 */
public final class HtmlBytes extends Utf8Bytes implements CharSequence {

    /** A buffer that grew beyond this many bytes (a rare huge spec) is not kept for the next. */
    private static final int KEPT = 1 << 21;

    private char[] chars = new char[1024];
    private String decoded;

    public HtmlBytes() {
        this(64 * 1024);
    }

    HtmlBytes(int capacity) {
        super(capacity);
    }

    /** Empties it, keeping its buffer unless that grew huge. */
    public HtmlBytes reset() {
        if (bytes.length > KEPT) {
            bytes = new byte[64 * 1024];
        }
        if (chars.length > KEPT) {
            chars = new char[1024];
        }
        length = 0;
        pending = 0;
        marked = false;
        decoded = null;
        return this;
    }

    /** The number of bytes written; a length to {@link #truncate(int)} back to. */
    int size() {
        return length;
    }

    /** Drops what was written after {@code size} bytes. */
    void truncate(int size) {
        length = size;
        pending = 0;
        decoded = null;
    }

    /** Appends {@code ascii}, which must hold only ASCII characters (tags, attribute names). */
    @SuppressWarnings("deprecation") // the low byte of each char: the ASCII char itself
    void ascii(String ascii) {
        int n = ascii.length();
        flushPending();
        room(n);
        // a Latin-1 string (every ASCII string is one) is copied whole, then looked at for
        // control characters (the look is over a few bytes)
        ascii.getBytes(0, n, bytes, length);
        byte[] b = bytes;
        boolean shown = false;
        for (int i = length, end = length + n; i < end; i++) {
            byte c = b[i];
            shown |= Utf8Bytes.isAsciiControl(c);
        }
        marked |= shown;
        length += n;
        decoded = null;
    }

    /**
     * Appends {@code cs[from..to)}, which must hold only ASCII characters none of which is escaped:
     * each char's byte, with none of {@link #text(char[], int, int)}'s tests.
     */
    void ascii(char[] cs, int from, int to) {
        int n = to - from;
        flushPending();
        room(n);
        byte[] b = bytes;
        int j = length;
        boolean shown = false;
        for (int i = from; i < to; i++) {
            char c = cs[i];
            shown |= Utf8Bytes.isAsciiControl(c);
            b[j++] = (byte) c;
        }
        marked |= shown;
        length = j;
        decoded = null;
    }

    /** Appends the char {@code c} (ASCII). */
    void ascii(char c) {
        flushPending();
        room(1);
        marked |= Utf8Bytes.isAsciiControl(c);
        bytes[length++] = (byte) c;
        decoded = null;
    }

    /** Appends {@code s} as it is (no escaping), encoded to UTF-8. */
    void raw(CharSequence s) {
        String text = s.toString();
        int n = text.length();
        if (n == 0) {
            return;
        }
        encode(text, n, false);
    }

    /**
     * Appends {@code s} with {@code &}, {@code <}, {@code >} and {@code "} escaped, as commonmark's
     * {@code HtmlWriter.text} and {@code Escaping.escapeHtml} do.
     */
    void text(String s) {
        int n = s.length();
        if (n == 0) {
            return;
        }
        encode(s, n, true);
    }

    /** Appends {@code cs[from..to)} escaped, as {@link #text(String)} does a string. */
    void text(char[] cs, int from, int to) {
        if (from == to) {
            return;
        }
        room(6 * (to - from) + 4);
        put(cs, from, to, true);
        decoded = null;
    }

    /**
     * Encodes {@code s}, its {@code n} chars copied into a kept array first: C1 compiles {@code
     * String.charAt} to a call with a check of the string's coder, and an array read is cheaper
     * (about a quarter less per char, measured under C1 on the corpus's text).
     */
    private void encode(String s, int n, boolean escape) {
        room(6 * n + 4);
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        put(cs, n, escape);
        decoded = null;
    }

    /** A high surrogate left waiting, followed by something else: {@code ?}. */
    private void flushPending() {
        if (pending != 0) {
            room(1);
            bytes[length++] = '?';
            pending = 0;
        }
    }

    private void room(int n) {
        int needed = length + n + 1;
        if (bytes.length < needed) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
        }
    }

    /** The bytes written, a lone high surrogate at the end as {@code ?}: valid until written to. */
    byte[] bytes() {
        flushPending();
        return bytes;
    }

    /**
     * Whether the bytes may hold a character {@link Utf8Bytes#shown} shows (a control character, a
     * bidirectional control): noted as each piece was encoded, so the page need not look again; the
     * ASCII pieces of {@link #ascii(String)}, {@link #ascii(char[], int, int)} and {@link
     * #ascii(char)} are looked at too.
     */
    boolean holdsShown() {
        return marked;
    }

    /** The number of bytes {@link #bytes()} holds. */
    int byteLength() {
        flushPending();
        return length;
    }

    @Override
    public String toString() {
        if (decoded == null) {
            flushPending();
            decoded = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        return decoded;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }
}
