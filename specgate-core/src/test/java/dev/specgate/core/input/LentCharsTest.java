package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A text decoded into the thread's reusable chars ({@link SpecFileReader#decodeLent}) holds them
 * until its release, is never read after it, and no other text is decoded into them meanwhile.
 */
class LentCharsTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReleasedTextsCharsGoToTheNextTextAndTheReleasedOneFailsToBeRead() throws Exception {
        SpecText first = SpecFileReader.decodeLent(utf8("# Caf\u00e9\r\n\nBody text.\n"));
        char[] chars = first.array();
        assertThat(first.toString()).isEqualTo("# Caf\u00e9\r\n\nBody text.\n");
        first.release();
        assertThatThrownBy(first::array).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.charAt(0)).isInstanceOf(IllegalStateException.class);
        SpecText second = SpecFileReader.decodeLent(utf8("second"));
        assertThat(second.array()).isSameAs(chars);
        assertThat(second.toString()).isEqualTo("second");
        // the string made before the release is the text's own, not a view of the chars
        assertThat(first.text()).isEqualTo("# Caf\u00e9\r\n\nBody text.\n");
        second.release();
    }

    @Test
    void aTextDecodedWhileTheCharsAreLentGetsItsOwn() throws Exception {
        SpecText outer = SpecFileReader.decodeLent(utf8("outer spec"));
        SpecText inner = SpecFileReader.decodeLent(utf8("inner spec \uD83D\uDE00"));
        assertThat(inner.array()).isNotSameAs(outer.array());
        inner.release(); // not the lent chars: nothing given back
        assertThat(outer.toString()).isEqualTo("outer spec");
        assertThat(inner.toString()).isEqualTo("inner spec \uD83D\uDE00");
        SpecText third = SpecFileReader.decodeLent(utf8("third"));
        assertThat(third.array()).isNotSameAs(outer.array()); // still lent to outer
        outer.release();
        third.release();
    }

    @Test
    void bytesThatAreNoTextGiveTheCharsBack() throws Exception {
        SpecText before = SpecFileReader.decodeLent(utf8("x"));
        char[] chars = before.array();
        before.release();
        assertThatThrownBy(() -> SpecFileReader.decodeLent(new byte[] {'a', 0, 'b'}))
                .hasMessage("binary file (NUL byte at offset 1), not a Markdown spec");
        assertThatThrownBy(() -> SpecFileReader.decodeLent(new byte[] {'a', (byte) 0xC0, 'b'}))
                .hasMessageStartingWith("not UTF-8 (byte 0xC0 at offset 1)");
        SpecText after = SpecFileReader.decodeLent(utf8("\uFEFFwith a BOM"));
        assertThat(after.array()).isSameAs(chars);
        after.release();
    }

    @Test
    void aLentTextsStringIsNotHandedToTheParser() throws Exception {
        SpecText lent = SpecFileReader.decodeLent(utf8("lent"));
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
