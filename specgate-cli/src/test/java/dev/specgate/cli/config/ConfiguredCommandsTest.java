package dev.specgate.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads specs follows {@code .specgate.yml} as {@code check} does: the same
 * specs, the same findings, the same template. Each test sets up a project as a team would: an ADR
 * folder with its own template, or Rigour Vibe specs with some rules switched off.
 */
class ConfiguredCommandsTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String ADR_CONFIG =
            "template: docs/adr/template.md\n"
                    + "specs:\n"
                    + "  - docs/adr/*.md\n"
                    + "ignore:\n"
                    + "  - docs/adr/template.md\n";

    @TempDir Path project;

    // --- help ---------------------------------------------------------------------------------

    @Test
    void helpForConfigAndTodayFitsEveryCommand() {
        for (String[] command :
                new String[][] {
                    {"site"}, {"serve"}, {"template", "show"}, {"list"}, {"status"}, {"new"}
                }) {
            String[] args =
                    Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.out()).doesNotContain("first PATH").doesNotContain("measure overdue");
            assertThat(run.out().replaceAll("\\s+", " "))
                    .contains("used for overdue checks and for the dates the command writes");
        }
    }

    private void adrProject() throws IOException {
        Path fixtures =
                Path.of(System.getProperty("specgate.repoRoot", ".."))
                        .toAbsolutePath()
                        .normalize()
                        .resolve("specgate-core/src/test/resources/templates/adr");
        Path docs = Files.createDirectories(project.resolve("docs/adr"));
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, docs.resolve(f.getFileName()));
            }
        }
        writeConfig(ADR_CONFIG);
    }

    private void writeConfig(String yaml) throws IOException {
        Files.writeString(project.resolve(".specgate.yml"), yaml);
    }

    private static String withoutDecisionsSection(String spec) {
        int start = spec.indexOf("### Mitigation Strategies");
        int end = spec.indexOf("\n#", start + 1);
        return spec.substring(0, start) + spec.substring(end + 1);
    }
}
