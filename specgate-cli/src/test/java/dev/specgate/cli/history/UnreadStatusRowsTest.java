package dev.specgate.cli.history;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history} says each commit once: the commit that left a spec's status unreadable is one
 * row, with why (no invented {@code Draft -> ?} move beside it), and the commits after it that
 * leave it unreadable as it was (an edit elsewhere, a rename) are no row, as commits that leave a
 * status as it was are none. Several authors, CRLF line endings, a status hand-edited into a list
 * item and back, a rename, and a spec in no commit whose name holds dots.
 */
class UnreadStatusRowsTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String RENAMED = "2026-10-02_spec_webhook-retries.md";
    private static final String LISTED =
            "is a list item, which this template does not read as a field";

    @TempDir Path dir;

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The rows of {@code out} under the spec's name, each a commit's line (audit lines apart). */
    private static List<String> rows(String out) {
        return Arrays.stream(out.split("\n"))
                .filter(l -> l.matches("  \\d{4}-\\d\\d-\\d\\d  .*"))
                .toList();
    }

    @Test
    void aStatusLeftUnreadableIsOneRowPerChangeNotOnePerCommit() throws Exception {
        String draft =
                SpecFixtures.cleanSpec()
                        .replaceAll("\\*\\*Approval:\\*\\* [^\n]*\n", "")
                        .replace("**Document Status:** Approved", "**Document Status:** Draft")
                        .replace("\n", "\r\n");
        Path spec = SpecFixtures.writeSpec(dir, NAME, draft);
        Path renamed = spec.resolveSibling(RENAMED);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02");
            // by hand, as a list item: the template does not read it
            replace(spec, "**Document Status:** Draft", "- Document Status: Review");
            commit(git, "Sam Okafor", "2026-10-05");
            // an edit elsewhere moves the item a line down: still unreadable as it was
            replace(spec, "## Problem Analysis", "## Problem Analysis\r\n\r\nSeen in production.");
            commit(git, "Sam Okafor", "2026-10-06");
            Files.move(spec, renamed);
            replace(renamed, "_spec_webhook-retry-queue.md", "_spec_webhook-retries.md");
            commit(git, "Tomasz Nowak", "2026-10-07");
            replace(renamed, "- Document Status: Review", "- Document Status: Approved");
            commit(git, "Ana Ruiz", "2026-10-08");
            replace(renamed, "- Document Status: Approved", "**Document Status:** Review");
            commit(git, "Zoë Müller", "2026-10-09");
        }
        // not committed yet, its name holding dots
        String fresh = "2026-11-01_spec_export-v2.1.md";
        SpecFixtures.writeSpec(dir, fresh, SpecFixtures.freshDraft(fresh));

        CliRun audit = CliRun.of("history", renamed.getParent().toString(), "--audit");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        List<String> rows = rows(audit.out());
        // it printed eight: "Draft -> ?" and an unread row for the same commit, and an unread row
        // for each of the two commits that left it as it was
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).contains("Priya Raman  (created) Draft  (as directives/spec/");
        assertThat(rows.get(1))
                .contains(
                        "Sam Okafor   status not read: no '**Document Status:**' field: line 273"
                                + " '- Document Status: Review' "
                                + LISTED)
                .endsWith("(as directives/spec/" + NAME + ")");
        assertThat(rows.get(2))
                .contains(
                        "Ana Ruiz     status not read: no '**Document Status:**' field: line 275"
                                + " '- Document Status: Approved' "
                                + LISTED)
                .doesNotContain("(as ");
        assertThat(rows.get(3)).contains("Zoë Müller   ? -> Review");
        assertThat(audit.out())
                .doesNotContain("-> ?")
                .doesNotContain("Tomasz Nowak")
                .doesNotContain("2026-10-06")
                .contains("(in no commit: ")
                .endsWith(
                        "Audit: no move read skipped its gate, but the audit is incomplete; 1 spec"
                                + " is in no commit (not audited). 2 commits left the status"
                                + " unreadable (named above).\n");
        assertThat(audit.err())
                .isEqualTo(
                        "specgate: 2 commits left the status unreadable (each named in the"
                                + " output, with why): the audit is incomplete\n");

        // the JSON names the same two commits
        CliRun json = CliRun.of("history", renamed.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode unread = new ObjectMapper().readTree(json.out()).at("/specs/0/unread");
        assertThat(unread.findValuesAsText("author")).containsExactly("Sam Okafor", "Ana Ruiz");
    }
}
