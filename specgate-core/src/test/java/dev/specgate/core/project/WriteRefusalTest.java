package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one sentence by which the command line and the Maven plugin refuse to write a report or a
 * baseline over a file the run reads ({@link SpecProject#writeRefusal}).
 */
class WriteRefusalTest {

    @TempDir Path project;

    @Test
    void aConfigurationFileNameIsRefusedWhereNoConfigurationIsYet() throws Exception {
        Path dir = Files.createDirectories(project.resolve("directives/spec"));
        Files.writeString(
                dir.resolve("2026-10-02_spec_webhook-retry-queue.md"),
                "# Technical Specification: Webhook Retry Queue\n");
        SpecProject opened = SpecProject.open(project, ConfigChoice.nearest());
        ConfiguredDiscovery.Selection found = opened.find(List.of(project));
        Path target = project.resolve(".specgate.yml");

        assertThat(opened.configFile()).isEmpty();
        assertThat(
                        opened.writeRefusal(
                                found,
                                target,
                                "--write-baseline .specgate.yml",
                                SpecProject.Written.BASELINE))
                .contains(
                        "--write-baseline .specgate.yml is named as a project's configuration,"
                                + " which the next run would read: writing the baseline there"
                                + " would break it; name another file, such as"
                                + " .specgate-baseline.json");
        assertThat(
                        opened.writeRefusal(
                                found,
                                project.resolve("baseline.json"),
                                "--write-baseline baseline.json",
                                SpecProject.Written.BASELINE))
                .isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aFileTheRunReadsIsRefusedInOneSentenceNamingWhatWouldBeWritten() throws Exception {
        Path dir = Files.createDirectories(project.resolve("directives/spec"));
        Path spec =
                Files.writeString(
                        dir.resolve("2026-10-02_spec_webhook-retry-queue.md"),
                        "\uFEFF# Technical Specification: Webhook Retry Queue\r\n\r\nR\u00e9sum\u00e9\r\n");
        Path draft = Files.writeString(dir.resolve("2026-10-03_spec_draft.md"), "# Draft\n");
        Path link = Files.createSymbolicLink(project.resolve("report.md"), spec);
        Path config =
                Files.writeString(
                        project.resolve(".specgate.yml"),
                        "specs:\n  - directives/spec/*.md\nignore:\n  - directives/spec/*_draft.md\n");
        SpecProject opened = SpecProject.open(project, ConfigChoice.nearest());

        ConfiguredDiscovery.Selection found = opened.find(List.of(project, draft));

        assertThat(found.specs()).containsExactly(spec);
        assertThat(found.excluded()).containsExactly(draft);
        assertThat(opened.writeRefusal(found, spec, "--output " + spec, SpecProject.Written.REPORT))
                .contains(
                        "--output "
                                + spec
                                + " is a spec this run checks: writing the report there would"
                                + " replace it; name another file");
        // the same file under another name is still the spec
        assertThat(opened.writeRefusal(found, link, "output " + link, SpecProject.Written.REPORT))
                .contains(
                        "output "
                                + link
                                + " is a spec this run checks: writing the report there would"
                                + " replace it; name another file");
        // a baseline is called a baseline, and a file name to use instead is offered
        assertThat(
                        opened.writeRefusal(
                                found,
                                draft,
                                "--write-baseline " + draft,
                                SpecProject.Written.BASELINE))
                .contains(
                        "--write-baseline "
                                + draft
                                + " is a file this run was given: writing the baseline there"
                                + " would replace it; name another file, such as"
                                + " .specgate-baseline.json");
        // the configuration the run follows is an input too, however it is spelt
        Path spelt = project.resolve("directives/../.specgate.yml");
        assertThat(
                        opened.writeRefusal(
                                found,
                                spelt,
                                "--write-baseline " + spelt,
                                SpecProject.Written.BASELINE))
                .contains(
                        "--write-baseline "
                                + spelt
                                + " is the configuration this run follows: writing the baseline"
                                + " there would replace it; name another file, such as"
                                + " .specgate-baseline.json");
        assertThat(config)
                .hasContent(
                        "specs:\n  - directives/spec/*.md\nignore:\n  - directives/spec/*_draft.md\n");
        assertThat(
                        opened.writeRefusal(
                                found,
                                project.resolve("specgate.json"),
                                "--output x",
                                SpecProject.Written.REPORT))
                .isEmpty();
    }

    @Test
    void theTemplateFileTheConfigurationNamesIsRefused() throws Exception {
        Files.createDirectories(project.resolve("directives/spec"));
        Files.writeString(
                project.resolve("directives/spec/2026-10-02_spec_x.md"),
                "# Spec: X\n\n## Summary\n");
        Path template =
                Files.writeString(
                        project.resolve("template.md"),
                        "# Spec: [Title]\n\n**Status:** Draft | Review | Approved\n\n## Summary\n\n"
                                + "[What and why]\n");
        Files.writeString(project.resolve(".specgate.yml"), "template: template.md\n");
        SpecProject opened = SpecProject.open(project, ConfigChoice.nearest());
        ConfiguredDiscovery.Selection found = opened.find(List.of(project));

        assertThat(
                        opened.writeRefusal(
                                found,
                                template,
                                "--write-baseline template.md",
                                SpecProject.Written.BASELINE))
                .contains(
                        "--write-baseline template.md is the template this run checks specs"
                                + " against: writing the baseline there would replace it; name"
                                + " another file, such as .specgate-baseline.json");
    }
}
