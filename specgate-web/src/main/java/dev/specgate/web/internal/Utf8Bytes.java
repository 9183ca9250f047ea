package dev.specgate.web.internal;

/**
 * Text appended as UTF-8 bytes, piece by piece: the one encoder of {@link PageBuffer}'s page and
 * {@link HtmlBytes}' body. A high surrogate that ends a piece waits in {@link #pending} for the
 * next one, so the bytes are those of the whole text encoded at once; a lone half becomes {@code
 * ?}, as in {@code String.getBytes(UTF_8)}. Not thread-safe.
 */
abstract class Utf8Bytes {

    /** What each ASCII character is to {@link #put}: written as it is, escaped, or a control. */
    private static final byte PLAIN = 0;

    private static final byte ESCAPED = 1;
    private static final byte CONTROL = 2;
    private static final byte[] ASCII = new byte[0x80];

    static {
        ASCII['"'] = ESCAPED;
        ASCII['&'] = ESCAPED;
        ASCII['<'] = ESCAPED;
        ASCII['>'] = ESCAPED;
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                ASCII[c] = CONTROL;
            }
        }
        ASCII[0x7F] = CONTROL;
    }

    byte[] bytes;
    int length;
    // a high surrogate that ended the last piece, or 0
    char pending;
    // whether a character shown() changes was put since the last reset (the caller clears it): a
    // page's body is shown from it without a second look at its bytes
    boolean marked;

    Utf8Bytes(int capacity) {
        bytes = new byte[capacity];
    }

    /**
     * Appends {@code cs[0..n)}, with {@code &}, {@code <}, {@code >} and {@code "} escaped when
     * {@code escape} holds (as commonmark's {@code Escaping.escapeHtml} does). The caller has made
     * room: 3 bytes a char and 4 more, 6 a char when escaping.
     */
    final void put(char[] cs, int n, boolean escape) {
        put(cs, 0, n, escape);
    }

    /** As {@link #put(char[], int, boolean)}, for {@code cs[from..to)}. */
    final void put(char[] cs, int from, int to, boolean escape) {
        byte[] out = bytes;
        int j = length;
        int i = from;
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (to == from) {
                pending = high; // an empty piece: still waiting
            } else if (Character.isLowSurrogate(cs[from])) {
                j = pair(out, j, Character.toCodePoint(high, cs[from]));
                i = from + 1;
            } else {
                out[j++] = '?';
            }
        }
        for (; i < to; i++) {
            char c = cs[i];
            if (c < 0x80) {
                byte kind = ASCII[c];
                if (kind == PLAIN) {
                    out[j++] = (byte) c;
                } else if (kind == ESCAPED && escape) {
                    j = escaped(out, j, c);
                } else {
                    marked |= kind == CONTROL;
                    out[j++] = (byte) c;
                }
            } else if (c < 0x800) {
                marked |= c < 0xA0; // C1
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == to) {
                        pending = c; // its low half may start the next piece
                    } else if (Character.isLowSurrogate(cs[i + 1])) {
                        j = pair(out, j, Character.toCodePoint(c, cs[++i]));
                    } else {
                        out[j++] = '?';
                    }
                } else {
                    out[j++] = '?';
                }
            } else {
                marked |= isBidi(c);
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = j;
    }

    /**
     * {@code s} with its control characters shown: C0's (but tab and line ends) and DEL as their
     * pictures (U+2400 on: ESC is ␛), C1's as U+FFFD, where a browser shows nothing or a box; and
     * the bidirectional formatting controls (U+202A to U+202E, U+2066 to U+2069, which reorder how
     * the rest of a line reads: "Trojan Source") as a marked escape, {@code ⟦U+202E⟧}, which holds
     * no character HTML escapes, so that it reads the same in a page's text and in an attribute.
     * For the page's values and body, whose HTML escaping leaves them raw.
     */
    static String shown(String s) {
        int i = 0;
        while (i < s.length() && !isShown(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isShown(c)) {
                b.append(c);
            } else if (isBidi(c)) {
                b.append(BIDI_OPEN)
                        .append("U+")
                        .append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT))
                        .append(BIDI_CLOSE);
            } else if (c >= 0x80) {
                b.append('\uFFFD');
            } else {
                b.append((char) (c == 0x7F ? 0x2421 : 0x2400 + c));
            }
        }
        return b.toString();
    }

    /** What a bidirectional control is shown between: {@code ⟦U+202E⟧}. */
    static final char BIDI_OPEN = '\u27E6';

    static final char BIDI_CLOSE = '\u27E7';

    /** Whether {@code c} is an ASCII control character {@link #shown} shows (not tab, LF, CR). */
    static boolean isAsciiControl(int c) {
        return c >= 0 && c < 0x80 && ASCII[c] == CONTROL;
    }

    /** Whether {@link #shown} changes {@code c}. */
    static boolean isShown(char c) {
        return c < 0x80 ? ASCII[c] == CONTROL : c < 0xA0 || isBidi(c);
    }

    /** A bidirectional formatting control: U+202A to U+202E, U+2066 to U+2069. */
    static boolean isBidi(char c) {
        return c >= '\u202A' && c <= '\u2069' && (c <= '\u202E' || c >= '\u2066');
    }

    private static int pair(byte[] out, int j, int cp) {
        out[j++] = (byte) (0xF0 | (cp >> 18));
        out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[j++] = (byte) (0x80 | (cp & 0x3F));
        return j;
    }

    private static int escaped(byte[] out, int j, char c) {
        String replacement =
                switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    default -> "&quot;";
                };
        for (int k = 0; k < replacement.length(); k++) {
            out[j++] = (byte) replacement.charAt(k);
        }
        return j;
    }
}
