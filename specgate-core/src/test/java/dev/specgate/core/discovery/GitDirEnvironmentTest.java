package dev.specgate.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GIT_DIR} set without {@code GIT_WORK_TREE}: git takes the current folder as the working
 * tree (unless {@code core.worktree} names one or {@code core.bare} is true); JGit took the git
 * folder's parent. The environment is given as {@link GitChanges#repository} reads it, through
 * JGit's {@link SystemReader}.
 */
class GitDirEnvironmentTest {

    @TempDir Path dir;
    Path store;

    @BeforeEach
    void aRepositoryWithACommittedSpec() throws Exception {
        Path work = Files.createDirectories(dir.resolve("payments-service"));
        Path spec = Files.createDirectories(work.resolve("directives/spec"));
        Files.writeString(
                spec.resolve("2026-10-02_spec_webhook-retry-queue.md"),
                "\uFEFF# Webhook retry queue — Überblick\r\n\r\n**Document Status:** Review\r\n",
                StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(work.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("José Müller", "jose@example.com");
            git.commit()
                    .setMessage("Draft the retry queue")
                    .setAuthor(who)
                    .setCommitter(who)
                    .call();
            store = git.getRepository().getDirectory().toPath();
        }
    }

    @Test
    void gitDirAloneMakesTheCurrentFolderTheWorkingTree() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        try (Repository repo = openWith(Map.of("GIT_DIR", store.toString()))) {
            // it was payments-service/, the git folder's parent
            assertThat(repo.getWorkTree().toPath()).isEqualTo(here);
            assertThat(repo.getDirectory().toPath()).isEqualTo(store);
        }
    }

    @Test
    void aGitFolderNotNamedDotGitIsNotTakenForBare() throws Exception {
        // a git folder kept apart from any checkout, core.bare unset: JGit took it for bare
        Path moved = Files.move(store, dir.resolve("store.git"));
        try (Git git = Git.open(moved.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.unset("core", null, "bare");
            config.save();
        }
        try (Repository repo = openWith(Map.of("GIT_DIR", moved.toString()))) {
            assertThat(repo.isBare()).isFalse();
            assertThat(repo.getWorkTree().toPath()).isEqualTo(Path.of("").toAbsolutePath());
        }
    }

    @Test
    void coreWorktreeOrGitWorkTreeStillNameIt() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("checkout"));
        try (Repository repo =
                openWith(
                        Map.of(
                                "GIT_DIR",
                                store.toString(),
                                "GIT_WORK_TREE",
                                elsewhere.toString()))) {
            assertThat(repo.getWorkTree().toPath()).isEqualTo(elsewhere);
        }
        try (Git git = Git.open(store.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "worktree", elsewhere.toString());
            config.save();
        }
        try (Repository repo = openWith(Map.of("GIT_DIR", store.toString()))) {
            assertThat(repo.getWorkTree().toPath()).isEqualTo(elsewhere);
        }
    }

    @Test
    void aBareRepositoryStaysBare() throws Exception {
        try (Git git = Git.open(store.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("core", null, "bare", true);
            config.save();
        }
        try (Repository repo = openWith(Map.of("GIT_DIR", store.toString()))) {
            assertThat(repo.isBare()).isTrue();
        }
    }

    /** {@link GitChanges#repository} from the spec's folder, with {@code env} set. */
    private Repository openWith(Map<String, String> env) throws Exception {
        GitChanges.skipSystemConfig(); // its own reader first, so that ours sits on top of it
        SystemReader before = SystemReader.getInstance();
        SystemReader.setInstance(
                new SystemReader.Delegate(before) {
                    @Override
                    public String getenv(String variable) {
                        return env.containsKey(variable)
                                ? env.get(variable)
                                : variable.startsWith("GIT_") ? null : super.getenv(variable);
                    }
                });
        try {
            return GitChanges.repository(dir.resolve("payments-service/directives/spec"));
        } finally {
            SystemReader.setInstance(before);
        }
    }
}
