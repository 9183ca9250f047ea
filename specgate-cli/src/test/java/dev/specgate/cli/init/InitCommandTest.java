package dev.specgate.cli.init;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.specgate.cli.CliRun;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir Path project;

    @Test
    void writesACommentedConfigAndTheSpecFolder() throws Exception {
        CliRun run = CliRun.of("init", project.toString());

        assertThat(run.exitCode()).isZero();
        Path config = project.resolve(".specgate.yml");
        assertThat(run.out())
                .contains("Created " + config)
                .contains("Created " + project.resolve("directives/spec") + "/")
                .contains("Next: write specs in");
        assertThat(Files.isDirectory(project.resolve("directives/spec"))).isTrue();
        String text = Files.readString(config);
        assertThat(text).contains("template: rigour-vibe").contains("#  section-empty: error");
        RuleRegistry.builtin().forEach(r -> assertThat(text).contains("#  " + r.id() + ": "));

        SpecgateConfig loaded = SpecProject.configLoader().load(config);
        assertThat(loaded.rules()).isEmpty();
        assertThat(loaded.strict()).contains(false);
        assertThat(loaded.specs())
                .extracting(Object::toString)
                .containsExactly(
                        "directives/spec/**/*.md",
                        "directives/spec/**/*.markdown",
                        "directives/tasks/**/*_task_*.md");
        JsonNode yaml = new YAMLMapper().readTree(text);
        String schema =
                Files.readString(
                        Path.of(System.getProperty("specgate.repoRoot", ".."))
                                .resolve("docs/specgate.schema.json"));
        assertThat(
                        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                                .getSchema(schema)
                                .validate(yaml))
                .isEmpty();
    }

    @Test
    void aProjectSetUpByInitChecksItsSpecs() throws IOException {
        CliRun.of("init", project.toString());
        Files.writeString(
                project.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md"),
                cleanSpec());

        CliRun check = CliRun.of("check", project.toString(), "--today", "2026-11-25");

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("No problems found in 1 spec.");
    }

    @Test
    void taskListsWrittenByTasksAreCheckedAndListedAfterInit() throws IOException {
        CliRun.of("init", project.toString());
        Path spec = project.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
        Files.writeString(spec, cleanSpec());
        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", "2026-11-25");
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();

        CliRun check = CliRun.of("check", project.toString(), "--today", "2026-11-25");
        CliRun list = CliRun.of("list", project.toString(), "--today", "2026-11-25");

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("in 1 spec and 1 task list");
        assertThat(list.out()).contains("2026-11-25_task_webhook-retry-queue.md");
    }

    @Test
    void nextToAnInvalidConfigurationSaysWhyItIsInvalidAndChangesNothing() throws IOException {
        String invalid = "# ours\r\ntemplate: docs/no-such-template.md\r\n";
        Path config = Files.writeString(project.resolve(".specgate.yml"), invalid);

        CliRun run = CliRun.of("init", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err().strip())
                .startsWith(
                        "specgate: "
                                + config
                                + " already exists; nothing was changed (and it is not valid:"
                                + " line 2: template 'docs/no-such-template.md' not found")
                .endsWith(")");
        assertThat(Files.readString(config)).isEqualTo(invalid);
        assertThat(Files.exists(project.resolve("directives"))).isFalse();
    }

    @Test
    void neverOverwrites() throws IOException {
        Path config = Files.writeString(project.resolve(".specgate.yml"), "strict: true\n");

        CliRun run = CliRun.of("init", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("specgate: " + config + " already exists; nothing was changed");
        assertThat(Files.readString(config)).isEqualTo("strict: true\n");
        assertThat(Files.exists(project.resolve("directives"))).isFalse();
    }

    /**
     * init over a project that already has specs says how many the globs it wrote take and names
     * the team's own folder of specs they leave out, with the glob that takes it, and the next step
     * is a baseline, not writing specs; before, it said only 'Next: write specs in
     * directives/spec/', and the check after it found the 2 specs and never named the 3 others.
     */
    @Test
    void initOverExistingSpecsSaysWhatItFoundAndWhatItLeavesOut() throws IOException {
        Path specs = Files.createDirectories(project.resolve("directives/spec"));
        String clean = cleanSpec();
        Files.writeString(specs.resolve("2026-10-02_spec_webhook-retry-queue.md"), clean);
        Files.writeString(
                specs.resolve("2026-10-03_spec_ledger-export.md"),
                "\uFEFF---\r\ntitle: Ledger export\r\n---\r\n" + clean.replace("\n", "\r\n"));
        Path design = Files.createDirectories(project.resolve("docs/design"));
        Files.writeString(design.resolve("README.md"), "# Design docs\n\nOne file per design.\n");
        Files.writeString(design.resolve("payout-holds.md"), clean);
        Files.writeString(design.resolve("2024-03-07-fx-rate-cache.md"), clean);

        CliRun run = CliRun.of("init", project.toString());

        assertThat(run.exitCode()).isZero();
        Path config = project.resolve(".specgate.yml");
        assertThat(run.out())
                .contains(
                        "Found 2 specs where the specs: globs of "
                                + config
                                + " look; found docs/design/ with 3 Markdown files where none is"
                                + " looked for: to check them, put 'docs/design/**/*.md' in the"
                                + " specs: globs of .specgate.yml\n")
                .contains(
                        "then record today's findings with 'specgate check "
                                + project
                                + " --write-baseline "
                                + project.resolve(".specgate-baseline.json")
                                + "' and put 'baseline: .specgate-baseline.json' in "
                                + config)
                .doesNotContain("Next: write specs in");
    }

    @Test
    void keepsAnExistingSpecFolderAndNamesAnOwnTemplate() throws IOException {
        Path specs = Files.createDirectories(project.resolve("directives/spec"));
        Path kept = Files.writeString(specs.resolve("2026-01-01_spec_x.md"), "# kept\n");
        Files.writeString(project.resolve("adr.md"), "# ADR\n\n## Context\n{{why}}\n");

        CliRun run = CliRun.of("init", project.toString(), "--template", "adr.md");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Created " + specs);
        assertThat(Files.readString(kept)).isEqualTo("# kept\n");
        assertThat(Files.readString(project.resolve(".specgate.yml")))
                .contains("template: adr.md\n");
    }

    @Test
    void theNextStepsOfAFolderSetUpFromElsewhereWorkFromHere() throws IOException {
        // init DIR from another folder: 'specgate template show' and 'specgate check' run here
        // would read this folder's configuration (the built-in template) and check this folder
        Path dir = Files.createDirectories(project.resolve("team docs"));
        Files.writeString(
                dir.resolve("adr.md"),
                "# ADR-{{number}}: {{Short title}}\n\n**Status:** {{Proposed | Accepted}}\n\n"
                        + "## Context\n{{Why décider maintenant?}}\n\n## Decision\n{{What}}\n");

        CliRun run = CliRun.of("init", dir.toString(), "--template", "adr.md");

        assertThat(run.exitCode()).isZero();
        String config = dir.resolve(".specgate.yml").toString();
        assertThat(run.out())
                .contains(
                        "see what the template asks with 'specgate template show --config '"
                                + config
                                + "'', then run 'specgate check '"
                                + dir
                                + "''.");
        CliRun show = CliRun.of("template", "show", "--config", config);
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).startsWith("Template: adr.md (").contains("## Context");
    }

    @Test
    void theNextStepsOfTheWorkingDirectoryNameNoFolder() {
        Path here = Path.of(".");

        assertThat(
                        InitCommand.nextSteps(
                                here,
                                here.resolve(".specgate.yml"),
                                here.resolve("directives/spec")))
                .isEqualTo(
                        "Next: write specs in directives/spec/, see what the template asks with"
                                + " 'specgate template show', then run 'specgate check'.");
    }

    @Test
    void anAbsoluteTemplatePathIsWrittenRelativeToTheFolderOrWarnedAbout(@TempDir Path other)
            throws IOException {
        Path inside = project.resolve("docs/adr");
        Files.createDirectories(inside);
        String adr = "# ADR\n\n## Context\n{{why}}\n";
        Files.writeString(inside.resolve("template.md"), adr);
        Path outside = Files.writeString(other.resolve("adr.md"), adr);
        Path second = Files.createDirectories(other.resolve("second"));

        CliRun in =
                CliRun.of(
                        "init",
                        project.toString(),
                        "--template",
                        inside.resolve("template.md").toAbsolutePath().toString());
        CliRun out =
                CliRun.of(
                        "init",
                        second.toString(),
                        "--template",
                        outside.toAbsolutePath().toString());

        assertThat(in.exitCode()).isZero();
        assertThat(in.err()).isEmpty();
        assertThat(Files.readString(project.resolve(".specgate.yml")))
                .contains("template: docs/adr/template.md\n");
        assertThat(out.exitCode()).isZero();
        assertThat(out.err())
                .startsWith("specgate: warning: the template " + outside.toAbsolutePath())
                .contains("another clone of the project will not have");
        assertThat(Files.readString(second.resolve(".specgate.yml")))
                .contains("template: " + outside.toAbsolutePath() + "\n");
    }

    @Test
    void badFolderOrTemplateIsAUsageError() {
        CliRun noDir = CliRun.of("init", project.resolve("nope").toString());
        CliRun noTemplate = CliRun.of("init", project.toString(), "--template", "missing.md");

        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err().strip())
                .isEqualTo(
                        "specgate: no such folder: "
                                + project.resolve("nope")
                                + " (create it first)");
        assertThat(noTemplate.exitCode()).isEqualTo(2);
        assertThat(Files.exists(project.resolve(".specgate.yml"))).isFalse();
    }

    @Test
    void aTemplateEveryOtherCommandWouldRefuseIsRefusedAndNothingIsWritten() throws IOException {
        Files.write(
                project.resolve("latin1.md"),
                "# Caf\u00e9\n\n## Context\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(
                project.resolve("prose.md"),
                "Write what you think, in any order.\n\n> No headings, no fields.\n");

        CliRun notUtf8 = CliRun.of("init", project.toString(), "--template", "latin1.md");
        CliRun prose = CliRun.of("init", project.toString(), "--template", "prose.md");

        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err().strip())
                .startsWith(
                        "specgate: cannot read template 'latin1.md': line 1, column 6: not UTF-8"
                                + " (byte 0xE9 at offset 5); save the file as UTF-8")
                .endsWith("; nothing was written");
        assertThat(prose.exitCode()).isEqualTo(2);
        assertThat(prose.err().strip())
                .isEqualTo(
                        "specgate: template 'prose.md' defines no sections (headings) and no"
                                + " fields (**Label:** lines); nothing was written");
        assertThat(Files.exists(project.resolve(".specgate.yml"))).isFalse();
        assertThat(Files.exists(project.resolve("directives"))).isFalse();
        assertThat(notUtf8.out()).isEmpty();
    }

    @Test
    void agentsWritesTheSectionOnceAndKeepsWhatIsThere() throws IOException {
        CliRun first = CliRun.of("init", "--agents", project.toString());
        assertThat(first.exitCode()).isZero();
        Path agents = project.resolve("AGENTS.md");
        String written = Files.readString(agents);
        assertThat(written)
                .startsWith(InitCommand.AGENTS_START + "\n## Specs: work them through")
                .endsWith(InitCommand.AGENTS_END + "\n")
                .contains("`get_spec`", "`check_text`", "`mark_done`", "`update_section`");
        for (String tool : dev.specgate.mcp.SpecgateMcpServer.toolNames(false)) {
            assertThat(written).as("every tool is named").contains("`" + tool + "`");
        }
        assertThat(project.resolve(".specgate.yml")).exists();

        // again: the configuration is kept, the section not written twice
        CliRun again = CliRun.of("init", "--agents", project.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Kept").contains("already has Specgate's section");
        assertThat(Files.readString(agents)).isEqualTo(written);
    }

    @Test
    void agentsAppendsToAPersonsAgentsFileKeepingEveryByte() throws IOException {
        Path agents = project.resolve("AGENTS.md");
        String mine = "# Agents\r\n\r\nUse tabs. Never push to main.\r\nÜmlauts stay.";
        Files.writeString(agents, mine);
        CliRun run = CliRun.of("init", "--agents", project.toString());
        assertThat(run.exitCode()).isZero();
        String now = Files.readString(agents);
        assertThat(now).startsWith(mine + "\r\n\r\n" + InitCommand.AGENTS_START + "\r\n");
        assertThat(now.replace("\r\n", "")).doesNotContain("\n");
        assertThat(run.out()).contains("Added Specgate's section");
        // without --agents an existing configuration is still a refusal
        assertThat(CliRun.of("init", project.toString()).exitCode()).isEqualTo(1);
    }
}
