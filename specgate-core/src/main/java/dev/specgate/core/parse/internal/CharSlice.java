package dev.specgate.core.parse.internal;

/**
 * A view of {@code [from, to)} of a spec's chars, without a copy: the content of a line that the
 * one-pass block parser hands on. The inline scan copies its lines straight from the spec's array
 * ({@link InlineText}), where a {@code String} per line cost a copy (compressed to Latin-1 when it
 * fits) and another to inflate it back to chars. The chars must not change.
 */
final class CharSlice implements CharSequence {

    private final char[] chars;
    private final int from;
    private final int to;

    CharSlice(char[] chars, int from, int to) {
        this.chars = chars;
        this.from = from;
        this.to = to;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > to - from || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length());
        }
        return new CharSlice(chars, from + start, from + end);
    }

    /** The spec's chars this is a view of: read-only. */
    char[] array() {
        return chars;
    }

    /** Where this view starts in {@link #array()}. */
    int start() {
        return from;
    }

    /** The index of the first {@code c}, or -1. */
    int indexOf(char c) {
        for (int i = from; i < to; i++) {
            if (chars[i] == c) {
                return i - from;
            }
        }
        return -1;
    }

    /** Copies the chars into {@code dst} from {@code at}. */
    void copyTo(char[] dst, int at) {
        System.arraycopy(chars, from, dst, at, to - from);
    }

    @Override
    public String toString() {
        return new String(chars, from, to - from);
    }
}
