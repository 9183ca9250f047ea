package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The schema derived from the built-in template, and derivation from other templates. */
class TemplateSchemaTest {

    private static final TemplateSchema BUILTIN = TemplateSchema.builtin();

    @Nested
    class BuiltinSections {

        @Test
        void titleAndSectionCount() {
            assertThat(BUILTIN.name()).isEqualTo("rigour-vibe");
            assertThat(BUILTIN.title()).contains("Technical Specification: [Feature/Problem Name]");
            assertThat(BUILTIN.sections()).hasSize(50);
        }

        @Test
        void topLevelSectionsInTemplateOrder() {
            assertThat(BUILTIN.sections().stream().filter(s -> s.parent() < 0))
                    .extracting(SectionSpec::title)
                    .containsExactly(
                            "Executive Summary",
                            "Problem Analysis",
                            "Proposed Solution",
                            "Implementation Plan",
                            "Technical Details",
                            "Risk Assessment",
                            "Testing Strategy",
                            "Monitoring & Observability",
                            "Dependencies & Integration",
                            "Rollback Strategy",
                            "Success Criteria",
                            "Timeline & Milestones",
                            "Open Questions & Decisions");
        }

        @Test
        void subsectionsKnowLevelParentAndOrder() {
            SectionSpec problem = only("problem analysis");
            SectionSpec current = only("current state");
            SectionSpec evidence = only("evidence & metrics");

            assertThat(problem.level()).isEqualTo(2);
            assertThat(current.level()).isEqualTo(3);
            assertThat(current.parent()).isEqualTo(problem.index());
            assertThat(evidence.parent()).isEqualTo(problem.index());
            assertThat(current.index()).isLessThan(evidence.index());
            assertThat(current.heading()).isEqualTo("### Current State");
            assertThat(BUILTIN.sections())
                    .extracting(SectionSpec::index)
                    .isEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
        }

        @Test
        void keysDropTheTrailingParenthetical() {
            SectionSpec files = only("file organization");

            assertThat(files.title()).isEqualTo("File Organization (Rigour Vibe Structure)");
            assertThat(files.optional()).isFalse();
            assertThat(only("phase 1: analysis & setup").parent())
                    .isEqualTo(only("timeline & milestones").index());
        }

        @Test
        void optionalSectionsAreThoseTheTemplateMarksIfApplicable() {
            assertThat(BUILTIN.sections().stream().filter(SectionSpec::optional))
                    .extracting(SectionSpec::title)
                    .containsExactly("API Changes", "Database Changes");
        }

        private SectionSpec only(String key) {
            List<SectionSpec> found = BUILTIN.sectionsWithKey(key);
            assertThat(found).as("sections with key '%s'", key).hasSize(1);
            return found.get(0);
        }
    }

    @Nested
    class BuiltinFields {

        @Test
        void fieldsInTemplateOrderWithTheirKind() {
            assertThat(BUILTIN.fields())
                    .extracting(FieldSpec::label, FieldSpec::kind, FieldSpec::inHeader)
                    .containsExactly(
                            tuple("File", FieldKind.FILE, true),
                            tuple("Created", FieldKind.DATE, true),
                            tuple("Type", FieldKind.CHOICE, true),
                            tuple("Document Status", FieldKind.CHOICE, false),
                            tuple("Last Updated", FieldKind.DATE, false),
                            tuple("Next Review", FieldKind.DATE, false),
                            tuple("Assigned to", FieldKind.TEXT, false),
                            tuple("Reviewer", FieldKind.TEXT, false));
        }

        @Test
        void typeAllowsTheFiveTemplateTypes() {
            assertThat(BUILTIN.field("type").map(FieldSpec::allowedValues))
                    .contains(
                            List.of(
                                    "Bug Fix",
                                    "Performance Optimization",
                                    "Architecture Change",
                                    "Integration",
                                    "Security Enhancement"));
        }

        @Test
        void statusesAreTheLifecycleInOrder() {
            assertThat(BUILTIN.statuses())
                    .containsExactly("Draft", "Review", "Approved", "Implementation");
            assertThat(BUILTIN.status(" review ")).contains("Review");
            assertThat(BUILTIN.status("Done")).isEmpty();
        }

