package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintLinesTest {

    @Test
    void linesBreakAtEveryLineEndingAndLoseTrailingBlanksOnly() {
        String text = "# Überblick \t\r\n\r\n  - [ ] Zähler\rcode {a[0]}\t \nlast  ";

        assertThat(ContentFingerprint.lines(text))
                .containsExactly("# Überblick", "", "  - [ ] Zähler", "code {a[0]}", "last");
    }

    @Test
    void aTextEndingInABreakHasAnEmptyLastLineAndTheListIsTheCallers() {
        var lines = ContentFingerprint.lines("a\nb\n");

        assertThat(lines).containsExactly("a", "b", "");
        lines.set(0, "changed"); // SpecDiffer clears boxes in it
        assertThat(lines).first().isEqualTo("changed");
        assertThat(ContentFingerprint.lines("")).containsExactly("");
    }
}
