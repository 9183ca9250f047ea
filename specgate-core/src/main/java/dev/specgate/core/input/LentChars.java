package dev.specgate.core.input;

/**
 * Each thread's reusable chars for the text of the one spec it is checking ({@link
 * SpecFileReader#readLent}): a check of 10,000 specs otherwise makes a new array per spec, twice
 * the spec's size, which the collector then clears (some 350 MB at 10,000 specs of 17 KB). Lent to
 * one text at a time: a text decoded while the array is out (a check inside a check) gets an array
 * of its own, as does a text longer than {@link #MAX_KEPT}. Given back by {@link SpecText#release},
 * on the thread that borrowed it.
 */
final class LentChars {

    /** Longer texts get their own array: none is kept beyond a long spec's size. */
    static final int MAX_KEPT = 1 << 20;

    /** The first array a thread keeps: longer than nearly every spec, so it is seldom grown. */
    private static final int FIRST = 1 << 15;

    private static final ThreadLocal<LentChars> MINE = ThreadLocal.withInitial(LentChars::new);

    private char[] chars = new char[0];
    private boolean lent;

    private LentChars() {}

    /**
     * This thread's array, at least {@code length} long, now lent until {@link #giveBack}; null
     * when it is lent already or {@code length} is over {@link #MAX_KEPT}.
     */
    static char[] borrow(int length) {
        LentChars mine = MINE.get();
        if (mine.lent || length > MAX_KEPT) {
            return null;
        }
        if (mine.chars.length < length) {
            mine.chars = new char[Math.max(length, FIRST)];
        }
        mine.lent = true;
        return mine.chars;
    }

    /** Gives back {@code chars} when they are this thread's lent array (else does nothing). */
    static void giveBack(char[] chars) {
        LentChars mine = MINE.get();
        if (mine.lent && mine.chars == chars) {
            mine.lent = false;
        }
    }
}
