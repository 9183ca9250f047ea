package dev.specgate.core.parse.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fragment ids of headings as GitHub makes them (its {@code github-slugger}): the rendered text
 * ({@link RenderedHeading}) lowercased, every character dropped that is not a letter, mark, decimal
 * or letter number, connector punctuation or {@code -}, each space turned into {@code -} (two
 * spaces give {@code --}), and a repeat numbered {@code -1}, {@code -2} after the first slug not
 * yet taken.
 */
public final class AnchorSlugs {

    private final Map<String, Integer> seen = new HashMap<>(128); // a spec's headings

    /** The next slug for a heading with this Markdown text, numbering repeats {@code -1}, ... */
    public String next(String headingText) {
        return unique(slug(headingText));
    }

    /** Takes {@code base} or, when it is taken, the first free {@code base-1}, {@code base-2}. */
    public String unique(String base) {
        String result = base;
        // one look-up for a slug not taken yet (nearly all), where a test and a put cost two
        while (seen.putIfAbsent(result, 0) != null) {
            int count = seen.merge(base, 1, Integer::sum);
            result = base + "-" + count;
        }
        return result;
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The slug of one heading's Markdown text, without numbering. */
    public static String slug(String headingText) {
        String plain = plainAsciiSlug(headingText);
        return plain != null ? plain : githubSlug(RenderedHeading.rendered(headingText.strip()));
    }

    /**
     * The slug of a heading that is ASCII without Markdown syntax (most headings), in one pass and
     * one copy; null for any other, which takes the general path. The same slug as that path:
     * rendering leaves such text as it is, stripping drops its outer whitespace, and lowercasing
     * ASCII is {@code c + 32}.
     */
    static String plainAsciiSlug(String text) {
        return plainAsciiSlug(text.toCharArray(), 0, text.length());
    }

    /** {@link #ASCII_SLUG}: a char the slug drops. */
    private static final byte DROPPED = 0;

    /** {@link #ASCII_SLUG}: Markdown syntax, which takes the general path. */
    private static final byte SYNTAX = 1;

    /** {@link #ASCII_SLUG}: '&amp;', dropped unless a character reference may start there. */
    private static final byte AMPERSAND = 2;

    /**
     * What {@link #plainAsciiSlug} makes of each ASCII char: the byte the slug holds for it (a
     * letter lowercased, a digit, {@code -}, and {@code -} for a space), or {@link #DROPPED},
     * {@link #SYNTAX} ({@link RenderedHeading#isSyntax}, {@code _} among them), {@link #AMPERSAND}.
     */
    private static final byte[] ASCII_SLUG = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            byte b;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                b = (byte) c;
            } else if (c >= 'A' && c <= 'Z') {
                b = (byte) (c + ('a' - 'A'));
            } else if (c == ' ') {
                b = '-';
            } else if (c == '&') {
                b = AMPERSAND;
            } else if (RenderedHeading.isSyntax(c) || c == '_') {
                b = SYNTAX;
            } else {
                b = DROPPED;
            }
            ASCII_SLUG[c] = b;
        }
    }

    /** {@link #plainAsciiSlug(String)} of the text {@code text[from, to)}. */
    static String plainAsciiSlug(char[] text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isWhitespace(text[start])) {
            start++;
        }
        while (end > start && isWhitespace(text[end - 1])) {
            end--;
        }
        // ASCII only: bytes, made into a Latin-1 string by a copy, where chars were compressed
        // to Latin-1 one by one (no intrinsic under C1)
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            // one look-up a char, where a chain of comparisons cost several under C1
            byte b = c < 128 ? ASCII_SLUG[c] : SYNTAX;
            if (b > AMPERSAND) {
                out[n++] = b;
            } else if (b == SYNTAX || b == AMPERSAND && startsReference(text, i + 1, end)) {
                return null; // Markdown syntax (or not: the renderer decides), or not ASCII
            }
            // a literal '&' ("Evidence & Metrics") is rendered as is, then dropped; any other
            // ASCII character is dropped, as githubSlug drops it
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * The first char of {@link #slug(String)} of {@code headingText}, read from its first chars: 0
     * when the slug is empty, -1 when a char rendering or github-slugger may change comes first
     * (not ASCII, Markdown syntax or '&amp;'). Rendering leaves the chars before its first syntax
     * char as they are (an image's '!', which the slug drops, aside).
     */
    static int firstSlugChar(String headingText) {
        int start = 0;
        int end = headingText.length();
        while (end > start && isWhitespace(headingText.charAt(end - 1))) {
            end--; // a space the slug would take for '-' must be inside the stripped text
        }
        while (start < end && isWhitespace(headingText.charAt(start))) {
            start++;
        }
        for (int i = start; i < end; i++) {
            char c = headingText.charAt(i);
            byte b = c < 128 ? ASCII_SLUG[c] : SYNTAX;
            if (b > AMPERSAND) {
                return b;
            }
            if (b != DROPPED) {
                return -1;
            }
        }
        return 0;
    }

    /** Whether {@link #slug(String)} of {@code headingText} is {@code slug}. */
    static boolean slugIs(String headingText, String slug) {
        return isPlainAscii(headingText)
                ? plainSlugIs(headingText, slug)
                : slug(headingText).equals(slug);
    }

    /**
     * Whether {@code headingText} is ASCII without Markdown syntax, so that its slug is the one
     * {@link #plainAsciiSlug} makes (not null) and {@link #plainSlugIs} reads.
     */
    static boolean isPlainAscii(String headingText) {
        int end = headingText.length();
        for (int i = 0; i < end; i++) {
            char c = headingText.charAt(i);
            byte b = c < 128 ? ASCII_SLUG[c] : SYNTAX;
            if (b == SYNTAX || b == AMPERSAND && startsReference(headingText, i + 1, end)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the slug of {@code headingText}, which {@link #isPlainAscii} holds of, is {@code
     * slug}: read as {@link #plainAsciiSlug} reads it, with no copy and up to the first char that
     * differs (most headings differ from a fragment at their first).
     */
    static boolean plainSlugIs(String headingText, String slug) {
        int n = 0;
        int length = slug.length();
        int end = headingText.length();
        // the blanks around the text add nothing: a space inside it adds '-'
        while (end > 0 && isWhitespace(headingText.charAt(end - 1))) {
            end--;
        }
        int i = 0;
        while (i < end && isWhitespace(headingText.charAt(i))) {
            i++;
        }
        for (; i < end; i++) {
            byte b = ASCII_SLUG[headingText.charAt(i)];
            if (b > AMPERSAND) {
                if (n == length || slug.charAt(n) != b) {
                    return false;
                }
                n++;
            }
        }
        return n == length;
    }

    /**
     * {@link Character#isWhitespace(char)}, answered for ASCII without its tables (a call a char
     * under C1): the controls TAB to CR and FS to US, and the space. The parser's trims of label,
     * value and table cell chars use it too.
     */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return (c >= '\t' && c <= '\r') || c >= '\u001C';
        }
        return c >= 128 && Character.isWhitespace(c);
    }

    /**
     * Whether the char at {@code at} (before {@code end}) may continue a character reference after
     * an '&amp;' ({@code &amp;amp;}, {@code &amp;#38;}): a letter, a digit or '#'. Anything else,
     * or the text's end, leaves the '&amp;' literal.
     */
    private static boolean startsReference(char[] text, int at, int end) {
        if (at >= end) {
            return false;
        }
        char c = text[at];
        return isAsciiLetterOrDigit(c) || c == '#';
    }

    /** {@link #startsReference(char[], int, int)} of a string's chars. */
    private static boolean startsReference(String text, int at, int end) {
        return at < end && (isAsciiLetterOrDigit(text.charAt(at)) || text.charAt(at) == '#');
    }

    /** The slug of rendered text, as {@code github-slugger}'s {@code slug} makes it. */
    static String githubSlug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                // as below, without Character's tables: most headings are ASCII
                if (isAsciiLetterOrDigit((char) cp) || cp == '-' || cp == '_') {
                    sb.append((char) cp);
                } else if (cp == ' ') {
                    sb.append('-');
                }
            } else if (kept(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Whether github-slugger keeps a non-ASCII code point. */
    static boolean kept(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
            Character.LOWERCASE_LETTER,
            Character.TITLECASE_LETTER,
            Character.MODIFIER_LETTER,
            Character.OTHER_LETTER,
            Character.NON_SPACING_MARK,
            Character.COMBINING_SPACING_MARK,
            Character.ENCLOSING_MARK,
            Character.DECIMAL_DIGIT_NUMBER,
            Character.LETTER_NUMBER,
            Character.CONNECTOR_PUNCTUATION,
            Character.SURROGATE:
                return true;
            default:
                return Character.isAlphabetic(cp);
        }
    }
}
