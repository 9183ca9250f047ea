package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SourceRange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * A spec exactly as read: its bytes, its decoded text (without a byte order mark) and where each
 * line starts. The text is what {@link dev.specgate.core.parse.SpecParser} parses, so the {@link
 * SourceRange}s of the parsed model map onto it; the bytes are what an edit keeps and what {@link
 * SpecFileWriter} compares with the disk before replacing the file. Immutable.
 *
 * <p>Lines end as CommonMark ends them: at LF, CR LF or a lone CR.
 */
public final class SpecSource {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;

    /**
     * The bytes as read, the first {@link #byteLength} of the array (a thread's reusable one, for a
     * source {@link #readLent read lent}; else exactly them).
     */
    private final byte[] bytes;

    private final int byteLength;

    /** The text, kept as the decoder's chars: made a string only when {@link #text()} is asked. */
    private final SpecText text;

    private final boolean bom;

    /** Computed on first use: a run that only checks never needs them. */
    private volatile int[] lineStarts;

    /** Whether it was {@link #readLent read lent}: its bytes may be a thread's to reuse. */
    private final boolean lent;

    /** Set by {@link #release} of a source read lent, whose bytes may be written over after it. */
    private boolean released;

    private SpecSource(Path file, byte[] bytes, SpecText text) {
        this(file, bytes, bytes.length, text, false);
    }

    private SpecSource(Path file, byte[] bytes, int byteLength, SpecText text, boolean lent) {
        this.file = file;
        this.bytes = bytes;
        this.byteLength = byteLength;
        this.text = text;
        this.bom = text.hasBom();
        this.lent = lent;
    }

    /** Reads {@code file} with the standard reader (strict UTF-8, size limit). */
    public static SpecSource read(Path file) throws UnreadableSpecException {
        return read(file, new SpecFileReader());
    }

    /** Reads {@code file} with {@code reader}. */
    public static SpecSource read(Path file, SpecFileReader reader) throws UnreadableSpecException {
        return read(file, reader, null);
    }

    /**
     * Reads {@code file} with {@code reader}, whose attributes a search read just before ({@code
     * known}; null when none): see {@link SpecFileReader#readBytes(Path, BasicFileAttributes)}.
     */
    public static SpecSource read(Path file, SpecFileReader reader, BasicFileAttributes known)
            throws UnreadableSpecException {
        requireNonNull(file, "file must not be null");
        requireNonNull(reader, "reader must not be null");
        byte[] bytes = reader.readBytes(file, known);
        return new SpecSource(file, bytes, SpecFileReader.decode(bytes));
    }

    /**
     * {@link #read(Path, SpecFileReader, BasicFileAttributes)} into this thread's reusable bytes
     * and chars ({@link SpecFileReader#readLent}): for a caller that {@link #release releases} the
     * source on this thread once done with it and with everything parsed or read lazily from it.
     */
    public static SpecSource readLent(Path file, SpecFileReader reader, BasicFileAttributes known)
            throws UnreadableSpecException {
        requireNonNull(file, "file must not be null");
        requireNonNull(reader, "reader must not be null");
        SpecFileReader.Lent read = reader.readLent(file, known);
        return new SpecSource(file, read.array(), read.length(), read.text(), true);
    }

    /**
     * Gives the bytes and chars of a source read by {@link #readLent} back to the thread (see
     * {@link SpecText#release}): neither it nor its parse may be read after (its bytes fail to be
     * read). Does nothing to any other.
     */
    public void release() {
        released = lent;
        text.release();
    }

    /** A source from bytes that live nowhere on disk. */
    public static SpecSource of(byte[] bytes) throws UnreadableSpecException {
        requireNonNull(bytes, "bytes must not be null");
        byte[] copy = bytes.clone();
        return new SpecSource(null, copy, SpecFileReader.decode(copy));
    }

    /** A source from text (a leading U+FEFF is kept as a byte order mark). */
    public static SpecSource of(String text) {
        requireNonNull(text, "text must not be null");
        boolean bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
        String body = bom ? text.substring(1) : text;
        byte[] encoded = body.getBytes(StandardCharsets.UTF_8);
        if (!new String(encoded, StandardCharsets.UTF_8).equals(body)) {
            throw new IllegalArgumentException("text holds an unpaired UTF-16 surrogate");
        }
        byte[] all = bom ? concat(BOM, encoded) : encoded;
        return new SpecSource(null, all, new SpecText(body, bom));
    }

    /** The file it was read from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A copy of the bytes as read. */
    public byte[] bytes() {
        return Arrays.copyOf(readable(), byteLength);
    }

    /**
     * The UTF-8 encoding of {@link #text()}: the bytes as read without a byte order mark, read-only
     * and not copied (a reader that needs them, such as the approval fingerprint, copies what it
     * needs once instead of encoding the text again).
     */
    public ByteBuffer textBytes() {
        int from = bom ? BOM.length : 0;
        return ByteBuffer.wrap(readable(), from, byteLength - from).slice().asReadOnlyBuffer();
    }

