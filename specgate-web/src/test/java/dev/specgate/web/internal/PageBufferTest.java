package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page written through {@link PageBuffer} has the bytes {@code String.getBytes(UTF_8)} gives. */
class PageBufferTest {

    private static final long SEED = 20261205L;

    // ASCII, Latin-1, two- and three-byte characters, a pair, lone halves of pairs, the edges
    private static final String[] PIECES = {
        "a",
        "<p>",
        "&amp;",
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
    void encodesAsStringGetBytesOnGeneratedText() throws IOException {
        Random random = new Random(SEED);
        PageBuffer buffer = new PageBuffer();
        Path file = dir.resolve("encoded.html");
        System.out.println("PageBufferTest seed " + SEED);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            // the body's path: a builder's chars encoded by the buffer's own encoder, its control
            // characters shown
            buffer.reset();
            buffer.append(sb);
            buffer.writeTo(file);
            byte[] expected = Utf8Bytes.shown(text).getBytes(StandardCharsets.UTF_8);
            assertThat(Files.readAllBytes(file)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aPageWrittenInPiecesHasTheBytesOfItsWholeText() throws IOException {
        // strings, ranges of strings and builders, as the templates and the body write them; a
        // pair of surrogates may be cut between two pieces
        Random random = new Random(SEED + 1);
        PageBuffer buffer = new PageBuffer();
        Path file = dir.resolve("pieces.html");
        for (int run = 0; run < 2_000; run++) {
            buffer.reset();
            StringBuilder whole = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                StringBuilder sb = new StringBuilder();
                int parts = random.nextInt(8);
                for (int i = 0; i < parts; i++) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String piece = sb.toString();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        buffer.writeContent(piece);
                        whole.append(piece);
                    }
                    case 1 -> {
                        String padded = "<b>" + piece + "</b>";
                        int from = random.nextInt(padded.length() + 1);
                        int to = from + random.nextInt(padded.length() - from + 1);
                        buffer.writeContent(padded, from, to);
                        whole.append(padded, from, to);
                    }
                    case 2 -> {
                        buffer.append(sb);
                        whole.append(Utf8Bytes.shown(piece));
                    }
                    default -> {
                        // escaped, as jte escapes ${...}, its control characters shown
                        buffer.writeUserContent(piece);
                        whole.append(
                                Utf8Bytes.shown(piece)
                                        .replace("&", "&amp;")
                                        .replace("<", "&lt;")
                                        .replace(">", "&gt;")
                                        .replace("\"", "&#34;")
                                        .replace("'", "&#39;"));
                    }
                }
            }
            buffer.writeTo(file);
            String text = whole.toString();
            assertThat(Files.readAllBytes(file))
                    .as("run %d: %s", run, text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A body says whether it holds a character the page shows, noted as its pieces were encoded
     * (text, escaped text, ASCII runs, tags): the page copies a body without one as it is, and
     * shows one with them, bidirectional controls as marked escapes.
     */
    @Test
    void aBodyCarriesWhetherItHoldsACharacterToShow() throws IOException {
        HtmlBytes body = new HtmlBytes();
        body.ascii("<p>");
        body.text("Plain prose, é — ☑ and 😀 <b>");
        body.ascii("</p>\n");
        assertThat(body.holdsShown()).isFalse();
        for (String hidden :
                List.of("\u001B[2J", "\u0085", "\u202E", "\u2066", "\u2069", "\u007F")) {
            body.reset().text("a " + hidden + " b");
            assertThat(body.holdsShown()).as("U+%04X", (int) hidden.charAt(0)).isTrue();
        }
        body.reset();
        body.ascii("x\u0007y".toCharArray(), 0, 3);
        assertThat(body.holdsShown()).isTrue();
        assertThat(body.reset().holdsShown()).isFalse();
        body.ascii("\u0000");
        assertThat(body.holdsShown()).isTrue();
        // the text kept for the next piece: a pair cut between two pieces is still one character
        body.reset().text("\uD83D");
        body.text("\uDE00 and \u2067isolated\u2069");

        PageBuffer page = new PageBuffer();
        page.writeContent("<article>");
        page.append(body);
        page.writeContent("</article>");
        Path file = dir.resolve("marked.html");
        page.writeTo(file);
        assertThat(Files.readString(file))
                .isEqualTo("<article>😀 and ⟦U+2067⟧isolated⟦U+2069⟧</article>");
    }

    @Test
    void pagesWrittenOneAfterAnotherReplaceTheFileWithTheirOwnText() throws IOException {
        PageBuffer buffer = new PageBuffer();
        Path file = dir.resolve("page.html");
        String first = "<h1>Überblick — ☑ 😀</h1>\n".repeat(3_000);
        buffer.reset().writeContent(first);
        buffer.writeTo(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first);

        buffer.reset().writeContent("xx<p>short</p>yy", 2, 14);
        buffer.writeContent("\n");
        buffer.writeTo(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("<p>short</p>\n");
        assertThat(buffer).hasToString("<p>short</p>\n");
    }

    @Test
    void aStreamingBufferWritesTheBytesOfItsWholeTextAsItFills() throws IOException {
        // over a megabyte in pieces, pairs cut between pieces and across the 256 KB spills
        Random random = new Random(SEED + 2);
        Path file = dir.resolve("streamed.html");
        StringBuilder whole = new StringBuilder();
        try (var out = Files.newOutputStream(file)) {
            PageBuffer buffer = PageBuffer.streaming(out);
            while (whole.length() < 1_200_000) {
                StringBuilder sb = new StringBuilder();
                for (int i = random.nextInt(30); i > 0; i--) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String piece = sb.toString();
                if (random.nextBoolean()) {
                    buffer.writeContent(piece);
                } else {
                    String padded = "<i>" + piece + "</i>";
                    buffer.writeContent(padded, 3, 3 + piece.length());
                }
                whole.append(piece);
            }
            buffer.finish();
        }
        assertThat(Files.readAllBytes(file))
                .isEqualTo(whole.toString().getBytes(StandardCharsets.UTF_8));
    }
}
