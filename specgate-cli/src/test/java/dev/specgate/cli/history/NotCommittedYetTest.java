package dev.specgate.cli.history;

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
 * {@code diff}, {@code history} and {@code check --changed-since} on what git does not hold yet: a
 * repository with no commit, a spec that is not committed. They say so, instead of calling HEAD
 * unknown, advising a revision that holds no version of the spec, or passing an audit of nothing.
 */
class NotCommittedYetTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    /** Why no commit holds a spec, as each message says it. */
    private static final String IN_NO_COMMIT =
            "not committed yet, or renamed since the last commit and the rename not staged: once it"
                    + " is (git mv, or git add -A), its history follows it";

    @TempDir Path dir;

    /** The clean spec (Approved, its approval valid) with CRLF line endings and a BOM. */
    private Path approvedSpec() {
        String text = SpecFixtures.reapproved(SpecFixtures.cleanSpec()).replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return SpecFixtures.writeSpec(dir, NAME, bytes);
    }

    @Test
    void aRepositoryWithNoCommitSaysSoForHeadAndItsBranch() throws Exception {
        Path spec = approvedSpec();
        String s = spec.toString();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            assertThat(git.getRepository().resolve("HEAD")).isNull();
        }

        CliRun diff = CliRun.of("diff", s, "--since", "HEAD");
        assertThat(diff.exitCode()).isEqualTo(2);
        // it said "unknown git revision 'HEAD' (a commit, branch, tag or HEAD~N)"
        assertThat(diff.err())
                .isEqualTo(
                        "specgate: cannot compare "
                                + s
                                + " with HEAD: 'HEAD' names no commit: the repository has no"
                                + " commits yet (its branch 'main' has none)\n");
        assertThat(CliRun.of("diff", s, "--since", "main~1").err())
                .contains("'main~1' names no commit: the repository has no commits yet");

        CliRun changed = CliRun.of("check", dir.toString(), "--changed-since", "main");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err())
                .isEqualTo(
                        "specgate: 'main' names no commit: the repository has no commits yet"
                                + " (its branch 'main' has none)\n");
    }

    @Test
    void anAuditOfSpecsNoCommitHoldsIsNothingToAuditNotAPass() throws Exception {
        Path spec = approvedSpec();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            assertThat(git.getRepository().resolve("HEAD")).isNull();
        }
        byte[] before = Files.readAllBytes(spec);

        // it printed "Audit: every move passed its gate." and exited 0, having read no commit
        CliRun audit = CliRun.of("history", spec.getParent().toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(2);
        // said once, as a message on stderr: the report on stdout is the spec's row alone (it
        // printed "Audit: nothing audited: ..." there too)
        assertThat(audit.out())
                .isEqualTo(spec + "\n  (in no commit: " + IN_NO_COMMIT + ")\n")
                .doesNotContain("nothing audited")
                .doesNotContain("passed");
        assertThat(audit.err())
                .isEqualTo(
                        "specgate: nothing to audit: the spec is in no commit ("
                                + IN_NO_COMMIT
                                + "), so git holds no move of it\n");
        // without --audit, the history shown is the answer
        assertThat(CliRun.of("history", spec.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void aSpecNotCommittedYetIsNamedAsSuchByDiffAndAudit() throws Exception {
        String draft = "2026-10-01_spec_export-audit-log.md";
        Path other = SpecFixtures.writeSpec(dir, draft, SpecFixtures.freshDraft(draft));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-01", "Draft the audit log export");
        }
        assertThat(other).isRegularFile();
        Path spec = approvedSpec();
        String s = spec.toString();
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        String from = "A single unavailable merchant endpoint";
        assertThat(text).contains(from);
        Files.writeString(
                spec,
                text.replace(from, "One unavailable merchant endpoint"),
                StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(spec);

        // it advised "compare with a revision, --since HEAD", which then said the spec does not
        // exist at HEAD
        CliRun diff = CliRun.of("diff", s);
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err())
                .startsWith("specgate: ")
                .contains(s + " is in no commit (" + IN_NO_COMMIT + ")")
                .contains("specgate check " + s)
                .doesNotContain("--since HEAD");
        CliRun head = CliRun.of("diff", s, "--since", "HEAD");
        assertThat(head.exitCode()).isEqualTo(2);
        assertThat(head.err())
                .isEqualTo(
                        "specgate: "
                                + s
                                + " does not exist at HEAD: it is in no commit ("
                                + IN_NO_COMMIT
                                + ")\n");

        // one spec committed, one not: the audit says which it could not judge
        CliRun audit = CliRun.of("history", spec.getParent().toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out())
                .contains(
                        "Audit: every move passed its gate; 1 spec is in no commit (not audited).");
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void aSpecRenamedWithGitMvKeepsItsHistoryAndOneMovedWithoutGitIsInNoCommit() throws Exception {
        Path spec = approvedSpec();
        String renamed = "2026-10-02_spec_webhook-retries.md";
        String moved = "2026-10-02_spec_webhook-retry-v2.md";
        Path other = SpecFixtures.writeSpec(dir, moved, SpecFixtures.freshDraft(moved));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Approve the webhook retry queue");
            // git mv: the new name staged, the old one removed from the index
            Files.move(spec, spec.resolveSibling(renamed));
            git.add().addFilepattern("directives/spec/" + renamed).call();
            git.rm().addFilepattern("directives/spec/" + NAME).setCached(true).call();
        }
        // moved without telling git: the index still holds the old name
        Path away = other.resolveSibling("2026-10-03_spec_webhook-retry-v2.md");
        Files.move(other, away);
        Path now = spec.resolveSibling(renamed);

        // it said "(in no commit: ...)" of a spec git status shows as renamed
        CliRun history = CliRun.of("history", now.toString());
        assertThat(history.exitCode()).as(history.out() + history.err()).isZero();
        assertThat(history.out())
                .startsWith(now + "\n  2026-10-02  ")
                .contains("Priya Raman  (created) Approved")
                .endsWith("  (as directives/spec/" + NAME + ")\n")
                .doesNotContain("in no commit");
        CliRun audit = CliRun.of("history", now.toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("audit: gate passed (the spec's first commit)");

        CliRun unstaged = CliRun.of("history", away.toString());
        assertThat(unstaged.exitCode()).isZero();
        assertThat(unstaged.out()).isEqualTo(away + "\n  (in no commit: " + IN_NO_COMMIT + ")\n");

        // diff of the spec moved without git: the commit that recorded its approval is not found
        Path approved = dir.resolve("directives/spec/2026-10-04_spec_webhook-retry-queue.md");
        Files.move(now, approved);
        CliRun diff = CliRun.of("diff", approved.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).endsWith("\n  No change.\n");
        assertThat(diff.err())
                .isEqualTo(
                        "specgate: "
                                + approved
                                + " is in no commit ("
                                + IN_NO_COMMIT
                                + "): its text is the content approved, so it is compared with"
                                + " itself, and boxes ticked since the approval, which it leaves"
                                + " out, are not shown\n");
    }
}
