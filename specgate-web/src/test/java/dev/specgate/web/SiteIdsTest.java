package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every element id on a spec page is unique, also when two findings of one rule stand at the same
 * position (several missing fields are all reported at the end of the closing fields), so that each
 * diagnostic's link jumps to its own note.
 */
class SiteIdsTest {

    @TempDir Path tmp;

    @Test
    void twoFindingsOfOneRuleAtOnePlaceGetTheirOwnIds() throws Exception {
        Path project = Projects.fixtureCopy(tmp.resolve("p"));
        Path spec = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        String text = Files.readString(spec);
        Files.writeString(
                spec,
                text.replaceAll("\\*\\*Next Review:\\*\\*[^\\n]*\\n", "")
                        .replaceAll("\\*\\*Assigned to:\\*\\*[^\\n]*\\n", ""));
        Path site = tmp.resolve("site");

        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        String page = Projects.CLEAN_SPEC.replace(".md", ".html");
        Document doc = Jsoup.parse(site.resolve("specs").resolve(page).toFile(), "UTF-8");
        List<String> ids = doc.select("[id]").eachAttr("id");
        Set<String> unique = new HashSet<>(ids);
        assertThat(ids).hasSize(unique.size());
        List<String> links =
                doc.select("#diagnostics a[href^=#]").eachAttr("href").stream()
                        .map(h -> h.substring(1))
                        .toList();
        assertThat(links).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        for (String target : links) {
            Element note = doc.getElementById(target);
            assertThat(note).as("#%s", target).isNotNull();
        }
    }

    @Test
    void headingsShowTheirTextAndKeepIdsUniqueWhateverTheyAreCalled() throws Exception {
        Path project = Projects.fixtureCopy(tmp.resolve("p"));
        Path spec = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        String text = Files.readString(spec);
        int end = text.indexOf("\n---\n");
        Files.writeString(
                spec,
                text.substring(0, end)
                        + "\n\n#### <a name=\"why\"></a>Motivation\nWhy we stream.\n"
                        + "\n#### Diagnostics\nNamed like the page's own list.\n"
                        + "\n#### Rollout {#progress}\nAn attribute naming another part.\n"
                        + "\n#### Rollout {#progress}\nThe same attribute twice.\n"
                        + "\n#### Rollback {#custom-id} <!-- decided in review -->\n"
                        + "An attribute and a comment; [back](#custom-id).\n"
                        + text.substring(end));
        Path site = tmp.resolve("site");

        SiteGenerator.standard().generate(project, site, Projects.TODAY);

        String page = Projects.CLEAN_SPEC.replace(".md", ".html");
        Document doc = Jsoup.parse(site.resolve("specs").resolve(page).toFile(), "UTF-8");
        List<String> ids = doc.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().contains("diagnostics", "progress");
        assertThat(doc.select("#spec-body h4").eachText())
                .contains("Motivation", "Diagnostics", "Rollout", "Rollback")
                .noneMatch(t -> t.contains("<a") || t.contains("{#"));
        assertThat(doc.select("#spec-body h4").eachAttr("id"))
                .contains("motivation", "diagnostics-1", "progress-1", "progress-2", "custom-id");
        // the link to the attribute's id is not a broken anchor: core's anchors agree
        assertThat(doc.select("#diagnostics").text()).doesNotContain("link-anchor");
    }
}
