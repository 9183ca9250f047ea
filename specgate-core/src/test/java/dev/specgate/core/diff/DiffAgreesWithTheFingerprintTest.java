package dev.specgate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    @CsvSource(
            delimiter = '|',
            value = {
                "'\f'|true", // a form feed at a line's end
                "'\r'|false", // a carriage return before the line feed: a CRLF, no change
                "'\r\r'|true", // two: one more line break (an editor's doubled CRLF)
                "'\r '|true", // a break and a line of one space
                "'   \t'|false", // trailing spaces and tabs: no change for either
                "' é'|true", // text
                "'\r\n'|true", // a blank line (CRLF)
                "'\u00A0'|true" // a no-break space at the end
            })
    void aChangeAtALinesEndIsShownExactlyWhenItVoidsTheApproval(String appended, boolean voids)
            throws IOException {
        String before = spec();
        int at = before.indexOf('\n', before.indexOf(LINE));
        String after = before.substring(0, at) + unescape(appended) + before.substring(at);

        assertThat(!hash(after).equals(hash(before))).as("the approval is void").isEqualTo(voids);
        assertThat(diffSaysChanged(before, after)).as("diff shows a change").isEqualTo(voids);
    }

    /**
     * Only the {@code ---} above the status block deleted (CRLF, a byte order mark, an approval
     * recorded with the block's own digest): {@code diff --since approval} names the status block,
     * as {@code approval-stale} does, and not the Assumptions above it (it named the Assumptions,
     * with the deleted line and a blank line as their change); reviewer and assumption changes are
     * named as approval-stale names them too. Without the approvals (a record made before the block
     * had a digest), the block is the last section's, as that record reads it.
     */
    @Test
    void aDeletedRuleAboveTheStatusBlockIsNamedAsApprovalStaleNamesIt() throws IOException {
        String review =
                spec().replaceFirst(
                                "\\*\\*Document Status:\\*\\* Approved[^\\n]*",
                                "**Document Status:** Review")
                        .replace("\n", "\r\n");
        dev.specgate.core.edit.SpecSource source =
                dev.specgate.core.edit.SpecSource.of("\uFEFF" + review);
        String approved =
                dev.specgate.core.lifecycle.Lifecycle.standard()
                        .moveEdit(
                                source,
                                PARSER.parse(source.text()),
                                dev.specgate.core.lifecycle.SpecStatus.APPROVED,
                                java.time.LocalDate.of(2026, 11, 20),
                                java.util.Optional.of("Zoë Ångström"))
                        .text();
        String unruled = approved.replaceFirst("(\\r\\n)---(\\r\\n)", "$1$2");
        assertThat(unruled).isNotEqualTo(approved);
        String reviewer =
                approved.replaceFirst(
                                "\\*\\*Reviewer:\\*\\* [^\\r\\n]*", "**Reviewer:** Jörg Müller")
                        .replaceFirst("(\\r\\n)---(\\r\\n)", "$1$2");

        assertThat(APPROVALS.check(unruled, PARSER.parse(unruled)).changes())
                .isEqualTo("changed: the status block (Assigned to, Reviewer)");
        SpecDiff diff =
                new SpecDiffer()
                        .diff(
                                approved,
                                PARSER.parse(approved),
                                unruled,
                                PARSER.parse(unruled),
                                java.util.Optional.of(APPROVALS));
        assertThat(diff.sectionsChanged())
                .extracting(SpecDiff.SectionChange::title)
                .containsExactly("the status block");
        assertThat(diff.sectionsAdded()).isEmpty();
        assertThat(diff.sectionsRemoved()).isEmpty();
        assertThat(
                        new SpecDiffer()
                                .diff(
                                        approved,
                                        PARSER.parse(approved),
                                        reviewer,
                                        PARSER.parse(reviewer),
                                        java.util.Optional.of(APPROVALS))
                                .sectionsChanged())
                .extracting(SpecDiff.SectionChange::title)
                .containsExactly("the status block");

        // a blank line added above the ---: the approval is void, and diff shows it (the block's)
        String blank = approved.replaceFirst("(\\r\\n)---(\\r\\n)", "$1$1---$2");
        assertThat(hash(blank)).isNotEqualTo(hash(approved));
        assertThat(
                        new SpecDiffer()
                                .diff(
                                        approved,
                                        PARSER.parse(approved),
                                        blank,
                                        PARSER.parse(blank),
                                        java.util.Optional.of(APPROVALS))
                                .isEmpty())
                .isFalse();

        // as a record made before reads it: the last section's
        assertThat(
                        new SpecDiffer()
                                .diff(
                                        approved,
                                        PARSER.parse(approved),
                                        unruled,
                                        PARSER.parse(unruled))
                                .sectionsChanged())
                .extracting(SpecDiff.SectionChange::title)
                .containsExactly("Open Questions & Decisions > Assumptions");
    }

    /** The Java escapes written in the CSV rows above, read. */
    private static String unescape(String s) {
        return s.replace("\\f", "\f")
                .replace("\\r", "\r")
                .replace("\\n", "\n")
                .replace("\\t", "\t")
                .replace("\\u00A0", "\u00A0");
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

    /**
     * Two sections swapped, their texts unchanged: the approval's section digests are in order, so
     * the approval is void, and {@code diff} names the section moved. Found by a new-user trial:
     * {@code approval-stale} said "no section tells which" and {@code diff} showed nothing.
     */
    @Test
    void sectionsSwappedAreShownAsMoved() throws IOException {
        String before = spec().replace("\n", "\r\n");
        int current = before.indexOf("### Current State");
        int statement = before.indexOf("### Problem Statement");
        int cause = before.indexOf("### Root Cause Analysis");
        String after =
                before.substring(0, current)
                        + before.substring(statement, cause)
                        + before.substring(current, statement)
                        + before.substring(cause);

        assertThat(hash(after)).isNotEqualTo(hash(before));
        SpecDiff diff =
                new SpecDiffer().diff(before, PARSER.parse(before), after, PARSER.parse(after));
        // of two swapped, one is named: the one now first
        assertThat(diff.sectionsMoved()).containsExactly("Problem Analysis > Problem Statement");
        assertThat(diff.sectionsChanged()).isEmpty();
        assertThat(diff.sectionsAdded()).isEmpty();
        assertThat(diff.sectionsRemoved()).isEmpty();

        int solution = before.indexOf("## Proposed Solution");
        String down =
                before.substring(0, current)
                        + before.substring(statement, solution)
                        + before.substring(current, statement)
                        + before.substring(solution);
        // Current State moved down past three sections: it moved, not the three
        assertThat(hash(down)).isNotEqualTo(hash(before));
        assertThat(
                        new SpecDiffer()
                                .diff(before, PARSER.parse(before), down, PARSER.parse(down))
                                .sectionsMoved())
                .containsExactly("Problem Analysis > Current State");

        // moved under another heading: its path changed, its heading and text did not
        int overview = before.indexOf("### Solution Overview");
        String across =
                before.substring(0, current)
                        + before.substring(statement, overview)
                        + before.substring(current, statement)
                        + before.substring(overview);
        assertThat(hash(across)).isNotEqualTo(hash(before));
        SpecDiff elsewhere =
                new SpecDiffer().diff(before, PARSER.parse(before), across, PARSER.parse(across));
        assertThat(elsewhere.sectionsMoved()).containsExactly("Proposed Solution > Current State");
        assertThat(elsewhere.sectionsAdded()).isEmpty();
        assertThat(elsewhere.sectionsRemoved()).isEmpty();
    }
}
