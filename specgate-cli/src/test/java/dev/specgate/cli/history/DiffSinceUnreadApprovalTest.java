package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --since approval} when the commit that recorded the approval was saved as
 * Windows-1252: that version is named with why, as {@code history} names it, where it was passed
 * over in silence (compared with an older Draft holding the same content, or refused as "in no
 * commit").
 */
class DiffSinceUnreadApprovalTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String NOT_UTF8 =
            "line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save the file as UTF-8";

    @TempDir Path dir;

    private Path spec;
    private String unread;
    private String same;

    /**
     * A Draft, then (with {@code sameDraft}) the Draft holding the content approved, the approval
     * in a commit saved as Windows-1252, and an edit since saved as UTF-8; CRLF throughout.
     */
    private void history(boolean sameDraft) throws Exception {
        String titled =
                SpecFixtures.cleanSpec()
                        .replace(
                                "# Technical Specification: ",
                                "# Technical Specification: Müller — ");
        String approved = SpecFixtures.reapproved(titled).replace("\n", "\r\n");
        assertThat(approved).contains("**Document Status:** Approved", "Müller", "worker thread");
        // the Draft before the approval: no record yet
        String draft =
                approved.replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replaceFirst("\\*\\*Approval:\\*\\* [^\r]*\r\n", "");
        assertThat(draft).doesNotContain("**Approval:**");
        spec = SpecFixtures.writeSpec(dir, NAME, draft.replace("worker thread", "worker"));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-11-02", "Draft the retry queue");
            if (sameDraft) {
                Files.writeString(spec, draft, StandardCharsets.UTF_8);
                commit(git, "Sam Okafor", "2026-11-03", "Finish the retry queue draft");
                same = git.getRepository().resolve("HEAD").getName().substring(0, 12);
            }
            Files.write(spec, approved.getBytes(Charset.forName("windows-1252")));
            commit(git, "Jörg Müller", "2026-11-20", "Approve the retry queue");
            unread = git.getRepository().resolve("HEAD").getName().substring(0, 12);
            Files.writeString(
                    spec,
                    approved.replace("A single unavailable", "One unavailable"),
                    StandardCharsets.UTF_8);
            commit(git, "李雷", "2026-11-21", "Reword the retry queue");
        }
    }

    @Test
    void comparedWithAnOlderDraftOfTheSameContentTheUnreadApprovalCommitIsSaid() throws Exception {
        history(true);
        CliRun diff = CliRun.of("diff", spec.toString(), "--since", "approval");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("(commit " + same + ")", "One unavailable");
        // it said nothing of the version it could not read
        assertThat(diff.err())
                .isEqualTo(
                        "specgate: "
                                + spec
                                + ": 1 committed version could not be read: "
                                + unread
                                + " ("
                                + NOT_UTF8
                                + "); no commit read records the approval, so it is compared"
                                + " with "
                                + same
                                + ", which holds the content approved\n");
    }

    @Test
    void withNoReadableCommitOfTheContentTheRefusalNamesTheUnreadVersion() throws Exception {
        history(false);
        CliRun diff = CliRun.of("diff", spec.toString(), "--since", "approval");
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isEqualTo(2);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("specgate: the content " + spec + " approved (sha256:")
                .contains(
                        ") is in no commit of its history that could be read (1 committed version"
                                + " could not be read: "
                                + unread
                                + " ("
                                + NOT_UTF8
                                + ")), so there is nothing to compare with");
    }
}
