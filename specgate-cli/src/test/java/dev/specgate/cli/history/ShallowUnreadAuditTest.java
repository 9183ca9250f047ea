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
 * A shallow clone's audit with nothing flagged exits 2 (docs/approvals.md), also when a commit's
 * status could not be read: fetching the rest comes first.
 */
class ShallowUnreadAuditTest {

    @TempDir Path dir;

    @Test
    void aShallowAuditWithAnUnreadCommitIsStillIncomplete() throws Exception {
        String draft =
                SpecFixtures.cleanSpec()
                        .replaceAll("\\*\\*Approval:\\*\\* [^\n]*\n", "")
                        .replace("**Document Status:** Approved", "**Document Status:** Draft");
        Path spec = SpecFixtures.writeSpec(dir, "2026-10-02_spec_webhook-retry-queue.md", draft);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Sam Okafor", "2026-10-02");
            Files.writeString(spec, draft.replace("**Document Status:** Draft\n", ""));
            commit(git, "Sam Okafor", "2026-10-05");
            String tip = git.getRepository().resolve("HEAD").name();
            Files.writeString(dir.resolve(".git/shallow"), tip + "\n", StandardCharsets.UTF_8);
        }
        CliRun audit = CliRun.of("history", spec.toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(2);
        assertThat(audit.out())
                .contains("status not read: no '**Document Status:**' field")
                .endsWith(
                        "Audit: no move read skipped its gate, but the audit is incomplete"
                                + " (shallow clone). 1 commit left the status unreadable"
                                + " (named above).\n");
        assertThat(audit.err()).contains("shallow clone").contains("git fetch --unshallow");

        CliRun plain = CliRun.of("history", spec.toString());
        assertThat(plain.exitCode()).as("without --audit the unread commit decides").isEqualTo(1);
    }
}
