package dev.specgate.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecScaffoldTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    private final SpecScaffold scaffold = SpecScaffold.standard();

    @Test
    void fillsTitleAndHeaderAndClosingFields() {
        NewSpec spec =
                scaffold.create(
                        "Export Audit Log",
                        DATE,
                        Optional.of("integration"),
                        Optional.of("Ana Lima"));

        assertThat(spec.relativePath())
                .isEqualTo(Path.of("directives/spec/2026-11-20_spec_export-audit-log.md"));
        assertThat(spec.markdown())
                .startsWith(
                        "# Technical Specification: Export Audit Log\n\n"
                                + "**File:** `../directives/spec/2026-11-20_spec_export-audit-log.md`\n"
                                + "**Created:** 2026-11-20\n"
                                + "**Type:** Integration\n")
                .contains(
                        "**Document Status:** Draft\n"
                                + "**Last Updated:** 2026-11-20\n"
                                + "**Next Review:** [Date]\n"
                                + "**Assigned to:** Ana Lima\n"
                                + "**Reviewer:** [Technical reviewer]");
    }

    @Test
    void leavesTypeAndAssigneePlaceholdersWhenNotGiven() {
        String md = scaffold.create("X", DATE, Optional.empty(), Optional.empty()).markdown();

        assertThat(md)
                .contains("**Type:** [Bug Fix | Performance Optimization |")
                .contains("**Assigned to:** [Implementation team/individual]");
    }

    @Test
    void aFreshSpecHasNoErrorsOnlyDraftWarnings() {
        NewSpec spec =
                scaffold.create(
                        "Export [audit] log", DATE, Optional.empty(), Optional.of("Ops [EU]"));

        CheckResult result =
                SpecChecker.standard()
                        .check(
                                spec.relativePath(),
                                spec.markdown(),
                                CheckOptions.asOf(DATE.plusDays(3)));

        assertThat(result.errors()).isZero();
        assertThat(result.warnings()).isPositive();
        assertThat(result.diagnostics())
                .extracting(Diagnostic::ruleId)
                .allMatch(
                        Set.of(
                                        "placeholder-template",
                                        "placeholder-date",
                                        "placeholder-bracket",
                                        "section-empty")
                                ::contains);
        assertThat(result.diagnostics()).allMatch(d -> d.severity() == Severity.WARNING);
        assertThat(result.diagnostics()).noneMatch(d -> d.range().startLine() == 0);
        assertThat(spec.markdown())
                .startsWith("# Technical Specification: Export \\[audit\\] log\n");
    }

    @Test
    void aGivenSlugNamesTheFileOfATitleThatGivesNone() {
        NewSpec spec =
                scaffold.create(
                        "監査ログのエクスポート",
                        "audit-log-export",
                        DATE,
                        Optional.empty(),
                        Optional.empty());

        assertThat(spec.relativePath())
                .isEqualTo(Path.of("directives/spec/2026-11-20_spec_audit-log-export.md"));
        assertThat(spec.markdown())
                .startsWith(
                        "# Technical Specification: 監査ログのエクスポート\n\n"
                                + "**File:** `../directives/spec/2026-11-20_spec_audit-log-export.md`\n");
        assertThatThrownBy(
                        () ->
                                scaffold.create(
                                        "X", "Audit_Log", DATE, Optional.empty(), Optional.empty()))
                .hasMessageContaining("is not a slug");
    }

    @Test
    void fillsATemplatesOwnDateFieldWhenItHasNoCreated() {
        SpecScaffold adr =
                new SpecScaffold(
                        TemplateSchema.derive(
                                "adr.md",
                                "# ADR-[number]: [Title]\n\n**Status:** [Proposed | Accepted]\n"
                                        + "**Date:** [YYYY-MM-DD]\n\n## Context\n[Why]\n"));

        String md = adr.create("Use Postgres", DATE, Optional.empty(), Optional.empty()).markdown();

        assertThat(md).contains("**Status:** Proposed\n**Date:** 2026-11-20\n");
    }

    @Test
    void theTitleFillsTheLastPlaceholderOfTheHeadingWhateverItsStyle() throws Exception {
        // "# ADR-{{number}}: [short title of solved problem]": braces before brackets
        String template =
                Files.readString(
                        Path.of("src/test/resources/authoring/adr-mixed-placeholders-template.md"),
                        StandardCharsets.UTF_8);
        for (String text : List.of(template, template.replace("\n", "\r\n"))) {
            SpecScaffold adr = new SpecScaffold(TemplateSchema.derive("template.md", text));

            String md =
                    adr.create(
                                    "Use Postgres for the ledger",
                                    DATE,
                                    Optional.empty(),
                                    Optional.empty())
                            .markdown();

            assertThat(md).contains("# ADR-{{number}}: Use Postgres for the ledger");
            assertThat(md).doesNotContain("short title of solved problem");
        }
    }

    @Test
    void theTitleFillsAFrontMatterKeyThatHoldsTheTitlesPlaceholder() {
        String template =
                """
                ---
                title: "[Feature name]"
                summary: '[Feature name]'
                slug: [Feature name]
                owner: "[Team or person]"
                status: "[Idea | Proposed | Accepted]"
                ---

                # Design: [Feature name]

                ## 1. Summary

                [One paragraph]
                """
                        .replace("\n", "\r\n");
        SpecScaffold team = new SpecScaffold(TemplateSchema.derive("design-spec.md", template));

        String plain =
                team.create("Card tokenization v2", DATE, Optional.empty(), Optional.empty())
                        .markdown();
        String quoted =
                team.create("The \"fast\" path's cache", DATE, Optional.empty(), Optional.empty())
                        .markdown();

        assertThat(plain)
                .startsWith(
                        "---\r\ntitle: \"Card tokenization v2\"\r\n"
                                + "summary: 'Card tokenization v2'\r\n"
                                + "slug: \"Card tokenization v2\"\r\n"
                                + "owner: \"[Team or person]\"\r\n"
                                + "status: \"Idea\"\r\n---\r\n\r\n"
                                + "# Design: Card tokenization v2\r\n");
        // quoted so that YAML reads back exactly the title
        assertThat(quoted)
                .startsWith(
                        "---\r\ntitle: 'The \"fast\" path''s cache'\r\n"
                                + "summary: 'The \"fast\" path''s cache'\r\n"
                                + "slug: 'The \"fast\" path''s cache'\r\n");
        CheckResult checked =
                SpecChecker.builder()
                        .schema(TemplateSchema.derive("design-spec.md", template))
                        .build()
                        .check(
                                Path.of("2026-11-20_spec_card-tokenization-v2.md"),
                                plain,
                                CheckOptions.asOf(DATE));
        assertThat(checked.diagnostics())
                .extracting(Diagnostic::message)
                .noneMatch(m -> m.contains("[Feature name]"))
                .anyMatch(m -> m.contains("[Team or person]"));
    }

    @Test
    void theTitleLeavesABoldFieldThatHoldsTheTitlesPlaceholderAlone() {
        String template =
                """
                # Runbook: [Name]

                **Assigned to:** [Name]
                **Document Status:** Draft
                **Created:** [Date]

                ## 1. Steps

                [What to do]
                """;
        SpecScaffold team = new SpecScaffold(TemplateSchema.derive("runbook.md", template));

        String unassigned =
                team.create("Ledger failover", DATE, Optional.empty(), Optional.empty()).markdown();
        String assigned =
                team.create("Payments failover", DATE, Optional.empty(), Optional.of("alice"))
                        .markdown();

        assertThat(unassigned)
                .startsWith(
                        "# Runbook: Ledger failover\n\n"
                                + "**Assigned to:** [Name]\n"
                                + "**Document Status:** Draft\n"
                                + "**Created:** 2026-11-20\n");
        assertThat(assigned)
                .startsWith(
                        "# Runbook: Payments failover\n\n"
                                + "**Assigned to:** alice\n"
                                + "**Document Status:** Draft\n"
                                + "**Created:** 2026-11-20\n");
    }

    @Test
    void refusesWhatItCannotMake() {
        assertThatThrownBy(() -> scaffold.create("!!!", DATE, Optional.empty(), Optional.empty()))
                .hasMessageContaining("gives no file-name slug");
        assertThatThrownBy(
                        () ->
                                scaffold.create(
                                        "X", DATE, Optional.of("Refactoring"), Optional.empty()))
                .hasMessageContaining("is not one of Bug Fix, Performance Optimization");
        assertThatThrownBy(() -> scaffold.create("a\nb", DATE, Optional.empty(), Optional.empty()))
                .hasMessageContaining("must be one line");
    }
}
