package dev.specgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SpecFileReader#checkBytes}, the one pass that replaced a search of the decoded text for
 * U+FFFD, calls bytes well-formed exactly when the JDK's strict decoder does, and decoding gives
 * the strict decoder's text or its error.
 */
class Utf8CheckTest {

    @Property(tries = 5000)
    void agreesWithTheStrictDecoder(@ForAll("utf8ish") byte[] bytes) throws Exception {
        boolean strict = strictlyDecodes(bytes);
        assertThat(SpecFileReader.checkBytes(bytes)).isEqualTo(strict);
        if (strict) {
            assertThat(SpecFileReader.decode(bytes).text())
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        } else {
            assertThatThrownBy(() -> SpecFileReader.decode(bytes))
                    .isInstanceOf(UnreadableSpecException.class)
                    .hasMessageStartingWith("not valid UTF-8");
        }
    }

    @Example
    void boundariesOfEachSequenceLength() throws Exception {
        // the first and last well-formed sequence of each length, and the ill-formed neighbours
        assertWellFormed(true, 0x7F);
        assertWellFormed(false, 0xC1, 0xBF); // overlong
        assertWellFormed(true, 0xC2, 0x80);
        assertWellFormed(true, 0xDF, 0xBF);
        assertWellFormed(false, 0xE0, 0x9F, 0xBF); // overlong
        assertWellFormed(true, 0xE0, 0xA0, 0x80);
        assertWellFormed(true, 0xED, 0x9F, 0xBF);
        assertWellFormed(false, 0xED, 0xA0, 0x80); // a surrogate
        assertWellFormed(true, 0xEF, 0xBF, 0xBD); // a written U+FFFD
        assertWellFormed(false, 0xF0, 0x8F, 0xBF, 0xBF); // overlong
        assertWellFormed(true, 0xF0, 0x90, 0x80, 0x80);
        assertWellFormed(true, 0xF4, 0x8F, 0xBF, 0xBF);
        assertWellFormed(false, 0xF4, 0x90, 0x80, 0x80); // above U+10FFFF
        assertWellFormed(false, 0xF5, 0x80, 0x80, 0x80);
        assertWellFormed(false, 0xE2, 0x82); // cut short at the end
        assertWellFormed(false, 0x80);
    }

    @Example
    void aNulByteAfterABadSequenceIsStillBinary() {
        byte[] bytes = {'a', (byte) 0xC0, 'b', 0, 'c'};
        assertThatThrownBy(() -> SpecFileReader.checkBytes(bytes))
                .hasMessage("binary file (NUL byte at offset 3), not a Markdown spec");
    }

    private static void assertWellFormed(boolean expected, int... values) throws Exception {
        byte[] bytes = new byte[values.length + 2];
        bytes[0] = 'x';
        for (int i = 0; i < values.length; i++) {
            bytes[i + 1] = (byte) values[i];
        }
        bytes[bytes.length - 1] = 'y';
        assertThat(SpecFileReader.checkBytes(bytes))
                .as(java.util.Arrays.toString(values))
                .isEqualTo(expected);
        assertThat(strictlyDecodes(bytes)).isEqualTo(expected);
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Bytes mostly from the ranges where UTF-8's rules change, without NUL. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Integer> value =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 0x7F)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x80, 0xBF)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of(0xC0, 0xC1, 0xC2, 0xDF)),
                        net.jqwik.api.Tuple.of(
                                2, Arbitraries.of(0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of(0xF0, 0xF1, 0xF3, 0xF4, 0xF5)),
                        net.jqwik.api.Tuple.of(
                                2, Arbitraries.of(0x8F, 0x90, 0x9F, 0xA0, 0xBB, 0xBD, 0xFF)));
        return value.list()
                .ofMaxSize(12)
                .map(
                        list -> {
                            byte[] b = new byte[list.size()];
                            for (int i = 0; i < b.length; i++) {
                                b[i] = (byte) (int) list.get(i);
                            }
                            return b;
                        });
    }
}
