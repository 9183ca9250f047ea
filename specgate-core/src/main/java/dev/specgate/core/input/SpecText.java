package dev.specgate.core.input;

import static java.util.Objects.requireNonNull;

/**
 * A spec's text as read from disk, with what a byte-preserving edit needs to know. The text is kept
 * as the decoder's chars, and made a {@code String} once, on the first {@link #text()}: a plain
 * check reads the chars (the parser, the rules that scan raw lines) and never asks for it, which
 * saves a copy of every spec (and, for the many specs that hold a char outside Latin-1, a failed
 * attempt to store it compactly first). Immutable: the chars are never written to (a text decoded
 * into a thread's reusable chars is written over after its {@link #release}, and fails to be read).
 */
public final class SpecText implements CharSequence {

    private final int length;
    private final boolean hasBom;

    /**
     * The chars and the string of the text: one of them given, the other made on the first call
     * that needs it (a benign race may make it twice, equal).
     */
    private volatile char[] chars;

    private volatile String text;

    /**
     * Whether the chars are this thread's reusable ones ({@link LentChars}), given back by {@link
     * #release}.
     */
    private final boolean lent;

    /** Set by {@link #release} of a lent text, which must not be read any more. */
    private volatile boolean released;

    /**
     * The thread's reusable array ({@link LentBytes}) that holds the bytes the text was decoded
     * from, given back with it by {@link #release}; null when they are in an array of their own.
     */
    private byte[] lentBytes;

    /**
     * A text already made.
     *
     * @param text the decoded text, without a byte order mark
     * @param hasBom whether the file starts with a UTF-8 byte order mark
     */
    public SpecText(String text, boolean hasBom) {
        this.text = requireNonNull(text, "text must not be null");
        this.length = text.length();
        this.hasBom = hasBom;
        this.lent = false;
    }

    /** The text in the first {@code length} of {@code chars}, which no one changes any more. */
    SpecText(char[] chars, int length, boolean hasBom) {
        this(chars, length, hasBom, false);
    }

    private SpecText(char[] chars, int length, boolean hasBom, boolean lent) {
        if (length < 0 || length > chars.length) {
            throw new IllegalArgumentException(
                    "length " + length + " must be between 0 and " + chars.length);
        }
        this.chars = chars;
        this.length = length;
        this.hasBom = hasBom;
        this.lent = lent;
    }

    /** A text in this thread's lent chars ({@link LentChars}), until {@link #release}. */
    static SpecText lent(char[] chars, int length, boolean hasBom) {
        return new SpecText(chars, length, hasBom, true);
    }

    /**
     * This text, decoded from this thread's lent bytes ({@link LentBytes}), which {@link #release}
     * gives back with it.
     */
    SpecText holding(byte[] bytes) {
        lentBytes = bytes;
        return this;
    }

    /**
     * Gives the chars of a text decoded into this thread's reusable ones back, on the thread that
     * decoded it, and the reusable bytes it was decoded from ({@link SpecFileReader#readLent}): the
     * text must not be read any more (a read fails), nor anything that views its chars (its parse)
     * or those bytes. Does nothing to any other text.
     */
    public void release() {
        if (lent && !released) {
            released = true;
            LentChars.giveBack(chars);
        }
        byte[] bytes = lentBytes;
        if (bytes != null) {
            lentBytes = null;
            LentBytes.giveBack(bytes);
        }
    }

    /** The decoded text, without a byte order mark: made on the first call, then the same. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(array(), 0, length);
            text = t;
            if (!lent) {
                // a parse of this string right after (a surface that parses text) reads the
                // chars; lent chars are not handed on, they are written over after the release
                TextChars.offer(t, chars);
            }
        }
        return t;
    }

    /** Whether the file starts with a UTF-8 byte order mark. */
    public boolean hasBom() {
        return hasBom;
    }

    /**
     * The chars of the text, in the array's first {@link #length()} (the array may be longer): the
     * decoder's own, not a copy, so the caller must never change them. A text made as a string
     * copies its chars once, on the first call.
     */
    public char[] array() {
        if (released) {
            throw new IllegalStateException("the text was released: its chars are reused");
        }
        char[] c = chars;
        if (c == null) {
            c = text.toCharArray();
            chars = c;
        }
        return c;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return array()[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || start > end || end > length) {
            throw new IndexOutOfBoundsException(
                    "begin " + start + ", end " + end + ", length " + length);
        }
        String t = text;
        return t != null ? t.substring(start, end) : new String(array(), start, end - start);
    }

    /** The text ({@link #text()}). */
    @Override
    public String toString() {
        return text();
    }
}
