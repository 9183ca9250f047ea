package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server's further names of specs, kept as files are created, deleted, saved and
 * renamed: after every change, what it answers for each name of each spec is what a new search of
 * the workspace answers, and a new search is made only where a change can alter the answer.
 */
class ProjectsNamesTest {

    @TempDir Path tmp;

    private Path root;
    private Path specs;
    private SpecProject project;
    private final Projects projects = new Projects();

    private static final String SPEC = "2026-11-09_spec_refund-idempotency-keys.md";

    @Test
    void afterEveryChangeTheNamesAreThoseOfAFullSearch() throws Exception {
        root = tmp.resolve("demo").toAbsolutePath().normalize();
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), root);
        specs = root.resolve("directives/spec");
        Path spec = specs.resolve(SPEC);
        Path renamed = specs.resolve("2026-11-09_spec_refund-keys.md");
        Path hard = specs.resolve("2026-11-10_spec_refund-idempotency-keys.md");
        try {
            // the old name, kept as a link after a rename; a hard link
            Files.createSymbolicLink(renamed, spec.getFileName());
            Files.createLink(hard, spec);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        project = SpecProject.open(root, ConfigChoice.nearest());
        assertSameAsAFullSearch();
        assertThat(projects.searches()).isEqualTo(1);
        assertThat(asked(renamed)).contains(spec);

        // a new spec, with one name: no search again
        Path copy = specs.resolve("2026-12-01_spec_refund-copy.md");
        Files.copy(specs.resolve("2026-07-21_spec_ledger-export-sftp.md"), copy);
        assertThat(projects.namesChanged(List.of(copy), List.of()))
                .isEqualTo(Projects.NameChange.NEW_FILES);
        assertSameAsAFullSearch();
        assertThat(projects.searches()).isEqualTo(2); // only when the new file itself is asked
        int before = projects.searches();
        assertThat(asked(renamed)).contains(spec);
        assertThat(projects.searches()).isEqualTo(before);

        // a spec with one name deleted, one saved: nothing to search again
        Files.delete(copy);
        Path ledger = specs.resolve("2026-07-21_spec_ledger-export-sftp.md");
        Files.writeString(ledger, Files.readString(ledger) + "\r\nSaved again.\r\n");
        assertThat(projects.namesChanged(List.of(), List.of(copy, ledger)))
                .isEqualTo(Projects.NameChange.NONE);
        assertSameAsAFullSearch();
        assertThat(projects.searches()).isEqualTo(before);

        // a folder of this year's specs, reached also through a link 'current'
        Path year = Files.createDirectories(specs.resolve("2026"));
        Files.copy(
                specs.resolve("2026-11-18_spec_sms-provider-failover.md"),
                year.resolve("2026-11-18_spec_sms-provider-failover.md"));
        Path current = specs.resolve("current");
        Files.createSymbolicLink(current, year.getFileName());
        assertThat(projects.namesChanged(List.of(year, current), List.of()))
                .isEqualTo(Projects.NameChange.ALL);
        assertSameAsAFullSearch();
        assertThat(asked(current.resolve("2026-11-18_spec_sms-provider-failover.md")))
                .contains(year.resolve("2026-11-18_spec_sms-provider-failover.md"));

        // a file made in the folder the link reaches, said under its own name only: its second
        // name is found when it is asked for
        Path made = year.resolve("2026-12-02_spec_sms-retry.md");
        Files.copy(specs.resolve("2026-11-18_spec_sms-provider-failover.md"), made);
        projects.namesChanged(List.of(made), List.of());
        assertThat(asked(current.resolve(made.getFileName()))).contains(made);
        assertSameAsAFullSearch();

        // an editor's atomic save of the spec: a new file replaces it, the hard link keeps the
        // old one, and is a name of its own now
        Path temp = specs.resolve(".save.tmp");
        Files.writeString(temp, Files.readString(spec) + "\nEdited.\n");
        Files.move(temp, spec, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        projects.namesChanged(List.of(), List.of(spec));
        assertSameAsAFullSearch();
        assertThat(asked(hard)).isEmpty();

        // the link deleted; then the folder renamed
        Files.delete(renamed);
        projects.namesChanged(List.of(), List.of(renamed));
        assertSameAsAFullSearch();
        Path moved = specs.resolve("2026-q4");
        Files.move(year, moved);
        projects.namesChanged(List.of(moved), List.of(year));
        assertSameAsAFullSearch();
    }

    @Test
    void aSearchDuringWhichFilesWereSaidToChangeIsNotKept() throws Exception {
        root = tmp.resolve("demo").toAbsolutePath().normalize();
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), root);
        specs = root.resolve("directives/spec");
        Path spec = specs.resolve(SPEC);
        Path renamed = specs.resolve("2026-11-09_spec_refund-keys.md");
        try {
            Files.createSymbolicLink(renamed, spec.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        project = SpecProject.open(root, ConfigChoice.nearest());
        Path year = specs.resolve("2026");
        Path current = specs.resolve("current");
        String failover = "2026-11-18_spec_sms-provider-failover.md";
        java.util.concurrent.atomic.AtomicReference<Projects> served =
                new java.util.concurrent.atomic.AtomicReference<>();
        // the first search has walked the folders when the client says a linked folder was made
        // (its notices come on another thread than the checks)
        served.set(
                new Projects(
                        (p, r) -> {
                            Map<Path, Path> found = p.aliases(List.of(r));
                            if (served.get().searches() == 1) {
                                try {
                                    Files.createDirectories(year);
                                    Files.copy(specs.resolve(failover), year.resolve(failover));
                                    Files.createSymbolicLink(current, year.getFileName());
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                                served.get().namesChanged(List.of(year, current), List.of());
                            }
                            return found;
                        }));

        assertThat(served.get().aliases(project, root, renamed).get(renamed)).isEqualTo(spec);
        Path throughLink = current.resolve(failover);
        assertThat(served.get().aliases(project, root, throughLink).get(throughLink))
                .isEqualTo(year.resolve(failover));
        assertThat(served.get().searches()).isEqualTo(2);
    }

    @Test
    void aFolderMadeEmptyKeepsTheSearchesAndWhatIsMadeInItIsFound() throws Exception {
        root = tmp.resolve("demo").toAbsolutePath().normalize();
        LspFeaturesTest.copy(Path.of("..", "examples", "demo"), root);
        specs = root.resolve("directives/spec");
        Path spec = specs.resolve(SPEC);
        Path renamed = specs.resolve("2026-11-09_spec_refund-keys.md");
        Path linkedFolder = root.resolve("linked");
        try {
            Files.createSymbolicLink(renamed, spec.getFileName());
            Files.createSymbolicLink(linkedFolder, Path.of("directives"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        project = SpecProject.open(root, ConfigChoice.nearest());
        assertSameAsAFullSearch();
        assertThat(projects.searches()).isEqualTo(1);
        assertSameNamesAsAFullSearch();

        // mkdir -p directives/spec/sub/deeper: the client says the folders made
        Path sub = specs.resolve("sub");
        Files.createDirectories(sub.resolve("deeper"));
        assertThat(projects.namesChanged(List.of(sub, sub.resolve("deeper")), List.of()))
                .isEqualTo(Projects.NameChange.NONE);
        assertSameAsAFullSearch();
        assertThat(projects.searches()).isEqualTo(1);
        assertThat(asked(renamed)).contains(spec);
        assertSameNamesAsAFullSearch();

        // a spec made in it, and a link to it beside it
        Path made = sub.resolve("2026-12-03_spec_sub-rollout.md");
        Files.copy(specs.resolve("2026-07-21_spec_ledger-export-sftp.md"), made);
        assertThat(projects.namesChanged(List.of(made), List.of()))
                .isEqualTo(Projects.NameChange.NEW_FILES);
        assertSameAsAFullSearch();
        assertSameNamesAsAFullSearch();
        Path link = sub.resolve("2026-12-03_spec_sub-rollout-old.md");
        Files.createSymbolicLink(link, made.getFileName());
        projects.namesChanged(List.of(link), List.of());
        assertSameAsAFullSearch();
        assertThat(asked(link)).contains(made);
        assertSameNamesAsAFullSearch();

        // a folder made with a file in it already (copied in whole): searched again
        Path copied = specs.resolve("copied");
        Files.createDirectories(copied);
        Files.copy(made, copied.resolve(made.getFileName()));
        Files.createSymbolicLink(copied.resolve("2026-12-04_spec_sub-link.md"), made.getFileName());
        assertThat(projects.namesChanged(List.of(copied), List.of()))
                .isEqualTo(Projects.NameChange.ALL);
        assertSameAsAFullSearch();
        assertSameNamesAsAFullSearch();
    }

    /**
     * The name a search of the workspace folder takes each real spec under, asked of the server and
     * of new projects (a new search).
     */
    private void assertSameNamesAsAFullSearch() throws IOException {
        Projects fresh = new Projects();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".md")).toList()) {
                Path real = p.toRealPath();
                assertThat(projects.searchedName(real, List.of(root)))
                        .as(real.toString())
                        .isEqualTo(fresh.searchedName(real, List.of(root)));
            }
        }
    }

    /** What the server answers for {@code name}: the name it is checked under, if another. */
    private Optional<Path> asked(Path name) {
        return Optional.ofNullable(projects.aliases(project, root, name).get(name));
    }

    /** Every Markdown name under the root, through links, asked of the server and of a search. */
    private void assertSameAsAFullSearch() throws IOException {
        Map<Path, Path> full = project.aliases(List.of(root));
        Map<Path, Optional<Path>> served = new LinkedHashMap<>();
        Map<Path, Optional<Path>> searched = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".md")).toList()) {
                Path name = p.toAbsolutePath().normalize();
                served.put(name, asked(name));
                searched.put(name, Optional.ofNullable(full.get(name)));
            }
        }
        assertThat(served).isEqualTo(searched);
    }
}
