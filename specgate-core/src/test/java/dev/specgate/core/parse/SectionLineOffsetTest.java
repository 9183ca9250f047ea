package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A section's {@link Section#lineOffset()} is where its heading's first line begins in the spec's
 * text as read (no byte order mark): on both parse paths (the one-pass parser, and commonmark's for
 * a setext heading), under front matter, CRLF and lone CR line ends, indented headings and
 * non-ASCII text. The section-empty rule reads a short section's body from it.
 */
class SectionLineOffsetTest {

    private static final SpecParser PARSER = new SpecParser();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // plain, LF, indented heading, non-ASCII before it
                "# Zahlungsabgleich für Zürich\n\n## Overview\n\nDie Übersicht.\n\n   ## Rollback"
                        + " Strategy\nTBD\n",
                // BOM, front matter, CRLF
                "\uFEFF---\r\ntitle: Ledger\r\nowner: Zoë\r\n---\r\n# Ledger cut-over\r\n\r\n"
                        + "## Dependencies\r\n\r\nN/A\r\n\r\n## Open Questions\r\n\r\n...\r\n",
                // a setext heading: commonmark's path
                "Ledger cut-over\n===============\n\n## Testing Strategy\n\n> TBD\n\n"
                        + "Rollout\n-------\nTODO: write it\n",
                // lone CRs, a table and code with brackets before the heading
                "# Spec\r\r| a | b |\r|---|---|\r| [x] | `a[0]` |\r\r```java\rint[] a = {};\r```\r"
                        + "\r## Success Criteria\r\rComing soon\r",
                // headings in a quote and a list are no sections; the last one ends the file
                "# T\n\n> ## quoted\n\n- ## listed\n\n## Last",
            })
    void everySectionsOffsetIsItsHeadingsLineStart(String spec) throws Exception {
        SpecText read = SpecFileReader.decode(spec.getBytes(StandardCharsets.UTF_8));
        String text = read.text();
        for (SpecDocument doc : List.of(PARSER.parseChars(read), PARSER.parse(text))) {
            assertThat(doc.sections()).isNotEmpty();
            for (Section s : doc.sections()) {
                int at = s.lineOffset();
                assertThat(at).as("offset of %s", s.title()).isBetween(0, text.length());
                assertThat(at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r')
                        .as("%s begins a line", s.title())
                        .isTrue();
                assertThat(linesBefore(text, at)).as("line of %s", s.title()).isEqualTo(s.line());
            }
        }
    }

    /** The line breaks (LF, CRLF, a lone CR) before {@code offset}. */
    private static int linesBefore(String text, int offset) {
        int lines = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                lines++;
            }
        }
        return lines;
    }
}
