package dev.specgate.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * As a new user would: a team with its own template configures it in one file and gets the right
 * findings: a missing section, a bad value and a leftover placeholder, and none in good specs.
 */
class OwnTemplateTest {

    @TempDir Path project;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adr", "design-doc", "rfc", "postmortem"})
    void teamTemplateConfiguredInOneFile(String kind) throws IOException {
        Path docs = Files.createDirectories(project.resolve("docs/" + kind));
        try (Stream<Path> files = Files.list(TemplateShowTest.fixtures().resolve(kind))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, docs.resolve(f.getFileName()));
            }
        }
        Files.writeString(
                project.resolve(".specgate.yml"),
                "template: docs/"
                        + kind
                        + "/template.md\nspecs:\n  - docs/"
                        + kind
                        + "/*.md\nignore:\n  - docs/"
                        + kind
                        + "/template.md\n");

        CliRun run = CliRun.of("check", project.toString(), "--today", "2026-11-25");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).noneMatch(l -> l.contains("/pass-") || l.contains("template.md"));
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.contains("/fail-missing-section.md:")
                                        && l.contains("error [section-missing]"))
                .anyMatch(
                        l -> l.contains("/fail-bad-value.md:") && l.contains("error [field-value]"))
                .anyMatch(
                        l ->
                                l.contains("/fail-placeholder.md:")
                                        && l.contains("error [placeholder-"));
        assertThat(run.err()).isEmpty();
    }
}
