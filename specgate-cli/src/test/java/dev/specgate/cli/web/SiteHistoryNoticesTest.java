package dev.specgate.cli.web;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code site}'s Approved per week leaves out (a spec whose history cannot be read, a shallow
 * clone's cut history) is said on stderr too, one line each as its other notices, not only on the
 * overview page a CI run never opens.
 */
class SiteHistoryNoticesTest {

    private static final String QUEUE = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String ADMIN = "2026-10-03_spec_webhook-retry-admin.md";

    @TempDir Path dir;

    @Test
    void siteSaysAnUnreadableHistoryAndAShallowCloneOnStderr() throws Exception {
        String review =
                SpecFixtures.cleanSpec()
                        .replace("**Document Status:** Approved", "**Document Status:** Review")
                        .replace("\n", "\r\n");
        SpecFixtures.writeSpec(dir, QUEUE, review);
        Path admin = SpecFixtures.writeSpec(dir, ADMIN, review.replace(QUEUE, ADMIN));
        String lostPath = "directives/spec/" + ADMIN;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02");
            String lost = git.getRepository().resolve("HEAD:" + lostPath).name();
            Files.writeString(
                    admin,
                    Files.readString(admin)
                            .replace("A single unavailable", "One unavailable")
                            .replace("**Document Status:** Review", "**Document Status:** Draft"),
                    StandardCharsets.UTF_8);
            commit(git, "Sam Okafor", "2026-10-09");
            // the admin spec's first version lost, as in a partial clone
            Files.delete(
                    dir.resolve(".git/objects/" + lost.substring(0, 2) + "/" + lost.substring(2)));
        }

        CliRun site = CliRun.of("site", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(site.exitCode()).as(site.err()).isZero();
        assertThat(site.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith(
                        "specgate: history unreadable for 1 spec, left out of Approved per week: "
                                + lostPath
                                + " (cannot read "
                                + lostPath
                                + " at ")
                // the cause in a user's words, no Java exception's name
                .contains(": git object ")
                .endsWith(" is missing (a partial or damaged clone: git fetch, or git fsck))")
                .doesNotContain("org.eclipse")
                .doesNotContain("Exception");
        assertThat(Files.readString(dir.resolve("out/index.html")))
                .contains("History unreadable for 1 spec");

        // cut to its newest commit, as a CI checkout's depth 1 leaves it
        String tip;
        try (Git git = Git.open(dir.toFile())) {
            tip = git.getRepository().resolve("HEAD").name();
        }
        Files.writeString(dir.resolve(".git/shallow"), tip + "\n", StandardCharsets.UTF_8);
        CliRun shallow = CliRun.of("site", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(shallow.exitCode()).as(shallow.err()).isZero();
        assertThat(shallow.err())
                .isEqualTo(
                        "specgate: the git repository is a shallow clone: the history of 2 specs"
                                + " starts at a commit whose parents were not fetched, so Approved"
                                + " per week is partial; fetch them with 'git fetch --unshallow'"
                                + " (a CI checkout: fetch-depth: 0)\n");
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("id=\"week-shallow\"");
    }

    /**
     * The search's notices (a file in the spec folder the search does not take) are said on stderr
     * by {@code site} as {@code check} says them, not only on the overview page.
     */
    @Test
    void siteSaysTheSearchsNoticesOnStderrAsCheckDoes() throws Exception {
        SpecFixtures.writeSpec(dir, QUEUE, SpecFixtures.cleanSpec());
        Files.writeString(
                dir.resolve("directives/spec/2026-10-04_spec_webhook-notes.txt"),
                "Notes on the retry queue, not a spec.\n",
                StandardCharsets.UTF_8);

        CliRun check = CliRun.of("check", dir.toString(), "--today", "2026-11-25");
        CliRun site = CliRun.of("site", dir.toString(), "--out", dir.resolve("out").toString());

        assertThat(site.exitCode()).as(site.err()).isZero();
        String said =
                check.err()
                        .lines()
                        .filter(l -> l.contains("webhook-notes.txt"))
                        .findFirst()
                        .orElseThrow();
        assertThat(site.err().lines().filter(l -> l.contains("webhook-notes.txt")).toList())
                .singleElement()
                .asString()
                .startsWith("specgate: ")
                .endsWith(said.substring(said.indexOf("webhook-notes.txt")));
    }
}
