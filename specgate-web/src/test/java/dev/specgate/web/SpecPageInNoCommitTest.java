package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.history.SpecHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec in no commit (new since the last commit, or renamed with {@code git mv} and not committed:
 * git follows a rename only once it is committed) has a page that says so in the words {@code
 * history} uses, not "not committed yet" alone, which is wrong for the renamed one.
 */
class SpecPageInNoCommitTest {

    private static final String WEBHOOK = "2026-10-14_spec_webhook-retry-backoff.md";
    private static final String RENAMED = "2026-10-14_spec_webhook-retries.md";
    private static final String NEW = "2026-11-30_spec_refund-webhooks-sftp.md";

    @TempDir Path tmp;

    @Test
    void aNewSpecSaysItIsInNoCommitAsHistoryDoesAndAStagedRenameIsFollowed() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path dir = Projects.specs(project);
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "Priya Raman",
                            "priya.raman@example.com",
                            Instant.parse("2026-11-20T10:00:00Z"),
                            ZoneOffset.UTC);
            git.commit().setAuthor(who).setCommitter(who).setMessage("specs").setSign(false).call();
            // renamed as git mv does (staged), and a new spec with CRLF line ends and non-ASCII
            // beside it
            Files.move(dir.resolve(WEBHOOK), dir.resolve(RENAMED));
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            String text =
                    Files.readString(dir.resolve(RENAMED), StandardCharsets.UTF_8)
                            .replace(WEBHOOK, NEW)
                            .replace("Webhook", "Webhook über SFTP")
                            .replace("\n", "\r\n");
            Files.writeString(dir.resolve(NEW), text, StandardCharsets.UTF_8);
        }
        Path site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        String said = "No history: the spec is in no commit (" + SpecHistory.IN_NO_COMMIT + ").";
        Document fresh =
                Jsoup.parse(
                        site.resolve("specs").resolve(NEW.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(fresh.select("#history .empty").text()).isEqualTo(said);
        // the rename staged is followed, as git status shows it: the spec keeps its timeline (it
        // said "in no commit" until the rename was committed)
        Document renamed =
                Jsoup.parse(
                        site.resolve("specs").resolve(RENAMED.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(renamed.select("#history .empty")).isEmpty();
        assertThat(renamed.select("#history .status-timeline li").text()).contains("Priya Raman");
        // each row under the name it had then, as history says it
        assertThat(renamed.select("#history .status-timeline li .move-as").eachText())
                .isNotEmpty()
                .containsOnly("(as directives/spec/" + WEBHOOK + ")");
        // a committed spec has its timeline, not the note
        Document committed =
                Jsoup.parse(
                        site.resolve("specs")
                                .resolve("2026-07-21_spec_ledger-export-sftp.html")
                                .toFile(),
                        "UTF-8");
        assertThat(committed.select("#history .empty")).isEmpty();
        assertThat(committed.select("#history .status-timeline li")).isNotEmpty();
        assertThat(committed.select("#history .move-as")).as("never renamed").isEmpty();
    }
}
