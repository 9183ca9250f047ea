package dev.specgate.web.internal;

/**
 * Text appended as UTF-8 bytes, piece by piece: the one encoder of {@link PageBuffer}'s page and
 * {@link HtmlBytes}' body. A high surrogate that ends a piece waits in {@link #pending} for the
 * next one, so the bytes are those of the whole text encoded at once; a lone half becomes {@code
 * ?}, as in {@code String.getBytes(UTF_8)}. Not thread-safe.
 */
abstract class Utf8Bytes {

    /**
     * Which of the characters up to {@code >} are escaped: {@code "}, {@code &}, {@code <}, '>'.
     */
    private static final boolean[] ESCAPED = new boolean['>' + 1];

    static {
        ESCAPED['"'] = true;
        ESCAPED['&'] = true;
        ESCAPED['<'] = true;
        ESCAPED['>'] = true;
    }

    byte[] bytes;
    int length;
    // a high surrogate that ended the last piece, or 0
    char pending;

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
                if (escape && c <= '>' && ESCAPED[c]) {
                    j = escaped(out, j, c);
                } else {
                    out[j++] = (byte) c;
                }
            } else if (c < 0x800) {
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
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = j;
    }

    /**
     * {@code s} with its control characters shown: C0's (but tab and line ends) and DEL as their
     * pictures (U+2400 on: ESC is ␛), C1's as U+FFFD, where a browser shows nothing or a box: for
     * the page's values and body, whose HTML escaping leaves them raw.
     */
    static String shown(String s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (c >= 0x80) {
                b.append('\uFFFD');
            } else {
                b.append((char) (c == 0x7F ? 0x2421 : 0x2400 + c));
            }
        }
        return b.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c < 0xA0;
    }

    /**
     * Whether the UTF-8 bytes {@code b[0..n)} hold a control character {@link #shown} shows (C1's
     * are C2 80 to C2 9F).
     */
    static boolean holdsControl(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            int x = b[i];
            if (x >= 0 && x < 0x20 ? x != '\t' && x != '\n' && x != '\r' : x == 0x7F) {
                return true;
            }
            if (x == (byte) 0xC2 && i + 1 < n && (b[i + 1] & 0xFF) < 0xA0) {
                return true;
            }
        }
        return false;
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
