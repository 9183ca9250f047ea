package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.model.SourceRange;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict reading of spec files: UTF-8 only, no binary, a size limit, a BOM tolerated. */
class SpecFileReaderTest {

    private static final int LIMIT = 100;

    @TempDir Path dir;

    @Test
    void aWriteIsRefusedOnlyWhenItsSizeWouldPassTheLimit() {
        SpecFileReader reader = new SpecFileReader(1024, "max-file-size in .specgate.yml");
        assertThat(reader.writeRefusal(1023)).isEmpty();
        assertThat(reader.writeRefusal(1024)).isEmpty();
        assertThat(reader.writeRefusal(1025))
                .contains(
                        "it would be 1025 bytes, over the limit of 1 KiB (max-file-size in"
                                + " .specgate.yml), so it could not be read or checked again");
        assertThat(new SpecFileReader().writeRefusal(SpecFileReader.MAX_BYTES + 1))
                .hasValueSatisfying(why -> assertThat(why).contains("over the limit of 8 MiB,"));
    }

    @Test
    void readsUtf8AsIs() throws Exception {
        Path file = write("a.md", "# Café 日本 😀\r\n\r\ntext\n".getBytes(StandardCharsets.UTF_8));

        SpecText text = new SpecFileReader().read(file);

        assertThat(text.text()).isEqualTo("# Café 日本 😀\r\n\r\ntext\n");
        assertThat(text.hasBom()).isFalse();
    }

    @Test
    void removesAByteOrderMarkAndRemembersIt() throws Exception {
        Path file =
                write("a.md", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "# T\n"));

        SpecText text = new SpecFileReader().read(file);

