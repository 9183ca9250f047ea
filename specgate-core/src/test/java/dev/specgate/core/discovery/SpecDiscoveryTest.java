package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a path given on the command line stands for. */
class SpecDiscoveryTest {

    @TempDir Path project;

    private final SpecDiscovery discovery = new SpecDiscovery();

    @BeforeEach
    void projectTree() throws IOException {
        touch("directives/spec/2026-03-02_spec_b.md");
        touch("directives/spec/2026-01-10_spec_a.md");
        touch("directives/spec/archive/2025-12-01_spec_old.MD");
        touch("directives/spec/notes.txt");
        touch("directives/tasks/2026-03-02_tasks_b.md");
        touch("directives/tasks/2026-03-03_task_b.md");
        touch("docs/readme.md");
        touch("README.md");
        touch("services/billing/directives/spec/2026-04-01_spec_billing.md");
        touch("node_modules/pkg/directives/spec/2026-01-01_spec_vendored.md");
        touch("target/directives/spec/2026-01-01_spec_built.md");
        touch(".git/directives/spec/2026-01-01_spec_git.md");
    }

    @Test
    void projectRootGivesEverySpecUnderDirectivesSpecSorted() {
        assertThat(relative(discovery.find(project)))
                .containsExactly(
                        "directives/spec/2026-01-10_spec_a.md",
                        "directives/spec/2026-03-02_spec_b.md",
                        "directives/spec/archive/2025-12-01_spec_old.MD",
                        "directives/tasks/2026-03-03_task_b.md",
                        "services/billing/directives/spec/2026-04-01_spec_billing.md");
    }

    @Test
    void markdownExtensionInAnyCaseIsASpecLikeMd() throws IOException {
        touch("directives/spec/2026-05-01_spec_long.markdown");
        touch("directives/spec/2026-05-02_spec_upper.Markdown");
        touch("directives/spec/2026-05-03_spec_not.mdx");
        touch("directives/spec/2026-05-04_spec_not.markdown.txt");
        assertThat(relative(discovery.find(project.resolve("directives/spec"))))
                .containsExactly(
                        "directives/spec/2026-01-10_spec_a.md",
                        "directives/spec/2026-03-02_spec_b.md",
                        "directives/spec/2026-05-01_spec_long.markdown",
                        "directives/spec/2026-05-02_spec_upper.Markdown",
                        "directives/spec/archive/2025-12-01_spec_old.MD");
    }

    @Test
    void looseMarkdownExtensionFilesAreFoundInAFolderWithoutDirectives() throws IOException {
        touch("loose/notes.markdown");
        touch("loose/other.txt");
        assertThat(relative(discovery.find(project.resolve("loose"))))
                .containsExactly("loose/notes.markdown");
    }

    @Test
    void specFolderItselfGivesItsSpecs() {
        assertThat(relative(discovery.find(project.resolve("directives/spec"))))
                .containsExactly(
                        "directives/spec/2026-01-10_spec_a.md",
                        "directives/spec/2026-03-02_spec_b.md",
                        "directives/spec/archive/2025-12-01_spec_old.MD");
    }

    @Test
    void fileIsItselfWhateverItsName() {
        Path file = project.resolve("docs/readme.md");

        assertThat(discovery.find(file)).containsExactly(file.normalize());
    }

    @Test
    void linkedSpecsAreFoundAndABrokenLinkOrADeviceIsNotDroppedSilently() throws IOException {
        Path spec = project.resolve("directives/spec");
        Files.createSymbolicLink(
                spec.resolve("2026-06-01_spec_shared.md"), project.resolve("docs/readme.md"));
        Files.createSymbolicLink(
                spec.resolve("2026-06-02_spec_gone.md"), project.resolve("docs/gone.md"));
        touch("loose/2026-05-01_spec_x.md");
        Files.createSymbolicLink(
                project.resolve("loose/2026-05-03_spec_gone.md"), project.resolve("nowhere.md"));

        if (Files.exists(Path.of("/dev/null"))) {
            Files.createSymbolicLink(
                    spec.resolve("2026-06-03_spec_device.md"), Path.of("/dev/null"));
        }

        // a device is offered too (never opened by the search): reading it says what it is
        List<String> found = relative(discovery.find(spec));
        assertThat(found)
                .contains("directives/spec/2026-06-01_spec_shared.md")
                .contains("directives/spec/2026-06-02_spec_gone.md");
        assertThat(found.contains("directives/spec/2026-06-03_spec_device.md"))
                .isEqualTo(Files.exists(Path.of("/dev/null")));
        assertThat(relative(discovery.find(project.resolve("loose"))))
                .containsExactly("loose/2026-05-01_spec_x.md", "loose/2026-05-03_spec_gone.md");
    }

