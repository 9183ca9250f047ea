package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server's projects are opened again when their configuration changes, told by its
 * size and time stamp; an edit those cannot tell from the text read (the same size, in the same
 * tick of the file system's clock, or made while the project was read) must not keep the project
 * read before it.
 */
class ProjectsReloadTest {

    @TempDir Path tmp;

    @Test
    void aConfigurationRewrittenWithTheSameSizeAndTimeStampIsReadAgain() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Path spec = tmp.resolve(LspFeaturesTest.REFUND).toAbsolutePath().normalize();
        // CRLF, as a Windows editor writes it; both versions are 84 bytes
        String ignoresIt =
                "version: 1\r\nspecs:\r\n  - \"directives/**\"\r\nignore:\r\n  - \"**/*_refund-*.md\"\r\n";
        String takesIt =
                "version: 1\r\nspecs:\r\n  - \"directives/**\"\r\nignore:\r\n  - \"**/*_ledger-*.md\"\r\n";
        assertThat(ignoresIt).hasSameSizeAs(takesIt);
        Files.writeString(config, ignoresIt);
        FileTime written = Files.getLastModifiedTime(config);
        Projects projects = new Projects();
        assertThat(projects.of(spec).discovers(spec)).isFalse();

        // edited in place within the same tick: same size, same time stamp, same file
        Files.writeString(config, takesIt);
        Files.setLastModifiedTime(config, written);
        assertThat(projects.of(spec).discovers(spec))
                .as("the configuration as it is now, not as it was first read")
                .isTrue();
    }

    @Test
    void aConfigurationLongUnchangedKeepsItsProject() throws Exception {
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, tmp);
        Path config = tmp.resolve(".specgate.yml");
        Path spec = tmp.resolve(LspFeaturesTest.REFUND).toAbsolutePath().normalize();
        Files.writeString(config, "version: 1\nrules:\n  section-missing: warning\n");
        // written well before it is read: its stamp tells any later edit
        Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Projects projects = new Projects();
        var first = projects.of(spec);
        assertThat(projects.of(spec)).isSameAs(first);

        Files.writeString(config, "version: 1\nrules:\n  section-missing: error\n");
        Files.setLastModifiedTime(config, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        var reopened = projects.of(spec);
        assertThat(reopened).isNotSameAs(first);
        assertThat(projects.of(spec)).isSameAs(reopened);
    }

    @Test
    void aWorkspaceSearchMadeUnderABrokenConfigurationIsMadeAgainOnceItIsFixed() throws Exception {
        Path root = tmp.resolve("ws").toAbsolutePath().normalize();
        LspFeaturesTest.copy(LspFeaturesTest.DEMO, root);
        // a spec kept outside the workspace, reached through a folder linked into directives/spec/
        Path shared = tmp.resolve("shared").toAbsolutePath().normalize();
        Files.createDirectories(shared);
        Path real = shared.resolve("2026-11-30_spec_shared-ledger.md");
        Files.copy(root.resolve(LspFeaturesTest.REFUND), real);
        try {
            Files.createSymbolicLink(root.resolve("directives/spec/shared"), shared);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no links here: " + e);
        }
        Path config = root.resolve(".specgate.yml");
        Files.writeString(config, "version: 1\nspecs: [\"directives/**\"\n");
        Projects projects = new Projects();
        assertThat(projects.searchedName(real, java.util.List.of(root))).isEmpty();

        // fixed, and no client said so
        Files.writeString(config, "version: 1\nspecs: [\"directives/**\"]\n");
        assertThat(projects.searchedName(real, java.util.List.of(root)))
                .contains(root.resolve("directives/spec/shared/" + real.getFileName()));
    }
}