        assertThat(text.text()).isEqualTo("# T\n");
        assertThat(text.hasBom()).isTrue();
    }

    @Test
    void emptyFileIsEmptyText() throws Exception {
        assertThat(new SpecFileReader().read(write("a.md", new byte[0])).text()).isEmpty();
    }

    @Test
    void invalidUtf8NamesTheBadByteItsOffsetAndTheFix() {
        byte[] latin1 = "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> SpecFileReader.decode(latin1))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("not UTF-8 (byte 0xE9 at offset 5); save the file as UTF-8");
    }

    @Test
    void badByteOffsetCountsTheByteOrderMarkButItsColumnDoesNot() {
        byte[] withBom =
                bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', (byte) 0xE9});

        UnreadableSpecException e = decodeFailure(withBom);

        assertThat(e).hasMessage("not UTF-8 (byte 0xE9 at offset 5); save the file as UTF-8");
        assertThat(e.position()).contains(SourceRange.ofLine(0, 2, 3));
    }

    @Test
    void aLatin1SpecSaysTheLineAndColumnOfItsBadByte() {
        // a spec saved as Latin-1 on Windows: CRLF endings, UTF-8-looking ASCII up to the accent
        String spec =
                "---\r\nowner: ops\r\n---\r\n# Technical Specification: Caf\u00e9 Menu\r\n\r\n"
                        + "**Document Status:** Draft\r\n\r\n## Executive Summary\r\n"
                        + "Le menu du caf\u00e9 change.\r\n";
        byte[] latin1 = spec.getBytes(StandardCharsets.ISO_8859_1);
        int offset = spec.indexOf('\u00e9');

        UnreadableSpecException e = decodeFailure(latin1);

        assertThat(e.position()).contains(SourceRange.ofLine(3, 30, 31));
        assertThat(e.describe("x.md"))
                .isEqualTo(
                        "x.md:4:31: not UTF-8 (byte 0xE9 at offset "
                                + offset
                                + "); save the file as UTF-8");
        assertThat(e.reasonWithPlace()).startsWith("line 4, column 31: not UTF-8 (byte 0xE9");
    }

    @Test
    void theColumnCountsUtf16UnitsAndLoneCarriageReturnsEndLines() {
        // "\u00fc" is two bytes but one column, "\ud83d\ude80" four bytes and two columns
        byte[] text =
                bytes(
                        "one\rtwo\n\u00fc\ud83d\ude80 ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xFC, 'x'});

        UnreadableSpecException e = decodeFailure(text);

        assertThat(e.position()).contains(SourceRange.ofLine(2, 4, 5));
        assertThat(e).hasMessageContaining("byte 0xFC at offset 15");
    }

    @Test
    void aReasonWithoutAPlaceIsSaidWithTheFileInFront() {
        UnreadableSpecException e = new UnreadableSpecException("permission denied");

        assertThat(e.position()).isEmpty();
        assertThat(e.describe("x.md")).isEqualTo("cannot read x.md: permission denied");
        assertThat(e.reasonWithPlace()).isEqualTo("permission denied");
    }

    private static UnreadableSpecException decodeFailure(byte[] bytes) {
        try {
            SpecFileReader.decode(bytes);
        } catch (UnreadableSpecException e) {
            return e;
        }
        throw new AssertionError("decoded: " + java.util.Arrays.toString(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0AF", "EDA080", "E282", "FF", "80"})
    void overlongSurrogateTruncatedAndStrayBytesAreNotUtf8(String hex) {
        byte[] bad = bytes("ok ".getBytes(StandardCharsets.US_ASCII), hex(hex));

        assertThatThrownBy(() -> SpecFileReader.decode(bad))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessageStartingWith("not UTF-8 (byte 0x")
                .hasMessageEndingWith("; save the file as UTF-8");
    }

    @Test
    void nulByteMeansBinary() {
        byte[] binary = bytes("# T\n".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1, 2});

        assertThatThrownBy(() -> SpecFileReader.decode(binary))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("binary file (NUL byte at offset 4), not a Markdown spec");
    }

    @ParameterizedTest
    @CsvSource({
        "UTF-16LE, FFFE, UTF-16",
        "UTF-16BE, FEFF, UTF-16",
        "UTF-32LE, FFFE0000, UTF-32",
        "UTF-32BE, 0000FEFF, UTF-32"
    })
    void textSavedAsUtf16OrUtf32WithItsByteOrderMarkIsSaidToBeSo(
            String charset, String mark, String named) {
        byte[] text =
                bytes(
                        HexFormat.of().parseHex(mark),
                        "# Überblick\n**Status:** Draft\n".getBytes(Charset.forName(charset)));

        assertThatThrownBy(() -> SpecFileReader.decode(text))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage(
                        named
                                + " text (its byte order mark says so), not UTF-8: save it as"
                                + " UTF-8");
    }

    @Test
    void utf16IsBinaryBecauseOfItsNulBytes() {
        byte[] utf16 = "# T\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> SpecFileReader.decode(utf16))
                .hasMessageStartingWith("binary file");
    }

    @Test
    void fileJustInsideTheLimitIsRead() throws Exception {
        Path file = write("a.md", ascii(LIMIT - 1));

        assertThat(new SpecFileReader(LIMIT).read(file).text()).hasSize(LIMIT - 1);
    }

    @Test
    void fileAtTheLimitIsRead() throws Exception {
        Path file = write("a.md", ascii(LIMIT));

        assertThat(new SpecFileReader(LIMIT).read(file).text()).hasSize(LIMIT);
    }

    @Test
    void fileJustOverTheLimitIsRefused() throws Exception {
        Path file = write("a.md", ascii(LIMIT + 1));

        assertThatThrownBy(() -> new SpecFileReader(LIMIT).read(file))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("file is 101 bytes, over the limit of 100 bytes");
    }

    @Test
    void byteOrderMarkCountsTowardsTheLimit() throws Exception {
        Path file =
                write(
                        "a.md",
                        bytes(
                                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                "x".repeat(LIMIT - 2)));

        assertThatThrownBy(() -> new SpecFileReader(LIMIT).read(file))
                .hasMessageContaining("over the limit");
    }

    @Test
    void defaultLimitIsEightMebibytes() {
        assertThat(SpecFileReader.MAX_BYTES).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new SpecFileReader(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes 0 must be >= 1");
    }

    @Test
    void missingFileAndDirectoryAreUnreadable() {
        SpecFileReader reader = new SpecFileReader();

        assertThatThrownBy(() -> reader.read(dir.resolve("absent.md"))).hasMessage("no such file");
        assertThatThrownBy(() -> reader.read(dir)).hasMessage("is a directory, not a file");
    }

    @Test
    void aDeviceOrAPipeIsRefusedNotReadForever() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a /dev/zero");
        Path link = Files.createSymbolicLink(dir.resolve("zero.md"), zero);

        assertThatThrownBy(() -> new SpecFileReader().read(link))
                .hasMessage("not a regular file (a device, pipe or socket)");
    }

    @Test
    @Timeout(20)
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path pipe = dir.resolve("pipe.md");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo");

        // opening a pipe for reading waits for a writer: the reader must refuse it before that
        assertThatThrownBy(() -> new SpecFileReader().read(pipe))
                .hasMessage("not a regular file (a device, pipe or socket)");
    }

    @Test
    void aLinkToASpecReadsItsBytesExactly() throws Exception {
        byte[] bytes =
                "\uFEFF# T\u00e9st \u2014 \uD83D\uDE00\r\n\r\n**Type:** A\r\n"
                        .getBytes(StandardCharsets.UTF_8);
        Path spec = Files.write(dir.resolve("real.md"), bytes);
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), spec);

        assertThat(new SpecFileReader().readBytes(link)).isEqualTo(bytes);
        SpecText text = new SpecFileReader().read(link);
        assertThat(text.hasBom()).isTrue();
        assertThat(text.text()).isEqualTo("# T\u00e9st \u2014 \uD83D\uDE00\r\n\r\n**Type:** A\r\n");
    }

    @Test
    void aFileThatSaysItIsEmptyIsReadToItsEnd() throws Exception {
        // the kernel's files say they hold 0 bytes, whatever they hold
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "a /proc/self/status");

        assertThat(new SpecFileReader().read(status).text()).contains("Name:");
    }

    @Test
    void aBrokenLinkSaysSo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("gone.md"), dir.resolve("absent.md"));

        assertThatThrownBy(() -> new SpecFileReader().read(link))
                .hasMessage("broken symbolic link: its target does not exist");
    }

    @Test
    void aLinkLoopSaysItIsALoopNotABrokenLink() throws Exception {
        Path a = dir.resolve("a.md");
        Path b = dir.resolve("b.md");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());

        assertThatThrownBy(() -> new SpecFileReader().read(a))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage(
                        "symbolic link loop (too many levels of symbolic links: "
                                + a
                                + " -> b.md -> a.md)");
    }

    @Test
    void aFileOverAConfiguredLimitNamesTheLimitAndWhereItComesFrom() throws Exception {
        Path file = write("a.md", ascii(4 * 1024 + 1));

        assertThatThrownBy(
                        () ->
                                new SpecFileReader(4 * 1024, "max-file-size in /p/.specgate.yml")
                                        .read(file))
                .hasMessage(
                        "file is 4097 bytes, over the limit of 4 KiB (max-file-size in"
                                + " /p/.specgate.yml)");
        assertThat(SpecFileReader.size(16L * 1024 * 1024)).isEqualTo("16 MiB");
        assertThat(SpecFileReader.size(1536)).isEqualTo("1536 bytes");
        assertThat(SpecFileReader.size(2048)).isEqualTo("2 KiB");
        assertThat(SpecFileReader.size(1)).isEqualTo("1 byte");
    }

    @Test
    void fileWithoutReadPermissionIsUnreadable() throws Exception {
        Path file = write("a.md", ascii(10));
        assumeTrue(
                Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(file, Set.of());
        assumeFalse(Files.isReadable(file), "this user can read any file (root)");

        assertThatThrownBy(() -> new SpecFileReader().read(file)).hasMessage("permission denied");
    }

    @Test
    void aFileReadWithTheWalksAttributesIsReadWhole() throws Exception {
        byte[] content =
                "# Caf\u00e9 \u2014 \ud83d\ude00\r\n\r\ntext\n".getBytes(StandardCharsets.UTF_8);
        Path file = write("a.md", content);
        BasicFileAttributes walked = Files.readAttributes(file, BasicFileAttributes.class);

        byte[] read = new SpecFileReader().readBytes(file, walked);

        assertThat(read).isEqualTo(content);
        assertThat(SpecFileReader.decode(read).text())
                .isEqualTo("# Caf\u00e9 \u2014 \ud83d\ude00\r\n\r\ntext\n");
    }

    @Test
    void aFileThatGrewOrShrankSinceTheWalkIsReadAsItIsNow() throws Exception {
        Path file = write("a.md", ascii(50));
        BasicFileAttributes walked = Files.readAttributes(file, BasicFileAttributes.class);
        SpecFileReader reader = new SpecFileReader();

        Files.write(file, ascii(80));
        assertThat(reader.readBytes(file, walked)).hasSize(80);

        Files.write(file, ascii(20));
        assertThat(reader.readBytes(file, walked)).hasSize(20);
    }

    @Test
    void aFileThatGrewOverTheLimitSinceTheWalkIsRefused() throws Exception {
        Path file = write("a.md", ascii(LIMIT));
        BasicFileAttributes walked = Files.readAttributes(file, BasicFileAttributes.class);
        Files.write(file, ascii(LIMIT + 1));

        assertThatThrownBy(() -> new SpecFileReader(LIMIT).readBytes(file, walked))
                .isInstanceOf(UnreadableSpecException.class)
                .hasMessage("file is 101 bytes, over the limit of 100 bytes");
    }

    @Test
    void aFileGoneOrReplacedByAFolderSinceTheWalkGetsItsOwnError() throws Exception {
        Path file = write("a.md", ascii(10));
        BasicFileAttributes walked = Files.readAttributes(file, BasicFileAttributes.class);
        SpecFileReader reader = new SpecFileReader();
        Files.delete(file);

        assertThatThrownBy(() -> reader.readBytes(file, walked)).hasMessage("no such file");

        Files.createDirectory(file);
        assertThatThrownBy(() -> reader.readBytes(file, walked))
                .hasMessage("is a directory, not a file");
    }

    @Test
    void theWalksAttributesOfAFileOverTheBufferAreReadAsWithout() throws Exception {
        byte[] content = ascii(3 * 1024 * 1024);
        content[content.length - 1] = '\n';
        Path file = write("a.md", content);
        BasicFileAttributes walked = Files.readAttributes(file, BasicFileAttributes.class);

        assertThat(new SpecFileReader().readBytes(file, walked)).isEqualTo(content);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] ascii(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    private static byte[] bytes(byte[] head, String tail) {
        return bytes(head, tail.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static byte[] hex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