        @Test
        void fileFieldKeepsTheTemplateExamplePath() {
            FieldSpec file = BUILTIN.field(TemplateSchema.FILE_FIELD).orElseThrow();

            assertThat(file.templateValue())
                    .isEqualTo("`../directives/spec/YYYY-MM-DD_spec_feature-name.md`");
            assertThat(file.markdown()).isEqualTo("**File:**");
        }

        @Test
        void unknownFieldIsAbsent() {
            assertThat(BUILTIN.field("Priority")).isEmpty();
        }
    }

    @Nested
    class BuiltinPlaceholders {

        @Test
        void placeholdersAreTheBracketedProseOfTheTemplate() {
            assertThat(BUILTIN.placeholders())
                    .hasSize(100)
                    .contains(
                            "[Feature/Problem Name]",
                            "[Date]",
                            "[Time estimate]",
                            "[percentage]",
                            "[Technical decision 1]",
                            "[Draft | Review | Approved | Implementation]");
        }

        @Test
        void codeAndTaskBoxesAreNotPlaceholders() {
            assertThat(BUILTIN.placeholders()).doesNotContain("[feature-name]", "[ ]", "[x]");
        }

        @Test
        void matchingIsExactButFoldsWhitespace() {
            assertThat(BUILTIN.isTemplatePlaceholder("[Time estimate]")).isTrue();
            assertThat(BUILTIN.isTemplatePlaceholder("[Time \n  estimate]")).isTrue();
            assertThat(BUILTIN.isTemplatePlaceholder("[time estimate]")).isFalse();
            assertThat(BUILTIN.isTemplatePlaceholder("[Time estimate ]")).isFalse();
        }
    }

    @Nested
    class OtherTemplates {

        private final TemplateSchema custom =
                TemplateSchema.derive(
                        "team",
                        """
                        # Design Note: [Name]

                        **Owner:** [Team]
                        **Priority:** [Low | Medium | High]

                        ## Context
                        [Why this matters]

                        ## Rollout (if applicable)
                        [Steps]

                        ## Migration
                        [How data moves, if needed]

                        ### Backfill
                        [Backfill plan]

                        ## Appendix
                        Free text.

                        ---
                        **Status:** [Draft | Final]
                        **Decided:** [Date]
                        """);

        @Test
        void sectionsFieldsAndPlaceholdersComeFromTheMarkdown() {
            assertThat(custom.title()).contains("Design Note: [Name]");
            assertThat(custom.sections())
                    .extracting(
                            SectionSpec::title,
                            SectionSpec::level,
                            SectionSpec::parent,
                            SectionSpec::optional)
                    .containsExactly(
                            tuple("Context", 2, -1, false),
                            tuple("Rollout (if applicable)", 2, -1, true),
                            tuple("Migration", 2, -1, true),
                            tuple("Backfill", 3, 2, false),
                            tuple("Appendix", 2, -1, false));
            assertThat(custom.fields())
                    .extracting(FieldSpec::label, FieldSpec::kind, FieldSpec::inHeader)
                    .containsExactly(
                            tuple("Owner", FieldKind.TEXT, true),
                            tuple("Priority", FieldKind.CHOICE, true),
                            tuple("Status", FieldKind.CHOICE, false),
                            tuple("Decided", FieldKind.DATE, false));
            assertThat(custom.field("priority").orElseThrow().allowedValues())
                    .containsExactly("Low", "Medium", "High");
            assertThat(custom.placeholders()).contains("[Why this matters]", "[Backfill plan]");
        }

        @Test
        void aStatusFieldStandsInForDocumentStatus() {
            assertThat(custom.statusField()).isEqualTo("Status");
            assertThat(custom.statuses()).containsExactly("Draft", "Final");
            assertThat(custom.field(TemplateSchema.FILE_FIELD)).isEmpty();
        }

