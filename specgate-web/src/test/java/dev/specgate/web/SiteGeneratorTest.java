package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {

    @TempDir static Path tmp;
    static Path project;
    static Path site;
    static SiteResult result;

    @BeforeAll
    static void generate() throws IOException {
        project = Projects.fixtureCopy(tmp);
        Projects.write(
                Projects.specs(project).resolve("2026-11-20_spec_hostile.md"),
                Projects.hostileSpec());
        site = tmp.resolve("site");
        result = SiteGenerator.standard().generate(project, site, Projects.TODAY);
    }

    private static Document page(String name) throws IOException {
        Path file = site.resolve(name);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    private static Document specPage(String fileName) throws IOException {
        return page("specs/" + fileName.replace(".md", ".html"));
    }

    @Test
    void writesEveryPageAndTheAssets() {
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(site.resolve("board.html")).isRegularFile();
        assertThat(site.resolve("table.html")).isRegularFile();
        assertThat(site.resolve("timeline.html")).isRegularFile();
        assertThat(site.resolve("index.json")).isRegularFile();
        assertThat(site.resolve("assets/specgate.css")).isRegularFile();
        assertThat(site.resolve("assets/specgate.js")).isRegularFile();
        assertThat(site.resolve("specs")).isDirectoryContaining("glob:**/*.html");
        assertThat(result.pages()).isEqualTo(6 + 4);
        assertThat(result.portfolio().specs()).hasSize(6);
    }

    @Test
    void overviewCountsByStatusAndTypeAndListsOverdueAndFailingSpecs() throws IOException {
        Document doc = page("index.html");
        assertThat(doc.getElementById("count-specs").text()).isEqualTo("6");
        assertThat(tally(doc, "by-status"))
                .containsExactly(
                        "Draft 1", "Review 2", "Approved 1", "Implementation 1", "Other 1");
        assertThat(tally(doc, "by-type")).contains("Integration 2", "Feature 1");
        Element overdue = doc.getElementById("overdue").parent();
        assertThat(overdue.select("tbody tr")).hasSize(1);
        assertThat(overdue.text())
                .contains("2026-03-01")
                .contains("Time-Zone Aware Payout Batch Scheduler")
                .contains("One payout e-mail per batch");
        Element errors = doc.getElementById("errors").parent();
        assertThat(errors.select("tbody tr").eachText())
                .anyMatch(t -> t.contains("Idempotency Keys for the Refunds API"))
                .noneMatch(t -> t.contains("Webhook Retries"));
    }

    private static List<String> tally(Document doc, String id) {
        Element table = doc.getElementById(id).nextElementSibling();
        List<String> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            rows.add(tr.selectFirst("th").text() + " " + tr.selectFirst("td.n").text());
        }
        return rows;
    }

    @Test
    void boardHasOneColumnPerStatusWithTheRightCards() throws IOException {
        Document doc = page("board.html");
        assertThat(doc.select(".column h2").eachText())
                .containsExactly(
                        "Draft 1", "Review 2", "Approved 1", "Implementation 1", "Other 1");
        assertThat(doc.getElementById("col-other").selectFirst(".card .status-raw").text())
                .contains("Review\"><script>");
        Element approved = doc.getElementById("col-approved");
        Element card = approved.selectFirst(".card");
        assertThat(card.selectFirst("h3").text())
                .isEqualTo("Time-Zone Aware Payout Batch Scheduler");
        assertThat(card.selectFirst(".type").text()).isEqualTo("Architecture Change");
        assertThat(card.selectFirst("progress").attr("value")).isEqualTo("15");
        assertThat(card.selectFirst("progress").attr("max")).isEqualTo("41");
        // its own five and decision-open: it says Approved with its overdue decision still open
        assertThat(card.select(".badge-error").text()).isEqualTo("6 errors");
        // its own warning and approval-missing: it says Approved and records no approval
        assertThat(card.select(".badge-warning").text()).isEqualTo("2 warnings");
        assertThat(card.select(".badge-overdue").text()).isEqualTo("1 overdue decision");
        assertThat(card.selectFirst(".next-review").text()).contains("2026-12-14");
        Element clean = doc.getElementById("col-implementation").selectFirst(".card");
        assertThat(clean.select(".badge-clean").text()).isEqualTo("clean");
        assertThat(clean.selectFirst("h3 a").attr("href"))
                .isEqualTo("specs/2026-10-14_spec_webhook-retry-backoff.html");
    }

    @Test
    void tableHasARowPerSpecWithSortAndFilterHooks() throws IOException {
        Document doc = page("table.html");
        assertThat(doc.select("#specs tbody tr")).hasSize(6);
        assertThat(doc.select("#specs thead th[data-sort]")).hasSize(9);
        assertThat(doc.getElementById("table-filter")).isNotNull();
        assertThat(doc.select("#table-status option").eachText())
                .containsExactly("all", "Draft", "Review", "Approved", "Implementation", "Other");
        Element row = doc.select("#specs tbody tr").first();
        assertThat(row.attr("data-status")).isEqualTo("Draft");
        assertThat(row.attr("data-search")).contains("sms provider");
    }

    /**
     * On a phone a table's row is shown as a card, each cell named by its {@code data-label}: every
     * cell but the spec's own (its title and path, which heads the card) is named by its column's
     * header, as the header writes it.
     */
    @Test
    void everyCellOfAListNamesItsColumnForAPhone() throws IOException {
        int tables = 0;
        for (String name : List.of("index.html", "table.html")) {
            for (Element table : page(name).select("table.list, table.specs")) {
                tables++;
                List<String> headers = table.select("thead th").eachText();
                assertThat(table.select("tbody tr")).as("%s: rows", name).isNotEmpty();
                for (Element row : table.select("tbody tr")) {
                    assertThat(row.children()).hasSameSizeAs(headers);
                    for (int i = 0; i < headers.size(); i++) {
                        String header = headers.get(i);
                        Element cell = row.child(i);
                        if (header.equals("Spec") || header.equals("Title")) {
                            assertThat(cell.hasAttr("data-label")).as(header).isFalse();
                        } else {
                            assertThat(cell.attr("data-label"))
                                    .as("%s: %s", name, row.text())
                                    .isEqualTo(header);
                        }
                    }
                }
            }
        }
        assertThat(tables)
                .as("the overview's overdue and errors tables, and the table")
                .isEqualTo(3);
    }

    @Test
    void timelineShowsPhasesAndDecisionDates() throws IOException {
        Document doc = page("timeline.html");
        Element row = doc.selectFirst(".tl-row[data-path$=webhook-retry-backoff.md]");
        assertThat(row.select("rect.phase")).hasSize(4);
        assertThat(row.select("rect.phase.estimated")).as("dates given in the spec").isEmpty();
        assertThat(row.select("rect.phase title").first().text())
                .contains("Phase 1: Analysis & Setup: 2026-10-14 to 2026-10-21");
        // in Implementation every decision and question is settled (else: decision-open)
        assertThat(row.select("polygon.decision-done")).hasSize(6);
        assertThat(row.select("polygon.decision-open")).isEmpty();
        Element review = doc.selectFirst(".tl-row[data-path$=refund-idempotency-keys.md]");
        assertThat(review.select("polygon.decision-done")).hasSize(2);
        assertThat(review.select("polygon.decision-open")).hasSize(4);
        Element payout = doc.selectFirst(".tl-row[data-path$=payout-batch-scheduler.md]");
        assertThat(payout.select("polygon.decision-overdue")).hasSize(1);
        assertThat(payout.select("rect.phase.estimated")).as("durations only").hasSize(4);
        assertThat(payout.select("rect.phase title").first().text())
                .contains("2026-02-16 to 2026-02-22 (estimated from '1 week')");
        assertThat(doc.select("line.today")).isNotEmpty();
    }

    @Test
    void specPageShowsDiagnosticsBesideTheirLinesAndProgressPerSection() throws IOException {
        Document doc = specPage("2026-11-09_spec_refund-idempotency-keys.md");
        assertThat(doc.getElementById("spec-title").text())
                .isEqualTo("Idempotency Keys for the Refunds API");
        assertThat(doc.select("#diagnostics ol.diags li")).hasSize(3);
        Element typeNote = doc.selectFirst("aside.notes li[id^=d5-11-field-value]");
        assertThat(typeNote.text()).contains("line 5:11").contains("'Type' is 'Feature'");
        Element flaggedMeta = typeNote.parent().parent().previousElementSibling();
        assertThat(flaggedMeta.hasClass("flag-error")).isTrue();
        assertThat(flaggedMeta.text()).contains("Type: Feature");
        assertThat(doc.select("#diagnostics a[href=#" + typeNote.id() + "]")).hasSize(1);
        assertThat(doc.select("#progress .sections > li summary").eachText())
                .anyMatch(t -> t.startsWith("Prerequisites 1/3"))
                .anyMatch(t -> t.startsWith("Technical Decisions Needed 1/3"));
        assertThat(doc.select("#spec-body input[type=checkbox]")).hasSizeGreaterThan(30);
        assertThat(doc.select("#progress code.item-id").eachText())
                .hasSize(42)
                .allMatch(id -> id.matches("\\d+\\.\\d+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void specPageLinksResolveWithinTheSite() throws IOException {
        Document doc = specPage(Projects.CLEAN_SPEC);
        assertThat(doc.select("#diagnostics .empty").text()).isEqualTo("No findings.");
        Element anchorLink = doc.selectFirst("#spec-body a[href=#rollback-procedure]");
        assertThat(anchorLink).isNotNull();
        assertThat(doc.getElementById("rollback-procedure")).isNotNull();
        assertThat(doc.select("#spec-body span.offsite").eachAttr("title"))
                .anyMatch(t -> t.contains("docs/dev/webhook-dispatcher.md"));
    }

    @Test
    void hostileSpecRendersInert() throws IOException {
        Document doc = specPage("2026-11-20_spec_hostile.md");
        assertThat(doc.select("script").eachAttr("src")).containsExactly("../assets/specgate.js");
        assertThat(doc.select("img, iframe, style, object, embed")).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
                if (a.getKey().equals("href") || a.getKey().equals("src")) {
                    assertThat(a.getValue().toLowerCase()).doesNotContain("javascript:");
                    assertThat(a.getValue().toLowerCase()).doesNotStartWith("data:");
                }
            }
        }
        assertThat(doc.getElementById("spec-title").text()).contains("<script>");
        String board = Files.readString(site.resolve("board.html"), StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(board).select("script")).hasSize(1);
        assertThat(board).doesNotContain("<script>window");
    }

    @Test
    void pagesAreSelfContained() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f :
                    (Iterable<Path>) files.filter(p -> p.toString().endsWith(".html"))::iterator) {
                Document doc = Jsoup.parse(f.toFile(), "UTF-8");
                for (Element e : doc.select("script[src], link[href], img[src]")) {
                    String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                    assertThat(ref).as(f + ": " + e).doesNotContain(":").doesNotStartWith("/");
                    Path target = f.getParent().resolve(ref).normalize();
                    assertThat(target).as(f + " needs " + ref).isRegularFile();
                }
                for (Element a : doc.select("a[href]")) {
                    String href = a.attr("href");
                    if (href.startsWith("http")
                            || href.startsWith("mailto:")
                            || href.startsWith("#")) {
                        continue;
                    }
                    assertThat(href).as(f + ": " + a).doesNotStartWith("/");
                    String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                    assertThat(f.getParent().resolve(path).normalize())
                            .as(f + " links to " + href)
                            .isRegularFile();
                }
            }
        }
        String js = Files.readString(site.resolve("assets/specgate.js"));
        assertThat(js).contains("data-live");
    }

    @Test
    void everyPageNamesItsIconSoNoBrowserAsksForAFaviconIcoTheSiteDoesNotHave() throws IOException {
        for (String name :
                List.of(
                        "index.html",
                        "board.html",
                        "table.html",
                        "timeline.html",
                        "specs/" + Projects.CLEAN_SPEC.replace(".md", ".html"))) {
            Element icon = page(name).selectFirst("head link[rel=icon]");
            assertThat(icon).as(name).isNotNull();
            assertThat(icon.attr("type")).isEqualTo("image/svg+xml");
            Path target = site.resolve(name).getParent().resolve(icon.attr("href")).normalize();
            assertThat(target).as(name).isEqualTo(site.resolve("assets/favicon.svg"));
        }
        assertThat(Files.readString(site.resolve("assets/favicon.svg"))).startsWith("<svg");
    }

    @Test
    void theOverviewsListsScrollInTheirOwnBoxSoThePageFitsAPhone() throws IOException {
        Document doc = page("index.html");
        // the fixture's overview lists its overdue items and the specs with errors
        assertThat(doc.select("table.list")).hasSizeGreaterThanOrEqualTo(2);
        for (Element table : doc.select("table.list")) {
            assertThat(table.parent().hasClass("scroll"))
                    .as("the list after %s", table.previousElementSiblings().text())
                    .isTrue();
        }
        // that the page then fits a phone, and that their words stay whole, is measured in
        // Chromium (specgate-cli's PhoneWidthBrowserIT)
    }

    @Test
    void indexJsonListsEverySpec() throws IOException {
        JsonNode root = new ObjectMapper().readTree(site.resolve("index.json").toFile());
        assertThat(root.get("specs")).hasSize(6);
        JsonNode payout = null;
        for (JsonNode s : root.get("specs")) {
            if (s.get("path").asText().endsWith("payout-batch-scheduler.md")) {
                payout = s;
            }
        }
        assertThat(payout).isNotNull();
        assertThat(payout.get("path").asText())
                .isEqualTo("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        assertThat(payout.get("title").asText())
                .isEqualTo("Time-Zone Aware Payout Batch Scheduler");
        assertThat(payout.get("type").asText()).isEqualTo("Architecture Change");
        assertThat(payout.get("status").asText()).isEqualTo("Approved");
        assertThat(payout.get("checked").asInt()).isEqualTo(15);
        assertThat(payout.get("total").asInt()).isEqualTo(41);
        assertThat(payout.get("errors").asInt()).isEqualTo(6); // one is decision-open
        assertThat(payout.get("warnings").asInt()).isEqualTo(2); // one is approval-missing
        assertThat(payout.get("overdue").asInt()).isEqualTo(1);
        assertThat(payout.get("nextReview").asText()).isEqualTo("2026-12-14");
        assertThat(payout.get("page").asText())
                .isEqualTo("specs/2026-02-16_spec_payout-batch-scheduler.html");
    }

    @Test
    void regeneratingRemovesPagesOfSpecsThatAreGone() throws IOException {
        Path own = Projects.fixtureCopy(tmp.resolve("regen"));
        Path out = tmp.resolve("regen-site");
        SiteGenerator.standard().generate(own, out, Projects.TODAY);
        Path gone = Projects.specs(own).resolve(Projects.CLEAN_SPEC);
        Files.delete(gone);
        SiteGenerator.standard().generate(own, out, Projects.TODAY);
        assertThat(out.resolve("specs").resolve(Projects.CLEAN_SPEC.replace(".md", ".html")))
                .doesNotExist();
        assertThat(out.resolve("specs")).isDirectoryContaining("glob:**/*payout*.html");
    }

    @Test
    void controlCharactersOfASpecsTextAndFileNameAreShownNotSentRaw() throws IOException {
        Path own = Projects.fixtureCopy(tmp.resolve("controls"));
        String name = "2026-11-21_spec_\u001B[31mred\nline.md";
        String text =
                Projects.hostileSpec()
                        .replace(
                                "## Executive Summary\n",
                                "## Executive Summary\n\nA bell\u0007, an escape \u001B[2J and a"
                                        + " next line \u0085 in the text.\n");
        assertThat(text).contains("\u001B[2J");
        Projects.write(Projects.specs(own).resolve(name), text);
        Path out = tmp.resolve("controls-site");
        SiteGenerator.standard().generate(own, out, Projects.TODAY);
        String all;
        try (var pages = Files.walk(out)) {
            StringBuilder b = new StringBuilder();
            for (Path p : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                b.append(Files.readString(p));
            }
            all = b.toString();
        }
        // nothing raw reaches a page; the text's are seen as their pictures
        assertThat(all).doesNotContain("\u001B", "\u0007", "\u0085");
        assertThat(all).contains("A bell\u2407, an escape \u241B[2J and a next line \uFFFD in");
        assertThat(all).contains("[31mred");
    }

    /**
     * Bidirectional controls ("Trojan Source") in a spec's text and file name are shown as marked
     * escapes, never written raw: a reader sees {@code ⟦U+202E⟧} where the text would have been
     * reordered.
     */
    @Test
    void bidirectionalControlsAreShownAsMarkedEscapesNotWrittenRaw() throws IOException {
        Path own = Projects.fixtureCopy(tmp.resolve("bidi"));
        String[] spec = Projects.bidiSpec();
        Files.delete(Projects.specs(own).resolve("2026-02-16_spec_payout-batch-scheduler.md"));
        Projects.write(Projects.specs(own).resolve(spec[0]), spec[1]);
        Path out = tmp.resolve("bidi-site");
        SiteGenerator.standard().generate(own, out, Projects.TODAY);

        List<Path> pages;
        try (var walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path p : pages) {
            String html = Files.readString(p);
            for (char c : Projects.BIDI.toCharArray()) {
                assertThat(html.indexOf(c)).as(p + " holds U+%04X", (int) c).isNegative();
            }
        }
        Path page;
        try (var s = Files.list(out.resolve("specs"))) {
            page = s.filter(p -> p.getFileName().toString().contains("payout")).findFirst().get();
        }
        Document doc = Jsoup.parse(page.toFile(), "UTF-8", page.toUri().toString());
        assertThat(doc.select("h1").first().text()).endsWith("⟦U+202E⟧evil⟦U+202C⟧");
        assertThat(doc.select("p:contains(Access is checked)").text())
                .isEqualTo(
                        "Access is checked ⟦U+2067⟧if admin⟦U+2069⟧ ⟦U+2066⟧then allow⟦U+2069⟧"
                                + " for is⟦U+202E⟧admin and the ⟦U+202B⟧runbook.");
        assertThat(doc.select("p:contains(Access is checked) code").text())
                .isEqualTo("is⟦U+202E⟧admin");
        assertThat(doc.select("td:contains(user)").text()).isEqualTo("⟦U+202A⟧user⟦U+202C⟧");
        assertThat(doc.select("h3:contains(notes)").text()).isEqualTo("Über ⟦U+202D⟧notes");
        assertThat(doc.select(".item-text").eachText())
                .contains("Create ⟦U+202E⟧feature⟦U+202C⟧ branches");
        Document table = Jsoup.parse(out.resolve("table.html").toFile(), "UTF-8");
        assertThat(table.text()).contains("⟦U+202E⟧evil⟦U+202C⟧");
    }

    /**
     * A site written where specs are looked for is refused before anything is written: inside the
     * spec or tasks folder (the next check and site would find it among the specs), inside the
     * folder of specs named as ROOT, or where a {@code specs:} glob selects the pages themselves
     * (the next check read every page as a spec with 30 findings).
     */
    @Test
    void refusesAnOutputFolderWhereSpecsAreLookedFor() throws IOException {
        Path own = Projects.fixtureCopy(tmp.resolve("inside"));
        Path specs = Projects.specs(own);
        for (Path out :
                List.of(
                        specs.resolve("site"),
                        specs.resolve("site/deeper"),
                        own.resolve("directives/tasks/site"),
                        own.resolve("directives/site"))) {
            assertThatThrownBy(() -> SiteGenerator.standard().generate(own, out, Projects.TODAY))
                    .as(out.toString())
                    .isInstanceOf(DashboardException.class)
                    .hasMessageStartingWith(out + " is inside ")
                    .hasMessageContaining("where specs are looked for")
                    .hasMessageNotContaining("\n");
            assertThat(out).doesNotExist();
        }
        Path inRoot = specs.resolve("site");
        assertThatThrownBy(() -> SiteGenerator.standard().generate(specs, inRoot, Projects.TODAY))
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("where specs are looked for");
        assertThat(inRoot).doesNotExist();
        // beside directives/: written
        SiteGenerator.standard().generate(own, own.resolve("site"), Projects.TODAY);
        assertThat(own.resolve("site/index.html")).isRegularFile();
    }

    @Test
    void refusesAnOutputFolderAConfiguredGlobSelects() throws Exception {
        Path own = Files.createDirectories(tmp.resolve("globbed"));
        Path design = Files.createDirectories(own.resolve("docs/design"));
        String payout = "2026-02-16_spec_payout-batch-scheduler.md";
        Files.copy(Projects.specs(Projects.FIXTURE).resolve(payout), design.resolve(payout));
        Files.writeString(own.resolve(".specgate.yml"), "specs:\r\n  - \"docs/design/**\"\r\n");
        SpecProject opened = SpecProject.open(own, ConfigChoice.nearest());
        Path out = design.resolve("site");

        assertThatThrownBy(() -> SiteGenerator.of(opened).generate(own, out, Projects.TODAY))
                .isInstanceOf(DashboardException.class)
                .hasMessageStartingWith(out + " is where the specs: globs of ")
                .hasMessageContaining("as specs");
        assertThat(out).doesNotExist();
        SiteGenerator.of(opened).generate(own, own.resolve("docs/site"), Projects.TODAY);
        assertThat(own.resolve("docs/site/index.html")).isRegularFile();
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> SiteGenerator.standard().generate(project, busy, Projects.TODAY))
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("not empty");
        assertThat(busy.resolve("index.html")).doesNotExist();
    }

    @Test
    void refusesAProjectWithoutSpecs() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(
                        () ->
                                SiteGenerator.standard()
                                        .generate(empty, tmp.resolve("o"), Projects.TODAY))
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("no specs found");
    }

    @Test
    void countsOfOneAreSingular() throws IOException {
        Path one = Files.createDirectories(Projects.specs(tmp.resolve("one")));
        // 2 warnings (one approval-missing), 1 overdue
        String payout = "2026-02-16_spec_payout-batch-scheduler.md";
        Files.copy(Projects.specs(project).resolve(payout), one.resolve(payout));
        Path out = tmp.resolve("one-site");

        SiteGenerator.standard().generate(tmp.resolve("one"), out, Projects.TODAY);

        Path overview = out.resolve("index.html");
        String tiles =
                Jsoup.parse(overview.toFile(), "UTF-8")
                        .select(".tiles .tile")
                        .eachText()
                        .toString();
        assertThat(tiles)
                .contains("[1 spec,")
                .containsPattern("\\d+ errors in 1 spec,")
                .contains("2 warnings,")
                .contains("1 overdue decision or review]");
        String board =
                Jsoup.parse(out.resolve("board.html").toFile(), "UTF-8")
                        .getElementById("board-count")
                        .text();
        assertThat(board).isEqualTo("1 spec");
        String table =
                Jsoup.parse(out.resolve("table.html").toFile(), "UTF-8")
                        .getElementById("table-count")
                        .text();
        assertThat(table).isEqualTo("1 of 1 spec");
    }
}
