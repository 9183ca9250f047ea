package dev.specgate.core.input;

import java.util.Arrays;

/**
 * Strict UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing above U+10FFFF), in
 * one place: the check of a file's bytes ({@link #checkBytes}) and the decoding of well-formed
 * bytes ({@link #decode}) read the same table ({@link #sequenceLength}).
 *
 * <p>Decoding is one pass that also finds NUL bytes, and the lines and inline syntax characters the
 * block parser would otherwise look for in a pass of its own ({@link TextLines}). It replaced four
 * passes: a check of the bytes, the JDK's decoding into a string, {@code String.toCharArray} for
 * the parser and the parser's search for line ends (each a loop of its own under C1, which
 * intrinsifies none of them).
 */
final class Utf8Decoding {

    private Utf8Decoding() {}

    /** A bit above every mark: the text holds a char the block parser declines. */
    private static final int DECLINED = 1 << 30;

    private static final int CONTROL = -1;
    private static final int NUL = -2;
    private static final int LEAD = -3;

    /**
     * What each byte is: ASCII as {@link TextLines#CLASS} has it (0 for most, a mark, {@link
     * #CONTROL} for line ends and declined chars), except {@link #NUL}; {@link #LEAD} from 0x80.
     */
    private static final int[] BYTE_CLASS = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_CLASS[b] = b == 0 ? NUL : b < 128 ? TextLines.CLASS[b] : LEAD;
        }
    }

    /**
     * The text's chars, {@code chars[0..length)} (the array is as long as the bytes: cutting it to
     * the text's length would cost a copy of every text with a char of two bytes or more), and
     * their lines.
     */
    record Decoded(char[] chars, int length, TextLines lines) {}

    /**
     * The chars of {@code bytes[from..]} and their lines (null when the text holds a control
     * character the block parser declines); null when the bytes are not well-formed UTF-8. Fails on
     * a NUL byte found before the first ill-formed sequence; the caller looks for one after it
     * ({@link #checkBytes}).
     */
    static Decoded decode(byte[] bytes, int from) throws UnreadableSpecException {
        int n = bytes.length;
        // a char per byte at most: a sequence of k bytes is one char, or two for k = 4
        char[] out = new char[n - from];
        // the lines, three ints each: where it ends, its marks, where its first mark is (TextLines)
        int[] lines = new int[3 * Math.max(16, (n - from) >> 5)];
        int at = 0;
        // the current line's marks, and DECLINED once a char the block parser declines was seen
        int marks = 0;
        int firstMark = Integer.MAX_VALUE;
        int j = 0;
        int i = from;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            // one read of a table of 256 (the index needs no range check under C1) for ASCII
            // without meaning (most bytes), marks, line ends and declined chars, NUL and lead bytes
            int k = BYTE_CLASS[b];
            if (k == 0) {
                out[j++] = (char) b;
                i++;
                continue;
            }
            if (k > 0) {
                if ((marks & ~DECLINED) == 0) {
                    firstMark = j;
                }
                marks |= k;
                out[j++] = (char) b;
                i++;
                continue;
            }
            if (k == CONTROL) {
                if (b == '\r' || (b == '\n' && (j == 0 || out[j - 1] != '\r'))) {
                    if (at == lines.length) {
                        lines = Arrays.copyOf(lines, at * 2);
                    }
                    lines[at] = j;
                    lines[at + 1] = marks & ~DECLINED;
                    lines[at + 2] = firstMark;
                    at += 3;
                    marks &= DECLINED;
                    firstMark = Integer.MAX_VALUE;
                } else if (b != '\n') {
                    marks |= DECLINED; // tabs move columns, VT and FF are spaces
                }
                out[j++] = (char) b;
                i++;
                continue;
            }
            if (k == NUL) {
                throw SpecFileReader.nul(i);
            }
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                return null;
            }
            int lead = b;
            if (length == 2) {
                out[j++] = (char) (((lead & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
            } else if (length == 3) {
                out[j++] =
                        (char)
                                (((lead & 0x0F) << 12)
                                        | ((bytes[i + 1] & 0x3F) << 6)
                                        | (bytes[i + 2] & 0x3F));
            } else {
                int codePoint =
                        ((lead & 0x07) << 18)
                                | ((bytes[i + 1] & 0x3F) << 12)
                                | ((bytes[i + 2] & 0x3F) << 6)
                                | (bytes[i + 3] & 0x3F);
                out[j++] = Character.highSurrogate(codePoint);
                out[j++] = Character.lowSurrogate(codePoint);
            }
            i += length;
        }
        if ((marks & DECLINED) != 0) {
            return new Decoded(out, j, null);
        }
        if (j > 0 && out[j - 1] != '\n' && out[j - 1] != '\r') {
            // the last line, not ended by a line break
            if (at == lines.length) {
                lines = Arrays.copyOf(lines, at + 3);
            }
            lines[at] = j;
            lines[at + 1] = marks;
            lines[at + 2] = firstMark;
            at += 3;
        }
        return new Decoded(out, j, new TextLines(at / 3, lines));
    }

    /**
     * One pass over the bytes: fails on a NUL byte (binary), and answers whether they are
     * well-formed UTF-8. A written U+FFFD is well-formed, so no search of the decoded text for it
     * is needed.
     */
    static boolean checkBytes(byte[] bytes) throws UnreadableSpecException {
        int n = bytes.length;
        boolean valid = true;
        int i = 0;
        while (i < n) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                throw SpecFileReader.nul(i);
            }
            // continuation bytes are never 0, so skipping a sequence skips no NUL
            int length = valid ? sequenceLength(bytes, i) : 0;
            if (length == 0) {
                valid = false;
                i++;
            } else {
                i += length;
            }
        }
        return valid;
    }

    /**
     * The length of the well-formed sequence whose lead byte (>= 0x80) is at {@code i}, or 0:
     * Unicode's table 3-7.
     */
    static int sequenceLength(byte[] bytes, int i) {
        int n = bytes.length;
        int lead = bytes[i] & 0xFF;
        if (lead < 0xC2 || lead > 0xF4) {
            return 0;
        }
        if (lead < 0xE0) {
            return i + 1 < n && isContinuation(bytes[i + 1]) ? 2 : 0;
        }
        if (i + 1 >= n) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        // no overlong form (E0, F0), no surrogate (ED), nothing above U+10FFFF (F4)
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        int length = lead < 0xF0 ? 3 : 4;
        if (i + length > n) {
            return 0;
        }
        for (int k = i + 2; k < i + length; k++) {
            if (!isContinuation(bytes[k])) {
                return 0;
            }
        }
        return length;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
