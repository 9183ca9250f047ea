package dev.specgate.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
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
}
