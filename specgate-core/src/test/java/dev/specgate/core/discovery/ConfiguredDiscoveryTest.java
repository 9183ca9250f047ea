package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which files a configuration's globs select, links included. */
class ConfiguredDiscoveryTest {

    @TempDir Path project;

    @Test
    void selectsLinkedAndBrokenLinkedFilesAndADevice() throws Exception {
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

        // a device is offered too (never opened by the search): reading it says what it is
        assertThat(specs)
                .extracting(p -> p.getFileName().toString())
                .startsWith("0001-use-postgres.md", "0002-shared.md", "0003-gone.md")
                .hasSize(Files.exists(Path.of("/dev/null")) ? 4 : 3);
    }

    @Test
    void oneFileUnderSeveralNamesIsFoundOnceUnderItsOwnName() throws Exception {
        Path spec = Files.createDirectories(project.resolve("directives/spec"));
        Path own = Files.writeString(spec.resolve("2026-12-01_spec_dup-spec.md"), "# Dup\n");
        // a link beside it, sorting before it
        Path alias =
                Files.createSymbolicLink(
                        spec.resolve("2026-11-30_spec_alias.md"), own.getFileName());
        Path other = Files.writeString(spec.resolve("2026-12-02_spec_other.md"), "# Other\n");
        Path gone =
                Files.createSymbolicLink(spec.resolve("2026-12-03_spec_gone.md"), Path.of("no.md"));

        ConfiguredDiscovery.Selection found =
                new ConfiguredDiscovery(Optional.empty()).find(List.of(project));
        // a file named beside the folder holding it is still one file
        ConfiguredDiscovery.Selection named =
                new ConfiguredDiscovery(Optional.empty()).find(List.of(alias, own, project));

        assertThat(found.specs()).containsExactly(own, other, gone);
        assertThat(found.aliases()).containsExactly(java.util.Map.entry(alias, own));
        assertThat(named.specs()).containsExactly(own, other, gone);
        assertThat(named.aliases()).containsEntry(alias, own);
    }

    @Test
    void aHardLinkIsOneFileToo() throws Exception {
        Path spec = Files.createDirectories(project.resolve("directives/spec"));
        Path own = Files.writeString(spec.resolve("2026-12-01_spec_one.md"), "# One\n");
        Path hard = Files.createLink(spec.resolve("2026-12-04_spec_hard.md"), own);

        ConfiguredDiscovery.Selection found =
                new ConfiguredDiscovery(Optional.empty()).find(List.of(project));

        assertThat(found.specs()).containsExactly(own);
        assertThat(found.aliases()).containsExactly(java.util.Map.entry(hard, own));
    }

    @Test
    @Timeout(60)
    void aFolderWhoseListingFailsIsAnErrorOnlyWhereSpecsCouldBe() {
        // a folder that opens but cannot be listed (EPERM without CAP_SYS_ADMIN, or as another
        // user)
        Path mapFiles = Path.of("/proc/1/map_files");
        assumeTrue(cannotList(mapFiles), "needs a folder this user cannot list");
        List<UnreadablePath> passing = new ArrayList<>();
        List<UnreadablePath> inSpecs = new ArrayList<>();

        // walking /proc/1 for nested configurations: map_files holds no spec
        List<Path> none =
                SpecFileWalk.files(
                        mapFiles.getParent(),
                        f -> f.getFileName().toString().endsWith(".md"),
                        d -> false,
                        passing);
        SpecFileWalk.files(mapFiles, f -> true, d -> true, inSpecs);

        assertThat(none).isEmpty();
        assertThat(passing).isEmpty();
        assertThat(inSpecs).extracting(UnreadablePath::path).containsExactly(mapFiles.normalize());
    }

    private static boolean cannotList(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> {});
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    @Test
    void oneFoldersSpecsComeSortedEachOnceAsSeveralFoldersSpecsDo() throws Exception {
        Path spec = Files.createDirectories(project.resolve("directives/spec"));
        List<String> names =
                List.of(
                        "2026-03-01_spec_zeta.md",
                        "2026-01-15_spec_alpha.md",
                        "2026-01-15_spec_alpha/2026-01-16_spec_below.md",
                        "2026-02-01_spec_Review-notes.md",
                        "2026-01-15_spec_alpha-two.md",
                        "2026-02-01_spec_beta.md");
        for (String name : names) {
            Path file = spec.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# " + name + "\r\n\r\n**Status:** Draft\r\n");
        }
        List<Path> sorted = names.stream().map(spec::resolve).sorted().toList();
        Path file = Files.writeString(project.resolve(".specgate.yml"), "cache: true\n");
        SpecgateConfig config =
                new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);

        // one folder's search takes the walk's list as it is: sorted, each file once, as the
        // search of several folders sorts and merges theirs
        assertThat(new ConfiguredDiscovery(Optional.empty()).find(List.of(project)).specs())
                .containsExactlyElementsOf(sorted);
        assertThat(new ConfiguredDiscovery(Optional.of(config)).find(List.of(project)).specs())
                .containsExactlyElementsOf(sorted);
        assertThat(new ConfiguredDiscovery(Optional.empty()).find(List.of(spec, project)).specs())
                .containsExactlyElementsOf(sorted);
    }
}
