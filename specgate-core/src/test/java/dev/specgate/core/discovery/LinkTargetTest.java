package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a link destination's path ends, and what is read from it. */
class LinkTargetTest {

    @ParameterizedTest(name = "''{0}'' -> path of length {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "2026-02-16_spec_payout.md | 25",
                "2026-02-16_spec_payout.md#open-questions | 25",
                "2026-02-16_spec_payout.md?plain=1 | 25",
                "2026-02-16_spec_payout.md?plain=1#L4 | 25",
                "2026-02-16_spec_payout.md#a?b | 25",
                "#open-questions | 0",
                "?raw | 0",
                "\"\" | 0",
                "../d%C3%A9cision.md#r%C3%A9sum%C3%A9 | 19",
            })
    void thePathEndsAtTheFirstFragmentOrQuery(String destination, int length) {
        assertThat(LinkTarget.pathLength(destination)).isEqualTo(length);
    }

    @ParameterizedTest(name = "''{0}'' names ''{1}''")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "2026-02-16_spec_payout.md#open-questions | 2026-02-16_spec_payout.md",
                "docs/a+b.md?plain=1 | docs/a+b.md",
                "../d%C3%A9cision.md#r%C3%A9sum%C3%A9 | ../décision.md",
                "notes/100%.md | notes/100%.md",
            })
    void pathReadsWhatIsBeforeThePathLength(String destination, String path) {
        assertThat(LinkTarget.path(destination)).contains(path);
        assertThat(LinkTarget.path(destination.substring(0, LinkTarget.pathLength(destination))))
                .contains(path);
    }

    @ParameterizedTest(name = "''{0}'' names no file")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"#open-questions", "?raw", "\"\""})
    void anAnchorAloneNamesNoFile(String destination) {
        assertThat(LinkTarget.path(destination)).isEmpty();
        assertThat(LinkTarget.of(Path.of("/p/directives/spec"), destination))
                .isEqualTo(Optional.empty());
    }
}
