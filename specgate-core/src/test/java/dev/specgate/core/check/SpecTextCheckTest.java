package dev.specgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A check of a spec read from its file parses and scans the decoder's chars ({@link SpecText}) and
 * makes no string of them: the model and the findings are those of the check of the same text as a
 * string. Checked on every Markdown file of the test resources, and on variants of a spec that
 * leave the chars' path (front matter, a U+FEFF after the byte order mark, a setext heading the
 * one-pass block parser declines) or keep to it (CRLF, non-ASCII, tables, HTML comments, code,
 * nesting deeper than the parser reads).
 */
class SpecTextCheckTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    @Test
    void everyResourceSpecChecksTheSameFromItsChars() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(100);
        int checked = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (assertSameFromChars(f, bytes)) {
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void variantsOnAndOffTheCharsPathCheckTheSame() throws Exception {
        String spec =
                """
                # Technical Specification: Zähler für Ereignisse

                **Status:** Approved
                **Created:** 2026-01-05

                ## Executive Summary
                Über die Warteschlange — 1 → 2, “quoted” and [Placeholder here].

                <!-- a comment -->

                | Name | Wert |
                |------|------|
                | a    | ü    |

                ```java
                int x = 1;
                ```

                ---

                - [x] done
                - [ ] open
                """;
        String deep = "- ".repeat(SpecParser.MAX_NESTING_DEPTH) + "x\n";
        List<String> texts =
                List.of(
                        spec,
                        spec.replace("\n", "\r\n"),
                        "---\ntitle: Zähler\nstatus: Draft\n---\n" + spec,
                        "\uFEFF" + spec, // after the byte order mark: a U+FEFF of the text
                        spec.replace("## Executive Summary", "Executive Summary\n-----------"),
                        spec + "\n" + deep,
                        "",
                        "x");
        for (String text : texts) {
            Path file = Path.of("directives/spec/2026-01-05_spec_zaehler.md");
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertThat(assertSameFromChars(file, utf8)).as("checked %s", text).isTrue();
            byte[] withBom = new byte[utf8.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(utf8, 0, withBom, 3, utf8.length);
            assertThat(assertSameFromChars(file, withBom)).as("checked %s", text).isTrue();
        }
    }

    /** Checks {@code bytes} both ways; false when they are not a spec's text (not UTF-8). */
    private static boolean assertSameFromChars(Path file, byte[] bytes) throws IOException {
        SpecSource source;
        try {
            source = SpecSource.of(bytes);
        } catch (UnreadableSpecException e) {
            return false;
        }
        // first as a check reads it: the source's chars, before anything makes its string
        SpecText chars = source.content();
        SpecDocument fromChars = CHECKER.parseChars(file, chars);
        CheckResult viaChars = CHECKER.checkSource(file, fromChars, source, OPTIONS);

        String text = source.text();
        assertThat(chars.text()).isEqualTo(text);
        SpecDocument fromString = CHECKER.parse(file, text);
        assertThat(fromChars).as("model of %s", file).isEqualTo(fromString);
        CheckResult viaString = CHECKER.check(file, fromString, text, OPTIONS);
        assertThat(viaChars.diagnostics())
                .as("findings of %s", file)
                .isEqualTo(viaString.diagnostics());
        assertThat(viaChars.status()).isEqualTo(viaString.status());
        assertThat(viaChars.approval()).isEqualTo(viaString.approval());
        return true;
    }
}
