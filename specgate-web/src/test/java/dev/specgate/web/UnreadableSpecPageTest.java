package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.history.SpecHistory;
import java.nio.charset.Charset;
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
 * A spec the check cannot read (its working file re-saved in another encoding, a broken symbolic
 * link) still has the history git holds: its page shows it as {@code history} does. It said "No
 * status change in git yet." whatever git held.
 */
class UnreadableSpecPageTest {

    private static final String WEBHOOK = "2026-10-14_spec_webhook-retry-backoff.md";
    private static final String DANGLING = "2026-11-21_spec_dangling.md";

    @TempDir Path tmp;

    private static void commit(Git git, String author, String day, String message)
            throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    @Test
    void anUnreadableSpecShowsTheHistoryGitHoldsAsHistoryDoes() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path dir = Projects.specs(project);
        Path webhook = dir.resolve(WEBHOOK);
        String text = Files.readString(webhook, StandardCharsets.UTF_8);
        assertThat(text).contains("**Document Status:** Implementation");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(
                    webhook,
                    text.replace(
                                    "**Document Status:** Implementation",
                                    "**Document Status:** Draft")
                            .replace("\n", "\r\n"),
                    StandardCharsets.UTF_8);
            commit(git, "Priya Raman", "2026-11-02", "Draft the webhook spec");
            Files.writeString(webhook, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
            commit(git, "Jörg Müller", "2026-11-09", "Webhook spec in implementation");
        }
        // an editor re-saves it in Windows-1252 (an em dash and an umlaut are no UTF-8 then), and
        // a link to a spec that is not there sits beside it, in no commit
        Files.writeString(
                webhook,
                text.replace("# Technical Specification: ", "# Technical Specification: Müller — "),
                Charset.forName("windows-1252"));
        Files.createSymbolicLink(dir.resolve(DANGLING), tmp.resolve("nowhere.md"));
        Path site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        Document page =
                Jsoup.parse(
                        site.resolve("specs").resolve(WEBHOOK.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(page.select("#diagnostics").text()).contains("unreadable-file", "not UTF-8");
        assertThat(page.select("#history .empty")).isEmpty();
        assertThat(page.select("#history .status-timeline li").eachText())
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first).contains("2026-11-02", "Draft", "Priya Raman"),
                        second ->
                                assertThat(second)
                                        .contains(
                                                "2026-11-09",
                                                "Draft → Implementation",
                                                "Jörg Müller"));
        Document dangling =
                Jsoup.parse(
                        site.resolve("specs").resolve(DANGLING.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(dangling.select("#diagnostics").text()).contains("broken symbolic link");
        assertThat(dangling.select("#history .empty").text())
                .isEqualTo(
                        "No history: the spec is in no commit (" + SpecHistory.IN_NO_COMMIT + ").");
    }

    @Test
    void aSpecWhoseEveryCommittedVersionIsNoUtf8SaysSoAsHistoryDoesNotInNoCommit()
            throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path dir = Projects.specs(project);
        Path webhook = dir.resolve(WEBHOOK);
        String text = Files.readString(webhook, StandardCharsets.UTF_8);
        String retitled =
                text.replace("# Technical Specification: ", "# Technical Specification: Müller — ")
                        .replace("\n", "\r\n");
        assertThat(retitled).contains("**Document Status:** Implementation");
        Charset cp1252 = Charset.forName("windows-1252");
        String first;
        String second;
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            // an editor saved it in Windows-1252 from its first commit on
            Files.writeString(
                    webhook,
                    retitled.replace(
                            "**Document Status:** Implementation", "**Document Status:** Draft"),
                    cp1252);
            commit(git, "Priya Raman", "2026-11-02", "Draft the webhook spec");
            Files.writeString(webhook, retitled, cp1252);
            commit(git, "李雷", "2026-11-09", "Webhook spec in implementation");
            first = git.getRepository().resolve("HEAD~1").getName().substring(0, 12);
            second = git.getRepository().resolve("HEAD").getName().substring(0, 12);
        }
        Path site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        Document page =
                Jsoup.parse(
                        site.resolve("specs").resolve(WEBHOOK.replace(".md", ".html")).toFile(),
                        "UTF-8");
        // it said "No history: the spec is in no commit (not committed yet, ...)."
        assertThat(page.select("#history .empty").text())
                .isEqualTo(
                        "No history read: 2 committed versions could not be read (none"
                                + " readable): "
                                + first
                                + ", "
                                + second
                                + " (line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save"
                                + " the file as UTF-8).")
                .doesNotContain(SpecHistory.IN_NO_COMMIT);
        assertThat(page.select("#history .status-timeline li")).isEmpty();
    }

    @Test
    void aVersionThatIsNoUtf8AmongReadOnesIsNamedUnderTheTimeline() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path webhook = Projects.specs(project).resolve(WEBHOOK);
        String text = Files.readString(webhook, StandardCharsets.UTF_8).replace("\n", "\r\n");
        String draft =
                text.replace("**Document Status:** Implementation", "**Document Status:** Draft");
        assertThat(draft).isNotEqualTo(text);
        String skipped;
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            Files.writeString(webhook, draft, StandardCharsets.UTF_8);
            commit(git, "Priya Raman", "2026-11-02", "Draft the webhook spec");
            // moved on in a commit an editor saved as Windows-1252, then saved as UTF-8 again
            Files.writeString(
                    webhook,
                    text.replace(
                            "# Technical Specification: ", "# Technical Specification: Müller — "),
                    Charset.forName("windows-1252"));
            commit(git, "李雷", "2026-11-09", "Webhook spec in implementation");
            skipped = git.getRepository().resolve("HEAD").getName().substring(0, 12);
            Files.writeString(webhook, text, StandardCharsets.UTF_8);
            commit(git, "Jörg Müller", "2026-11-10", "Save the webhook spec as UTF-8");
        }
        Path site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        Document page =
                Jsoup.parse(
                        site.resolve("specs").resolve(WEBHOOK.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(page.select("#history .status-timeline li")).hasSize(2);
        // it showed Jörg Müller's commit as the move, 李雷's passed over in silence
        assertThat(page.select("#history-unread").text())
                .isEqualTo(
                        "Partial: 1 committed version could not be read: "
                                + skipped
                                + " (line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save"
                                + " the file as UTF-8).");
    }
}
