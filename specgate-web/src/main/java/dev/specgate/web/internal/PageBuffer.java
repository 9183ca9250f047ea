package dev.specgate.web.internal;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page as the templates write it, then encoded to UTF-8 and written to its file in one write; its
 * buffers are kept from one page to the next (one per thread), so a site of many pages does not
 * allocate a text, a string and a byte array per page. Not thread-safe.
 */
public final class PageBuffer implements TemplateOutput {

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private char[] chars = new char[0];
    private byte[] bytes = new byte[0];

    /** Empties the page, keeping the buffers. */
    public PageBuffer reset() {
        text.setLength(0);
        return this;
    }

    @Override
    public void writeContent(String value) {
        text.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        if (beginIndex == 0 && endIndex == value.length()) {
            // whole: a range is copied char by char once the page holds a character beyond
            // Latin-1 and the string does not
            text.append(value);
        } else {
            text.append(value, beginIndex, endIndex);
        }
    }

    /** The page as written so far. */
    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * Writes the page to {@code file} in UTF-8 (as {@code String.getBytes(UTF_8)} encodes it: a
     * lone surrogate becomes {@code ?}), replacing it.
     */
    public void writeTo(Path file) throws IOException {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[n + n / 4];
        }
        text.getChars(0, n, chars, 0);
        if (bytes.length < 3 * n) {
            bytes = new byte[3 * (n + n / 4)];
        }
        int length = encode(chars, n, bytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes, 0, length);
        }
    }

    /** UTF-8 of {@code chars[0..n)} into {@code out} (room for 3 bytes a char); its length. */
    static int encode(char[] chars, int n, byte[] out) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[j++] = (byte) c;
            } else if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < n
                        && Character.isLowSurrogate(chars[i + 1])) {
                    int cp = Character.toCodePoint(c, chars[++i]);
                    out[j++] = (byte) (0xF0 | (cp >> 18));
                    out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[j++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[j++] = '?';
                }
            } else {
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return j;
    }
}
