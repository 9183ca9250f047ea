package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge that conflicts in a spec's status block, as a team meets it: the spec approved on a
 * branch while main sent it back to Draft. Git writes both sides with its markers; the {@code
 * =======} line made the lines above it a heading, the status read was the branch's (Approved, its
 * approval valid), and so {@code check} passed the unresolved spec and {@code approve --refresh}
 * recorded an approval over the markers.
 */
class MergeConflictLeftInTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    @Test
    void aConflictLeftInASpecFailsTheCheckAndIsNotApproved() throws Exception {
        String review =
                SpecFixtures.cleanSpec()
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\* .*\\n", "")
                        .replace("**Document Status:** Approved", "**Document Status:** Review");
        Path spec = SpecFixtures.writeSpec(dir, NAME, review.getBytes(StandardCharsets.UTF_8));
        String s = spec.toString();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-11-01", "Send the webhook retry queue to review");
            git.checkout().setCreateBranch(true).setName("approve-retry-queue").call();
            CliRun approve = CliRun.of("approve", s, "--by", "Ana Ruiz", "--today", "2026-11-02");
            assertThat(approve.exitCode()).as(approve.err()).isZero();
            commit(git, "Ana Ruiz", "2026-11-02", "Approve the webhook retry queue");
            Ref branch = git.getRepository().exactRef("refs/heads/approve-retry-queue");
            git.checkout().setName("main").call();
            String text = Files.readString(spec, StandardCharsets.UTF_8);
            Files.writeString(
                    spec,
                    text.replace("**Document Status:** Review", "**Document Status:** Draft")
                            .replaceFirst(
                                    "\\*\\*Last Updated:\\*\\* \\S+",
                                    "**Last Updated:** 2026-11-03"),
                    StandardCharsets.UTF_8);
            commit(git, "Tomasz Nowak", "2026-11-03", "Back to Draft: the retry window is open");
            MergeResult merge = git.merge().include(branch).call();
            assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
        }
        String conflicted = Files.readString(spec, StandardCharsets.UTF_8);
        assertThat(conflicted).contains("<<<<<<< HEAD\n").contains("\n=======\n");
        byte[] before = Files.readAllBytes(spec);

        // it passed: "No problems found in 1 spec.", exit 0
        CliRun check = CliRun.of("check", s, "--today", "2026-11-20");
        assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
        assertThat(check.out())
                .containsPattern(
                        ":\\d+:1: error \\[conflict-marker\\] unresolved merge conflict: '<<<<<<<"
                                + " HEAD', '=======' \\(line \\d+\\) and '>>>>>>> [^']+'");

        // it recorded "Approval: 2026-11-20 by Ana Ruiz" over both sides, exit 0
        CliRun refresh =
                CliRun.of("approve", s, "--refresh", "--by", "Ana Ruiz", "--today", "2026-11-20");
        assertThat(refresh.exitCode()).as(refresh.out() + refresh.err()).isEqualTo(1);
        assertThat(refresh.err()).contains("[conflict-marker] unresolved merge conflict");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);

        // the markers without their labels, as 'git merge-file -L ""' writes them and an editor
        // trimming trailing white space leaves them: the conflict was no longer seen, exit 0
        Files.writeString(
                spec, conflicted.replaceAll("(?m)^(<{7}|>{7}) .*$", "$1"), StandardCharsets.UTF_8);
        CliRun unlabelled = CliRun.of("check", s, "--today", "2026-11-20");
        assertThat(unlabelled.exitCode()).as(unlabelled.out()).isEqualTo(1);
        assertThat(unlabelled.out())
                .containsPattern(
                        ":\\d+:1: error \\[conflict-marker\\] unresolved merge conflict: '<<<<<<<',"
                                + " '=======' \\(line \\d+\\) and '>>>>>>>' \\(line \\d+\\)");
    }
}
