package dev.specgate.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.model.SourceRange;

/** What every check result must satisfy, whatever the input. */
final class Invariants {

    private Invariants() {}

    /** Every diagnostic has an id, a message and a range inside the text (0-based lines). */
    static void assertRangesValid(CheckResult result, String markdown) {
        int lines = lineCount(markdown);
        for (Diagnostic d : result.diagnostics()) {
            SourceRange r = d.range();
            assertThat(d.ruleId()).as("rule id").isNotBlank();
            assertThat(d.message()).as("message of %s", d.ruleId()).isNotBlank();
            assertThat(r.startLine())
                    .as("start line of %s", d)
                    .isBetween(0, Math.max(0, lines - 1));
            assertThat(r.endLine())
                    .as("end line of %s", d)
                    .isBetween(r.startLine(), Math.max(0, lines - 1));
            assertThat(r.startColumn()).as("start column of %s", d).isNotNegative();
            assertThat(r.endColumn()).as("end column of %s", d).isNotNegative();
            if (r.startLine() == r.endLine()) {
                assertThat(r.endColumn())
                        .as("end column of %s", d)
                        .isGreaterThanOrEqualTo(r.startColumn());
            }
        }
    }

    /** Lines as CommonMark counts them: ended by LF, CR LF or CR. */
    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n'
                    || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (i + 1 < text.length()) {
                    lines++;
                }
            }
        }
        return lines;
    }
}
