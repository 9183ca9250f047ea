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
}
