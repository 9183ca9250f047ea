package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's design-doc template as teams write them (YAML front matter with its title, tips in block
 * quotes, a table, a CJK-titled section, {@code placeholders:} in {@code .specgate.yml}), and a
 * spec written from it (BOM, CRLF, no {@code #} heading, a subsection of its own under a template
 * section).
 */
class TeamDesignTemplateTest {

    private static final Path FIXTURE = Path.of("src/test/resources/teams/design-yaml");
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    @TempDir Path dir;
    private SpecProject project;
    private Path spec;

    @BeforeEach
    void copyTheProject() throws Exception {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(FIXTURE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        spec = dir.resolve("design/rate-limits.md");
        project = SpecProject.open(spec, ConfigChoice.nearest());
    }

    @Test
    void aBoldLabelInATipsBlockQuoteIsGuidanceNotAField() {
        assertThat(project.schema().fields())
                .extracting(FieldSpec::label)
                .containsExactly("title", "status", "author", "reviewers", "created");
        // the spec leaves out the template's tip quotes: no field is missing for it
        assertThat(project.inspect(spec, OPTIONS).result().diagnostics())
                .extracting(Diagnostic::ruleId)
                .doesNotContain("field-missing");
    }

    @Test
    void aQuotedLabelWhoseValueIsToFillInStaysAField() {
        // metadata written in a quote: alternatives, a placeholder, a date; the tl;dr under it is
        // the template's advice, as a section's tip is
        TemplateSchema adr =
                TemplateSchema.derive(
                        "adr.md",
                        "# [Decision title]\r\n\r\n"
                                + "> **Status:** Proposed | Accepted | Superseded\r\n"
                                + "> **Owner:** [Name] (team lead)\r\n"
                                + "> **Date:** YYYY-MM-DD\r\n\r\n"
                                + "> **tl;dr:** one or two sentences a busy reader can stop"
                                + " after.\r\n\r\n"
                                + "## Context\r\n\r\n"
                                + "> **Tip:** say what forces the decision, not the decision.\r\n\r\n"
                                + "## Decision\r\n\r\n"
                                + "> **Note:** one paragraph; link the `Map<K, V>` you change.\r\n");

        assertThat(adr.fields())
                .extracting(FieldSpec::label, FieldSpec::allowedValues)
                .containsExactly(
                        tuple("Status", List.of("Proposed", "Accepted", "Superseded")),
                        tuple("Owner", List.of()),
                        tuple("Date", List.of()));
    }

    @Test
    void guidanceCopiedIntoASubsectionOfTheSpecsOwnIsThatOfTheSectionItSitsUnder() {
        List<Diagnostic> found = project.inspect(spec, OPTIONS).result().diagnostics();

        assertThat(found)
                .extracting(d -> d.range().startLine() + 1, Diagnostic::ruleId, Diagnostic::message)
                .containsExactly(
                        tuple(
                                20,
                                "placeholder-guidance",
                                "template guidance for '## 背景' left in: 'Describe the current"
                                        + " system and why it falls short.': replace it with your"
                                        + " own text"),
                        tuple(
                                41,
                                "placeholder-guidance",
                                "template guidance for '## Design' left in: 'Explain the design so"
                                        + " that a new engineer could build it.': replace it with"
                                        + " your own text"));
    }

    @Test
    void guidanceInASectionUnderNoTemplateSectionIsNoGuidance() throws IOException {
        // an appendix of the spec's own quotes the Summary's guidance as an example: no section of
        // the template holds it there, so it is the author's text
        Files.writeString(
                spec,
                Files.readString(spec, StandardCharsets.UTF_8)
                        + "\r\n## Appendix: how we write summaries\r\n\r\n"
                        + "One paragraph that says what changes and for whom.\r\n",
                StandardCharsets.UTF_8);

        assertThat(project.inspect(spec, OPTIONS).result().diagnostics())
                .extracting(d -> d.range().startLine() + 1)
                .containsExactly(20, 41);
    }

    @Test
    void theFrontMattersTitleIsTheTitleOfASpecWithoutATitleHeading() throws IOException {
        CheckedSpec checked = project.inspect(spec, OPTIONS);

        assertThat(checked.summary().title()).isEqualTo("Rate limits for the export API");
        assertThat(project.schema().shownTitle(checked.document(), false))
                .contains("Rate limits for the export API");
        // a title heading comes first; a placeholder left in front matter is no title
        SpecParser parser = new SpecParser(true);
        assertThat(
                        project.schema()
                                .shownTitle(
                                        parser.parse(
                                                "---\ntitle: \"[Feature title]\"\n---\n\n"
                                                        + "## Summary\n\nText.\n"),
                                        true))
                .isEmpty();
        assertThat(
                        project.schema()
                                .shownTitle(
                                        parser.parse(
                                                "---\ntitle: Export limits\n---\n\n"
                                                        + "# Export limits: phase 2\n\n"
                                                        + "## Summary\n\nText.\n"),
                                        true))
                .contains("Export limits: phase 2");
    }

    @Test
    void newWritesTheTitleIntoTheFrontMatterOfATemplateThatTitlesItsSpecsThere() {
        String made =
                new dev.specgate.core.authoring.SpecScaffold(project.schema())
                        .create(
                                "The \"fast\" export",
                                LocalDate.of(2026, 11, 20),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())
                        .markdown();

        assertThat(made)
                .startsWith("---\ntitle: 'The \"fast\" export'\nstatus: Draft\n")
                .doesNotContain("\n# ")
                .contains("---\n\n## Summary\n");
        assertThat(project.schema().shownTitle(new SpecParser(true).parse(made), false))
                .contains("The \"fast\" export");
    }

    @Test
    void aPepsTitleFieldTitlesItAndNewFillsItIn() {
        TemplateSchema pep =
                TemplateSchema.derive(
                        "pep-template.md",
                        "- PEP: NNNN\n"
                                + "- Title: [Short descriptive title]\n"
                                + "- Sponsor: [Core developer name] (optional)\n"
                                + "- Status: Draft | Accepted | Final\n"
                                + "- Created: YYYY-MM-DD\n\n"
                                + "# Abstract\n\n[About 200 words.]\n\n"
                                + "# Motivation\n\nExplain why the language cannot do it today.\n");

        String made =
                new dev.specgate.core.authoring.SpecScaffold(pep)
                        .create(
                                "Lazy [imports]",
                                LocalDate.of(2026, 11, 20),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())
                        .markdown();

        assertThat(made)
                .startsWith(
                        "- PEP: NNNN\n- Title: Lazy \\[imports\\]\n"
                                + "- Sponsor: [Core developer name] (optional)\n- Status: Draft\n");
        // the value says the field is optional: a PEP without a sponsor is no field-missing
        assertThat(pep.fields())
                .extracting(FieldSpec::label, FieldSpec::optional)
                .containsExactly(
                        tuple("PEP", false),
                        tuple("Title", false),
                        tuple("Sponsor", true),
                        tuple("Status", false),
                        tuple("Created", false));
        assertThat(pep.shownTitle(new SpecParser(true).parse(made), false))
                .contains("Lazy \\[imports\\]");
    }

    @Test
    void theConfiguredPlaceholdersReadBackAsWritten() {
        assertThat(project.schema().extraPlaceholdersAsWritten())
                .containsExactly("TBD-OWNER", "/\\(fill me in[^)]*\\)/");
        assertThat(
                        TemplateSchema.builtin()
                                .withExtraPlaceholders(
                                        List.of(
                                                java.util.regex.Pattern.compile(
                                                        java.util.regex.Pattern.quote(
                                                                "a\\Eb [fill]"))))
                                .extraPlaceholdersAsWritten())
                .containsExactly("a\\Eb [fill]");
    }
}