    /** Whether {@code other} holds exactly the bytes this source was read from. */
    public boolean hasBytes(byte[] other) {
        return Arrays.equals(readable(), 0, byteLength, other, 0, other.length);
    }

    /** The bytes' array, unless the source was read lent and released. */
    private byte[] readable() {
        if (released) {
            throw new IllegalStateException("the source was released: its bytes are reused");
        }
        return bytes;
    }

    /** The decoded text, without a byte order mark (made a string on the first call). */
    public String text() {
        return text.text();
    }

    /**
     * The decoded text as {@link #text()} holds it, read without making it a string: what a check
     * parses and scans ({@link SpecText#array()} for index reads).
     */
    public SpecText content() {
        return text;
    }

    /** Whether the bytes start with a UTF-8 byte order mark. */
    public boolean hasBom() {
        return bom;
    }

    /** The number of lines; an empty text has one empty line. */
    public int lineCount() {
        return starts().length;
    }

    /** The offset in {@link #text()} at which {@code line} (0-based) starts. */
    public int lineStart(int line) {
        checkLine(line);
        return starts()[line];
    }

    /** The offset just past the last character of {@code line}, before its line break. */
    public int lineEnd(int line) {
        checkLine(line);
        if (line + 1 == starts().length) {
            return text.length();
        }
        int next = starts()[line + 1];
        if (next >= 2 && text.charAt(next - 2) == '\r' && text.charAt(next - 1) == '\n') {
            return next - 2;
        }
        return next - 1;
    }

    /**
     * The line break that ends {@code line}: {@code "\n"}, {@code "\r\n"}, {@code "\r"} or none.
     */
    public String lineBreak(int line) {
        int end = lineEnd(line);
        int next = line + 1 == starts().length ? text.length() : starts()[line + 1];
        return text.text().substring(end, next);
    }

    /** The file's line break: that of its first line, or LF when it has none. */
    public String newline() {
        for (int i = 0; i < starts().length; i++) {
            String b = lineBreak(i);
            if (!b.isEmpty()) {
                return b;
            }
        }
        return "\n";
    }

    /** The line (0-based) that holds the text offset {@code offset}. */
    public int lineOf(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException(
                    "offset " + offset + " must be between 0 and " + text.length());
        }
        int i = Arrays.binarySearch(starts(), offset);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * The text offset of a 0-based line and UTF-16 column, as {@link SourceRange} counts them. The
     * column may stand at the end of the line, not beyond.
     */
    public int offset(int line, int column) {
        checkLine(line);
        int start = starts()[line];
        int length = lineEnd(line) - start;
        if (column < 0 || column > length) {
            throw new IllegalArgumentException(
                    "column "
                            + column
                            + " is outside line "
                            + line
                            + " (0-based), which has "
                            + length
                            + " characters");
        }
        return start + column;
    }

    /** The text offset where {@code range} starts. */
    public int startOffset(SourceRange range) {
        return offset(range.startLine(), range.startColumn());
    }

    /** The text offset where {@code range} ends (exclusive). */
    public int endOffset(SourceRange range) {
        return offset(range.endLine(), range.endColumn());
    }

    /** The text {@code range} covers. */
    public String slice(SourceRange range) {
        return text.text().substring(startOffset(range), endOffset(range));
    }

    /** An empty edit of this source, to add replacements to. */
    public SpecEdit edit() {
        return SpecEdit.of(this);
    }

    /** The offset in {@link #bytes()} of text offset {@code offset}. */
    int byteOffset(int offset) {
        return byteOffset(0, bom ? BOM.length : 0, offset);
    }

    /** The byte offset of {@code to}, counting on from a known pair {@code (from, fromByte)}. */
    int byteOffset(int from, int fromByte, int to) {
        int b = fromByte;
        char[] chars = text.array();
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                b += 1;
            } else if (c < 0x800) {
                b += 2;
            } else if (Character.isHighSurrogate(c)) {
                b += 4;
                i++;
            } else {
                b += 3;
            }
        }
        return b;
    }

    /** The raw bytes, not copied (unless read lent): for {@link SpecEdit} only. */
    byte[] rawBytes() {
        return lent ? bytes() : bytes;
    }

    private void checkLine(int line) {
        if (line < 0 || line >= starts().length) {
            throw new IllegalArgumentException(
                    "line "
                            + line
                            + " (0-based) is outside the text's "
                            + starts().length
                            + " lines");
        }
    }

    private int[] starts() {
        int[] s = lineStarts;
        if (s == null) {
            s = lineStarts(text);
            lineStarts = s;
        }
        return s;
    }

    private static int[] lineStarts(SpecText text) {
        int[] starts = new int[16];
        int n = 1;
        int len = text.length();
        char[] chars = text.array();
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            boolean breakHere = c == '\n' || (c == '\r' && (i + 1 >= len || chars[i + 1] != '\n'));
            if (breakHere) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