        @Test
        void withoutAStatusFieldThereAreNoStatuses() {
            TemplateSchema noStatus =
                    TemplateSchema.derive(
                            "no-status", "# [T]\n\n**Owner:** [Name]\n\n## A\ntext\n");

            assertThat(noStatus.statuses()).isEmpty();
        }

        @Test
        void theDatesAChangeMovesAreTheDatesOfWritingButThoseOfItsCreation() {
            TemplateSchema runbook =
                    TemplateSchema.derive(
                            "runbook",
                            """
                            ---
                            title: "[Service name]"
                            date: YYYY-MM-DD
                            creation-date: YYYY-MM-DD
                            modified: YYYY-MM-DD
                            last-reviewed: YYYY-MM-DD
                            review-by: YYYY-MM-DD
                            ---

                            # Runbook: [Service name]

                            **Date written:** YYYY-MM-DD
                            **Last deploy:** YYYY-MM-DD

                            ## Alerts

                            [Each alert, what it means and what to do.]
                            """);

            assertThat(BUILTIN.writingDateFields()).containsExactly("Created", "Last Updated");
            assertThat(BUILTIN.changeDateFields()).containsExactly("Last Updated");
            assertThat(runbook.writingDateFields())
                    .containsExactly(
                            "date", "creation-date", "modified", "last-reviewed", "Date written");
            assertThat(runbook.changeDateFields()).containsExactly("modified", "last-reviewed");
        }

        @Test
        void templateWithoutTitleHasNone() {
            TemplateSchema untitled = TemplateSchema.derive("untitled", "## Only\ntext\n");

            assertThat(untitled.title()).isEmpty();
            assertThat(untitled.sections()).extracting(SectionSpec::title).containsExactly("Only");
        }
    }

    @Nested
    class Headings {

        @Test
        void keysIgnoreCaseSpaceEmphasisAndTrailingParenthetical() {
            assertThat(HeadingKey.of("File Organization (Rigour Vibe Structure)"))
                    .isEqualTo("file organization");
            assertThat(HeadingKey.of("  file   ORGANIZATION ")).isEqualTo("file organization");
            assertThat(HeadingKey.of("**Risk Assessment:**")).isEqualTo("risk assessment");
            assertThat(HeadingKey.of("`API` Changes")).isEqualTo("api changes");
            assertThat(HeadingKey.of("Phase 1: Analysis & Setup"))
                    .isEqualTo("phase 1: analysis & setup");
            assertThat(HeadingKey.of("(Draft)")).isEqualTo("(draft)");
        }
    }

    @Nested
    class FileNames {

        private final FileNamePattern pattern =
                FileNamePattern.fromTemplateValue(
                                "`../directives/spec/YYYY-MM-DD_spec_feature-name.md`")
                        .orElseThrow();

        @Test
        void patternSplitsDateAndSlug() {
            assertThat(pattern.match("2026-03-02_spec_invoice-export.md"))
                    .contains(new FileNamePattern.Match("2026-03-02", "invoice-export"));
            assertThat(pattern.match("2026-02-30_spec_x1.md"))
                    .contains(new FileNamePattern.Match("2026-02-30", "x1"));
        }

        @Test
        void patternRefusesOtherShapes() {
            for (String name :
                    List.of(
                            "2026-03-02_spec_Invoice.md",
                            "2026-03-02_spec_invoice_export.md",
                            "2026-3-2_spec_invoice.md",
                            "2026-03-02-spec-invoice.md",
                            "2026-03-02_spec_invoice-.md",
                            "2026-03-02_spec_invoice.markdown",
                            "invoice.md")) {
                assertThat(pattern.match(name)).as(name).isEmpty();
            }
        }

        @Test
        void patternDescribesAndFormats() {
            assertThat(pattern.describe()).isEqualTo("YYYY-MM-DD_spec_<slug>.md");
            assertThat(pattern.format("2026-03-02", "invoice-export"))
                    .isEqualTo("2026-03-02_spec_invoice-export.md");
        }

        @Test
        void valueWithoutTokensHasNoPattern() {
            assertThat(FileNamePattern.fromTemplateValue("`notes.md`")).isEqualTo(Optional.empty());
        }
    }
}
