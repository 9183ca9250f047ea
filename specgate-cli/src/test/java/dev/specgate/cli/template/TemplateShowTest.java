package dev.specgate.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateShowTest {

    /** The core module's fixture templates (ADR, design doc, RFC, post-mortem). */
    static Path fixtures() {
        return Path.of(System.getProperty("specgate.repoRoot", ".."))
                .toAbsolutePath()
                .normalize()
                .resolve("specgate-core/src/test/resources/templates");
    }

    @TempDir Path dir;

    @Test
    void builtinTemplateOutline() {
        CliRun run = CliRun.of("template", "show", "--no-config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Template: rigour-vibe (built-in)\n".replace("\n", System.lineSeparator()))
                .contains("Title: Technical Specification: [Feature/Problem Name]")
                .contains("Status field: Document Status (while it is Draft, leftover placeholders")
                .contains("Placeholder styles: [text]" + System.lineSeparator())
                .contains("  ## Executive Summary")
                .contains("    ### Current State")
                .contains(
                        "**Type:**             one of: Bug Fix, Performance Optimization,"
                                + " Architecture Change, Integration, Security Enhancement")
                .contains("**File:**             the spec's own file name")
                .contains("**Last Updated:**     a date, YYYY-MM-DD  (after the body)")
                .contains("  [Time estimate]");
    }

    @Test
    void theBuiltinTemplatesNameShowsIt() {
        CliRun byName = CliRun.of("template", "show", "rigour-vibe");
        CliRun builtin = CliRun.of("template", "show", "--no-config");
        CliRun typo = CliRun.of("template", "show", "rigour-vibes");

        assertThat(byName.exitCode()).as(byName.err()).isZero();
        assertThat(byName.out()).isEqualTo(builtin.out());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err())
                .contains("template not found: rigour-vibes")
                .contains("or rigour-vibe for the built-in template");
    }

    @Test
    void exportPrintsTheBuiltinTemplatesMarkdown() {
        CliRun run = CliRun.of("template", "export");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(TemplateSchema.builtinTemplateText());
    }

    @Test
    void aTemplateWhosePathIsItsNameIsSaidOnce() {
        dev.specgate.core.schema.TemplateSchema adr =
                dev.specgate.core.schema.TemplateSchema.derive(
                        "templates/adr.md",
                        "# ADR: [Title]\n\n**Status:** [Draft | Review]\n\n## Context\n[Context]\n");
        java.io.StringWriter same = new java.io.StringWriter();
        java.io.StringWriter other = new java.io.StringWriter();

        SchemaFormat.TEXT.write(adr, "templates/adr.md", new java.io.PrintWriter(same, true));
        SchemaFormat.TEXT.write(adr, "../templates/adr.md", new java.io.PrintWriter(other, true));

        assertThat(same.toString().lines().findFirst()).hasValue("Template: templates/adr.md");
        assertThat(other.toString().lines().findFirst())
                .hasValue("Template: templates/adr.md (../templates/adr.md)");
    }

    @Test
    void exportWritesAFileThatBecomesTheProjectsTemplateAndNeverOverwrites() throws IOException {
        Path file = dir.resolve("docs/templates/our-spec.md");

        CliRun run = CliRun.of("template", "export", file.toString());
        Files.writeString(dir.resolve(".specgate.yml"), "template: docs/templates/our-spec.md\n");
        CliRun shown =
                CliRun.of("template", "show", "--config", dir.resolve(".specgate.yml").toString());
        Files.writeString(file, "# Ours\n");
        CliRun again = CliRun.of("template", "export", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(file.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out())
                .startsWith("Template: docs/templates/our-spec.md (" + file + ")")
                .contains("  ## Executive Summary");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(file + " already exists; nothing was written");
        assertThat(Files.readString(file)).isEqualTo("# Ours\n");
    }

    /**
     * template export and check --write-baseline write into a folder that does not exist alike: the
     * missing folders are created, the file written whole; a file in the way of the folder path is
     * refused in one line naming it, in the same words, nothing written (export said "not a
     * directory", naming neither the file in the way nor what was being written).
     */
    @Test
    void exportAndWriteBaselineTreatAMissingFolderAlike() throws IOException {
        Path project = dir.resolve("project");
        Path specs = Files.createDirectories(project.resolve("directives/spec"));
        Files.writeString(
                specs.resolve("2026-11-20_spec_x.md"),
                "\uFEFF# Technical Specification: X\r\n\r\n**Created:** 2026-11-20\r\n");
        Path template = project.resolve("new/templates/ours.md");
        Path baseline = project.resolve("new/baselines/specgate.json");

        CliRun exported = CliRun.of("template", "export", template.toString());
        CliRun recorded =
                CliRun.of(
                        "check",
                        project.toString(),
                        "--today",
                        "2026-11-25",
                        "--write-baseline",
                        baseline.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(template)).isEqualTo(TemplateSchema.builtinTemplateText());
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(Files.readString(baseline)).startsWith("{\n  \"version\": ");
        try (var left = Files.list(template.getParent())) {
            assertThat(left).containsExactly(template); // no temporary file left beside it
        }

        Path inTheWay = Files.writeString(project.resolve("notes"), "mine\n");
        CliRun exportRefused =
                CliRun.of("template", "export", inTheWay.resolve("t/ours.md").toString());
        CliRun baselineRefused =
                CliRun.of(
                        "check",
                        project.toString(),
                        "--write-baseline",
                        inTheWay.resolve("b/specgate.json").toString());

        assertThat(exportRefused.exitCode()).isEqualTo(2);
        assertThat(exportRefused.err())
                .isEqualTo(
                        "specgate: cannot write the template to "
                                + inTheWay.resolve("t/ours.md")
                                + ": "
                                + inTheWay
                                + " is a file, not a folder\n");
        assertThat(baselineRefused.exitCode()).isEqualTo(2);
        assertThat(baselineRefused.err())
                .isEqualTo(
                        "specgate: cannot write the baseline to "
                                + inTheWay.resolve("b/specgate.json")
                                + ": "
                                + inTheWay
                                + " is a file, not a folder\n");
        assertThat(Files.readString(inTheWay)).isEqualTo("mine\n");
    }

    @Test
    void adrTemplateAsJson() throws IOException {
        Path template = fixtures().resolve("adr/template.md");

        CliRun run = CliRun.of("template", "show", template.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("name").asText()).isEqualTo("template.md");
        assertThat(json.get("statusField").asText()).isEqualTo("Status");
        assertThat(json.get("placeholderStyles").toString()).isEqualTo("[\"[text]\",\"{{text}}\"]");
        assertThat(json.get("sections")).hasSize(4);
        JsonNode optional = json.get("sections").get(3);
        assertThat(optional.get("heading").asText())
                .isEqualTo("## Alternatives Considered (optional)");
        assertThat(optional.get("optional").asBoolean()).isTrue();
        JsonNode status = json.get("fields").get(0);
        assertThat(status.get("label").asText()).isEqualTo("Status");
        assertThat(status.get("kind").asText()).isEqualTo("choice");
        assertThat(status.get("allowedValues").toString())
                .isEqualTo("[\"Proposed\",\"Accepted\",\"Deprecated\",\"Superseded\"]");
        assertThat(json.get("fields").get(1).get("kind").asText()).isEqualTo("date");
        assertThat(json.get("placeholders").toString()).contains("{{Short title of the decision}}");
    }

    @Test
    void headingsThatRepeatAreShownAsAnyNumber() throws IOException {
        Path template =
                Files.writeString(
                        dir.resolve("decisions.md"),
                        "\uFEFF# Décision d'architecture : [Titre]\r\n\r\n"
                                + "**Status:** [Draft | Review | Approved]\r\n\r\n"
                                + "## Context\r\n[Why a decision is needed]\r\n\r\n"
                                + "## Decisions\r\n\r\n"
                                + "#### Decision: [Short title]\r\n"
                                + "[What was decided, e.g. `retry(3)` or `Map<K, V>`]\r\n\r\n"
                                + "### [Option name]\r\n[Its trade-offs]\r\n\r\n"
                                + "## Risks (optional)\r\n> [Risk and mitigation]\r\n");

        CliRun text = CliRun.of("template", "show", template.toString());
        CliRun json = CliRun.of("template", "show", template.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("      #### Decision: [Short title]  any number, none required\n")
                .contains("    ### [Option name]               any number, none required\n")
                .contains("  ## Risks (optional)               optional\n")
                .contains("  ## Context\n");
        JsonNode sections = new ObjectMapper().readTree(json.out()).get("sections");
        assertThat(sections.get(2).get("heading").asText())
                .isEqualTo("#### Decision: [Short title]");
        assertThat(sections.get(2).get("repeats").asBoolean()).isTrue();
        assertThat(sections.get(2).get("optional").asBoolean()).isTrue();
        assertThat(sections.get(3).get("repeats").asBoolean()).isTrue();
        assertThat(sections.get(4).get("repeats").asBoolean()).isFalse();
        assertThat(sections.get(4).get("optional").asBoolean()).isTrue();
        assertThat(sections.get(0).get("repeats").asBoolean()).isFalse();
    }

    @Test
    void aHeadingThatLinksATermTheTemplateDefinesIsWrittenOnceNotAnyNumber() throws IOException {
        // '[Traffic Manager]' in the heading is a link: the template defines it below
        Path template = fixtures().resolve("runbook/template.md");

        CliRun text = CliRun.of("template", "show", template.toString());
        CliRun json = CliRun.of("template", "show", template.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("  ## Failover via [Traffic Manager] (if applicable)  optional\n")
                .contains(
                        "    ### [Alert name]                                 any number, none required\n");
        JsonNode sections = new ObjectMapper().readTree(json.out()).get("sections");
        assertThat(sections.get(3).get("heading").asText())
                .isEqualTo("## Failover via [Traffic Manager] (if applicable)");
        assertThat(sections.get(3).get("optional").asBoolean()).isTrue();
        assertThat(sections.get(3).get("repeats").asBoolean()).isFalse();
        assertThat(sections.get(2).get("repeats").asBoolean()).isTrue();
    }

    @Test
    void configuredTemplateIsShownWithoutFile() throws IOException {
        Files.copy(fixtures().resolve("design-doc/template.md"), dir.resolve("design.md"));
        Path config = Files.writeString(dir.resolve(".specgate.yml"), "template: design.md\n");

        CliRun run = CliRun.of("template", "show", "--config", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Template: design.md (" + dir.resolve("design.md") + ")")
                .contains("Placeholder styles: [text], {text}")
                .contains("**Status:**        one of: Draft, In Review, Approved, Obsolete")
                .contains("    ### Data Model (if applicable)  optional");
    }

    @Test
    void missingOrUnreadableTemplateIsExitTwo() throws IOException {
        Path binary = Files.write(dir.resolve("t.md"), new byte[] {'#', 0, '\n'});

        CliRun missing = CliRun.of("template", "show", dir.resolve("nope.md").toString());
        CliRun unreadable = CliRun.of("template", "show", binary.toString());
        CliRun noCommand = CliRun.of("template");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip())
                .isEqualTo(
                        "specgate: template not found: "
                                + dir.resolve("nope.md")
                                + " (give a Markdown file, or rigour-vibe for the built-in"
                                + " template)");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("cannot read template").contains("binary file");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("a command is required");
    }

    @Test
    void frontMatterPlaceholdersThatCheckEnforcesAreListed() throws IOException {
        Path template =
                Files.writeString(
                        dir.resolve("adr-template.md"),
                        """
                        ---
                        status: "{proposed | rejected | accepted | deprecated | superseded by ADR-NNNN}"
                        date: {YYYY-MM-DD of the last change to this decision}
                        decision-makers: {the people who took the decision}
                        ---

                        # {short title naming the problem and the option chosen}

                        ## Context and Problem Statement
                        {Two or three sentences on the situation and the question it raises.}

                        ## Decision Outcome
                        Chosen option: "{name of option 1}", because {the reason}.
                        """);
        Files.writeString(
                dir.resolve(".specgate.yml"), "template: adr-template.md\nspecs: ['0*.md']\n");
        Files.writeString(
                dir.resolve("0001-use-postgres.md"),
                """
                ---
                status: "accepted"
                date: 2026-12-01
                decision-makers: {the people who took the decision}
                ---

                # Use Postgres for the ledger

                ## Context and Problem Statement
                We need one store for the ledger's entries.

                ## Decision Outcome
                Chosen option: "Postgres", because the team runs it already.
                """);

        CliRun show = CliRun.of("template", "show", template.toString());
        CliRun json = CliRun.of("template", "show", template.toString(), "--format", "json");
        CliRun check = CliRun.of("check", dir.toString(), "--today", "2026-12-05");

        assertThat(check.out())
                .contains(
                        "placeholder-template] template placeholder '{the people who took the"
                                + " decision}' left in 'decision-makers:'");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("Placeholders (7) that must not be left in a spec:")
                .contains("  {the people who took the decision}\n")
                .contains("  {YYYY-MM-DD of the last change to this decision}\n");
        assertThat(json.out()).contains("\"{the people who took the decision}\"");
    }

    /**
     * The team-yaml family's template (saved here with a BOM and CRLF endings) writes {@code
     * labels: [api, web, mobile]}: a spec lists any of them, so show says "one or more of", where
     * it said "one of" as for the single-valued status.
     */
    @Test
    void aListOfChoicesIsShownAsOneOrMoreOf() throws IOException {
        Path family = fixtures().resolveSibling("families/team-yaml/template/design-spec.md");
        Path template =
                Files.writeString(
                        dir.resolve("design-spec.md"),
                        "\uFEFF" + Files.readString(family).replace("\n", "\r\n"));

        CliRun show = CliRun.of("template", "show", template.toString());

        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .containsPattern("labels: +one or more of: api, web, mobile  optional\r?\n")
                .containsPattern("status: +one of: Draft, In Review, Approved, Shipped\r?\n");
    }

    @Test
    void aTemplateThatEnforcesNothingIsRefusedAsInAConfiguration() throws IOException {
        Path prose = Files.writeString(dir.resolve("prose.md"), "Just write what you think.\n");

        CliRun run = CliRun.of("template", "show", prose.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: template "
                                + prose
                                + " defines no sections (headings) and no fields (**Label:** lines)");
    }

    @Test
    void aTemplateWithoutALifecycleHasNoStatusFieldInJson() throws IOException {
        Path plain =
                Files.writeString(
                        dir.resolve("plain.md"),
                        "# Note: [Title]\n\n**Owner:** [Name]\n\n## Context\n[Why]\n");

        CliRun run = CliRun.of("template", "show", plain.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("statusField").isNull()).isTrue();
        assertThat(json.get("statuses")).isEmpty();
    }
}
