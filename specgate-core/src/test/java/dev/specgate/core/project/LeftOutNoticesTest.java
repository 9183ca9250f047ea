package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.discovery.ConfiguredDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the façade says of a file the configuration leaves out and of a file met under two names:
 * the one wording every surface (command line, editor, agent, dashboard) shows.
 */
class LeftOutNoticesTest {

    @TempDir Path dir;

    private Function<Path, String> relative() {
        return p -> dir.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void aLeftOutSpecHasANoticeAndAMoveRefusalAndASelectedOneNeither() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Path kept = Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Path parked =
                Files.writeString(
                        specs.resolve("2026-11-20_spec_parked-idea.md"), TestSpecs.clean());
        Files.writeString(
                dir.resolve(".specgate.yml"),
                "version: 1\nignore:\n  - \"directives/spec/*_parked-*.md\"\n");
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());

        assertThat(project.exclusionNotice(parked, relative()))
                .contains(
                        "directives/spec/2026-11-20_spec_parked-idea.md is not checked: an"
                                + " ignore: glob matches it in .specgate.yml");
        assertThat(project.moveRefusal(parked, "set_status", relative()))
                .contains(
                        "directives/spec/2026-11-20_spec_parked-idea.md is not checked: an"
                                + " ignore: glob matches it in .specgate.yml; set_status moves"
                                + " only specs that check checks (change the globs so that they"
                                + " select it); the file is unchanged");
        assertThat(project.exclusionNotice(kept, relative())).isEmpty();
        assertThat(project.moveRefusal(kept, "status", relative())).isEmpty();
        // without a configuration nothing is left out
        assertThat(SpecProject.builtin().moveRefusal(parked, "status", relative())).isEmpty();
    }

    @Test
    void aFileMetUnderTwoNamesIsNoticedUnderTheNameNotChecked() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Path spec = Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Path alias = specs.resolve("2026-12-02_spec_alias.md");
        try {
            Files.createSymbolicLink(alias, spec.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        ConfiguredDiscovery.Selection found = SpecProject.builtin().findAny(List.of(dir));

        assertThat(found.specs()).hasSize(1);
        assertThat(SpecProject.aliasNotices(found, relative()))
                .containsExactly(
                        "directives/spec/2026-12-02_spec_alias.md is not checked again: it is"
                                + " the same file as directives/spec/"
                                + TestSpecs.CLEAN_NAME
                                + ", checked under that name");
    }

    @Test
    void twoRootsThatReachOneFileUnderThreeNamesNoticeEachNameAgainstTheOneChecked()
            throws Exception {
        // a spec, a hard link to it beside it (a copy someone meant to edit), and a hard link in
        // the archive folder, which sorts before it: one file, found under three names by two roots
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Path archive = Files.createDirectories(dir.resolve("archive"));
        String text = TestSpecs.clean().replace("\n", "\r\n");
        Path own = Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), "\uFEFF" + text);
        Path copy = specs.resolve("2026-10-03_spec_webhook-retry-queue-copy.md");
        Path archived = archive.resolve(TestSpecs.CLEAN_NAME);
        try {
            Files.createLink(copy, own);
            Files.createLink(archived, own);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links here: " + e);
        }

        ConfiguredDiscovery.Selection found = SpecProject.builtin().find(List.of(specs, archive));

        // every name but one is noticed against the name that is checked, never against another
        // name that is not checked itself
        assertThat(found.specs()).containsExactly(archived);
        assertThat(found.aliases())
                .containsOnly(
                        java.util.Map.entry(own, archived), java.util.Map.entry(copy, archived));
        assertThat(found.specs()).containsAll(found.aliases().values());
        assertThat(SpecProject.aliasNotices(found, relative()))
                .containsExactly(
                        "directives/spec/"
                                + TestSpecs.CLEAN_NAME
                                + " is not checked again: it is the same file as archive/"
                                + TestSpecs.CLEAN_NAME
                                + ", checked under that name",
                        "directives/spec/2026-10-03_spec_webhook-retry-queue-copy.md is not checked"
                                + " again: it is the same file as archive/"
                                + TestSpecs.CLEAN_NAME
                                + ", checked under that name");
    }

    @Test
    void oneFileIsNoticedOnlyUnderTheNameASearchDoesNotCheck() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        Path spec = Files.writeString(specs.resolve(TestSpecs.CLEAN_NAME), TestSpecs.clean());
        Path other =
                Files.writeString(
                        specs.resolve("2026-11-20_spec_ledger-export.md"), TestSpecs.clean());
        // the spec's old name, kept as a link after a rename
        Path renamed = specs.resolve("2026-10-02_spec_webhook-retries.md");
        try {
            Files.createSymbolicLink(renamed, spec.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        SpecProject project = SpecProject.builtin();

        assertThat(project.aliasNotice(renamed, List.of(dir), relative()))
                .contains(
                        "directives/spec/2026-10-02_spec_webhook-retries.md is not checked again:"
                                + " it is the same file as directives/spec/"
                                + TestSpecs.CLEAN_NAME
                                + ", checked under that name");
        assertThat(project.aliasNotice(spec, List.of(dir), relative())).isEmpty();
        assertThat(project.aliasNotice(other, List.of(dir), relative())).isEmpty();
        // a search that does not reach the file says nothing of it
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("2026-11-21_spec_payouts.md"), TestSpecs.clean());
        assertThat(project.aliasNotice(renamed, List.of(docs), relative())).isEmpty();
    }
}
