package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec page's checklist panel shows each item's text as the page body shows it: inline Markdown
 * rendered (code spans, strong and emphasis, links), raw HTML escaped, never the asterisks and
 * backticks as written.
 */
class ChecklistPanelTest {

    @TempDir Path tmp;
    Path project;
    Path spec;

    @BeforeEach
    void awkwardItems() throws IOException {
        project = Projects.fixtureCopy(tmp.resolve("p"));
        spec = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        String anchor = "- [x] Load-test fixture recorded from the 2026-09-22 incident traffic\n";
        assertThat(text).contains(anchor);
        Files.writeString(
                spec,
                text.replace(
                        anchor,
                        anchor
                                + "- [ ] **Unit Tests** for _the_ jitter, see"
                                + " [the runbook](https://wiki.example.com/runbook)\n"
                                + "- [ ] Escape <script>alert(1)</script> & keep `a < b` literal\n"
                                + "- [ ] Résumé of `[brackets]` and \\*not emphasis\\*\n"),
                StandardCharsets.UTF_8);
    }

    private Document specPage() throws Exception {
        SpecProject specs = SpecProject.open(project, ConfigChoice.nearest());
        Path out = tmp.resolve("site");
        SiteGenerator.of(specs).generate(project, out, Projects.TODAY);
        return Jsoup.parse(
                out.resolve("specs/" + Projects.CLEAN_SPEC.replace(".md", ".html")).toFile(),
                "UTF-8");
    }

    private static Element item(Document page, String textStart) {
        Elements items = page.select("#progress ul.items > li");
        assertThat(items).isNotEmpty();
        return items.stream()
                .filter(li -> li.selectFirst(".item-text").text().startsWith(textStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + textStart + " in " + items));
    }

    @Test
    void codeSpansAndStrongEmphasisAndLinksRenderAsInTheBody() throws Exception {
        Document page = specPage();

        Element redis = item(page, "Redis cluster");
        assertThat(redis.selectFirst(".item-text").text())
                .isEqualTo(
                        "Redis cluster notify-redis upgraded to 7.2 for the token-bucket script");
        assertThat(redis.select(".item-text code").text()).isEqualTo("notify-redis");
        assertThat(redis.text()).doesNotContain("`");

        Element unit = item(page, "Unit Tests");
        Element text = unit.selectFirst(".item-text");
        assertThat(text.select("strong").text()).isEqualTo("Unit Tests");
        assertThat(text.select("em").text()).isEqualTo("the");
        Element link = text.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://wiki.example.com/runbook");
        assertThat(link.text()).isEqualTo("the runbook");
        assertThat(text.text())
                .isEqualTo("Unit Tests for the jitter, see the runbook")
                .doesNotContain("*")
                .doesNotContain("_");

        // the same markup as the item in the body
        Element inBody =
                page.select("#spec-body li").stream()
                        .filter(li -> li.text().startsWith("Unit Tests for"))
                        .findFirst()
                        .orElseThrow();
        assertThat(text.select("strong, em, a").outerHtml())
                .isEqualTo(inBody.select("strong, em, a").outerHtml());
    }

    @Test
    void rawHtmlIsEscapedAndBackslashEscapesRead() throws Exception {
        Document page = specPage();

        Element escape = item(page, "Escape");
        assertThat(escape.select("script")).isEmpty();
        assertThat(escape.selectFirst(".item-text").text())
                .isEqualTo("Escape <script>alert(1)</script> & keep a < b literal");
        assertThat(escape.select(".item-text code").text()).isEqualTo("a < b");

        Element resume = item(page, "Résumé");
        assertThat(resume.selectFirst(".item-text").text())
                .isEqualTo("Résumé of [brackets] and *not emphasis*");
        assertThat(resume.select(".item-text em")).isEmpty();
    }
}
