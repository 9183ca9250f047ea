package dev.specgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How specs written from other processes' templates are read: Swift Evolution's emphasised status
 * choices with trailing detail and self-linking {@code Proposal:}, MADR's {@code ADR-NNNN}, a KEP's
 * typed {@code kep.yaml}, its test tags, {@code &} headings and a configured placeholder in the
 * title; and the bracketed prose of such specs.
 */
class TemplateFamilyReadingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @TempDir Path dir;

    /** A Swift-Evolution-like template: metadata is a list after the title, the status bold. */
    private static final String EVOLUTION =
            "# Feature name\n\n"
                    + "* Proposal: [SE-NNNN](NNNN-filename.md)\n"
                    + "* Status: **{Awaiting review | Active review | Accepted | Implemented}**\n\n"
                    + "## Introduction\n\nWhat it does.\n\n"
                    + "## Risks and Mitigations\n\nWhat may go wrong.\n";

    private static List<String> found(TemplateSchema schema, Path file, String text) {
        CheckResult r =
                SpecChecker.builder()
                        .schema(schema)
                        .build()
                        .check(file, text, CheckOptions.asOf(TODAY));
        return r.diagnostics().stream()
                .map(d -> (d.range().startLine() + 1) + " " + d.ruleId() + " " + d.message())
                .toList();
    }

    private static String proposal(String proposalLink, String status, String body) {
        return "# Typed throws in closures\n\n"
                + "* Proposal: "
                + proposalLink
                + "\n* Status: "
                + status
                + "\n\n## Introduction\n\n"
                + body
                + "\n\n## Risks \\& Mitigations\n\nA cast that fails at run time.\n";
    }

    @Test
    void emphasisedCurlyChoicesAreReadWithoutTheirMarks() {
        FieldSpec status = TemplateSchema.derive("se", EVOLUTION).field("Status").orElseThrow();

        assertThat(status.kind()).isEqualTo(FieldKind.CHOICE);
        assertThat(status.allowedValues())
                .containsExactly("Awaiting review", "Active review", "Accepted", "Implemented");
    }

    @Test
    void curlyChoicesTakeTrailingDetailButSquareOnesMatchExactly() {
        FieldSpec curly = TemplateSchema.derive("se", EVOLUTION).field("Status").orElseThrow();
        assertThat(curly.allows("Implemented (5.9)")).isTrue();
        assertThat(curly.allows("Active review (March 4...18, 2025)")).isTrue();
        assertThat(curly.allows("Implemnted (6.0)")).isFalse();
        assertThat(curly.allows("Implemented 5.9")).isFalse();

        FieldSpec square =
                TemplateSchema.derive(
                                "sq",
                                "# [Title]\n\n**Document Status:** [Draft | Review | Approved]\n\n"
                                        + "## Overview\n\n[What]\n")
                        .field("Document Status")
                        .orElseThrow();
        assertThat(square.allows("Approved")).isTrue();
        assertThat(square.allows("Approved (2026-01-02)")).isFalse();
        // the built-in template keeps exact matching too
        FieldSpec builtin = TemplateSchema.builtin().field("Document Status").orElseThrow();
        assertThat(builtin.allows("Review (second round)")).isFalse();
    }

    @Test
    void aNumberPlaceholderInAChoiceTakesAnyNumber() {
        FieldSpec status =
                TemplateSchema.derive(
                                "madr",
                                "---\nstatus: \"{proposed | accepted | superseded by ADR-NNNN}\"\n"
                                        + "---\n# {title}\n\n## Context\n\n{why}\n")
                        .field("status")
                        .orElseThrow();

        assertThat(status.allows("superseded by ADR-0004")).isTrue();
        assertThat(status.allows("superseded")).isFalse();
        assertThat(status.allows("replaced by ADR-0004")).isFalse();
    }

    @Test
    void statusDetailAndAmpersandHeadingsGiveNoFinding() throws Exception {
        TemplateSchema schema = TemplateSchema.derive("se", EVOLUTION);
        Path file = dir.resolve("0401-typed-throws.md");
        String spec =
                proposal(
                        "[SE-0401](0401-typed-throws.md)",
                        "**Implemented (5.9)**",
                        "A parser building a [String: Int] table must then cast.");
        Files.writeString(file, spec);

        assertThat(found(schema, file, spec)).isEmpty();
    }

    @Test
    void aProposalLinkToAnotherFileIsFieldFile() {
        TemplateSchema schema = TemplateSchema.derive("se", EVOLUTION);
        assertThat(schema.field("Proposal").orElseThrow().kind()).isEqualTo(FieldKind.FILE);
        Path file = dir.resolve("0433-package-access.md");
        String spec = proposal("[SE-0433](0434-package-access.md)", "**Accepted**", "Text.");

        assertThat(found(schema, file, spec))
                .anyMatch(
                        f ->
                                f.startsWith(
                                        "3 field-file 'Proposal' names '0434-package-access.md'"
                                                + " but the file is '0433-package-access.md'"));
    }

    @Test
    void editorialGapsAreReportedButTypesAndTestTagsAreNot() {
        TemplateSchema schema = TemplateSchema.derive("se", EVOLUTION);
        Path file = dir.resolve("0438-strings.md");
        String body =
                "Review misses one case in five [citation needed]. The old text [sic] stays, and"
                        + " [...] marks a cut.\n\n"
                        + "A `[Key: Value]` in code and a [UUID: [Date]] in prose are types; an"
                        + " [Owner: Name] is a gap.\n\n"
                        + "- [sig-apps] Job [Conformance] should create Pods with stable names\n"
                        + "- [sig-storage] CSI volume [Feature:VolumeHealth] [Serial] rate-limits\n"
                        + "- [feature-name] is still to be chosen";
        String spec = proposal("[SE-0438](0438-strings.md)", "**Accepted**", body);

        List<String> found = found(schema, file, spec);
        assertThat(found)
                .filteredOn(f -> f.contains("placeholder-bracket"))
                .extracting(
                        f -> f.substring(f.indexOf('\'') + 1, f.indexOf('\'', f.indexOf('\'') + 1)))
                .containsExactly("[citation needed]", "[Owner: Name]", "[feature-name]");
    }

    @Test
    void ampersandAndAndMatchEitherWay() {
        assertThat(HeadingKey.ampersandVariant("risks & mitigations"))
                .isEqualTo("risks and mitigations");
        assertThat(HeadingKey.ampersandVariant("risks and mitigations"))
                .isEqualTo("risks & mitigations");
        assertThat(HeadingKey.ampersandVariant("r&d budget")).isNull();
        // the key itself keeps the '&' (fingerprints and schemas do not change)
        assertThat(HeadingKey.of("Risks \\& Mitigations")).isEqualTo("risks & mitigations");
        TemplateSchema builtin = TemplateSchema.builtin();
        assertThat(builtin.sectionsWithKey(HeadingKey.of("Evidence and Metrics")))
                .containsExactlyElementsOf(
                        builtin.sectionsWithKey(HeadingKey.of("Evidence & Metrics")));
    }

    private Path kepProject(String templateSidecar) throws Exception {
        Path template = Files.createDirectories(dir.resolve("template"));
        Files.writeString(
                template.resolve("README.md"),
                "# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\n[What]\n\n"
                        + "## Risks and Mitigations\n\n[What may go wrong]\n");
        if (templateSidecar != null) {
            Files.writeString(template.resolve("kep.yaml"), templateSidecar);
        }
        return Files.writeString(
                dir.resolve(".specgate.yml"),
                "template: template/README.md\nmetadata:\n  sidecar: kep.yaml\n"
                        + "lifecycle:\n  status-field: status\n"
                        + "  order: [provisional, implementable, implemented]\n"
                        + "  draft: [provisional]\n"
                        + "specs: ['keps/**/README.md']\nplaceholders: [KEP-NNNN]\n");
    }

    @Test
    void theTemplatesSidecarTypesTheSpecsSidecar() throws Exception {
        SpecgateConfig config =
                SpecProject.configLoader()
                        .load(
                                kepProject(
                                        "title: A short title\n"
                                                + "status: provisional|implementable|implemented\n"
                                                + "creation-date: yyyy-mm-dd\n"
                                                + "stage: alpha|beta|stable\n"
                                                + "owning-sig: sig-xxx\n"));
        TemplateSchema schema = config.schema();
        assertThat(schema.field("status").orElseThrow().allowedValues())
                .containsExactly("provisional", "implementable", "implemented");
        assertThat(schema.field("creation-date").orElseThrow().kind()).isEqualTo(FieldKind.DATE);
        assertThat(schema.field("owning-sig")).isEmpty();
        assertThat(schema.field("stage").orElseThrow().optional()).isTrue();

        Path kep = Files.createDirectories(dir.resolve("keps/sig-x/4101-weights"));
        Files.writeString(
                kep.resolve("kep.yaml"),
                "title: Weights\nstatus: implementible  # a typo\ncreation-date: 2024-09-31\n");
        Path readme = kep.resolve("README.md");
        String text =
                "# KEP-NNNN: Traffic weights\n\n## Summary\n\nWeights per endpoint.\n\n"
                        + "## Risks \\& Mitigations\n\nUneven load.\n";
        Files.writeString(readme, text);
        SpecChecker checker = SpecChecker.builder().schema(schema).build();
        List<Diagnostic> found =
                checker.check(readme, text, CheckOptions.asOf(TODAY)).diagnostics();

        assertThat(found)
                .extracting(d -> (d.range().startLine() + 1) + " " + d.ruleId() + " " + d.message())
                .containsExactlyInAnyOrder(
                        "1 field-date 'creation-date' (kep.yaml) is not a real date: 2024-09-31",
                        "1 field-value 'status' (kep.yaml) is 'implementible' but must be one of"
                                + " provisional, implementable, implemented",
                        "1 placeholder-title title still holds the placeholder 'KEP-NNNN' (listed"
                                + " under 'placeholders' in .specgate.yml)");
    }

    @Test
    void withoutATemplateSidecarOnlyTheLifecyclesStatusKeyIsTyped() throws Exception {
        TemplateSchema schema = SpecProject.configLoader().load(kepProject(null)).schema();
        // the status key is the lifecycle's: one of its order, required, as status reads it
        assertThat(schema.field("status"))
                .get()
                .extracting(FieldSpec::kind, FieldSpec::allowedValues, FieldSpec::optional)
                .containsExactly(
                        FieldKind.CHOICE,
                        List.of("provisional", "implementable", "implemented"),
                        false);
        assertThat(schema.field("creation-date")).isEmpty();
        assertThat(schema.field("stage")).isEmpty();
    }

    @Test
    void anInvalidTemplateSidecarIsAConfigurationError() throws Exception {
        Path config = kepProject("status: [provisional\n");
        assertThatThrownBy(() -> SpecProject.configLoader().load(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read the template's kep.yaml");
    }
}
