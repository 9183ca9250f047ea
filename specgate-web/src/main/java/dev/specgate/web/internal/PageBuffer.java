package dev.specgate.web.internal;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page as the templates write it, encoded to UTF-8 piece by piece as it is written (no copy of
 * the whole page as text) and written to its file in one write. It is the templates' HTML output
 * itself (jte escapes user content through it as through any {@code OwaspHtmlTemplateOutput}), and
 * an {@link Appendable}: the page's body, which the renderer wrote into {@link #body()} as UTF-8
 * bytes, is copied from there as it is. Its buffers are kept from one page to the next (one per
 * thread), so a site of many pages does not allocate a text, a string and a byte array per page.
 * Not thread-safe.
 */
public final class PageBuffer extends OwaspHtmlTemplateOutput implements Appendable {

    private final Utf8 sink;
    private final HtmlBytes body = new HtmlBytes();

    public PageBuffer() {
        this(new Utf8());
    }

    /**
     * A buffer that writes its page to {@code out} as it fills (every 256 KB) instead of holding it
     * whole: for the portfolio pages, which hold a row per spec (the timeline of 10,000 specs is 24
     * MB). {@link #finish()} writes the rest; {@code out} is the caller's to close.
     */
    public static PageBuffer streaming(OutputStream out) {
        Utf8 sink = new Utf8();
        sink.stream = out;
        return new PageBuffer(sink);
    }

    /** Writes what a {@link #streaming} buffer still holds to its stream. */
    public void finish() throws IOException {
        sink.flush();
        sink.spill(0);
    }

    private PageBuffer(Utf8 sink) {
        super(sink);
        this.sink = sink;
    }

    /** Empties the page and its body, keeping the buffers. */
    public PageBuffer reset() {
        sink.reset();
        body.reset();
        return this;
    }

    /**
     * The page's body as UTF-8, kept from page to page: emptied by {@link #reset()}. Appended to
     * the page ({@link #append(CharSequence)}) by a copy of its bytes.
     */
    public HtmlBytes body() {
        return body;
    }

    /**
     * A value a template writes, escaped as jte escapes it, its control characters shown (a spec's
     * file name holding ESC is seen, and sent to no one raw).
     */
    @Override
    public void writeUserContent(String value) {
        super.writeUserContent(value == null ? null : Utf8Bytes.shown(value));
    }

    /**
     * Appends {@code text} as it is (no escaping): the page's body, or a piece of HTML such as a
     * checklist item's, its control and bidirectional characters shown as {@link Utf8Bytes#shown}
     * shows them. A body the renderer wrote ({@link HtmlBytes}) says whether it holds any, noted as
     * it was encoded: its bytes are copied without a second look.
     */
    @Override
    public PageBuffer append(CharSequence text) {
        if (text instanceof HtmlBytes html) {
            byte[] b = html.bytes();
            int n = html.byteLength();
            if (html.holdsShown()) {
                byte[] shown =
                        Utf8Bytes.shown(new String(b, 0, n, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                sink.append(shown, shown.length);
            } else {
                sink.append(b, n);
            }
        } else {
            String shown = Utf8Bytes.shown(text.toString());
            sink.append(shown, 0, shown.length());
        }
        return this;
    }

    @Override
    public PageBuffer append(CharSequence text, int start, int end) {
        return append(text.subSequence(start, end));
    }

    @Override
    public PageBuffer append(char c) {
        return append(String.valueOf(c));
    }

    /** The page as written so far. */
    @Override
    public String toString() {
        return sink.toString();
    }

    /** The number of bytes of the page so far. */
    public int size() {
        return sink.length();
    }

    /** Writes the bytes of the page from {@code from} (inclusive) to {@code to} to {@code out}. */
    public void writeTo(OutputStream out, int from, int to) throws IOException {
        sink.writeTo(out, from, to);
    }

    /** Writes the page to {@code file}, replacing it. */
    public void writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            sink.writeTo(out);
        }
    }

