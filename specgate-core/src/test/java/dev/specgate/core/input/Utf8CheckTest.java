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
 * {@link SpecFileReader#checkBytes} (the one pass that replaced a search of the decoded text for
 * U+FFFD) calls bytes well-formed exactly when the JDK's strict decoder does, and decoding (one
 * pass, {@link Utf8Decoding}) gives the strict decoder's text or its error, and hands the parser
 * the text's chars ({@link TextChars}).
 */
class Utf8CheckTest {

    @Property(tries = 5000)
    void agreesWithTheStrictDecoder(@ForAll("utf8ish") byte[] bytes) throws Exception {
        boolean strict = strictlyDecodes(bytes);
        assertThat(Utf8Decoding.checkBytes(bytes)).isEqualTo(strict);
        if (strict) {
            String text = SpecFileReader.decode(bytes).text();
            assertThat(text).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            // the chars handed to the parser are the text's, and are handed over once
            char[] chars = TextChars.take(text);
            assertThat(chars.length).isGreaterThanOrEqualTo(text.length());
            assertThat(new String(chars, 0, text.length())).isEqualTo(text);
            assertThat(TextChars.take(text)).isNull();
        } else {
            assertThatThrownBy(() -> SpecFileReader.decode(bytes))
                    .isInstanceOf(UnreadableSpecException.class)
                    .hasMessageStartingWith("not UTF-8");
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
    void aNulByteBeforeOrAfterABadSequenceIsBinaryAtItsOffset() {
        byte[] before = {'a', 0, (byte) 0xC0, 'b'};
        assertThatThrownBy(() -> SpecFileReader.decode(before))
                .hasMessage("binary file (NUL byte at offset 1), not a Markdown spec");
        byte[] after = {'a', (byte) 0xC0, 'b', 0, 'c'};
        assertThatThrownBy(() -> SpecFileReader.decode(after))
                .hasMessage("binary file (NUL byte at offset 3), not a Markdown spec");
        byte[] afterBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 0};
        assertThatThrownBy(() -> SpecFileReader.decode(afterBom))
                .hasMessage("binary file (NUL byte at offset 4), not a Markdown spec");
    }

    @Example
    void charsAreHandedOnlyForTheStringDecodedLastOnThisThread() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'n', (byte) 0xC3, (byte) 0xAF, '\n'};
        String first = SpecFileReader.decode(bom).text();
        assertThat(first).isEqualTo("n\u00EF\n");
        String second =
                SpecFileReader.decode("x \uD83D\uDE00".getBytes(StandardCharsets.UTF_8)).text();
        assertThat(TextChars.take(first)).isNull(); // replaced by the later decoding
        assertThat(TextChars.take(new String(second))).isNull(); // an equal string is not it
        assertThat(TextChars.take(second)).isNull(); // the look-up above emptied the slot
        String third = SpecFileReader.decode(bom).text();
        // the decoder's array, as long as the bytes: the text is its first three chars
        assertThat(TextChars.take(third)).startsWith('n', '\u00EF', '\n').hasSize(4);
    }

    @Example
    void aTextOverAMebicharIsNotKeptForTheParse() throws Exception {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        String text = SpecFileReader.decode(big).text();
        assertThat(text).hasSize(big.length);
        assertThat(TextChars.take(text)).isNull();
    }

    @Example
    void asciiRunsOfEveryLengthEndAtTheEndOrAtTheByteThatStopsThem() throws Exception {
        // the lowest and highest ASCII bytes after NUL do not stop a run read sixteen at a time
        String[] stops = {"", "\u00e9", "\u2014", "\uD83D\uDE00", "\r\n", "\u0001\u007f"};
        for (int run = 0; run <= 40; run++) {
            String ascii = "-".repeat(run);
            for (String stop : stops) {
                String text = ascii + stop + ascii;
                assertThat(SpecFileReader.decode(text.getBytes(StandardCharsets.UTF_8)).text())
                        .as("run %d, stop %s", run, stop)
                        .isEqualTo(text);
            }
            byte[] nul = (ascii + "\0x").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SpecFileReader.decode(nul))
                    .hasMessage(
                            "binary file (NUL byte at offset " + run + "), not a Markdown spec");
            byte[] bad = (ascii + "\u00e9").getBytes(StandardCharsets.UTF_8);
            byte[] cut = java.util.Arrays.copyOf(bad, bad.length - 1);
            assertThatThrownBy(() -> SpecFileReader.decode(cut))
                    .hasMessage(
                            "not UTF-8 (byte 0xC3 at offset " + run + "); save the file as UTF-8");
        }
    }

    @Example
    void aNulByteAfterANonAsciiByteInTheSameSixteenIsStillFound() throws Exception {
        // the sixteen bytes read as two words are tested at once: a byte of 0x80 or more carries
        // into the byte after it, which must not make a NUL there look like ASCII
        byte[][] leads = {
            {(byte) 0xC3, (byte) 0xA9},
            {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xFF}
        };
        for (byte[] lead : leads) {
            for (int at = 0; at < 16; at++) {
                for (int nul = at + lead.length; nul < 24; nul++) {
                    byte[] bytes = new byte[32];
                    java.util.Arrays.fill(bytes, (byte) '-');
                    System.arraycopy(lead, 0, bytes, at, lead.length);
                    bytes[nul] = 0;
                    assertThatThrownBy(() -> SpecFileReader.decode(bytes))
                            .as("lead 0x%02X at %d, NUL at %d", lead[0], at, nul)
                            .hasMessage(
                                    "binary file (NUL byte at offset "
                                            + nul
                                            + "), not a Markdown spec");
                }
                byte[] bytes = new byte[32];
                java.util.Arrays.fill(bytes, (byte) 0x7F);
                System.arraycopy(lead, 0, bytes, at, lead.length);
                if (lead[0] != (byte) 0xFF) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(SpecFileReader.decode(bytes).text()).isEqualTo(text);
                }
            }
        }
    }

    @Example
    void aNulByteAfterABadSequenceIsStillBinary() {
        byte[] bytes = {'a', (byte) 0xC0, 'b', 0, 'c'};
        assertThatThrownBy(() -> Utf8Decoding.checkBytes(bytes))
                .hasMessage("binary file (NUL byte at offset 3), not a Markdown spec");
    }

    private static void assertWellFormed(boolean expected, int... values) throws Exception {
        byte[] bytes = new byte[values.length + 2];
        bytes[0] = 'x';
        for (int i = 0; i < values.length; i++) {
            bytes[i + 1] = (byte) values[i];
        }
        bytes[bytes.length - 1] = 'y';
        assertThat(Utf8Decoding.checkBytes(bytes))
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
