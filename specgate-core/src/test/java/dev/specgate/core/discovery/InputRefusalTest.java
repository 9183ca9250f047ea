package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one sentence by which the command line and the Maven plugin refuse to write a report over a
 * file the run reads ({@link ConfiguredDiscovery.Selection#inputRefusal}).
 */
class InputRefusalTest {

    @TempDir Path project;

    @Test
    void aSpecTheRunChecksOrAFileItWasGivenIsRefusedInOneSentence() throws Exception {
        Path dir = Files.createDirectories(project.resolve("directives/spec"));
        Path spec =
                Files.writeString(
                        dir.resolve("2026-10-02_spec_webhook-retry-queue.md"),
                        "\uFEFF# Technical Specification: Webhook Retry Queue\r\n\r\nR\u00e9sum\u00e9\r\n");
        Path draft = Files.writeString(dir.resolve("2026-10-03_spec_draft.md"), "# Draft\n");
        Path link = Files.createSymbolicLink(project.resolve("report.md"), spec);
        Path file =
                Files.writeString(
                        project.resolve(".specgate.yml"),
                        "specs:\n  - directives/spec/*.md\nignore:\n  - directives/spec/*_draft.md\n");
        SpecgateConfig config =
                new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);

        ConfiguredDiscovery.Selection found =
                new ConfiguredDiscovery(Optional.of(config)).find(List.of(project, draft));

        assertThat(found.specs()).containsExactly(spec);
        assertThat(found.excluded()).containsExactly(draft);
        assertThat(found.inputRefusal(spec, "--output " + spec))
                .contains(
                        "--output "
                                + spec
                                + " is a spec this run checks: writing the report there would"
                                + " replace it; name another file");
        // the same file under another name is still the spec
        assertThat(found.inputRefusal(link, "output " + link))
                .contains(
                        "output "
                                + link
                                + " is a spec this run checks: writing the report there would"
                                + " replace it; name another file");
        assertThat(found.inputRefusal(draft, "--write-baseline " + draft))
                .contains(
                        "--write-baseline "
                                + draft
                                + " is a file this run was given: writing the report there would"
                                + " replace it; name another file");
        assertThat(found.inputRefusal(project.resolve("specgate.json"), "--output x")).isEmpty();
    }
}
