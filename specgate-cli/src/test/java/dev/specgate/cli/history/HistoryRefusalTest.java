package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose template has no status lifecycle (the RFC family), or keeps each spec's status in
 * a metadata file beside it (the KEP family's kep.yaml), has no moves {@code history} can read: it
 * is refused in one line, exit 2, as {@code status} refuses it, not shown as commits whose status
 * could not be read (which failed every such spec with exit 1 where {@code check} passes it).
 */
class HistoryRefusalTest {

    @TempDir Path dir;

    @Test
    void aTemplateWithoutAStatusFieldIsRefused() throws Exception {
        copyFamily("rfc");
        committed();
        Path spec = dir.resolve("text/3020-inline-const-blocks.md");
        assertThat(CliRun.of("check", spec.toString()).exitCode()).isZero();

        CliRun history = CliRun.of("history", spec.toString(), "--audit");

        assertThat(history.exitCode()).as(history.out() + history.err()).isEqualTo(2);
        assertThat(history.out()).isEmpty();
        assertThat(history.err().strip())
                .startsWith("specgate: cannot show the history of ")
                .contains("3020-inline-const-blocks.md: the configured template '")
                .endsWith("so its specs have no status lifecycle")
                .doesNotContain("\n")
                .doesNotContain("status not read");
        assertThat(CliRun.of("status", spec.toString(), "Approved").err())
                .as("status refuses it in the same words")
                .contains("so its specs have no status lifecycle");
    }

    @Test
    void aStatusKeptInAFileBesideTheSpecIsRefused() throws Exception {
        copyFamily("kep");
        committed();
        Path spec = dir.resolve("keps/sig-apps/2875-indexed-job-names/README.md");

        CliRun history = CliRun.of("history", spec.toString());

        assertThat(history.exitCode()).as(history.out() + history.err()).isEqualTo(2);
        assertThat(history.out()).isEmpty();
        assertThat(history.err().strip())
                .contains(
                        "keeps each spec's status in kep.yaml beside it, which history does not"
                                + " read at past commits")
                .doesNotContain("\n")
                .doesNotContain("status not read");
    }

    private void copyFamily(String name) throws Exception {
        Path family = Path.of("..", "specgate-core/src/test/resources/families", name);
        try (Stream<Path> walk = Files.walk(family)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(family.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private void committed() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02");
        }
    }
}
