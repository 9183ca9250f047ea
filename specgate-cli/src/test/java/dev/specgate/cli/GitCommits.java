package dev.specgate.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Commits for the tests that read a spec's history from a repository made in their folder. */
public final class GitCommits {

    private GitCommits() {}

    /**
     * Commits every change in the work tree (files added, changed and deleted) as {@code author}
     * ({@code first.last@example.com}) on {@code day} at 10:00 UTC, with {@code message}.
     */
    public static void commit(Git git, String author, String day, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        author.toLowerCase().replace(' ', '.') + "@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    /** {@link #commit(Git, String, String, String)} with the day as its message. */
    public static void commit(Git git, String author, String day) throws Exception {
        commit(git, author, day, day);
    }
}
