package dev.specgate.core.input;

/**
 * Hands the chars a thread decoded a spec's text from ({@link SpecFileReader#decode}), when it just
 * made them a string ({@link SpecText#text()}), to the parser of that very string, so that the
 * parser reads them instead of copying the string ({@code String.toCharArray}, a loop per char
 * under C1): for the surfaces that parse a spec's text as a string (a check parses its {@link
 * SpecText}'s chars and makes no string). One slot per thread, matched by the string's identity and
 * emptied when taken: a text that is not parsed right after, or not on the same thread, is simply
 * copied as before. The chars are never written to.
 */
public final class TextChars {

    /** Longer texts are not kept for a parse that may never come. */
    private static final int MAX_KEPT = 1 << 20;

    private static final ThreadLocal<TextChars> LAST = ThreadLocal.withInitial(TextChars::new);

    private String text;
    private char[] chars;

    private TextChars() {}

    /**
     * Offers {@code chars}, whose first {@code text.length()} chars {@code text} was made from, to
     * the next {@link #take}.
     */
    static void offer(String text, char[] chars) {
        TextChars last = LAST.get();
        boolean keep = chars.length <= MAX_KEPT;
        last.text = keep ? text : null;
        last.chars = keep ? chars : null;
    }

    /**
     * The chars of {@code text}, in the array's first {@code text.length()} (the decoder's array is
     * as long as the bytes were), when this thread decoded exactly that string last and nothing
     * took them yet, else null. The caller must not change them.
     */
    public static char[] take(String text) {
        TextChars last = LAST.get();
        char[] chars = last.text == text ? last.chars : null;
        last.text = null;
        last.chars = null;
        return chars;
    }
}
