package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's "Approved per week" and the spec pages' timelines on a real git repository made
 * with JGit, by five authors: a spec approved, sent back to Draft and approved again in one week (a
 * double move, counted once), then renamed (its record carried over, not counted again); a spec
 * approved the next week; a spec moved to Approved by editing its status (a hand move, listed
 * apart, not counted); a spec first committed as Approved with no record (a hand move too); a spec
 * whose oldest version git cannot read (its object gone, as in a partial clone: named, not
 * dropped). Then the same repository cut as a shallow clone would cut it. {@code site} and {@code
 * serve} show the same.
 */
class ApprovalWeeksPagesTest {

    private static final String WEBHOOK = "2026-10-14_spec_webhook-retry-backoff.md";
    private static final String RENAMED = "2026-10-14_spec_webhook-retries.md";
    private static final String LEDGER = "2026-07-21_spec_ledger-export-sftp.md";
    private static final String REFUND = "2026-11-09_spec_refund-idempotency-keys.md";
    private static final String SMS = "2026-11-18_spec_sms-provider-failover.md";
    private static final String COPIED = "2026-11-16_spec_ledger-export-ftps.md";
    private static final String PAYOUT = "2026-02-16_spec_payout-batch-scheduler.md";

    @TempDir static Path tmp;
    static Path site;
    static Path shallowSite;
    static String servedOverview;
    static String servedRefund;
    static String handCommit;
    static String lostBlobPath;

