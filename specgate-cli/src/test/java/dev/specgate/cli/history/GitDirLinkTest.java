package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A working tree whose {@code .git} is a file naming the git folder elsewhere ({@code gitdir:
 * PATH}), as {@code git init --separate-git-dir} and {@code git clone --separate-git-dir} make it,
 * without {@code core.worktree}: git takes the folder holding that file as the working tree. JGit
 * took the git folder's parent, so every spec lay outside it: {@code history} said a committed spec
 * was in no commit, {@code diff --since HEAD} that it did not exist at HEAD, and {@code check
 * --changed-since HEAD} checked no spec and passed (exit 0) after an edit.
 */
class GitDirLinkTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    @Test
    void aDotGitFileMakesItsFolderTheWorkingTree() throws Exception {
        Path work = Files.createDirectories(dir.resolve("payments-service"));
        Path store = dir.resolve("git-store");
        // the clean spec, at Review, with CRLF line endings
        String review =
                SpecFixtures.cleanSpec()
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "")
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replace("\n", "\r\n");
        Path spec = SpecFixtures.writeSpec(work, NAME, review.getBytes(StandardCharsets.UTF_8));
        try (Git git = Git.init().setDirectory(work.toFile()).setGitDir(store.toFile()).call()) {
            // as git init --separate-git-dir leaves it: a .git file, no core.worktree
            StoredConfig config = git.getRepository().getConfig();
            config.unset("core", null, "worktree");
            config.save();
            Files.writeString(work.resolve(".git"), "gitdir: " + store + "\n");
            commit(git, "José Müller", "2026-11-01", "Send the webhook retry queue to review");
        }
        assertThat(work.resolve(".git")).isRegularFile();

        CliRun history = CliRun.of("history", spec.toString(), "--audit");
        assertThat(history.exitCode()).as(history.out() + history.err()).isZero();
        // it said "(in no commit: not committed yet, ...)" and "nothing to audit", exit 2
        assertThat(history.out())
                .contains("2026-11-01")
                .contains("José Müller")
                .contains("(created) Review")
                .doesNotContain("in no commit");

        String text = Files.readString(spec, StandardCharsets.UTF_8);
        String from = "A single unavailable merchant endpoint";
        assertThat(text).contains(from);
        Files.writeString(
                spec,
                text.replace(from, "One unavailable merchant endpoint"),
                StandardCharsets.UTF_8);

        // it said the spec "does not exist at HEAD: it is in no commit", exit 2
        CliRun diff = CliRun.of("diff", spec.toString(), "--since", "HEAD");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("Sections changed (1):").contains("+One unavailable");

        // it checked no spec and passed: "No problems found in 0 specs.", exit 0
        CliRun changed = CliRun.of("check", work.toString(), "--changed-since", "HEAD");
        assertThat(changed.out()).contains("1 spec").doesNotContain("0 specs");
    }
}
