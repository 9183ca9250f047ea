package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read lent ({@link SpecFileReader#readLent}, as a run's check of one file reads it) is
 * decoded into the thread's reusable chars: its text holds them until its release, is never read
 * after it, and no other text is decoded into them meanwhile.
 */
class LentCharsTest {

    @TempDir Path dir;

    private final SpecFileReader reader = new SpecFileReader();

    /** The text of a file holding {@code bytes}, read lent as a run's walk finds it. */
    private SpecText readLent(String name, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);
        return reader.readLent(file, Files.readAttributes(file, BasicFileAttributes.class)).text();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReleasedTextsCharsGoToTheNextTextAndTheReleasedOneFailsToBeRead() throws Exception {
        SpecText first = readLent("first.md", utf8("# Caf\u00e9\r\n\nBody text.\n"));
        char[] chars = first.array();
        assertThat(first.toString()).isEqualTo("# Caf\u00e9\r\n\nBody text.\n");
        first.release();
        assertThatThrownBy(first::array).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.charAt(0)).isInstanceOf(IllegalStateException.class);
        SpecText second = readLent("second.md", utf8("second"));
        assertThat(second.array()).isSameAs(chars);
        assertThat(second.toString()).isEqualTo("second");
        // the string made before the release is the text's own, not a view of the chars
        assertThat(first.text()).isEqualTo("# Caf\u00e9\r\n\nBody text.\n");
        second.release();
    }

    @Test
    void aTextDecodedWhileTheCharsAreLentGetsItsOwn() throws Exception {
        SpecText outer = readLent("outer.md", utf8("outer spec"));
        SpecText inner = readLent("inner.md", utf8("inner spec \uD83D\uDE00"));
        assertThat(inner.array()).isNotSameAs(outer.array());
        inner.release(); // not the lent chars: nothing given back
        assertThat(outer.toString()).isEqualTo("outer spec");
        assertThat(inner.toString()).isEqualTo("inner spec \uD83D\uDE00");
        SpecText third = readLent("third.md", utf8("third"));
        assertThat(third.array()).isNotSameAs(outer.array()); // still lent to outer
        outer.release();
        third.release();
    }

    @Test
    void bytesThatAreNoTextGiveTheCharsBack() throws Exception {
        SpecText before = readLent("before.md", utf8("x"));
        char[] chars = before.array();
        before.release();
        assertThatThrownBy(() -> readLent("binary.md", new byte[] {'a', 0, 'b'}))
                .hasMessage("binary file (NUL byte at offset 1), not a Markdown spec");
        assertThatThrownBy(() -> readLent("latin1.md", new byte[] {'a', (byte) 0xC0, 'b'}))
                .hasMessageStartingWith("not UTF-8 (byte 0xC0 at offset 1)");
        SpecText after = readLent("bom.md", utf8("\uFEFFwith a BOM"));
        assertThat(after.array()).isSameAs(chars);
        assertThat(after.hasBom()).isTrue();
        assertThat(after.toString()).isEqualTo("with a BOM");
        after.release();
    }

    @Test
    void aLentTextsStringIsNotHandedToTheParser() throws Exception {
        SpecText lent = readLent("lent.md", utf8("lent"));
        String text = lent.text();
        lent.release();
        assertThat(TextChars.take(text)).isNull();
    }

    @Test
    void releasingATextOfItsOwnCharsChangesNothing() throws Exception {
        SpecText own = SpecFileReader.decode(utf8("own"));
        own.release();
        assertThat(own.toString()).isEqualTo("own");
        assertThat(own.charAt(1)).isEqualTo('w');
    }
}
