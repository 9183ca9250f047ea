package dev.specgate.core.input;

/**
 * Hands the chars a thread just decoded a spec's text from ({@link SpecFileReader#decode}), and the
 * lines the decoder found in them ({@link TextLines}), to the parser of that very text, so that the
 * parser reads them instead of copying the string ({@code String.toCharArray}, a loop per char
 * under C1) and passing over it again for its lines. One slot per thread, matched by the string's
 * identity and emptied when taken: a text that is not parsed right after it is decoded, or not on
 * the same thread, is simply copied and read as before. The chars are never written to.
 */
public final class TextChars {

    /** Longer texts are not kept for a parse that may never come. */
    private static final int MAX_KEPT = 1 << 20;

    private static final ThreadLocal<TextChars> LAST = ThreadLocal.withInitial(TextChars::new);

    /** What {@link #takeDecoded} hands over: the chars, and their lines or null. */
    public record Decoded(char[] chars, TextLines lines) {}

    private String text;
    private char[] chars;
    private TextLines lines;

    private TextChars() {}

    /**
     * Offers {@code chars}, whose first {@code text.length()} chars {@code text} was made from, and
     * their {@code lines} (or null), to the next {@link #takeDecoded}.
     */
    static void offer(String text, char[] chars, TextLines lines) {
        TextChars last = LAST.get();
        boolean keep = chars.length <= MAX_KEPT;
        last.text = keep ? text : null;
        last.chars = keep ? chars : null;
        last.lines = keep ? lines : null;
    }

    /**
     * The chars of {@code text} (its first {@code text.length()}: the array may be longer) when
     * this thread decoded exactly that string last and nothing took them yet, else null. The caller
     * must not change them.
     */
    public static char[] take(String text) {
        Decoded decoded = takeDecoded(text);
        return decoded == null ? null : decoded.chars();
    }

    /** As {@link #take}, with the lines the decoder found (null when it found none). */
    public static Decoded takeDecoded(String text) {
        TextChars last = LAST.get();
        Decoded decoded = last.text == text ? new Decoded(last.chars, last.lines) : null;
        last.text = null;
        last.chars = null;
        last.lines = null;
        return decoded;
    }
}
