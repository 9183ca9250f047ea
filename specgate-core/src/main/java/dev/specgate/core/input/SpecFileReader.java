package dev.specgate.core.input;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a spec file strictly: UTF-8 only, no NUL bytes (binary), at most {@link #MAX_BYTES} (or the
 * limit given, such as a project's {@code max-file-size}). A UTF-8 byte order mark is accepted and
 * removed from the text.
 */
public final class SpecFileReader {

    /** The largest spec file Specgate reads: 8 MiB, some 500 times a long spec. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    /**
     * The largest buffer a thread keeps to read files of a known size into (a larger file is read
     * into an array of its own): far over a long spec, small beside the heap.
     */
    private static final int KEPT_BUFFER = 1 << 20;

    /**
     * Each thread's buffer for {@link #readBytes(Path, BasicFileAttributes)}: outside the heap, so
     * that the file is read straight into it (a read into an array goes through such a buffer the
     * JDK takes and gives back per read), then copied into the spec's array.
     */
    private static final ThreadLocal<ByteBuffer> BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

    private final long maxBytes;
    private final String limitOrigin;

    public SpecFileReader() {
        this(MAX_BYTES);
    }

    /** A reader with another size limit. */
    public SpecFileReader(long maxBytes) {
        this(maxBytes, "");
    }

    /**
     * A reader with another size limit, and where that limit comes from, which the message about a
     * file over it names ("max-file-size in /work/project/.specgate.yml").
     */
    public SpecFileReader(long maxBytes, String limitOrigin) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " must be >= 1");
        }
        this.maxBytes = maxBytes;
        this.limitOrigin = requireNonNull(limitOrigin, "limitOrigin must not be null");
    }

    /** The largest file this reader reads, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A size as people write it: {@code 8 MiB}, {@code 512 KiB}, or {@code 1000 bytes}. */
    public static String size(long bytes) {
        if (bytes > 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /** Reads and decodes {@code file}. */
    public SpecText read(Path file) throws UnreadableSpecException {
        return decode(readBytes(file));
    }

    /**
     * Reads the raw bytes of {@code file}, whose attributes a search read just before ({@code
     * known}, of a link's target; null when none), within the size limit, without decoding them.
     * When they say it is a regular file within the limit, it is opened without looking at it
     * again, and read from its start in one positional read ({@code pread}) into this thread's
     * buffer: three system calls (open, read, close). The bytes are taken only when that one read
     * returns the very size they said, of one byte more asked, which tells that the file neither
     * grew nor shrank since. Anything else (other attributes, a file that changed or cannot be
     * opened or read any more) is read as {@link #readBytes(Path)} reads it, which looks first and
     * names what is wrong, so a file replaced since the walk by a pipe that a writer holds open or
     * by a device is refused, not read: a positional read of a pipe, a socket or a terminal fails
     * at once (it has no position) instead of waiting for a writer, and a device that reads as
     * endless (such as {@code /dev/zero}) gives more than the size said. Java opens no file without
     * blocking: a pipe that no writer holds open still blocks the open, as one put in place between
     * that look and its open would.
     */
    public byte[] readBytes(Path file, BasicFileAttributes known) throws UnreadableSpecException {
        if (readsKnownSize(known)) {
            byte[] bytes = readKnownSize(file, (int) known.size(), null);
            if (bytes != null) {
                return bytes;
            }
        }
        return readBytes(file);
    }

    /**
     * A file's bytes, the first {@code length} of {@code array}, and their text.
     *
     * @param array this thread's reusable bytes ({@link #readLent}) or an array of their own
     * @param length how many of them are the file's
     * @param text their text, whose {@link SpecText#release} gives the reusable arrays back
     */
    public record Lent(byte[] array, int length, SpecText text) {}

    /**
     * Reads {@code file} as {@link #readBytes(Path, BasicFileAttributes)} does, into this thread's
     * reusable bytes when they are free and the walk's attributes ({@code known}) give a size
     * within them, and decodes them as {@link #decode(byte[])} does, into this thread's reusable
     * chars when they are free (not lent to another text) and long enough: for a caller that {@link
     * SpecText#release releases} the text on this thread once done with it, its parse and the bytes
     * (a check of one file of a run, which keeps only its findings). The text, its document and
     * anything that still views its chars or bytes must not be read after that: the next file this
     * thread reads writes over them.
     */
    public Lent readLent(Path file, BasicFileAttributes known) throws UnreadableSpecException {
        byte[] bytes = null;
        int length = 0;
        byte[] lent = null;
        if (readsKnownSize(known)) {
            length = (int) known.size();
            lent = LentBytes.borrow(length);
            bytes = readKnownSize(file, length, lent);
            if (bytes == null && lent != null) {
                LentBytes.giveBack(lent); // read again below, as a file of its own
                lent = null;
            }
        }
        if (bytes == null) {
            bytes = readBytes(file);
            length = bytes.length;
        }
        SpecText text = null;
        try {
            text = decode(bytes, length, true, lent);
        } finally {
            if (text == null && lent != null) {
                LentBytes.giveBack(lent); // binary or ill-formed: no text keeps them
            }
        }
        return new Lent(bytes, length, text);
    }

    /**
     * Whether the walk's attributes say a regular file of a size that {@link #readKnownSize} reads
     * (an empty file is read to its end: some systems' files say they are empty, whatever they
     * hold).
     */
    private boolean readsKnownSize(BasicFileAttributes known) {
        return known != null
                && known.isRegularFile()
                && known.size() > 0
                && known.size() <= Math.min(maxBytes, KEPT_BUFFER - 1);
    }

    /**
     * The bytes of {@code file}, in the first {@code size} of {@code into} (or of an array of their
     * own, when it is null), when one positional read from its start returns exactly {@code size}
     * of the {@code size + 1} asked for, else null (the file changed since its size was read, is no
     * regular file any more, or cannot be opened or read: the caller reads it again, and reports
     * why).
     */
    private static byte[] readKnownSize(Path file, int size, byte[] into) {
        ByteBuffer buffer = BUFFER.get();
        if (buffer.capacity() <= size) {
            buffer = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, size + 1));
            BUFFER.set(buffer);
        }
        buffer.clear().limit(size + 1);
        try (FileChannel channel = FileChannel.open(file)) {
            // a read at a position, not the open file's size asked first (one system call less):
            // a file replaced since the walk by a pipe fails it at once (no position, where a
            // plain read would wait for a writer), a device like /dev/zero fills the byte more;
            // either is read again by readBytes(file), which looks first and refuses it, naming
            // what it is
            if (channel.read(buffer, 0) != size) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        byte[] bytes = into != null ? into : new byte[size];
        buffer.flip().get(bytes, 0, size);
        return bytes;
    }

    /**
     * Refuses {@code file} as {@link #readBytes(Path)} would before it opens it, when it is no
     * regular file (a folder, a device, a pipe or a socket) or is not there, in the same words,
     * without opening it: for a command that reads a spec's history rather than its text.
     *
     * @throws UnreadableSpecException when a read of it would be refused so
     */
    public static void requireRegularFile(Path file) throws UnreadableSpecException {
        requireNonNull(file, "file must not be null");
        try {
            refuseUnlessRegular(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            throw refusal(file, e);
        }
    }

    private static void refuseUnlessRegular(BasicFileAttributes attrs)
            throws UnreadableSpecException {
        if (attrs.isDirectory()) {
            throw new UnreadableSpecException("is a directory, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableSpecException("not a regular file (a device, pipe or socket)");
        }
    }

    /**
     * Reads the raw bytes of {@code file}, within the size limit, without decoding them (for edits
     * that must keep every other byte).
     */
    public byte[] readBytes(Path file) throws UnreadableSpecException {
        byte[] bytes;
        try {
            // one look at the file (following links) before it is opened: a device or a pipe
            // (also behind a link) could be endless or block the open forever
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            refuseUnlessRegular(attrs);
            long size = attrs.size();
            if (size > maxBytes) {
                throw overLimit(size);
            }
            bytes = readAtMost(file, size);
        } catch (IOException e) {
            throw refusal(file, e);
        }
        if (bytes.length > maxBytes) {
            throw overLimit(bytes.length);
        }
        return bytes;
    }

    /**
     * The bytes of {@code file}, whose attributes said it holds {@code size}: an open, a read into
     * an array of that size and a close, where an input stream also asks the open file its type,
     * its size and its position. Never more than the size said (a file that grows meanwhile is read
     * as it was), nor more than one byte over the limit: a file that says it is empty (some
     * systems' files do, whatever they hold) is read to its end.
     */
    private byte[] readAtMost(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            if (size == 0) {
                return Channels.newInputStream(channel)
                        .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1L));
            }
            byte[] bytes = new byte[(int) size];
            ByteBuffer into = ByteBuffer.wrap(bytes);
            while (into.hasRemaining() && channel.read(into) >= 0) {
                // a short read: read on to the end
            }
            // the file shrank since its size was read
            return into.hasRemaining() ? Arrays.copyOf(bytes, into.position()) : bytes;
        }
    }

    /**
     * What a read of {@code file} that failed with {@code e} is refused for, in the user's words.
     */
    private static UnreadableSpecException refusal(Path file, IOException e)
            throws UnreadableSpecException {
        if (e instanceof AccessDeniedException) {
            return new UnreadableSpecException("permission denied", e);
        }
        throwIfLoop(file, e);
        if (e instanceof NoSuchFileException) {
            return Files.isSymbolicLink(file)
                    ? new UnreadableSpecException(
                            "broken symbolic link: its target does not exist", e)
                    : new UnreadableSpecException("no such file", e);
        }
        return new UnreadableSpecException("cannot read file: " + IoFailure.reason(e), e);
    }

    /** A file the operating system could not reach through its symbolic links. */
    private static void throwIfLoop(Path file, IOException e) throws UnreadableSpecException {
        Optional<String> loop = SymbolicLinks.loopReason(file);
        if (loop.isPresent()) {
            throw new UnreadableSpecException("symbolic link loop (" + loop.get() + ")", e);
        }
    }

    /**
     * Why a write of {@code size} bytes would leave a file this reader refuses to read back (over
     * the limit), or empty when it would not: an edit is refused rather than write a spec that no
     * read takes back.
     */
    public Optional<String> writeRefusal(long size) {
        if (size <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(
                "it would be "
                        + size
                        + " bytes, over the limit of "
                        + size(maxBytes)
                        + (limitOrigin.isEmpty() ? "" : " (" + limitOrigin + ")")
                        + ", so it could not be read or checked again");
    }

    private UnreadableSpecException overLimit(long size) {
        return new UnreadableSpecException(
                "file is "
                        + size
                        + " bytes, over the limit of "
                        + size(maxBytes)
                        + (limitOrigin.isEmpty() ? "" : " (" + limitOrigin + ")"));
    }

    /** Decodes bytes as a spec's text. */
    public static SpecText decode(byte[] bytes) throws UnreadableSpecException {
        return decode(bytes, bytes.length, false, null);
    }

    /**
     * The text of {@code bytes[0..n)}, in this thread's reusable chars when {@code lend} and they
     * are free; {@code lentBytes}, when not null, is this thread's reusable bytes that {@code
     * bytes} is, which the text gives back with its chars.
     */
    private static SpecText decode(byte[] bytes, int n, boolean lend, byte[] lentBytes)
            throws UnreadableSpecException {
        boolean bom =
                n >= 3
                        && (bytes[0] & 0xFF) == 0xEF
                        && (bytes[1] & 0xFF) == 0xBB
                        && (bytes[2] & 0xFF) == 0xBF;
        int offset = bom ? 3 : 0;
        // text saved as UTF-16 or UTF-32 says so by its byte order mark (else its NUL bytes or
        // its first byte would call it binary or ill-formed UTF-8)
        Optional<String> wide = bom ? Optional.empty() : wideByteOrderMark(bytes, n);
        if (wide.isPresent()) {
            throw new UnreadableSpecException(
                    wide.get()
                            + " text (its byte order mark says so), not UTF-8: save it as UTF-8");
        }
        // well-formed bytes (nearly every spec) are checked and decoded in one pass, into the
        // chars the parser then reads: the string is made only when something asks for it
        char[] lent = lend ? LentChars.borrow(n - offset) : null;
        Utf8Decoding.Decoded decoded = null;
        try {
            decoded =
                    Utf8Decoding.decode(
                            bytes, offset, n, lent != null ? lent : new char[n - offset]);
        } finally {
            if (lent != null && decoded == null) {
                LentChars.giveBack(lent); // binary or ill-formed: no text keeps them
            }
        }
        if (decoded != null) {
            SpecText text =
                    lent != null
                            ? SpecText.lent(decoded.chars(), decoded.length(), bom)
                            : new SpecText(decoded.chars(), decoded.length(), bom);
            return lentBytes == null ? text : text.holding(lentBytes);
        }
        // ill-formed: a NUL byte anywhere still makes the file binary, else the strict decoder
        // names the offset of the bad byte
        Utf8Decoding.checkBytes(bytes, n);
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, n - offset);
        try {
            SpecText text = new SpecText(decoder.decode(in).toString(), bom);
            return lentBytes == null ? text : text.holding(lentBytes);
        } catch (MalformedInputException e) {
            throw notUtf8(bytes, offset, in.position(), e);
        } catch (CharacterCodingException e) {
            throw new UnreadableSpecException("not valid UTF-8", e);
        }
    }

    /**
     * The error for the ill-formed byte at {@code bad} of {@code bytes} (whose text starts at
     * {@code from}, after any byte order mark): the byte, its offset in the file, and where it
     * stands in the text (0-based line and column, the column in UTF-16 units of the well-formed
     * text before it on its line, as every position Specgate gives).
     */
    static UnreadableSpecException notUtf8(byte[] bytes, int from, int bad, Exception cause) {
        int line = 0;
        int lineStart = from;
        for (int i = from; i < bad; i++) {
            byte b = bytes[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= bad || bytes[i + 1] != '\n'))) {
                line++; // LF, CRLF (at its LF) or a lone CR
                lineStart = i + 1;
            }
        }
        // the bytes before the bad one are well-formed: the strict decoder stopped at the first
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length();
        String shown = String.format("0x%02X", bytes[bad] & 0xFF);
        return new UnreadableSpecException(
                "not UTF-8 (byte " + shown + " at offset " + bad + "); save the file as UTF-8",
                dev.specgate.core.model.SourceRange.ofLine(line, column, column + 1),
                cause);
    }

    /** The encoding a UTF-16 or UTF-32 byte order mark at the start of {@code bytes} names. */
    private static Optional<String> wideByteOrderMark(byte[] bytes, int n) {
        if (n < 2 || (bytes[0] != 0 && bytes[0] != (byte) 0xFF && bytes[0] != (byte) 0xFE)) {
            return Optional.empty();
        }
        int b0 = n > 0 ? bytes[0] & 0xFF : -1;
        int b1 = n > 1 ? bytes[1] & 0xFF : -1;
        if (n >= 4
                && b0 == 0
                && b1 == 0
                && (bytes[2] & 0xFF) == 0xFE
                && (bytes[3] & 0xFF) == 0xFF) {
            return Optional.of("UTF-32");
        }
        if (n >= 4 && b0 == 0xFF && b1 == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
            return Optional.of("UTF-32");
        }
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            return Optional.of("UTF-16");
        }
        return Optional.empty();
    }

    /** The error for a NUL byte at {@code offset} of the file. */
    static UnreadableSpecException nul(int offset) {
        return new UnreadableSpecException(
                "binary file (NUL byte at offset " + offset + "), not a Markdown spec");
    }
}
