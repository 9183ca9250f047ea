package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders an {@code ignore:} glob covers whole, so that a search need not go into them. */
class IgnoredFolderTest {

    @TempDir Path dir;

    private SpecgateConfig load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve(".specgate.yml"), yaml);
        return new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
    }

    @Test
    void aFolderGlobOrADoubleStarCoversTheFolderWhole() throws Exception {
        SpecgateConfig c =
                load(
                        "ignore:\n"
                                + "  - root-link/\n"
                                + "  - vendor/**\n"
                                + "  - \"**/cache/\"\n"
                                + "  - ./tmp/**/*\n");

        assertThat(c.ignoresFolder(dir.resolve("root-link"))).isTrue();
        assertThat(c.ignoresFolder(dir.resolve("vendor"))).isTrue();
        assertThat(c.ignoresFolder(dir.resolve("vendor/deep/er"))).isTrue();
        assertThat(c.ignoresFolder(dir.resolve("services/billing/cache"))).isTrue();
        assertThat(c.ignoresFolder(dir.resolve("tmp"))).isTrue();
        assertThat(c.ignoresFolder(dir.resolve("directives/spec"))).isFalse();
        assertThat(c.ignoresFolder(dir.resolve("root-linked"))).isFalse();
    }

    @Test
    void aGlobThatLeavesSomeFilesBelowAFolderDoesNotCoverIt() throws Exception {
        SpecgateConfig c =
                load(
                        "ignore:\n"
                                + "  - \"*\"\n"
                                + "  - drafts/*.md\n"
                                + "  - notes/**/*.txt\n"
                                + "  - \"archive/?\"\n"
                                + "  - directives/spec/archive/**/*.md\n");

        // "*" ignores top-level files, never directives/spec/x.md
        assertThat(c.ignoresFolder(dir.resolve("directives"))).isFalse();
        // only Markdown files directly in drafts/: drafts/2026/x.md is still a spec
        assertThat(c.ignoresFolder(dir.resolve("drafts"))).isFalse();
        assertThat(c.ignoresFolder(dir.resolve("notes"))).isFalse();
        assertThat(c.ignoresFolder(dir.resolve("archive"))).isFalse();
        // every Markdown file below, but another file could be a spec by a specs: glob
        assertThat(c.ignoresFolder(dir.resolve("directives/spec/archive"))).isFalse();
    }

    @Test
    void theConfigurationsOwnFolderAndFoldersOutsideItAreNeverCovered() throws Exception {
        SpecgateConfig c = load("ignore:\n  - \"**\"\n");

        assertThat(c.ignoresFolder(dir)).isFalse();
        assertThat(c.ignoresFolder(dir.getParent().resolve("other"))).isFalse();
        assertThat(c.ignoresFolder(dir.resolve("anything"))).isTrue();
        assertThat(load("specs: [\"**/*.md\"]\n").ignoresFolder(dir.resolve("vendor"))).isFalse();
    }
}
