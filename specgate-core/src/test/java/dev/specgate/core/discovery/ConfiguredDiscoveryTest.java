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

/** Which files a configuration's globs select, links included. */
class ConfiguredDiscoveryTest {

    @TempDir Path project;

    @Test
    void selectsLinkedAndBrokenLinkedFilesButNeverADevice() throws Exception {
        Path adr = Files.createDirectories(project.resolve("docs/adr"));
        Files.writeString(adr.resolve("0001-use-postgres.md"), "# ADR-1: Use Postgres\n");
        Path shared = Files.writeString(project.resolve("shared.md"), "# ADR-2: Shared\n");
        Files.createSymbolicLink(adr.resolve("0002-shared.md"), shared);
        Files.createSymbolicLink(adr.resolve("0003-gone.md"), project.resolve("gone.md"));
        if (Files.exists(Path.of("/dev/null"))) {
            Files.createSymbolicLink(adr.resolve("0004-device.md"), Path.of("/dev/null"));
        }
        Path file =
                Files.writeString(project.resolve(".specgate.yml"), "specs:\n  - docs/adr/*.md\n");
        SpecgateConfig config =
                new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);

        List<Path> specs =
                new ConfiguredDiscovery(Optional.of(config)).find(List.of(project)).specs();

        assertThat(specs)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("0001-use-postgres.md", "0002-shared.md", "0003-gone.md");
    }
}
