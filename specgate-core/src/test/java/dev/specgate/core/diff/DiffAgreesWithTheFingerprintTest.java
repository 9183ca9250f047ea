package dev.specgate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code diff --since approval} shows a change exactly when the approval's fingerprint changed: a
 * reviewer sees what an {@code approval-stale} is about. Found by a new-user trial: a form feed, a
 * stray carriage return or a blank line added at a section's end made the approval stale while
 * {@code diff} said "No change.".
 */
class DiffAgreesWithTheFingerprintTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final Approvals APPROVALS = Approvals.standard();
    private static final String LINE = "Exports for the 40 largest accounts fail every month";

    private static String spec() throws IOException {
        return Files.readString(
                Path.of(
                        "src/test/resources/rules/approval-missing/"
                                + "2026-03-02_spec_approved-without-record.md"),
                StandardCharsets.UTF_8);
    }

    private static String hash(String text) {
        return APPROVALS.fingerprint(text, PARSER.parse(text)).hash();
    }

    private static boolean diffSaysChanged(String before, String after) {
        return !new SpecDiffer()
                .diff(before, PARSER.parse(before), after, PARSER.parse(after))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\f", // a form feed at a line's end
                "\r", // a carriage return: one more line break
                "\r ", // a break and a line of one space
                "   \t", // trailing spaces and tabs: no change for either
                " é", // text
                "\r\n", // a blank line (CRLF)
                "\u00A0" // a no-break space at the end
            })
    void aChangeAtALinesEndIsShownExactlyWhenItVoidsTheApproval(String appended)
            throws IOException {
        String before = spec();
        int at = before.indexOf('\n', before.indexOf(LINE));
        String after = before.substring(0, at) + appended + before.substring(at);

        boolean stale = !hash(after).equals(hash(before));
        assertThat(diffSaysChanged(before, after)).as("%s", stale).isEqualTo(stale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\n\n", "\r\n"})
    void aBlankLineAddedBeforeAHeadingIsShownAsTheApprovalCountsIt(String added)
            throws IOException {
        String before = spec();
        int heading = before.indexOf("\n## ", before.indexOf("## ") + 3) + 1;
        String after = before.substring(0, heading) + added + before.substring(heading);

        assertThat(hash(after)).isNotEqualTo(hash(before));
        assertThat(diffSaysChanged(before, after)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\n\n\n", "  \n"})
    void blankLinesAtTheEndOfTheTextAreNoChangeForEither(String added) throws IOException {
        String before = spec();
        String after = before + added;

        assertThat(hash(after)).isEqualTo(hash(before));
        assertThat(diffSaysChanged(before, after)).isFalse();
    }
}
