package dev.specgate.cli.web;

import static dev.specgate.cli.GitCommits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec some of whose committed versions an editor saved as Windows-1252: {@code site} says it on
 * stderr once per spec, in {@code history}'s words, and still exits 0 as for its other history
 * notices (a history that cannot be read, a shallow clone); the overview's Approved per week and
 * the spec's page say it too; {@code diff --since} that commit is one clear line, exit 2, not "does
 * not exist". Over a real repository: several authors, CRLF, a rename.
 */
class SiteUnreadVersionsTest {

    private static final String QUEUE = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String RENAMED = "2026-10-02_spec_webhook-retry-backoff.md";
    private static final String ADMIN = "2026-10-03_spec_webhook-retry-admin.md";
    private static final String AUDIT = "2026-10-04_spec_webhook-audit-log.md";

    /** Why each Windows-1252 version is no UTF-8: the 'ü' of the title, its one byte 0xFC. */
    private static final String NOT_UTF8 =
            "line 1, column 29: not UTF-8 (byte 0xFC at offset 28); save the file as UTF-8";

    @TempDir Path dir;

    /** {@code text} as an editor saved it in Windows-1252, a 'Müller —' put in its title. */
    private static byte[] cp1252(String text) {
        return text.replace("# Technical Specification: ", "# Technical Specification: Müller — ")
                .getBytes(Charset.forName("windows-1252"));
    }

    private static String shortId(Git git) throws Exception {
        return git.getRepository().resolve("HEAD").getName().substring(0, 12);
    }

    @Test
    void siteSaysEachSpecWithUnreadVersionsOnceOnStderrAndDiffNamesTheVersion() throws Exception {
        String approved = SpecFixtures.cleanSpec().replace("\n", "\r\n");
        assertThat(approved).contains("**Document Status:** Approved");
        String review =
                approved.replace("**Document Status:** Approved", "**Document Status:** Review");
        Path queue = SpecFixtures.writeSpec(dir, QUEUE, review);
        Path admin = SpecFixtures.writeSpec(dir, ADMIN, review.replace(QUEUE, ADMIN));
        SpecFixtures.writeSpec(dir, AUDIT, review.replace(QUEUE, AUDIT));
        String queueUnread;
        String adminUnread;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-02", "Three webhook specs for review");
            Files.write(queue, cp1252(approved));
            commit(git, "Jörg Müller", "2026-10-06", "Approve the retry queue");
            queueUnread = shortId(git);
            Files.write(admin, cp1252(review.replace(QUEUE, ADMIN).replace("\r\n", "\n")));
            commit(git, "李雷", "2026-10-07", "Reword the admin spec");
            adminUnread = shortId(git);
            // saved as UTF-8 again, the queue spec under its new name
            Files.delete(queue);
            SpecFixtures.writeSpec(dir, RENAMED, approved.replace(QUEUE, RENAMED));
            Files.writeString(admin, review.replace(QUEUE, ADMIN), StandardCharsets.UTF_8);
            commit(git, "Sam Okafor", "2026-10-09", "Save the webhook specs as UTF-8 again");
        }
        String renamedPath = "directives/spec/" + RENAMED;
        String adminPath = "directives/spec/" + ADMIN;
        String queueSaid =
                "1 committed version could not be read: " + queueUnread + " (" + NOT_UTF8 + ")";
        String adminSaid =
                "1 committed version could not be read: " + adminUnread + " (" + NOT_UTF8 + ")";

        // it said nothing on stderr: a CI run never learnt the histories were partial
        Path out = dir.resolve("out");
        CliRun site = CliRun.of("site", dir.toString(), "--out", out.toString());
        assertThat(site.exitCode()).as(site.err()).isZero();
        assertThat(site.err())
                .isEqualTo(
                        "specgate: partial history of "
                                + renamedPath
                                + ": "
                                + queueSaid
                                + "\nspecgate: partial history of "
                                + adminPath
                                + ": "
                                + adminSaid
                                + "\n");

        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(overview.select("#week-unread-versions li").eachText())
                .containsExactly(renamedPath + ": " + queueSaid, adminPath + ": " + adminSaid);
        assertThat(overview.select("#week-unread-versions").text())
                .startsWith("Partial: committed versions of 2 specs could not be read");
        Document page =
                Jsoup.parse(
                        out.resolve("specs").resolve(RENAMED.replace(".md", ".html")).toFile(),
                        "UTF-8");
        assertThat(page.select("#history-unread").text()).isEqualTo("Partial: " + queueSaid + ".");

        // diff --since the commit whose version is no UTF-8: it said the spec "does not exist"
        Path renamed = dir.resolve(renamedPath);
        CliRun diff = CliRun.of("diff", renamed.toString(), "--since", queueUnread);
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isEqualTo(2);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err())
                .isEqualTo(
                        "specgate: cannot compare "
                                + renamed
                                + " with "
                                + queueUnread
                                + ": directives/spec/"
                                + QUEUE
                                + " at "
                                + queueUnread
                                + ": "
                                + queueSaid
                                + "\n");
        // the commit before it is read, under the old name
        CliRun before = CliRun.of("diff", renamed.toString(), "--since", "HEAD~3");
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains("since HEAD~3");
    }
}
