package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.model.Prose;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A template's guidance prose ({@code placeholder-guidance}): which of its paragraphs guide, that
 * the bundled template has none (so its specs' prose is never read), and that {@code --fix} leaves
 * a kept guidance paragraph alone.
 */
class GuidanceProseTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rules/placeholder-guidance");
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    private static TemplateSchema rfcTemplate() throws Exception {
        return TemplateSchema.derive(
                "rfc-template.markdown",
                Files.readString(FIXTURES.resolve("rfc-template.markdown")));
    }

    private static SectionSpec section(TemplateSchema schema, String title) {
        return schema.sections().stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theBundledTemplateGuidesWithPlaceholdersOnly() {
        TemplateSchema builtin = TemplateSchema.builtin();
        assertThat(builtin.hasGuidance()).isFalse();
        // what hasGuidance answers for it without a parse is what its derivation reads
        SpecDocument template =
                new SpecParser(true, true).parse(TemplateSchema.builtinTemplateText());
        assertThat(template.prose()).as("the bundled template's paragraphs").isNotEmpty();
        assertThat(builtin.guidanceOf(template)).isEmpty();
        assertThat(SpecChecker.standard().parser().readsProse()).isFalse();
    }

    @Test
    void aTemplatesOwnProseGuidesItsSectionOnly() throws Exception {
        TemplateSchema schema = rfcTemplate();
        assertThat(schema.hasGuidance()).isTrue();
        assertThat(
                        schema.isGuidance(
                                section(schema, "Summary"),
                                "One paragraph explanation of the feature."))
                .isTrue();
        assertThat(
                        schema.isGuidance(
                                section(schema, "Drawbacks"),
                                "One paragraph explanation of the feature."))
                .as("another section's guidance")
                .isFalse();
        // wrapped over two lines in the template: folded
        assertThat(
                        schema.isGuidance(
                                section(schema, "Motivation"),
                                "Why are we doing this? What use cases does it support? What is"
                                        + " the expected outcome?"))
                .isTrue();
        // emphasis counts as written
        assertThat(schema.isGuidance(section(schema, "Drawbacks"), "Why should we not do this?"))
                .isFalse();
        // a paragraph holding a placeholder is placeholder-template's
        assertThat(
                        schema.isGuidance(
                                section(schema, "Prior art"),
                                "Discuss prior art, both the good and the bad, in relation to this"
                                        + " proposal: [Link to prior art]."))
                .isFalse();
        // a lead-in to a list, and the words that go with a fixed checklist, are kept on purpose
        assertThat(
                        schema.isGuidance(
                                section(schema, "Guide-level explanation"),
                                "Explain the proposal as if it was already included in the language"
                                        + " and you were teaching it to another programmer. That"
                                        + " generally means:"))
                .isFalse();
        assertThat(
                        schema.isGuidance(
                                section(schema, "Review checklist"),
                                "Items marked (R) must be ticked before the RFC enters its final"
                                        + " comment period."))
                .isFalse();
        // list items, checklists and code are never guidance
        assertThat(
                        schema.isGuidance(
                                section(schema, "Rationale and alternatives"),
                                "Why is this design the best in the space of possible designs?"))
                .isFalse();
        assertThat(
                        schema.isGuidance(
                                section(schema, "Guide-level explanation"),
                                "Write an example here."))
                .isFalse();
    }

    @Test
    void proseIsReadOnlyWhenAskedAndOnlyOutsideLists() {
        String text =
                "# Title\r\n\r\n## Summary\r\n\r\nOne  paragraph\r\nexplanation. <!-- keep -->\r\n"
                        + "\r\n> Quoted *guidance*,\r\n> on two lines — naïve.\r\n\r\n"
                        + "- A list item.\r\n\r\n| a | b |\r\n|---|---|\r\n\r\n"
                        + "```\r\ncode\r\n```\r\n\r\n<!-- a comment -->\r\n";
        assertThat(new SpecParser(true).parse(text).prose()).isEmpty();
        List<Prose> prose = new SpecParser(true, true).parse("\uFEFF" + text).prose();
        assertThat(prose)
                .extracting(Prose::text)
                .containsExactly(
                        "One paragraph explanation.", "Quoted *guidance*, on two lines — naïve.");
        assertThat(prose).extracting(Prose::sectionIndex).containsExactly(1, 1);
        assertThat(prose.get(0).range().startLine()).isEqualTo(4);
        assertThat(prose.get(1).range().startLine()).isEqualTo(7);
        assertThat(prose.get(1).range().startColumn()).isEqualTo(2);
    }

    @Test
    void fixLeavesAKeptGuidanceParagraphAlone() throws Exception {
        Path file = FIXTURES.resolve("0042-retry-budgets.md").toAbsolutePath();
        SpecProject project =
                SpecProject.open(FIXTURES, ConfigChoice.file(FIXTURES.resolve(".specgate.yml")));
        SpecChecker checker = project.checker();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        CheckResult r = checker.check(file, text, OPTIONS);
        assertThat(r.diagnostics())
                .extracting(Diagnostic::ruleId)
                .contains(RuleIds.PLACEHOLDER_GUIDANCE);
        SpecFixer.Result fixed =
                new SpecFixer()
                        .fix(
                                SpecSource.of(text),
                                r.document(),
                                checker.schema(),
                                file,
                                r.diagnostics());
        assertThat(fixed.isEmpty()).isTrue();
    }
}
