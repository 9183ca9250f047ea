package dev.specgate.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    /** A tiny template: a title, a Type choice, a Summary and a Details section. */
    private static final TemplateSchema SCHEMA =
            TemplateSchema.derive(
                    "tiny",
                    "# [Title]\n\n**Type:** [A | B]\n\n## Summary\n[Summary text]\n\n"
                            + "## Details\n[Details text]\n");

    private static final SpecChecker CHECKER = SpecChecker.builder().schema(SCHEMA).build();

    private static List<String> findings(String markdown) {
        return findings(null, markdown);
    }

    private static List<String> findings(Path file, String markdown) {
        List<Diagnostic> ds =
                CHECKER.check(file, markdown, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                        .diagnostics();
        return ds.stream().map(d -> (d.range().startLine() + 1) + " " + d.ruleId()).toList();
    }

    @Test
    void withoutDirectivesEverythingIsReported() {
        assertThat(findings("# T\n\n**Type:** C\n\n## Summary\n[todo]\n\n## Details\n[later]\n"))
                .containsExactly("3 field-value", "6 placeholder-bracket", "9 placeholder-bracket");
    }

    @Test
    void disableNextLineSilencesOnlyThatLineAndThoseRules() {
        String spec =
                """
                # T

                <!-- specgate-disable-next-line field-value -- legacy value, see ADR-12 -->
                **Type:** C

                ## Summary
                <!-- specgate-disable-next-line section-empty, field-value -->
                [todo]

                ## Details
                [later]
                """;

        assertThat(findings(spec))
                .containsExactly("8 placeholder-bracket", "11 placeholder-bracket");
    }

    @Test
    void disableAndEnableBoundABlock() {
        String spec =
                """
                # T

                **Type:** C

                <!-- specgate-disable placeholder-bracket -->
                ## Summary
                [todo]
                <!-- specgate-enable placeholder-bracket -->

                ## Details
                [later]
                """;

        assertThat(findings(spec)).containsExactly("3 field-value", "11 placeholder-bracket");
    }

    @Test
    void disableWithoutRulesCoversEveryRuleToTheEnd() {
        String spec =
                """
                # T

                **Type:** C

                ## Summary
                <!-- specgate-disable -->
                [todo]

                ## Details
                [later]
                """;

        // it silences, and is itself reported (suppression-blanket), which it cannot silence
        assertThat(findings(spec)).containsExactly("3 field-value", "6 suppression-blanket");
    }

    @Test
    void enablingOneRuleInsideABlanketDisable() {
        String spec =
                """
                # T

                ## Summary
                <!-- specgate-disable -->
                <!-- specgate-enable placeholder-bracket -->
                [todo]

                ## Details
                **Type:** C
                """;

        assertThat(findings(spec))
                .containsExactly("4 suppression-blanket", "6 placeholder-bracket");
    }

    @Test
    void aBlanketDisableIsAnErrorFromReviewOnAWarningInADraftAndNotSilencedByAnyComment() {
        String spec =
                """
                <!-- specgate-disable -->
                <!-- specgate-disable suppression-blanket -- we know -->
                # T

                **Type:** C

                ## Summary
                [todo]

                ## Details
                Done.
                """;
        CheckOptions options = CheckOptions.asOf(LocalDate.of(2026, 11, 25));
        List<Diagnostic> review = CHECKER.check(null, spec, options).diagnostics();
        List<Diagnostic> draft =
                CHECKER.check(null, spec, options.withStrictness(Strictness.DRAFT)).diagnostics();

        assertThat(review)
                .extracting(d -> d.range().startLine() + 1 + " " + d.severity() + " " + d.ruleId())
                .containsExactly("1 ERROR suppression-blanket", "2 WARNING suppression-refused");
        assertThat(review.get(0).message())
                .isEqualTo(
                        "'specgate-disable' names no rule, so it silences every rule (for the"
                                + " whole file): name the rules it is for");
        assertThat(review.get(1).message()).contains("cannot silence suppression-blanket");
        assertThat(draft)
                .extracting(d -> d.range().startLine() + 1 + " " + d.severity() + " " + d.ruleId())
                .containsExactly("1 WARNING suppression-blanket", "2 WARNING suppression-refused");
    }

    @Test
    void aBlanketBeforeTheFirstSectionThatAnEnableEndsSaysSoNotTheWholeFile() {
        String spec =
                """
                <!-- specgate-disable -->
                # T

                **Type:** C

                ## Summary
                [todo]

                <!-- specgate-enable -->
                ## Details
                [later]
                """;
        List<Diagnostic> ds =
                CHECKER.check(null, spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                        .diagnostics();

        assertThat(ds)
                .extracting(d -> d.range().startLine() + 1 + " " + d.ruleId())
                .containsExactly("1 suppression-blanket", "11 placeholder-bracket");
        assertThat(ds.get(0).message())
                .isEqualTo(
                        "'specgate-disable' names no rule, so it silences every rule (from the"
                                + " first line to its specgate-enable): name the rules it is for");
    }

    @Test
    void aDisableNextLineWithoutRulesIsNotABlanket() {
        String spec =
                """
                # T

                **Type:** C

                ## Summary
                <!-- specgate-disable-next-line -->
                [todo]

                ## Details
                [later]
                """;

        assertThat(findings(spec)).containsExactly("3 field-value", "10 placeholder-bracket");
    }

    @Test
    void disableBeforeTheFirstSectionCoversWholeFileFindings() {
        String spec =
                """
                <!-- specgate-disable field-missing -->
                # T

                ## Summary
                Done.

                ## Details
                Done.
                """;

        assertThat(findings(spec)).isEmpty();
        assertThat(findings(spec.replace("<!-- specgate-disable field-missing -->\n", "")))
                .containsExactly("1 field-missing");
    }

    @Test
    void commentsInCodeAreNotDirectives() {
        String spec =
                """
                # T

                **Type:** C

                ```html
                <!-- specgate-disable -->
                ```

                ## Summary
                [todo]

                ## Details
                Done.
                """;

        assertThat(findings(spec)).containsExactly("3 field-value", "10 placeholder-bracket");
    }

    @Test
    void otherCommentsAndUnknownKeywordsChangeNothing() {
        String spec =
                """
                # T

                <!-- specgate-disable-line field-value -->
                <!-- a note to reviewers -->
                **Type:** C

                ## Summary
                Done.

                ## Details
                Done.
                """;

        assertThat(findings(spec)).containsExactly("5 field-value");
    }

    @Test
    void aSpecCannotSilenceTheApprovalRulesWithOrWithoutNamingThem() throws Exception {
        String approved =
                Files.readString(
                        Path.of(
                                "src/test/resources/rules/approval-stale/"
                                        + "2026-03-02_spec_section-changed-after-approval.md"));
        SpecChecker builtin = SpecChecker.builder().build();
        for (String comment :
                List.of(
                        "<!-- specgate-disable -->",
                        "<!-- specgate-disable approval-stale, placeholder-bracket -->")) {
            List<Diagnostic> found =
                    builtin.check(
                                    null,
                                    comment + "\n" + approved,
                                    CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                            .diagnostics();

            assertThat(found).as(comment).anyMatch(d -> d.ruleId().equals(RuleIds.APPROVAL_STALE));
            assertThat(found.stream().filter(d -> d.ruleId().equals(RuleIds.SUPPRESSION_REFUSED)))
                    .as(comment)
                    .hasSize(comment.contains("approval-stale") ? 1 : 0);
        }
    }

    @Test
    void theRulesASpecCannotSilenceAreTheApprovalRules() {
        assertThat(Suppressions.NOT_SILENCED_BY_THE_SPEC)
                .containsExactlyInAnyOrder(RuleIds.APPROVAL_STALE, RuleIds.APPROVAL_MISSING);
    }

    @Test
    void directivesInOddPlacesAreReadOnceForTheRulesAndTheFilterAlike() {
        // before the title, after a field on its line, upper case, in a paragraph and a list
        // item, in code (no directive), in a block quote, without spaces, and an enable that
        // ends nothing; the rules about the comments and the check's filter share one reading
        String spec =
                "<!-- specgate-disable-next-line no-such-rule -- a reason -->\n"
                        + "# Technical Specification: Odd Suppressions\n"
                        + "\n"
                        + "<!-- SPECGATE-ENABLE field-value -->\n"
                        + "**Type:** Nonsense <!-- specgate-disable-next-line field-value -->\n"
                        + "\n"
                        + "## Executive Summary\n"
                        + "\n"
                        + "Text with [TODO] in it. <!-- specgate-disable-next-line placeholder-bracket, no-such-rule -->\n"
                        + "Another [TBD] line here.\n"
                        + "\n"
                        + "- an item <!-- specgate-disable section-empty -->\n"
                        + "\n"
                        + "```\n"
                        + "<!-- specgate-disable -->\n"
                        + "```\n"
                        + "\n"
                        + "> <!-- specgate-disable approval-stale -->\n"
                        + "\n"
                        + "## Problem Analysis\n"
                        + "<!--specgate-disable-->\n"
                        + "\n"
                        + "## Proposed Solution\n"
                        + "\n"
                        + "<!-- specgate-enable -->\n";
        SpecChecker standard = SpecChecker.standard();
        List<String> found =
                standard
                        .check(
                                Path.of("2026-03-02_spec_odd-suppressions.md"),
                                spec,
                                CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                        .diagnostics()
                        .stream()
                        .map(d -> (d.range().startLine() + 1) + " " + d.ruleId())
                        .filter(f -> !f.startsWith("25 "))
                        .toList();

        assertThat(found)
                .containsExactly(
                        "1 suppression-unknown-rule",
                        "2 field-missing",
                        "2 field-missing",
                        "4 suppression-enable-unused",
                        "5 field-value",
                        "9 suppression-unknown-rule",
                        "9 placeholder-bracket",
                        "18 suppression-refused",
                        "21 suppression-blanket");
        var doc = standard.parse(null, spec);
        Suppressions once = Suppressions.of(doc);
        assertThat(once.ruleNames()).hasSize(7);
        assertThat(once.blankets()).hasSize(1);
        assertThat(once.unusedEnables()).hasSize(1);
    }
}
