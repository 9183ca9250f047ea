package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.edit.SpecSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read lent ({@link SpecFileReader#readLent}, {@link SpecSource#readLent}) is read into the
 * thread's reusable bytes, longer than the file: what the source gives of its bytes is the file's
 * and no more, the next file read after its release goes into the same bytes, one read while they
 * are out gets its own, and the released source's bytes fail to be read.
 */
class LentBytesTest {

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static BasicFileAttributes walked(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    @Test
    void aLentSourceGivesTheFilesBytesOnlyAndItsArrayGoesToTheNextFile() throws Exception {
        byte[] long1 = utf8("\uFEFF# Caf\u00e9 long spec\r\n\r\nBody \uD83D\uDE00 text.\r\n");
        Path first = write("first.md", long1);
        Path second = write("second.md", utf8("# Short"));
        SpecFileReader reader = new SpecFileReader();
        SpecFileReader.Lent a = reader.readLent(first, walked(first));
        assertThat(a.array().length).isGreaterThan(long1.length);
        assertThat(a.length()).isEqualTo(long1.length);
        SpecSource source = SpecSource.readLent(second, reader, walked(second));
        // a second read while the first one's bytes are out: its own array
        assertThat(source.bytes()).isEqualTo(utf8("# Short"));
        source.release();
        assertThat(a.text().hasBom()).isTrue();
        assertThat(a.text().toString())
                .isEqualTo("# Caf\u00e9 long spec\r\n\r\nBody \uD83D\uDE00 text.\r\n");
        a.text().release();

        SpecSource again = SpecSource.readLent(second, reader, walked(second));
        SpecSource.readLent(first, reader, walked(first)).release(); // its own array: no effect
        assertThat(again.bytes()).isEqualTo(utf8("# Short"));
        assertThat(again.hasBytes(utf8("# Short"))).isTrue();
        assertThat(again.hasBytes(utf8("# Short\n"))).isFalse();
        assertThat(again.textBytes().remaining()).isEqualTo(7);
        assertThat(again.text()).isEqualTo("# Short");
        again.release();
        assertThatThrownBy(again::bytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(again::textBytes).isInstanceOf(IllegalStateException.class);

        SpecFileReader.Lent b = reader.readLent(second, walked(second));
        assertThat(b.array()).isSameAs(a.array());
        b.text().release();
    }

    /**
     * Threads reading lent at once (a check's workers; the language and MCP servers' requests on
     * one façade) each read into their own bytes: every source holds its own file while the others
     * read, of other lengths.
     */
    @Test
    void threadsReadingLentAtOnceEachKeepTheirOwnFile() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String text = ("# Spec " + i + " \u00e9\r\n").repeat(1 + i * 37);
            texts.add(text);
            files.add(write("spec-" + i + ".md", utf8(text)));
        }
        SpecFileReader reader = new SpecFileReader();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                done.add(
                        pool.submit(
                                () -> {
                                    int checked = 0;
                                    for (int round = 0; round < 200; round++) {
                                        int i = (start * 5 + round * 3) % files.size();
                                        SpecSource s =
                                                SpecSource.readLent(
                                                        files.get(i), reader, walked(files.get(i)));
                                        Thread.yield(); // let the others read meanwhile
                                        assertThat(s.text()).isEqualTo(texts.get(i));
                                        assertThat(s.hasBytes(utf8(texts.get(i)))).isTrue();
                                        s.release();
                                        checked++;
                                    }
                                    return checked;
                                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileThatIsNoTextGivesTheBytesBackAndIsReportedAsBefore() throws Exception {
        Path ok = write("ok.md", utf8("# Ok"));
        SpecFileReader reader = new SpecFileReader();
        SpecFileReader.Lent before = reader.readLent(ok, walked(ok));
        before.text().release();
        Path binary = write("binary.md", new byte[] {'#', ' ', 0, 'x'});
        Path latin1 = write("latin1.md", new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> reader.readLent(binary, walked(binary)))
                .hasMessage("binary file (NUL byte at offset 2), not a Markdown spec");
        assertThatThrownBy(() -> reader.readLent(latin1, walked(latin1)))
                .hasMessageStartingWith("not UTF-8 (byte 0xE9 at offset 5)");
        SpecFileReader.Lent after = reader.readLent(ok, walked(ok));
        assertThat(after.array()).isSameAs(before.array());
        after.text().release();
    }

    @Test
    void aFileLongerThanTheKeptBytesIsReadIntoAnArrayOfItsOwn() throws Exception {
        Path small = write("small.md", utf8("# Small"));
        SpecFileReader reader = new SpecFileReader();
        SpecFileReader.Lent before = reader.readLent(small, walked(small));
        before.text().release();
        byte[] large =
                ("# Large\n\n" + "word ".repeat(LentBytes.MAX_KEPT / 5 + 10) + "\u00e9\n")
                        .getBytes(StandardCharsets.UTF_8);
        Path big = write("big.md", large);
        SpecFileReader.Lent read = reader.readLent(big, walked(big));
        assertThat(read.array()).isNotSameAs(before.array()).isEqualTo(large);
        assertThat(read.length()).isEqualTo(large.length);
        assertThat(read.text().toString()).endsWith("word \u00e9\n");
        read.text().release();
        SpecFileReader.Lent after = reader.readLent(small, walked(small));
        assertThat(after.array()).isSameAs(before.array());
        after.text().release();
    }

    @Test
    void aFileThatChangedSizeSinceTheWalkIsReadAsItIsNow() throws Exception {
        Path spec = write("spec.md", utf8("# Spec\n\nFirst words.\n"));
        BasicFileAttributes walked = walked(spec);
        Files.write(spec, utf8("# Spec\n\nFirst words, and more since.\n"));
        SpecSource grown = SpecSource.readLent(spec, new SpecFileReader(), walked);
        assertThat(grown.text()).isEqualTo("# Spec\n\nFirst words, and more since.\n");
        grown.release();
        Files.write(spec, utf8("# Spec\n"));
        SpecSource shrunk = SpecSource.readLent(spec, new SpecFileReader(), walked);
        assertThat(shrunk.bytes()).isEqualTo(utf8("# Spec\n"));
        shrunk.release();
    }
}