    @Test
    void linksToFoldersAreFollowedOnceAndALoopEndsTheWalkThere() throws IOException {
        touch("ext/2026-10-15_spec_ext.md");
        touch("ext/deeper/2026-10-16_spec_deep.md");
        Path spec = project.resolve("directives/spec");
        Files.createSymbolicLink(spec.resolve("linked"), Path.of("../../ext"));
        // a link back up to the spec folder itself: a loop the walk must not go round
        Files.createSymbolicLink(spec.resolve("archive/up"), Path.of(".."));
        // a link whose target does not exist, absolute
        Files.createSymbolicLink(
                spec.resolve("2026-10-17_spec_dangling.md"), project.resolve("nowhere/gone.md"));

        List<String> found = relative(discovery.find(project));
        assertThat(found)
                .contains(
                        "directives/spec/linked/2026-10-15_spec_ext.md",
                        "directives/spec/linked/deeper/2026-10-16_spec_deep.md",
                        "directives/spec/2026-10-17_spec_dangling.md")
                .doesNotHaveDuplicates()
                .noneMatch(p -> p.contains("/up/"));
        // the link itself given as the path
        assertThat(relative(discovery.find(spec.resolve("linked"))))
                .containsExactly(
                        "directives/spec/linked/2026-10-15_spec_ext.md",
                        "directives/spec/linked/deeper/2026-10-16_spec_deep.md");
    }

    @Test
    void aLinkToAFolderOutsideTheSpecFoldersIsNotWalked(@TempDir Path elsewhere)
            throws IOException {
        Path foreign = Files.createDirectories(elsewhere.resolve("pkg/directives/spec"));
        Files.writeString(foreign.resolve("2026-01-01_spec_vendored.md"), "# Vendored\n");
        Files.writeString(elsewhere.resolve(".specgate.yml"), "rule: {}\n");
        Files.createSymbolicLink(project.resolve("vendor"), elsewhere);
        // a directives link is where specs are: followed, wherever it leads
        Path shared = Files.createDirectories(elsewhere.resolve("team/directives/spec"));
        Files.writeString(shared.resolve("2026-02-01_spec_shared.md"), "# Shared\n");
        Files.createDirectories(project.resolve("teams/payments"));
        Files.createSymbolicLink(project.resolve("teams/payments/directives"), shared.getParent());
        NestedConfigs nested = new NestedConfigs(p -> false);

        List<Path> found = discovery.find(project, new ArrayList<>(), null, nested);

        assertThat(relative(found))
                .contains("teams/payments/directives/spec/2026-02-01_spec_shared.md")
                .noneMatch(p -> p.startsWith("vendor/"));
        assertThat(nested.found()).isEmpty();
    }

    @Test
    void aFolderIgnoredWholeIsNotWalkedNorSearchedForConfigurations() throws IOException {
        touch("scratch/directives/spec/2026-01-01_spec_draft.md");
        Files.writeString(project.resolve("scratch/.specgate.yml"), "rule: {}\n");
        NestedConfigs nested = new NestedConfigs(p -> false);

        List<Path> found =
                discovery.find(
                        project,
                        new ArrayList<>(),
                        null,
                        nested,
                        dir -> dir.getFileName().toString().equals("scratch"));

        assertThat(relative(found)).noneMatch(p -> p.startsWith("scratch/"));
        assertThat(nested.found()).isEmpty();
    }

    @Test
    void missingPathGivesNothing() {
        assertThat(discovery.find(project.resolve("absent"))).isEmpty();
    }

    @Test
    void folderWithoutDirectivesGivesTheMarkdownDirectlyInIt() throws IOException {
        touch("loose/2026-05-01_spec_x.md");
        touch("loose/deeper/2026-05-02_spec_y.md");
        touch("loose/x.txt");

        assertThat(relative(discovery.find(project.resolve("loose"))))
                .containsExactly("loose/2026-05-01_spec_x.md");
    }

    @Test
    void tasksFolderGivesOnlyFilesNamedAsTaskLists() {
        assertThat(relative(discovery.find(project.resolve("directives/tasks"))))
                .containsExactly("directives/tasks/2026-03-03_task_b.md");
    }

    @Test
    void otherDirectivesFolderGivesNothing() throws IOException {
        touch("directives/prd/2026-03-02_prd_b.md");

        assertThat(discovery.find(project.resolve("directives/prd"))).isEmpty();
    }

    @Test
    void foldersCanBeChosen() {
        assertThat(relative(new SpecDiscovery(List.of("spec")).find(project.resolve("directives"))))
                .containsExactly(
                        "directives/spec/2026-01-10_spec_a.md",
                        "directives/spec/2026-03-02_spec_b.md",
                        "directives/spec/archive/2025-12-01_spec_old.MD");
    }

    @Test
    void severalPathsGiveEachFileOnce() {
        Path spec = project.resolve("directives/spec/2026-01-10_spec_a.md");

        List<Path> found =
                discovery.find(List.of(spec, project, project.resolve("directives/spec")));

        assertThat(found).doesNotHaveDuplicates().hasSize(5).isSorted();
    }

    private void touch(String relative) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# T\n");
    }

    private List<String> relative(List<Path> files) {
        return files.stream()
                .map(f -> project.relativize(f).toString().replace('\\', '/'))
                .toList();
    }
}
