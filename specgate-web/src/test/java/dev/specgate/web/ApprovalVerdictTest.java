package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.baseline.Baseline;
import dev.specgate.core.baseline.Fingerprinter;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.project.CheckedSpec;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard says an approval is stale exactly when {@code check} reports it so: the approval
 * state comes from the check (its {@code approval-stale} rule's own comparison), and a
 * configuration that turns the rule off, or a baseline that records the finding, quiets the page as
 * it quiets {@code check}. Also: a heading's {@code {#id}} attribute is read as core reads it.
 */
class ApprovalVerdictTest {

    @TempDir Path tmp;
    Path project;
    Path spec;

    @BeforeEach
    void approvedThenChanged() throws IOException {
        project = Projects.fixtureCopy(tmp.resolve("p"));
        spec = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        assertThat(text).contains("up to 20 times").contains("**Approval:** 2026-11-20");
        // the approved Executive Summary changes after the approval
        Files.writeString(
                spec, text.replace("up to 20 times", "up to 25 times"), StandardCharsets.UTF_8);
    }

    private SpecProject open() throws Exception {
        return SpecProject.open(project, ConfigChoice.nearest());
    }

    private boolean checkReportsStale(SpecProject specs) throws Exception {
        CheckedSpec checked = specs.inspect(spec, CheckOptions.asOf(Projects.TODAY));
        return specs.reported(checked).reports(RuleIds.APPROVAL_STALE);
    }

    private Document site(SpecProject specs, String page) throws IOException {
        Path out = tmp.resolve("site");
        SiteGenerator.of(specs).generate(project, out, Projects.TODAY);
        return Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
    }

    private Document specPage(SpecProject specs) throws IOException {
        return site(specs, "specs/" + Projects.CLEAN_SPEC.replace(".md", ".html"));
    }

    private static void assertNoTextStartsWithPunctuation(Element e) {
        for (org.jsoup.nodes.TextNode t : e.textNodes()) {
            assertThat(t.text().strip()).doesNotStartWith(":").doesNotStartWith(",");
        }
    }

    @Test
    void byDefaultCheckAndPageBothSayStale() throws Exception {
        SpecProject specs = open();
        assertThat(checkReportsStale(specs)).isTrue();

        Document page = specPage(specs);
        Element approval = page.getElementById("approval");
        assertThat(approval.selectFirst(".approval-state").text()).isEqualTo("Stale");
        // a sentence: no text after the state's element starts with punctuation, which any
        // reader that separates elements' text (a screen reader, a text dump) shows as "Stale :"
        assertThat(approval.selectFirst("p.approval").text())
                .startsWith("Stale approval by Priya Raman on 2026-11-20");
        assertNoTextStartsWithPunctuation(approval.selectFirst("p.approval"));
        assertThat(approval.selectFirst(".approval-why").text())
                .isEqualTo("Changed since: changed: Executive Summary");
        assertThat(page.select("#diagnostics").text()).contains(RuleIds.APPROVAL_STALE);
        Document index = Jsoup.parse(tmp.resolve("site").resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("#stale-list tbody tr")).hasSize(1);
    }

    @Test
    void withTheRuleOffNeitherCheckNorPageSaysStale() throws Exception {
        Files.writeString(project.resolve(".specgate.yml"), "rules:\n  approval-stale: off\n");
        SpecProject specs = open();
        assertThat(checkReportsStale(specs)).isFalse();

        Document page = specPage(specs);
        Element approval = page.getElementById("approval");
        assertThat(approval.selectFirst(".approval-state").text()).isEqualTo("Valid");
        assertThat(approval.selectFirst("p.approval").text())
                .startsWith("Valid approval by Priya Raman on 2026-11-20");
        assertNoTextStartsWithPunctuation(approval.selectFirst("p.approval"));
        assertThat(approval.selectFirst(".approval-by").text()).isEqualTo("Priya Raman");
        assertThat(approval.select(".approval-why")).isEmpty();
        Document index = Jsoup.parse(tmp.resolve("site").resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("#stale-list")).isEmpty();
        assertThat(index.text()).contains("Every recorded approval still holds.");
    }

    @Test
    void withTheFindingInTheBaselineNeitherCheckNorPageSaysStale() throws Exception {
        // the baseline check --write-baseline would write: this spec's findings as they are now
        SpecProject plain = open();
        CheckedSpec checked = plain.inspect(spec, CheckOptions.asOf(Projects.TODAY));
        Path baseline = project.resolve(".specgate-baseline.json");
        Baseline.of(
                        new Fingerprinter(project)
                                .findings(
                                        checked.result(),
                                        checked.source().text(),
                                        checked.document()))
                .write(baseline);
        Files.writeString(project.resolve(".specgate.yml"), "baseline: .specgate-baseline.json\n");
        SpecProject specs = open();
        assertThat(checkReportsStale(specs)).isFalse();

        Document page = specPage(specs);
        assertThat(page.getElementById("approval").selectFirst(".approval-state").text())
                .isEqualTo("Valid");
        // the page shows the findings check reports: none of the baseline's
        assertThat(page.select("#diagnostics").text()).doesNotContain(RuleIds.APPROVAL_STALE);
        Document index = Jsoup.parse(tmp.resolve("site").resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("#stale-list")).isEmpty();
    }

    @Test
    void headingAttributesShowAsCoreReadsThem() throws Exception {
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        int end = text.indexOf("\n---\n");
        Files.writeString(
                spec,
                text.substring(0, end)
                        + "\n\n#### Coût de l'équipe {#équipe}\nA non-ASCII attribute.\n"
                        + "\n#### Retry budget \\{#not-an-id}\nAn escaped brace: no attribute.\n"
                        + text.substring(end),
                StandardCharsets.UTF_8);

        Document page = specPage(open());

        Element attributed = page.getElementById("équipe");
        assertThat(attributed).isNotNull();
        assertThat(attributed.text()).isEqualTo("Coût de l'équipe");
        assertThat(page.select("#spec-body h4").eachText()).contains("Retry budget {#not-an-id}");
    }
}
