package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's columns follow the template: its statuses, else one column; never all "Other". */
class BoardFromTemplateTest {

    @TempDir Path tmp;

    private Document board(Path project) throws Exception {
        Path site = tmp.resolve("site-" + project.getFileName());
        SpecProject opened =
                SpecProject.open(
                        project, ConfigChoice.file(project.resolve(SpecgateConfig.FILE_NAME)));
        SiteGenerator.of(opened).generate(project, site, Projects.TODAY);
        Path file = site.resolve("board.html");
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    @Test
    void frontMatterStatusesAreTheColumns() throws Exception {
        Path adr = Files.createDirectories(tmp.resolve("adr"));
        Files.writeString(
                adr.resolve("template.md"),
                """
                ---
                status: "{proposed | accepted | … | superseded by ADR-0123}"
                date: {YYYY-MM-DD}
                ---

                # {title}

                ## Context and Problem Statement

                {context}
                """);
        Files.writeString(
                adr.resolve(".specgate.yml"), "template: template.md\nspecs: ['decisions/*.md']\n");
        Path decisions = Files.createDirectories(adr.resolve("decisions"));
        Files.writeString(
                decisions.resolve("0001-postgres.md"),
                "---\nstatus: accepted\ndate: 2025-01-02\n---\n\n# Use Postgres\n\n"
                        + "## Context and Problem Statement\n\nWe need one database.\n");
        Files.writeString(
                decisions.resolve("0002-cache.md"),
                "---\nstatus: superseded by ADR-0004\ndate: 2025-02-03\n---\n\n# Cache rates\n\n"
                        + "## Context and Problem Statement\n\nCheckout is slow.\n");

        Document doc = board(adr);

        assertThat(doc.select(".column h2").eachText())
                .containsExactly("proposed 0", "accepted 1", "superseded by ADR-0123 1");
        assertThat(doc.select(".card h3").eachText())
                .containsExactlyInAnyOrder("Use Postgres", "Cache rates");
    }

    @Test
    void aTemplateWithoutStatusesHasOneColumn() throws Exception {
        Path rfc = Files.createDirectories(tmp.resolve("rfc"));
        Files.writeString(
                rfc.resolve("template.md"),
                "- Start Date: (YYYY-MM-DD)\n\n# Summary\n\n[summary]\n");
        Files.writeString(
                rfc.resolve(".specgate.yml"), "template: template.md\nspecs: ['text/*.md']\n");
        Path text = Files.createDirectories(rfc.resolve("text"));
        Files.writeString(
                text.resolve("0001-chunks.md"),
                "- Start Date: 2024-05-01\n\n# Summary\n\nWalk slices back to front.\n");

        Document doc = board(rfc);

        assertThat(doc.select(".column h2").eachText()).containsExactly("Specs 1");
    }

    @Test
    void aTemplateWithoutTypeOrNextReviewFieldsShowsNeither() throws Exception {
        Path pay = Files.createDirectories(tmp.resolve("pay"));
        Files.writeString(
                pay.resolve("design-spec.md"),
                """
                ---
                title: "[Feature name]"
                owner: "[Team or person]"
                stage: "[Idea | Proposed | Accepted | Shipped | Dropped]"
                created: "[YYYY-MM-DD]"
                ---

                # Design: [Feature name]

                ## 1. Summary

                [One paragraph: what changes and why now]

                ## 2. Open Questions

                - [ ] [Question] - **Decision by:** [Date]
                """);
        Files.writeString(
                pay.resolve(".specgate.yml"),
                """
                template: design-spec.md
                specs: ['docs/design/*.md']
                lifecycle:
                  status-field: stage
                  draft: [Idea]
                """);
        Path design = Files.createDirectories(pay.resolve("docs/design"));
        Files.writeString(
                design.resolve("2026-11-30_spec_card-tokenization-v2.md"),
                """
                ---
                title: "Card tokenization v2"
                owner: "Payments Core (Léa Dubois)"
                stage: Proposed
                created: 2026-11-30
                ---

                # Design: Card tokenization v2

                ## 1. Summary

                Tokenize cards in a service of their own.

                ## 2. Open Questions

                - [x] Which HSM vendor? - **Decision by:** 2026-11-20
                """
                        .replace("\n", "\r\n"));
        Path site = tmp.resolve("site-pay");
        SiteGenerator.of(
                        SpecProject.open(
                                pay, ConfigChoice.file(pay.resolve(SpecgateConfig.FILE_NAME))))
                .generate(pay, site, Projects.TODAY);

        Document board = page(site.resolve("board.html"));
        Document table = page(site.resolve("table.html"));
        Document overview = page(site.resolve("index.html"));
        Document spec =
                page(site.resolve("specs/docs--design--2026-11-30_spec_card-tokenization-v2.html"));

        assertThat(board.select(".card .meta").eachText()).containsExactly("2026-11-30");
        assertThat(board.select(".card .next-review")).isEmpty();
        assertThat(board.select("#board-type").parents().first().hasAttr("hidden")).isTrue();
        assertThat(table.select("#specs th").eachText())
                .doesNotContain("Type", "Next review")
                .contains("Title", "Status", "Created");
        assertThat(table.select("#specs tbody tr").first().select("td")).hasSize(7);
        assertThat(overview.select("#by-type")).isEmpty();
        assertThat(spec.select(".spec-head .meta").text())
                .doesNotContain("no type")
                .doesNotContain("Next review")
                .contains("Proposed", "Created 2026-11-30");
    }

    @Test
    void aLifecycleWithoutApprovalsAndATemplateWithoutPhasesShowNeither() throws Exception {
        Path pay = Files.createDirectories(tmp.resolve("stage"));
        Files.writeString(
                pay.resolve("design-spec.md"),
                """
                ---
                title: "[Feature name]"
                reviewer: "[Reviewer]"
                stage: Idea
                ---

                # Design: [Feature name]

                ## 1. Summary

                [One paragraph: what changes and why now]

                ## 7. Open Questions

                - [ ] [Question] - **Decision by:** [Date]
                """);
        Files.writeString(
                pay.resolve(".specgate.yml"),
                """
                template: design-spec.md
                specs: ['docs/design/*.md']
                lifecycle:
                  status-field: stage
                  order: [Idea, Proposed, Accepted, Shipped, Dropped]
                """);
        Path design = Files.createDirectories(pay.resolve("docs/design"));
        Files.writeString(
                design.resolve("2026-11-30_spec_cache-warmup.md"),
                """
                ---
                title: "Cache warm-up at deploy"
                reviewer: Ana Ruiz
                stage: Accepted
                ---

                # Design: Cache warm-up at deploy

                ## 1. Summary

                Warm the product cache before a deploy takes traffic (« à froid » no more).

                ## 7. Open Questions

                - [ ] Read from the replica? - **Decision by:** 2026-12-20
                """
                        .replace("\n", "\r\n"));
        Path site = tmp.resolve("site-stage");
        SiteGenerator.of(
                        SpecProject.open(
                                pay, ConfigChoice.file(pay.resolve(SpecgateConfig.FILE_NAME))))
                .generate(pay, site, Projects.TODAY);

        Document overview = page(site.resolve("index.html"));
        Document timeline = page(site.resolve("timeline.html"));
        Document table = page(site.resolve("table.html"));

        assertThat(overview.select("#stale-approvals, #approved-per-week, #week-meaning"))
                .isEmpty();
        // no date field and no date in the file name convention: no Created column of blanks
        assertThat(table.select("#specs th").eachText())
                .containsExactly("Title", "Status", "Progress", "Errors", "Warnings", "Overdue");
        assertThat(table.select("#specs tbody tr").first().select("td")).hasSize(6);
        assertThat(overview.select("#by-status")).isNotEmpty();
        assertThat(timeline.select(".legend").text())
                .doesNotContain("Bars are the phases", "Timeline & Milestones")
                .contains("Diamonds are decision and question dates", "The dotted red line");
    }

    private static Document page(Path file) throws Exception {
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }
}
