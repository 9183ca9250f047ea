package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fingerprint's line reading jumps from break to break with {@code indexOf}; it must split and
 * encode as the first implementation's character loop did.
 */
class LineReadingPropertyTest {

    /** The first implementation's split: LF, CRLF or a lone CR end a line. */
    private static List<String> linesByCharacter(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(from, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        lines.add(text.substring(from));
        return lines;
    }

    private static String trimTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    @Property(tries = 2000)
    void linesSplitAndEncodeAsTheCharacterLoopAndStringGetBytes(@ForAll("texts") String text) {
        List<String> expected = linesByCharacter(text);
        ContentFingerprint.Lines lines = new ContentFingerprint.Lines(text, 0);
        assertThat(lines.count()).isEqualTo(expected.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : expected) {
            bytes.writeBytes(trimTrailing(line).getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (int l = 0; l < lines.count(); l++) {
            int n = lines.encode(l); // before reading the buffer, which it may replace
            encoded.write(lines.bytes, 0, n);
        }
        assertThat(encoded.toByteArray()).isEqualTo(bytes.toByteArray());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "\n",
                        "\r",
                        "\r\n",
                        "\n\r",
                        " ",
                        "\t",
                        "a",
                        "word",
                        "é",
                        "∑",
                        "\uD83D\uDCE6",
                        "\uD800",
                        "\uDC00",
                        "[x]",
                        "**Approval:**");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
