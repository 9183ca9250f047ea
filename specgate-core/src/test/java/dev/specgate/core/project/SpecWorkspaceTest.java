package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace's search, started when it is opened ({@link EarlySearch}), finds what a search made
 * afterwards finds, says so at {@link SpecWorkspace#find()} when there is nothing, and is used
 * once: a later search walks again.
 */
class SpecWorkspaceTest {

    @TempDir Path dir;

    @Test
    void theSearchStartedWhenOpenedFindsWhatASearchAfterwardsFinds() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Files.writeString(specs.resolve("2026-11-20_spec_parked-idea.md"), TestSpecs.clean());
        Files.writeString(specs.resolve("notes.txt"), "not Markdown\n");
        Files.createSymbolicLink(
                specs.resolve("2026-12-02_spec_alias.md"), Path.of(TestSpecs.CLEAN_NAME));
        Path nested = Files.createDirectories(dir.resolve("team/directives/spec"));
        Files.writeString(nested.resolve("2026-11-21_spec_team-plan.md"), TestSpecs.clean());
        Files.writeString(dir.resolve("team/.specgate.yml"), "version: 1\n");
        Files.writeString(
                dir.resolve(".specgate.yml"),
                "version: 1\nignore:\n  - \"directives/spec/*_parked-*.md\"\n");

        List<SpecWorkspace.Found> early =
                SpecWorkspace.open(List.of(dir), ConfigChoice.nearest()).find();
        ConfiguredDiscovery.Selection afterwards =
                SpecProject.open(dir, ConfigChoice.nearest()).find(List.of(dir));

        assertThat(early).hasSize(2);
        ConfiguredDiscovery.Selection found = early.get(0).selection();
        assertThat(found.specs())
                .containsExactlyElementsOf(afterwards.specs())
                .containsExactly(dir.resolve("directives/spec/" + TestSpecs.CLEAN_NAME));
        assertThat(found.aliases()).isEqualTo(afterwards.aliases()).hasSize(1);
        assertThat(found.nestedConfigs())
                .isEqualTo(afterwards.nestedConfigs())
                .containsExactly(dir.resolve("team/.specgate.yml"));
        assertThat(found.unreadable()).isEqualTo(afterwards.unreadable()).isEmpty();
        assertThat(found.stamps().keySet()).isEqualTo(afterwards.stamps().keySet());
        assertThat(early.get(1).selection().specs())
                .containsExactly(dir.resolve("team/directives/spec/2026-11-21_spec_team-plan.md"));
    }

    @Test
    void aPathWithNothingToCheckIsReportedWhenSearchedNotWhenOpened() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("a/directives/spec"));
        Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Path empty = Files.createDirectories(dir.resolve("b"));

        SpecWorkspace workspace =
                SpecWorkspace.open(List.of(dir.resolve("a"), empty), ConfigChoice.nearest());

        assertThatThrownBy(workspace::find)
                .isInstanceOfSatisfying(
                        NothingToCheckException.class,
                        e -> assertThat(e.roots()).containsExactly(empty));
    }

    @Test
    void theSearchStartedWhenOpenedIsUsedOnceAndALaterSearchWalksAgain() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        SpecWorkspace workspace = SpecWorkspace.open(List.of(dir), ConfigChoice.nearest());

        assertThat(workspace.find().get(0).selection().specs()).hasSize(1);
        Path added =
                Files.writeString(specs.resolve("2026-12-03_spec_added.md"), TestSpecs.clean());

        assertThat(workspace.find().get(0).selection().specs()).hasSize(2).contains(added);
    }

    @Test
    void aProjectOpenedForOnePathSearchesAnotherAsAskedAndTheFirstAgainLater() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a/directives/spec"));
        Path b = Files.createDirectories(dir.resolve("b/directives/spec"));
        Files.writeString(a.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Files.writeString(b.resolve("2026-12-03_spec_other.md"), TestSpecs.clean());
        SpecWorkspace workspace =
                SpecWorkspace.open(List.of(dir.resolve("a")), ConfigChoice.nearest());
        SpecProject project = workspace.first();

        assertThat(project.find(List.of(dir.resolve("b"))).specs())
                .containsExactly(dir.resolve("b/directives/spec/2026-12-03_spec_other.md"));
        assertThat(project.find(List.of(dir.resolve("a"))).specs())
                .containsExactly(dir.resolve("a/directives/spec/" + TestSpecs.CLEAN_NAME));
    }
}
