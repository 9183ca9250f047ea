package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history} of a spec whose committed versions are no spec's text (saved as Windows-1252 by
 * an editor): each is said with its commit and why, never read as "in no commit", and the history
 * exits 1 as for a commit whose status could not be read.
 */
class UnreadVersionHistoryTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private static final String STATUS = "**Document Status:** Approved";

    /** Why each Windows-1252 version is no UTF-8: the 'ü' of the title, its one byte 0xFC. */
    private static final String NOT_UTF8 =
            "line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save the file as UTF-8";

    @TempDir Path dir;

    /** The clean spec at {@code status}, CRLF, its title naming Müller, in {@code charset}. */
    private static byte[] version(String status, Charset charset) {
        String text = SpecFixtures.cleanSpec();
        assertThat(text).contains(STATUS).startsWith("# Technical Specification: Webhook");
        return text.replace(STATUS, "**Document Status:** " + status)
                .replace("# Technical Specification: ", "# Technical Specification: Müller — ")
                .replace("\n", "\r\n")
                .getBytes(charset);
    }

    private static String shortId(Git git, String rev) throws Exception {
        ObjectId id = git.getRepository().resolve(rev);
        return id.getName().substring(0, 12);
    }

    @Test
    void aSpecNoneOfWhoseCommittedVersionsIsUtf8IsSaidSoNotInNoCommit() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        Path spec = SpecFixtures.writeSpec(dir, NAME, version("Draft", cp1252));
        String first;
        String second;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Draft the webhook retry queue");
            Files.write(spec, version("Review", cp1252));
            commit(git, "李雷", "2026-10-06", "Webhook retry queue to Review");
            first = shortId(git, "HEAD~1");
            second = shortId(git, "HEAD");
        }
        String s = spec.toString();
        byte[] before = Files.readAllBytes(spec);
        String said =
                "2 committed versions could not be read (none readable): "
                        + first
                        + ", "
                        + second
                        + " ("
                        + NOT_UTF8
                        + ")";

        // it said "(in no commit: not committed yet, ...)" and exited 0
        CliRun history = CliRun.of("history", s);
        assertThat(history.exitCode()).as(history.out() + history.err()).isEqualTo(1);
        assertThat(history.out()).isEqualTo(s + "\n  (" + said + ")\n");
        assertThat(history.err())
                .isEqualTo("specgate: " + s + ": " + said + ", so no move of it is known\n");

        CliRun json = CliRun.of("history", s, "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode only = new ObjectMapper().readTree(json.out()).get("specs").get(0);
        assertThat(only.get("commits").asInt()).isZero();
        JsonNode unread = only.get("unreadVersions");
        assertThat(unread).hasSize(2);
        assertThat(unread.get(0).get("commit").asText()).startsWith(first);
        assertThat(unread.get(0).get("author").asText()).isEqualTo("Priya Raman");
        assertThat(unread.get(1).get("author").asText()).isEqualTo("李雷");
        assertThat(unread.get(1).get("why").asText()).isEqualTo(NOT_UTF8);
        assertThat(unread.get(1).get("path").asText()).isEqualTo("directives/spec/" + NAME);

        // an audit that read nothing of a committed spec is incomplete (1), not "nothing to
        // audit: the spec is in no commit" (2)
        CliRun audit = CliRun.of("history", s, "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        assertThat(audit.out())
                .isEqualTo(
                        s
                                + "\n  ("
                                + said
                                + ")\nAudit: no move read skipped its gate, but the audit is"
                                + " incomplete. 2 committed versions could not be read (named"
                                + " above).\n");
        assertThat(audit.err()).doesNotContain("in no commit").contains(said);
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }

    @Test
    void aVersionThatIsNoUtf8AmongReadOnesIsNamedNotPassedOver() throws Exception {
        Path spec = SpecFixtures.writeSpec(dir, NAME, version("Draft", StandardCharsets.UTF_8));
        String skipped;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Draft the webhook retry queue");
            // moved to Review in a commit an editor saved as Windows-1252, then saved as UTF-8
            Files.write(spec, version("Review", Charset.forName("windows-1252")));
            commit(git, "李雷", "2026-10-06", "Webhook retry queue to Review");
            skipped = shortId(git, "HEAD");
            Files.write(spec, version("Review", StandardCharsets.UTF_8));
            commit(git, "Sam Okafor", "2026-10-07", "Save the webhook spec as UTF-8 again");
        }
        String s = spec.toString();
        String said = "1 committed version could not be read: " + skipped + " (" + NOT_UTF8 + ")";

        // it showed the move as Sam Okafor's, the commit of 李雷 passed over in silence, exit 0
        CliRun history = CliRun.of("history", s);
        assertThat(history.exitCode()).as(history.out() + history.err()).isEqualTo(1);
        List<String> lines = history.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("  (" + said + ")");
        assertThat(lines.get(2)).contains("Priya Raman  (created) Draft");
        assertThat(lines.get(3)).contains("Sam Okafor   Draft -> Review");
        assertThat(history.err())
                .isEqualTo(
                        "specgate: "
                                + s
                                + ": "
                                + said
                                + ", so the moves to and from it are not known\n");

        JsonNode only =
                new ObjectMapper()
                        .readTree(CliRun.of("history", s, "--format", "json").out())
                        .get("specs")
                        .get(0);
        assertThat(only.get("commits").asInt()).isEqualTo(2);
        assertThat(only.get("unreadVersions")).hasSize(1);
        assertThat(only.get("unreadVersions").get(0).get("commit").asText()).startsWith(skipped);
    }
}
