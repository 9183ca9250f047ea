package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HtmlBytes} holds the bytes {@code String.getBytes(UTF_8)} gives for the whole text it was
 * written, escaped where {@code text} escapes, whatever the pieces; and a page that appends it
 * holds them too.
 */
class HtmlBytesTest {

    private static final long SEED = 20261205L;

    // ASCII, the escaped four, Latin-1, two- and three-byte characters, a pair, lone halves
    private static final String[] PIECES = {
        "a",
        "Zz9 ",
        "<p>",
        "&amp;",
        "\"",
        ">",
        "'",
        "é",
        "ß",
        "\u007f",
        "\u0080",
        "\u07ff",
        "\u0800",
        "—",
        "→",
        "☑",
        "\uFFFD",
        "\uFEFF",
        "😀",
        "\uD83D",
        "\uDE00",
        "\uDBFF\uDFFF",
        "\n",
        "\r\n",
        "\0"
    };

    @TempDir Path dir;

    @Test
    void holdsTheBytesOfItsWholeTextWrittenInPieces() throws IOException {
        Random random = new Random(SEED);
        HtmlBytes html = new HtmlBytes(8); // grows
        PageBuffer page = new PageBuffer();
        Path file = dir.resolve("page.html");
        System.out.println("HtmlBytesTest seed " + SEED);
        for (int run = 0; run < 5_000; run++) {
            html.reset();
            StringBuilder whole = new StringBuilder();
            int pieces = random.nextInt(16);
            for (int p = 0; p < pieces; p++) {
                StringBuilder sb = new StringBuilder();
                int parts = random.nextInt(6);
                for (int i = 0; i < parts; i++) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String piece = sb.toString();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        html.text(piece);
                        whole.append(escape(piece));
                    }
                    case 1 -> {
                        html.raw(sb);
                        whole.append(piece);
                    }
                    case 2 -> {
                        String ascii = piece.chars().allMatch(c -> c < 0x80) ? piece : "<li>";
                        html.ascii(ascii);
                        whole.append(ascii);
                    }
                    default -> {
                        html.ascii('\n');
                        whole.append('\n');
                    }
                }
            }
            String text = whole.toString();
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Arrays.copyOf(html.bytes(), html.byteLength()))
                    .as("run %d: %s", run, text)
                    .isEqualTo(expected);
            assertThat(html.toString()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            // appended to a page between two pieces of template text
            page.reset();
            page.writeContent("<article>\n");
            page.append(html);
            page.writeContent("\n</article>");
            page.writeTo(file);
            assertThat(Files.readAllBytes(file))
                    .isEqualTo(
                            // its control characters shown on the page
                            ("<article>\n" + Utf8Bytes.shown(text) + "\n</article>")
                                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void dropsWhatWasWrittenAfterASize() {
        HtmlBytes html = new HtmlBytes();
        html.text("kept → ");
        int size = html.size();
        html.text("dropped \uD83D");
        html.truncate(size);
        html.ascii("<b>");
        assertThat(html).hasToString("kept → <b>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
