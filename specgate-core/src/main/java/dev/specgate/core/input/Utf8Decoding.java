package dev.specgate.core.input;

import java.util.Arrays;

/**
 * Strict UTF-8 decoding of a spec's bytes straight into the chars the block parser reads, in one
 * pass that also finds NUL bytes. It replaces three passes: a check of the bytes, the JDK's
 * decoding into a string and {@code String.toCharArray} for the parser (each a loop of its own
 * under C1, which intrinsifies none of them).
 */
final class Utf8Decoding {

    private Utf8Decoding() {}

    /**
     * The chars of {@code bytes[from..]}, exactly as long as the text; null when the bytes are not
     * well-formed UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing above
     * U+10FFFF). Fails on a NUL byte found before the first ill-formed sequence; the caller looks
     * for one after it ({@link SpecFileReader#checkBytes}).
     */
    static char[] decode(byte[] bytes, int from) throws UnreadableSpecException {
        int n = bytes.length;
        // a char per byte at most: a sequence of k bytes is one char, or two for k = 4
        char[] out = new char[n - from];
        int j = 0;
        int i = from;
        while (i < n) {
            int b = bytes[i];
            if (b > 0) {
                out[j++] = (char) b;
                i++;
                continue;
            }
            if (b == 0) {
                throw SpecFileReader.nul(i);
            }
            int lead = b & 0xFF;
            if (lead < 0xC2 || lead > 0xF4) {
                return null;
            }
            if (lead < 0xE0) {
                if (i + 1 >= n || !isContinuation(bytes[i + 1])) {
                    return null;
                }
                out[j++] = (char) (((lead & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lowestSecond(lead) || second > highestSecond(lead)) {
                return null;
            }
            if (lead < 0xF0) {
                if (i + 2 >= n || !isContinuation(bytes[i + 2])) {
                    return null;
                }
                out[j++] =
                        (char)
                                (((lead & 0x0F) << 12)
                                        | ((second & 0x3F) << 6)
                                        | (bytes[i + 2] & 0x3F));
                i += 3;
                continue;
            }
            if (i + 3 >= n || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                return null;
            }
            int codePoint =
                    ((lead & 0x07) << 18)
                            | ((second & 0x3F) << 12)
                            | ((bytes[i + 2] & 0x3F) << 6)
                            | (bytes[i + 3] & 0x3F);
            out[j++] = Character.highSurrogate(codePoint);
            out[j++] = Character.lowSurrogate(codePoint);
            i += 4;
        }
        return j == out.length ? out : Arrays.copyOf(out, j);
    }

    /** The lowest second byte after {@code lead} (>= 0xE0): no overlong form. */
    private static int lowestSecond(int lead) {
        return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    }

    /** The highest second byte after {@code lead} (>= 0xE0): no surrogate, nothing > U+10FFFF. */
    private static int highestSecond(int lead) {
        return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
