package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history}'s author column is padded by the columns a terminal shows, not by characters: a
 * name in CJK (two columns a character) or written with combining marks (none) keeps the moves
 * after it in one column.
 */
class HistoryAuthorColumnsTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private static final String STATUS = "**Document Status:** Approved";

    @TempDir Path dir;

    /** The clean spec at {@code status}, with CRLF line endings and a BOM. */
    private static byte[] version(String status) {
        String text = SpecFixtures.cleanSpec();
        assertThat(text).contains(STATUS);
        byte[] body =
                text.replace(STATUS, "**Document Status:** " + status)
                        .replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void wideAndCombiningAuthorsKeepTheMovesInOneColumn() throws Exception {
        // 'Jörg Müller' with each umlaut a combining diaeresis (U+0308): 13 chars, 11 columns
        String jorg = "Jo\u0308rg Mu\u0308ller";
        Path spec = SpecFixtures.writeSpec(dir, NAME, version("Draft"));
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Draft the webhook retry queue");
            Files.write(spec, version("Review"));
            commit(git, "李雷", "2026-10-06", "Webhook retry queue to Review");
            Files.write(spec, version("Draft"));
            commit(git, jorg, "2026-10-09", "Webhook retry queue back to Draft");
        }

        CliRun history = CliRun.of("history", spec.toString());
        assertThat(history.exitCode()).as(history.out() + history.err()).isZero();
        List<String> rows =
                history.out().lines().skip(1).map(l -> l.replaceAll("[0-9a-f]{12}", "C")).toList();
        // the widest name takes 11 columns: 李雷 (4) gets 7 spaces, Jörg Müller (11) none; it
        // padded 李雷 to 13 characters (the combining marks counted) and Priya Raman by two more
        assertThat(rows)
                .containsExactly(
                        "  2026-10-02  C  Priya Raman  (created) Draft  approval: 2026-11-20 by"
                                + " Priya Raman, sha256:C",
                        "  2026-10-06  C  李雷         Draft -> Review",
                        "  2026-10-09  C  " + jorg + "  Review -> Draft");
    }
}
