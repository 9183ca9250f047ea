package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.project.SpecProject;
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
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s overview reads the git history anew when HEAD moves: an approval committed while
 * the server runs (a commit changes no spec file, so no folder event comes) is counted in its week
 * on the next request, as {@code site} and the spec's own page count it.
 */
class ServedHistoryAfterCommitTest {

    private static final String WEBHOOK = "2026-10-14_spec_webhook-retry-backoff.md";

    @TempDir Path tmp;

    private static void commit(Git git, String author, String day) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        author.toLowerCase().replace(' ', '.') + "@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit()
                .setAuthor(who)
                .setCommitter(who)
                .setMessage("change by " + author)
                .setSign(false)
                .call();
    }

    private static Document get(HttpClient http, PreviewServer server, String path)
            throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void anApprovalCommittedWhileServingIsCountedOnTheNextRequest() throws Exception {
        Path project = Projects.fixtureCopy(tmp);
        Path webhook = Projects.specs(project).resolve(WEBHOOK);
        // under review, without the fixture's approval, and with CRLF line endings
        String text =
                Files.readString(webhook, StandardCharsets.UTF_8)
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\*.*\n", "")
                        .replace(
                                "**Document Status:** Implementation",
                                "**Document Status:** Review")
                        .replace("\n", "\r\n");
        Files.writeString(webhook, text, StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-20");
            // approved on disk (as specgate approve writes it), not committed yet
            SpecProject specs = SpecProject.builtin();
            SpecSource source = specs.read(webhook);
            Files.write(
                    webhook,
                    specs.lifecycle()
                            .moveEdit(
                                    source,
                                    specs.parse(source.text()),
                                    SpecStatus.APPROVED,
                                    LocalDate.parse("2026-11-02"),
                                    Optional.of("Ana Ruiz"))
                            .bytes());
            byte[] approved = Files.readAllBytes(webhook);
            try (PreviewServer server =
                    PreviewServer.builder(project)
                            .port(0)
                            .today(() -> Projects.TODAY)
                            .build()
                            .start()) {
                HttpClient http =
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                assertThat(get(http, server, "/").select("#week-list tr").eachText()).isEmpty();

                // the commit changes no file in the specs' folders
                commit(git, "Ana Ruiz", "2026-11-02");
                assertThat(Files.readAllBytes(webhook)).isEqualTo(approved);

                // it kept the history read at start: no week, while the spec's page showed the
                // approval's commit
                String page = "/specs/" + WEBHOOK.replace(".md", ".html");
                assertThat(get(http, server, page).select("#history .status-timeline li").text())
                        .contains("Review → Approved by Ana Ruiz");
                Document overview = get(http, server, "/");
                assertThat(overview.select("#week-list tr").eachText())
                        .containsExactly("2026-W45 1");
                assertThat(overview.select("#week-list tr").eachAttr("title"))
                        .containsExactly("directives/spec/" + WEBHOOK);
            }
        }
        Path site = tmp.resolve("site");
        SiteGenerator.standard().generate(project, site, Projects.TODAY);
        Document written = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(written.select("#week-list tr").eachText()).containsExactly("2026-W45 1");
    }
}
