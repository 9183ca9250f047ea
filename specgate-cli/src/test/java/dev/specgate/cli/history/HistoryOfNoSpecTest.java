package dev.specgate.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history --audit} of something that holds no spec is no pass: a task list (no Document
 * Status, no moves) named or found alone is an error, and files met in a spec folder and not taken
 * are said as {@code check} says them.
 */
class HistoryOfNoSpecTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    private Path commitSpecAndTaskList() throws Exception {
        Path spec = SpecFixtures.writeSpec(root, NAME, SpecFixtures.cleanSpec());
        Path tasks = Files.createDirectories(root.resolve("directives/tasks"));
        Path list =
                Files.writeString(
                        tasks.resolve("2026-10-02_task_webhook-retry-queue.md"),
                        "\uFEFF# Task List: Webhook retry queue\r\n\r\n**Spec:** [spec](../spec/"
                                + NAME
                                + ")\r\n\r\n## Tasks\r\n- [ ] 1.0 Zürich queue\r\n",
                        StandardCharsets.UTF_8);
        Files.writeString(root.resolve("directives/spec/2026-10-03_spec_export.txt"), "# Export\n");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "Zoë Brandt",
                            "zoe@example.com",
                            Instant.parse("2026-10-02T10:00:00Z"),
                            ZoneOffset.UTC);
            git.commit().setAuthor(who).setCommitter(who).setMessage("Add").setSign(false).call();
        }
        assertThat(spec).isRegularFile();
        return list;
    }

    @Test
    void anAuditOfAFolderOfTaskListsIsNothingToShowNotAPass() throws Exception {
        // it printed "Audit: every move passed its gate." and exited 0, having judged nothing
        Path list = commitSpecAndTaskList();

        CliRun audit = CliRun.of("history", list.getParent().toString(), "--audit");

        assertThat(audit.exitCode()).isEqualTo(2);
        assertThat(audit.out()).isEmpty();
        assertThat(audit.err())
                .isEqualTo(
                        "specgate: nothing to show: 1 task list and no spec (history reads a"
                                + " spec's status and approval)\n");
    }

    @Test
    void aPipeNamedIsSaidToBeOneNotToBeMissing() throws Exception {
        // it said "... does not exist" of a FIFO that ls lists
        commitSpecAndTaskList();
        Path pipe = root.resolve("directives/spec/2026-10-04_spec_export-pipe.md");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                mkfifo.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)
                        && mkfifo.exitValue() == 0,
                "needs mkfifo");

        CliRun history = CliRun.of("history", pipe.toString());

        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.out()).isEmpty();
        assertThat(history.err())
                .isEqualTo(
                        "specgate: cannot read "
                                + pipe
                                + ": not a regular file (a device, pipe or socket)\n");
    }

    @Test
    void aTaskListNamedIsRefusedWithWhatToGiveInstead() throws Exception {
        // it printed the file's name alone and exited 0
        Path list = commitSpecAndTaskList();

        CliRun history = CliRun.of("history", list.toString(), "--audit");

        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.out()).isEmpty();
        assertThat(history.err())
                .isEqualTo(
                        "specgate: "
                                + list
                                + " is a task list: task lists have no Document Status and no"
                                + " lifecycle, so no moves to show (give the spec it"
                                + " implements)\n");
    }

    @Test
    void aFolderSearchSaysTheFilesItMetAndDidNotTake() throws Exception {
        commitSpecAndTaskList();

        CliRun history = CliRun.of("history", root.toString(), "--audit");

        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains(NAME).contains("Zoë Brandt").doesNotContain("_task_");
        assertThat(history.err())
                .isEqualTo(
                        "specgate: "
                                + root
                                + "/directives/spec/2026-10-03_spec_export.txt is not checked:"
                                + " only Markdown files (.md, .markdown) are specs (rename it to"
                                + " .md if it is one)\n");
    }
}