    /**
     * The bytes of the page: a string encoded by the JDK, a range of one copied into a kept char
     * array and encoded from there (C1 compiles {@code charAt} to a call with a check of the text's
     * coder; an array read is cheaper), the body ({@link HtmlBytes}) copied as bytes. A high
     * surrogate at the end of a piece waits for the next one, so that the page's bytes are those of
     * its whole text.
     */
    private static final class Utf8 extends Utf8Bytes implements TemplateOutput {
        private static final int SPILL = 256 * 1024;

        private char[] chars = new char[8 * 1024];
        // where a streaming buffer writes its bytes as they fill, or null
        private OutputStream stream;

        Utf8() {
            super(96 * 1024);
        }

        /** Writes the bytes to the stream, if any, once they are {@code limit} or more. */
        void spill(int limit) throws IOException {
            if (stream != null && length >= limit && length > 0) {
                stream.write(bytes, 0, length);
                length = 0;
            }
        }

        private void spill() {
            try {
                spill(SPILL);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void reset() {
            length = 0;
            pending = 0;
        }

        @Override
        public void writeContent(String value) {
            int n = value.length();
            if (n == 0) {
                return;
            }
            if (pending != 0 || Character.isHighSurrogate(value.charAt(n - 1))) {
                // half of a pair may be in the next piece or was in the last one
                writeContent(value, 0, n);
                return;
            }
            // the JDK's encoder: a string of ASCII (the templates' text, most values) is copied
            // whole, faster under C1 than a pass over its chars (1.6 against 2.4 ns a char for
            // the spec template's pieces)
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < length + utf8.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(length + utf8.length, 2 * length));
            }
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            if (stream != null) {
                spill();
            }
        }

        /**
         * A template's static text, which the build stores as UTF-8 (jte's {@code
         * binaryStaticContent}): copied as it is.
         */
        @Override
        public void writeBinaryContent(byte[] utf8) {
            if (utf8.length == 0) {
                return;
            }
            append(utf8, utf8.length);
            if (stream != null) {
                spill();
            }
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            int n = endIndex - beginIndex;
            if (n <= 0) {
                return;
            }
            // a range (escaped user content between its escapes): copied into the kept char array
            // and encoded from there, without a substring
            room(n);
            value.getChars(beginIndex, endIndex, chars, 0);
            put(chars, n, false);
            if (stream != null) {
                spill();
            }
        }

        /** Appends {@code n} bytes of UTF-8. */
        void append(byte[] utf8, int n) {
            if (pending != 0) {
                room(1);
                bytes[length++] = '?'; // a lone half: the bytes cannot start with its low half
                pending = 0;
            }
            if (bytes.length < length + n) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(length + n, 2 * length));
            }
            System.arraycopy(utf8, 0, bytes, length, n);
            length += n;
        }

        void append(CharSequence text, int start, int end) {
            int n = end - start;
            room(n);
            if (text instanceof StringBuilder sb) {
                sb.getChars(start, end, chars, 0);
            } else if (text instanceof String s) {
                s.getChars(start, end, chars, 0);
            } else {
                for (int i = 0; i < n; i++) {
                    chars[i] = text.charAt(start + i);
                }
            }
            put(chars, n, false);
        }

        /** Room for {@code n} more chars: in the char array, and 3 bytes each (and a pending). */
        private void room(int n) {
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            int needed = length + 3 * n + 3;
            if (bytes.length < needed) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }

        /** A high surrogate left at the end of the page: {@code ?}, as for any lone half. */
        void flush() {
            if (pending != 0) {
                bytes[length++] = '?';
                pending = 0;
            }
        }

        void writeTo(OutputStream out) throws IOException {
            flush();
            out.write(bytes, 0, length);
        }

        /** The bytes so far, a high surrogate still waiting for its pair written as {@code ?}. */
        int length() {
            flush();
            return length;
        }

        void writeTo(OutputStream out, int from, int to) throws IOException {
            out.write(bytes, from, to - from);
        }

        @Override
        public String toString() {
            int n = length;
            String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
            return pending != 0 ? text + "?" : text;
        }
    }
}
