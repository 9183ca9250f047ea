package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's front matter is YAML, not Markdown, on its page as in the check: its closing {@code ---}
 * under the last key made that key a setext heading ("status: accepted date: 2025-01-02" as an
 * {@code <h2>} above the title of every ADR). It is shown as the YAML it is, in a code block.
 */
class FrontMatterPageTest {

    @TempDir Path tmp;

    @Test
    void frontMatterIsShownAsYamlNotAsAHeading() throws Exception {
        Path adr = Files.createDirectories(tmp.resolve("adr"));
        Files.writeString(
                adr.resolve("template.md"),
                """
                ---
                status: "{proposed | accepted | rejected}"
                date: {YYYY-MM-DD}
                ---

                # {title}

                ## Context and Problem Statement

                {context}
                """);
        Files.writeString(
                adr.resolve(".specgate.yml"), "template: template.md\nspecs: ['decisions/*.md']\n");
        Path decisions = Files.createDirectories(adr.resolve("decisions"));
        // as an editor on Windows saves it: a byte order mark and CRLF, a non-ASCII title
        Files.write(
                decisions.resolve("0001-postgres.md"),
                ("\uFEFF---\r\nstatus: accepted\r\ndate: 2025-01-02\r\ntags: [db, ~~~]\r\n---\r\n"
                                + "\r\n# Postgres für alles\r\n\r\n"
                                + "## Context and Problem Statement\r\n\r\nWe need one database.\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        Path site = tmp.resolve("site");
        SiteGenerator.of(
                        SpecProject.open(
                                adr, ConfigChoice.file(adr.resolve(SpecgateConfig.FILE_NAME))))
                .generate(adr, site, Projects.TODAY);

        Element body = page(site, "0001-postgres").getElementById("spec-body");

        assertThat(body.select("h1").eachText()).containsExactly("Postgres für alles");
        assertThat(body.select("h2").eachText()).containsExactly("Context and Problem Statement");
        assertThat(body.select("hr")).isEmpty();
        assertThat(body.select("pre code").eachText())
                .containsExactly("status: accepted\ndate: 2025-01-02\ntags: [db, ~~~]");
    }

    private static Document page(Path site, String name) throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            Path file =
                    files.filter(p -> p.getFileName().toString().contains(name))
                            .filter(p -> p.toString().endsWith(".html"))
                            .findFirst()
                            .orElseThrow();
            return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
        }
    }
}