    private static RevCommit commit(Git git, String author, String day) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call(); // renames: the old name removed
        PersonIdent who =
                new PersonIdent(
                        author,
                        author.toLowerCase().replace(' ', '.') + "@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        return git.commit()
                .setAuthor(who)
                .setCommitter(who)
                .setMessage("change by " + author)
                .setSign(false)
                .call();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Moves {@code spec} as {@code status} and {@code approve} do: the lifecycle's own edit. */
    private static void move(Path spec, SpecStatus to, String day, String by) throws Exception {
        SpecProject specs = SpecProject.builtin();
        SpecSource source = specs.read(spec);
        Files.write(
                spec,
                specs.lifecycle()
                        .moveEdit(
                                source,
                                specs.parse(source.text()),
                                to,
                                LocalDate.parse(day),
                                Optional.ofNullable(by))
                        .bytes());
    }

    @BeforeAll
    static void build() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path dir = Projects.specs(project);
        Path webhook = dir.resolve(WEBHOOK);
        // back under review, without the fixture's approval
        Files.writeString(
                webhook,
                Files.readString(webhook, StandardCharsets.UTF_8)
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\*.*\n", ""),
                StandardCharsets.UTF_8);
        replace(webhook, "**Document Status:** Implementation", "**Document Status:** Review");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            // the payout spec is committed as Approved with no approval record
            commit(git, "Priya Raman", "2026-10-20");
            // a double move in 2026-W45: approved, back to Draft (record cleared), approved again
            move(webhook, SpecStatus.APPROVED, "2026-11-02", "Ana Ruiz");
            commit(git, "Ana Ruiz", "2026-11-02");
            move(webhook, SpecStatus.DRAFT, "2026-11-03", null);
            commit(git, "Tomasz Nowak", "2026-11-03");
            move(webhook, SpecStatus.REVIEW, "2026-11-04", null);
            commit(git, "Tomasz Nowak", "2026-11-04");
            move(webhook, SpecStatus.APPROVED, "2026-11-05", "Ana Ruiz");
            commit(git, "Ana Ruiz", "2026-11-05");
            // a hand move: the status edited, no approval recorded
            replace(
                    dir.resolve(REFUND),
                    "**Document Status:** Review",
                    "**Document Status:** Approved");
            handCommit = commit(git, "Sam Okafor", "2026-11-06").name().substring(0, 12);
            // approved in 2026-W46
            move(dir.resolve(LEDGER), SpecStatus.APPROVED, "2026-11-10", "Kenji Watanabe");
            commit(git, "Kenji Watanabe", "2026-11-10");
            // the double-moved spec renamed: its record carried over, no approval
            Files.move(webhook, dir.resolve(RENAMED));
            commit(git, "Sam Okafor", "2026-11-12");
            // the SMS spec edited, then its first version's object lost (a partial clone)
            Path sms = dir.resolve(SMS);
            lostBlobPath = "directives/spec/" + SMS;
            String lost = git.getRepository().resolve("HEAD:" + lostBlobPath).name();
            replace(sms, "**Document Status:** Draft", "**Document Status:** Review");
            // a spec started from the approved ledger one, its approval record copied with it:
            // at Review it holds no approval, so no week counts it (by the lifecycle)
            Path copied = dir.resolve(COPIED);
            Files.copy(dir.resolve(LEDGER), copied);
            replace(copied, "**Document Status:** Approved", "**Document Status:** Review");
            assertThat(Files.readString(copied, StandardCharsets.UTF_8)).contains("**Approval:**");
            commit(git, "Tomasz Nowak", "2026-11-16");
            Files.delete(
                    project.resolve(
                            ".git/objects/" + lost.substring(0, 2) + "/" + lost.substring(2)));
        }
        site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);
        try (PreviewServer server =
                PreviewServer.builder(project)
                        .port(0)
                        .today(() -> Projects.TODAY)
                        .build()
                        .start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            servedOverview = get(http, server, "/");
            servedRefund = get(http, server, "/specs/" + REFUND.replace(".md", ".html"));
        }
        // the same repository as a CI checkout of depth 1 at the W46 approval's successor: git
        // records the commit whose parents were not fetched in .git/shallow
        try (Git git = Git.open(project.toFile())) {
            String cut = git.getRepository().resolve("HEAD~1").name();
            Files.writeString(project.resolve(".git/shallow"), cut + "\n", StandardCharsets.UTF_8);
        }
        shallowSite = tmp.resolve("shallow-site");
        SiteGenerator.standard().generate(project, shallowSite, Projects.TODAY);
    }

    private static String get(HttpClient http, PreviewServer server, String path) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static Document page(Path root, String name) throws IOException {
        Path file = root.resolve(name);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    private static String specPage(String spec) {
        return "specs/" + spec.replace(".md", ".html");
    }

    @Test
    void eachSpecCountsOnceInTheWeekOfItsApprovalRecord() throws IOException {
        Document doc = page(site, "index.html");
        // the double move counted once, the rename not at all, the hand moves not at all
        assertThat(doc.select("#week-list tr").eachText())
                .containsExactly("2026-W45 1", "2026-W46 1");
        assertThat(doc.select("#week-list tr").eachAttr("title"))
                .containsExactly("directives/spec/" + RENAMED, "directives/spec/" + LEDGER);
        assertThat(doc.getElementById("week-meaning").text()).contains("each once a week");
        assertThat(doc.getElementById("week-shallow")).isNull();
    }

    @Test
    void handMovesAreListedApartWithTheirCommitAndAuthor() throws IOException {
        Document doc = page(site, "index.html");
        List<String> rows = doc.select("#hand-moves tbody tr").eachText();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .startsWith("2026-10-20")
                .contains("directives/spec/" + PAYOUT)
                .contains("added as Approved")
                .endsWith("Priya Raman");
        assertThat(rows.get(1))
                .startsWith("2026-11-06")
                .contains("directives/spec/" + REFUND)
                .contains("Review → Approved")
                .contains("no approval recorded in " + handCommit)
                .endsWith("Sam Okafor");

        Document refund = page(site, specPage(REFUND));
        Element moved = refund.selectFirst("#history .status-timeline li.hand-move");
        assertThat(moved.text())
                .startsWith("2026-11-06 Review → Approved by Sam Okafor in " + handCommit)
                .endsWith("moved by hand: no approval recorded in this commit");
        assertThat(refund.select("#history .status-timeline li.hand-move")).hasSize(1);
    }

    @Test
    void theDoubleMovedRenamedSpecShowsEveryMoveAndNoHandMove() throws IOException {
        Document doc = page(site, specPage(RENAMED));
        // every move was made before the rename: each under its earlier name, as history says
        String as = " (as directives/spec/" + WEBHOOK + ")";
        List<String> rows = doc.select("#history .status-timeline li").eachText();
        assertThat(rows).allSatisfy(m -> assertThat(m).endsWith(as));
        List<String> moves =
                rows.stream().map(m -> m.substring(0, m.length() - as.length())).toList();
        assertThat(moves)
                .hasSize(5)
                .allSatisfy(m -> assertThat(m).doesNotContain("by hand"))
                .satisfies(
                        m -> {
                            assertThat(m.get(1))
                                    .contains("Review → Approved by Ana Ruiz")
                                    .endsWith("approval 2026-11-02 by Ana Ruiz");
                            assertThat(m.get(2)).contains("Approved → Draft").endsWith("cleared");
                            assertThat(m.get(4)).endsWith("approval 2026-11-05 by Ana Ruiz");
                        });
        assertThat(doc.select("#history li.hand-move")).isEmpty();
    }

    @Test
    void aSpecWhoseHistoryCannotBeReadIsNamedWithTheCause() throws IOException {
        Document doc = page(site, "index.html");
        assertThat(doc.select("#week-unreadable strong").text())
                .isEqualTo("History unreadable for 1 spec");
        assertThat(doc.select("#week-unreadable li").eachText())
                .singleElement()
                .asString()
                .startsWith("directives/spec/" + SMS + " (cannot read " + lostBlobPath + " at ");
        assertThat(doc.select("#notice-list li").eachText())
                .anySatisfy(
                        n ->
                                assertThat(n)
                                        .startsWith(
                                                "history unreadable for 1 spec, left out of"
                                                        + " Approved per week: directives/spec/"
                                                        + SMS
                                                        + " (cannot read"));
        // its page says why it has no timeline
        assertThat(page(site, specPage(SMS)).select("#history .empty").text())
                .startsWith("No history: cannot read " + lostBlobPath);
        // the other specs are read all the same
        assertThat(page(site, specPage(LEDGER)).select("#history .status-timeline li")).hasSize(2);
    }

    @Test
    void serveShowsWhatSiteShows() throws IOException {
        Document written = page(site, "index.html");
        Document served = Jsoup.parse(servedOverview);
        for (String part :
                List.of("#week-list", "#hand-moves tbody", "#week-unreadable", "#notice-list")) {
            assertThat(served.select(part).text()).as(part).isEqualTo(written.select(part).text());
        }
        assertThat(Jsoup.parse(servedRefund).select("#history .status-timeline li").eachText())
                .isEqualTo(
                        page(site, specPage(REFUND))
                                .select("#history .status-timeline li")
                                .eachText());
    }

    @Test
    void aShallowCloneMarksTheCutAndSaysTheChartIsPartial() throws IOException {
        Document doc = page(shallowSite, "index.html");
        // the records the cut versions hold still count in their weeks; the hand moves before the
        // cut are unknown, so none is listed
        assertThat(doc.select("#week-list tr").eachText())
                .containsExactly("2026-W45 1", "2026-W46 1");
        assertThat(doc.getElementById("hand-moves")).isNull();
        assertThat(doc.getElementById("week-shallow").text())
                .startsWith(
                        "Partial: the git repository is a shallow clone; the history of 4 specs")
                .contains("git fetch --unshallow");
        assertThat(doc.select("#notice-list li").eachText())
                .anySatisfy(
                        n ->
                                assertThat(n)
                                        .startsWith(
                                                "the git repository is a shallow clone: the"
                                                        + " history of 4 specs")
                                        .contains("Approved per week is partial"));

        Document refund = page(shallowSite, specPage(REFUND));
        List<String> moves = refund.select("#history .status-timeline li").eachText();
        assertThat(moves)
                .singleElement()
                .asString()
                .startsWith("2026-11-12 Approved")
                .endsWith("(shallow clone) the commits before were not fetched");
        assertThat(refund.select("#history li.shallow-cut")).hasSize(1);
        assertThat(refund.select("#history li.hand-move")).isEmpty();
        assertThat(refund.getElementById("history-shallow").text())
                .startsWith("Partial: the git repository is a shallow clone, so moves before")
                .contains("2026-11-12");
    }
}
