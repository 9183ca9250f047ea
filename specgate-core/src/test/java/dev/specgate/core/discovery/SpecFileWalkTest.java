package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the walk makes of a large spec folder (a few hundred specs, as a walk shared between threads
 * would split them) and of what can stand in a spec's place there: a pipe, a folder and a broken
 * link named like a spec, a folder that cannot be read. Whoever changes how the walk looks at files
 * keeps these answers.
 */
class SpecFileWalkTest {

    private static final int SPECS = 300;

    private static final String SPEC =
            "\uFEFF---\r\nstatus: Draft\r\n---\r\n# Billing — retries ≤ 3\r\n\r\n"
                    + "> **Note:** see `Map<String, List<Path>>` [here](./other.md)\r\n\r\n"
                    + "| Field | Value |\r\n|---|---|\r\n| Owner | Zoë |\r\n";

    @TempDir Path project;

    @Test
    void whatStandsInASpecsPlaceIsOfferedAndAFolderNamedLikeOneIsWalked() throws Exception {
        Path spec = specFolder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SPECS; i++) {
            expected.add("directives/spec/" + name(i));
        }
        Files.writeString(spec.resolve("notes.txt"), "not a spec\n");
        Path folder = Files.createDirectories(spec.resolve("2026-02-01_spec_folder.md"));
        Files.writeString(folder.resolve("2026-02-02_spec_inner.md"), SPEC);
        expected.add("directives/spec/2026-02-01_spec_folder.md/2026-02-02_spec_inner.md");
        Path gone = spec.resolve("2026-02-03_spec_gone.md");
        Files.createSymbolicLink(gone, Path.of("nowhere.md"));
        expected.add("directives/spec/2026-02-03_spec_gone.md");
        Path pipe = spec.resolve("2026-02-06_spec_pipe.md");
        if (new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0) {
            expected.add("directives/spec/2026-02-06_spec_pipe.md"); // never opened by the walk
        }
        expected.sort(null);

        ConfiguredDiscovery.Selection found =
                new ConfiguredDiscovery(Optional.empty()).find(List.of(project));

        assertThat(found.specs().stream().map(p -> project.relativize(p).toString()).toList())
                .isEqualTo(expected);
        assertThat(found.unreadable()).isEmpty();
        assertThat(found.skipped()).containsOnlyKeys(spec.resolve("notes.txt"));
        // the regular files' sizes, which the reader and the cache take: none for a link or pipe
        assertThat(found.stamps()).hasSize(SPECS + 1).doesNotContainKeys(pipe, gone);
        assertThat(found.stamps().get(spec.resolve(name(7))).size())
                .isEqualTo(SPEC.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aLargeFolderOfNoSpecsFindsNothingAndSaysWhatItSkipped() throws IOException {
        Path spec = Files.createDirectories(project.resolve("directives/spec"));
        for (int i = 0; i < SPECS; i++) {
            Files.writeString(spec.resolve(name(i).replace(".md", ".txt")), SPEC);
        }

        ConfiguredDiscovery.Selection found =
                new ConfiguredDiscovery(Optional.empty()).find(List.of(project));

        assertThat(found.isEmpty()).isTrue(); // "nothing to check"
        assertThat(found.skipped()).hasSize(SPECS);
    }

    @Test
    void anUnreadableFolderAmongManySpecsIsReported() throws IOException {
        Path spec = specFolder();
        Path locked = Files.createDirectories(spec.resolve("archive"));
        Files.writeString(locked.resolve("2025-01-01_spec_old.md"), SPEC);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(locked), "not running as root");

            ConfiguredDiscovery.Selection found =
                    new ConfiguredDiscovery(Optional.empty()).find(List.of(project));

            assertThat(found.specs()).hasSize(SPECS);
            assertThat(found.unreadable()).extracting(UnreadablePath::path).containsExactly(locked);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private Path specFolder() throws IOException {
        Path spec = Files.createDirectories(project.resolve("directives/spec"));
        for (int i = 0; i < SPECS; i++) {
            Files.writeString(spec.resolve(name(i)), SPEC, StandardCharsets.UTF_8);
        }
        return spec;
    }

    private static String name(int i) {
        return String.format("2026-01-%02d_spec_billing-retries-%04d.md", i % 28 + 1, i);
    }
}
