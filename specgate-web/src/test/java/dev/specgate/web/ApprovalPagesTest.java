package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The site's approval, status timeline and burn-up, on a project whose history is a real git
 * repository made with JGit: a spec sent to review, approved, a step ticked, then its approved
 * Executive Summary changed.
 */
class ApprovalPagesTest {

    @TempDir static Path tmp;
    static Path site;
    static String approvalCommit;

    private static RevCommit commit(Git git, String author, String day) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
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

    @BeforeAll
    static void build() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path spec = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        // back under review, without the fixture's approval
        Files.writeString(
                spec,
                Files.readString(spec, StandardCharsets.UTF_8)
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\*.*\n", ""),
                StandardCharsets.UTF_8);
        // (its decisions and questions are all ticked: the Approved gate below passes)
        replace(spec, "**Document Status:** Implementation", "**Document Status:** Review");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-20");
            SpecProject specs = SpecProject.builtin();
            SpecSource source = specs.read(spec);
            Files.write(
                    spec,
                    specs.lifecycle()
                            .moveEdit(
                                    source,
                                    specs.parse(source.text()),
                                    SpecStatus.APPROVED,
                                    LocalDate.of(2026, 11, 2),
                                    Optional.of("Ana Ruiz"))
                            .bytes());
            approvalCommit = commit(git, "Ana Ruiz", "2026-11-02").name().substring(0, 12);
            replace(
                    spec,
                    "   - [ ] Add `webhook_dead_letters` and the replay endpoint",
                    "   - [x] Add `webhook_dead_letters` and the replay endpoint");
            commit(git, "Tomasz Nowak", "2026-11-10");
            replace(spec, "up to 20 times", "up to 25 times");
            commit(git, "Tomasz Nowak", "2026-11-18");
        }
        site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);
    }

    private static Document page(String name) throws IOException {
        Path file = site.resolve(name);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    @Test
    void theSpecPageShowsTheStaleApprovalTimelineAndBurnUp() throws IOException {
        Document doc = page("specs/" + Projects.CLEAN_SPEC.replace(".md", ".html"));
        Element approval = doc.getElementById("approval");
        assertThat(approval.selectFirst(".approval-state").text()).isEqualTo("Stale");
        assertThat(approval.selectFirst(".approval-by").text()).isEqualTo("Ana Ruiz");
        assertThat(approval.selectFirst(".approval-commit").text()).isEqualTo(approvalCommit);
        assertThat(approval.selectFirst(".approval-why").text())
                .isEqualTo("Changed since: changed: Executive Summary");
        assertThat(doc.select("#history .status-timeline li").eachText())
                .containsExactly(
                        "2026-10-20 Review by Priya Raman in "
                                + doc.select("#history .status-timeline li code").get(0).text(),
                        "2026-11-02 Review → Approved by Ana Ruiz in "
                                + approvalCommit
                                + " approval 2026-11-02 by Ana Ruiz");
        Element burnup = doc.selectFirst("#history svg.burnup polyline");
        assertThat(burnup.attr("points").split(" ")).hasSize(4);
        assertThat(doc.selectFirst(".burnup-range").text()).endsWith("over 4 commits");
        // ticked boxes only go up
        String[] points = burnup.attr("points").split(" ");
        int first = Integer.parseInt(points[0].split(",")[1]);
        int last = Integer.parseInt(points[3].split(",")[1]);
        assertThat(last).isLessThan(first);
    }

    @Test
    void theOverviewListsStaleApprovalsAndApprovalsPerWeek() throws IOException {
        Document doc = page("index.html");
        assertThat(doc.select("#stale-list tbody tr").eachText())
                .singleElement()
                .asString()
                .contains("Webhook Retries with Exponential Backoff and Jitter")
                .contains("changed: Executive Summary");
        assertThat(doc.select("#week-list tr").eachText()).containsExactly("2026-W45 1");
    }

    @Test
    void aSpecWithoutApprovalSaysSo() throws IOException {
        Document doc = page("specs/2026-11-18_spec_sms-provider-failover.html");
        assertThat(doc.getElementById("approval").text()).contains("No approval recorded.");
        assertThat(doc.select("#history .status-timeline li").eachText())
                .singleElement()
                .asString()
                .startsWith("2026-10-20 Draft by Priya Raman");
    }
}
