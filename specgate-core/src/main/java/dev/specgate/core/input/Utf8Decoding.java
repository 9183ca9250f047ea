package dev.specgate.core.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing above U+10FFFF), in
 * one place: the check of a file's bytes ({@link #checkBytes}) and the decoding of well-formed
 * bytes ({@link #decode}) read the same table ({@link #sequenceLength}).
 *
 * <p>Decoding is one pass straight into the chars the block parser reads, which also finds NUL
 * bytes. It replaced three passes: a check of the bytes, the JDK's decoding into a string and
 * {@code String.toCharArray} for the parser (each a loop of its own under C1, which intrinsifies
 * none of them).
 */
final class Utf8Decoding {

    /** Reads eight bytes of an array as one {@code long}, the first byte lowest. */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The high bit of each byte of a {@code long}: set in a byte that is not ASCII. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Added to eight ASCII bytes, sets the high bit of each that is not NUL (no byte carries into
     * the next: 0x7F + 0x7F is 0xFE).
     */
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private Utf8Decoding() {}

    /**
     * The high bits of the eight bytes of {@code w} that are ASCII and not NUL: {@link #HIGH_BITS}
     * when all eight are. A byte of 0x80 or more clears its own bit ({@code ~w}); the carry it may
     * make into the next byte only ever comes with that cleared bit, so no NUL after it passes.
     */
    private static long asciiNotNul(long w) {
        return (w + LOW_BITS) & ~w & HIGH_BITS;
    }

    /**
     * The text's chars, {@code chars[0..length)}: the array is as long as the bytes, since cutting
     * it to the text's length would copy every text with a char of two bytes or more.
     */
    record Decoded(char[] chars, int length) {}

    /**
     * The chars of {@code bytes[from..]}; null when the bytes are not well-formed UTF-8. Fails on a
     * NUL byte found before the first ill-formed sequence; the caller looks for one after it
     * ({@link #checkBytes}).
     */
    static Decoded decode(byte[] bytes, int from) throws UnreadableSpecException {
        // a char per byte at most: a sequence of k bytes is one char, or two for k = 4
        return decode(bytes, from, new char[bytes.length - from]);
    }

    /**
     * {@link #decode(byte[], int)} into {@code out}, at least as long as {@code bytes[from..]}
     * (whatever it held after the text's length is left as it was).
     */
    static Decoded decode(byte[] bytes, int from, char[] out) throws UnreadableSpecException {
        return decode(bytes, from, bytes.length, out);
    }

    /**
     * {@link #decode(byte[], int, char[])} of {@code bytes[from..n)} (the rest of the array, a
     * thread's reusable one, holds no part of the file).
     */
    static Decoded decode(byte[] bytes, int from, int n, char[] out)
            throws UnreadableSpecException {
        if (out.length < n - from) {
            throw new IllegalArgumentException(
                    "an array of " + out.length + " chars for " + (n - from) + " bytes");
        }
        int j = 0;
        int i = from;
        while (i < n) {
            // ASCII, nearly all of a spec, sixteen bytes at a time while none is NUL: one test
            // of two words and sixteen stores per turn, a sixth less time a spec under C1 than
            // eight bytes a turn with two tests (and a quarter less than a byte at a time)
            while (i <= n - 16) {
                long w = (long) LONGS.get(bytes, i);
                long v = (long) LONGS.get(bytes, i + 8);
                if ((asciiNotNul(w) & asciiNotNul(v)) != HIGH_BITS) {
                    break; // a byte of a longer sequence, or a NUL: read a byte at a time
                }
                // the bytes are ASCII: each char is a byte of an int half, masked to its 7 bits
                int lo = (int) w;
                int hi = (int) (w >>> 32);
                out[j] = (char) (lo & 0x7F);
                out[j + 1] = (char) ((lo >>> 8) & 0x7F);
                out[j + 2] = (char) ((lo >>> 16) & 0x7F);
                out[j + 3] = (char) (lo >>> 24);
                out[j + 4] = (char) (hi & 0x7F);
                out[j + 5] = (char) ((hi >>> 8) & 0x7F);
                out[j + 6] = (char) ((hi >>> 16) & 0x7F);
                out[j + 7] = (char) (hi >>> 24);
                lo = (int) v;
                hi = (int) (v >>> 32);
                out[j + 8] = (char) (lo & 0x7F);
                out[j + 9] = (char) ((lo >>> 8) & 0x7F);
                out[j + 10] = (char) ((lo >>> 16) & 0x7F);
                out[j + 11] = (char) (lo >>> 24);
                out[j + 12] = (char) (hi & 0x7F);
                out[j + 13] = (char) ((hi >>> 8) & 0x7F);
                out[j + 14] = (char) ((hi >>> 16) & 0x7F);
                out[j + 15] = (char) (hi >>> 24);
                i += 16;
                j += 16;
            }
            if (i == n) {
                return new Decoded(out, j);
            }
            int b = bytes[i];
            // the rest of a run of ASCII (up to the byte that stopped the sixteens, or the last
            // few bytes), in a loop of its own: a quarter less time per byte under C1 than one
            // loop that asks for every byte which case it is
            while (b > 0) {
                out[j++] = (char) b;
                if (++i == n) {
                    return new Decoded(out, j);
                }
                b = bytes[i];
            }
            if (b == 0) {
                throw SpecFileReader.nul(i);
            }
            int length = sequenceLength(bytes, i, n);
            if (length == 0) {
                return null;
            }
            int lead = b & 0xFF;
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
        return new Decoded(out, j);
    }

    /**
     * One pass over the bytes: fails on a NUL byte (binary), and answers whether they are
     * well-formed UTF-8. A written U+FFFD is well-formed, so no search of the decoded text for it
     * is needed.
     */
    static boolean checkBytes(byte[] bytes) throws UnreadableSpecException {
        return checkBytes(bytes, bytes.length);
    }

    /** {@link #checkBytes(byte[])} of {@code bytes[0..n)}. */
    static boolean checkBytes(byte[] bytes, int n) throws UnreadableSpecException {
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
            int length = valid ? sequenceLength(bytes, i, n) : 0;
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
     * The length of the well-formed sequence whose lead byte (>= 0x80) is at {@code i} of {@code
     * bytes[0..n)}, or 0: Unicode's table 3-7.
     */
    static int sequenceLength(byte[] bytes, int i, int n) {
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
