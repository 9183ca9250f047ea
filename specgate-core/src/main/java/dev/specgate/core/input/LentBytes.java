package dev.specgate.core.input;

/**
 * Each thread's reusable array for the bytes of the one spec it is checking ({@link
 * SpecFileReader#readLent}), as {@link LentChars} is for its text: a check of 10,000 specs
 * otherwise makes a new array per spec (some 175 MB, which the JVM clears before the read and the
 * collector clears again after). Lent to one read at a time: a file read while the array is out (a
 * check inside a check) gets an array of its own, as does a file longer than {@link #MAX_KEPT}.
 * Given back by {@link SpecText#release}, on the thread that borrowed it.
 */
final class LentBytes {

    /** Longer files get their own array: none is kept beyond a long spec's size. */
    static final int MAX_KEPT = 1 << 20;

    /** The first array a thread keeps: longer than nearly every spec, so it is seldom grown. */
    private static final int FIRST = 1 << 15;

    private static final ThreadLocal<LentBytes> MINE = ThreadLocal.withInitial(LentBytes::new);

    private byte[] bytes = new byte[0];
    private boolean lent;

    private LentBytes() {}

    /**
     * This thread's array, at least {@code length} long, now lent until {@link #giveBack}; null
     * when it is lent already or {@code length} is over {@link #MAX_KEPT}.
     */
    static byte[] borrow(int length) {
        LentBytes mine = MINE.get();
        if (mine.lent || length > MAX_KEPT) {
            return null;
        }
        if (mine.bytes.length < length) {
            mine.bytes = new byte[Math.max(length, FIRST)];
        }
        mine.lent = true;
        return mine.bytes;
    }

    /** Gives back {@code bytes} when they are this thread's lent array (else does nothing). */
    static void giveBack(byte[] bytes) {
        LentBytes mine = MINE.get();
        if (mine.lent && mine.bytes == bytes) {
            mine.lent = false;
        }
    }
}
