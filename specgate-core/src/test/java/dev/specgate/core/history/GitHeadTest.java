package dev.specgate.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.project.SpecProject;
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
 * {@link GitHead}: the repository opened once and kept open (what {@code serve}'s overview asks at
 * each request), and still every move of HEAD seen: a commit made by another JGit in the same
 * second, a checkout of another branch, a shallow clone's cut.
 */
class GitHeadTest {

    @TempDir Path dir;

    private static String commit(Git git, String author, String message) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        author.toLowerCase().replace(' ', '.') + "@example.com",
                        Instant.parse("2026-11-02T10:00:00Z"),
                        ZoneOffset.UTC);
        return git.commit()
                .setAuthor(who)
                .setCommitter(who)
                .setMessage(message)
                .setSign(false)
                .call()
                .name();
    }

    @Test
    void aRepositoryKeptOpenSeesEveryMoveOfHead() throws Exception {
        Path spec = dir.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "# Webhook retries\r\n\r\n**Document Status:** Draft\r\n");
        SpecHistory history = SpecProject.builtin().history();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                GitHead head = history.head(spec.getParent())) {
            assertThat(head.now()).isEqualTo(" []");
            String first = commit(git, "Priya Raman", "Draft");
            assertThat(head.now()).isEqualTo(first + " []");
            // two commits in the same second, by another reader of the repository
            Files.writeString(spec, "# Webhook retries\r\n\r\n**Document Status:** Review\r\n");
            String second = commit(git, "Sam Okafor", "Review");
            assertThat(head.now()).isEqualTo(second + " []");
            Files.writeString(spec, "# Webhook retries\r\n\r\n**Document Status:** Approved\r\n");
            String third = commit(git, "Zoë Müller", "Approved");
            assertThat(head.now()).isEqualTo(third + " []").isEqualTo(history.headState(spec));
            git.checkout().setCreateBranch(true).setName("older").setStartPoint(first).call();
            assertThat(head.now()).isEqualTo(first + " []");
            Files.writeString(dir.resolve(".git/shallow"), first + "\n", StandardCharsets.UTF_8);
            assertThat(head.now()).isEqualTo(first + " [AnyObjectId[" + first + "]]");

            // kept open: a repository that can no longer be opened (its config broken) is still
            // read by the one opened before, where opening it per question read nothing
            Files.writeString(dir.resolve(".git/config"), "[core\n", StandardCharsets.UTF_8);
            assertThat(history.headState(spec)).isEmpty();
            assertThat(head.now()).startsWith(first);
        }
    }

    @Test
    void aFolderOutsideAnyRepositoryIsLookedAtAgainUntilOneIsMade() throws Exception {
        Path folder = dir.resolve("specs");
        Files.createDirectories(folder);
        try (GitHead head = SpecProject.builtin().history().head(folder)) {
            // no .git at or above a temp folder, as a rule; when there is one, nothing to prove
            org.junit.jupiter.api.Assumptions.assumeTrue(head.now().isEmpty());
            try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                Files.writeString(folder.resolve("notes.md"), "# Notes\n");
                String first = commit(git, "Ana Ruiz", "Notes");
                assertThat(head.now()).isEqualTo(first + " []");
            }
        }
    }

    @Test
    void aQuestionAskedAfterCloseIsAnsweredAsOutsideARepository() throws Exception {
        // serve stops while an overview request is still being answered: the page gets the
        // state of no repository, not an exception
        Path spec = dir.resolve("directives/spec/2026-10-02_spec_webhook-retry-queue.md");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "# Webhook retries\n\n**Document Status:** Draft\n");
        SpecHistory history = SpecProject.builtin().history();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            String first = commit(git, "Priya Raman", "Draft");
            GitHead head = history.head(spec.getParent());
            assertThat(head.now()).isEqualTo(first + " []");
            head.close();
            assertThat(head.now()).isEmpty();
            head.close(); // twice: the shutdown hook and an interrupt
            assertThat(head.now()).isEmpty();
        }
    }
}
