package dev.specgate.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard at a phone's width (375 CSS px) and at a laptop's (1280), in headless Chromium, for
 * both {@code site}'s files (from {@code file://}) and {@code serve}'s pages, on the dashboard
 * fixture in a git repository (so that a spec page has its status timeline and the overview its
 * hand moves) with a spec that holds what widens a page: a long unbroken value, a table of seven
 * columns, a long URL in code, a long line of code, and a long path (a folder and a long file
 * name), plus ServeBrowserIT's hostile spec (a long type, title and status).
 *
 * <p>The width is set by Chrome's device metrics ({@code Emulation.setDeviceMetricsOverride}, a
 * phone: the page's {@code <meta name="viewport">} applies and scrollbars overlay), not by the
 * window: headless Chromium keeps its window at least 500 px wide ({@code --window-size=375,800}
 * lays the page out at 500, and {@code setSize(375, 800)} reports an {@code innerWidth} of 375 with
 * an {@code outerWidth} of 500 and a page 360 wide beside its 15 px scrollbar). A page fits when
 * {@code document.scrollingElement.scrollWidth <= clientWidth}: never compare with {@code
 * innerWidth}, which holds the scrollbar (a page that fits measures 15 px narrower) and which a
 * phone's viewport widens to the content (a page 141 px too wide measures as wide as it).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PhoneWidthBrowserIT {

    static final String SMS = "2026-11-18_spec_sms-provider-failover";
    static final String WIDE =
            "directives/spec/payments-platform-team/" + SMS + "-with-messagebird-as-fallback.md";
    static final String WIDE_PAGE =
            "specs/payments-platform-team--" + SMS + "-with-messagebird-as-fallback.html";
    static final String HOSTILE_PAGE = "specs/2026-11-20_spec_hostile.html";
    static final List<String> PAGES =
            List.of(
                    "index.html",
                    "board.html",
                    "table.html",
                    "timeline.html",
                    WIDE_PAGE,
                    HOSTILE_PAGE);

    @TempDir static Path tmp;
    static Path project;
    static Process serve;
    static ChromeDriver browser;
    static String served;
    static String site;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(ServeBrowserIT.CHROMEDRIVER)
                        && Files.isExecutable(ServeBrowserIT.CHROMIUM),
                "Chromium and its driver are not installed");
        project = ServeBrowserIT.copyFixture(tmp.resolve("project"));
        Path sms = project.resolve("directives/spec/" + SMS + ".md");
        Files.writeString(
                project.resolve("directives/spec/2026-11-20_spec_hostile.md"),
                ServeBrowserIT.hostileSpec());
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-11-18");
            String text = Files.readString(sms, StandardCharsets.UTF_8);
            assertThat(text).contains("## Proposed Solution", "**Document Status:** Draft");
            Files.writeString(
                    sms,
                    text.replace("## Proposed Solution", wideThings() + "\n## Proposed Solution")
                            .replace("**Document Status:** Draft", "**Document Status:** Review"),
                    StandardCharsets.UTF_8);
            commit(git, "Ana Ruiz-Fernández de la Peña y Montenegro", "2026-11-20");
            // moved, in a commit of its own (the history follows it): a long path
            Path wide = project.resolve(WIDE);
            Files.createDirectories(wide.getParent());
            Files.move(sms, wide);
            commit(git, "Priya Raman", "2026-11-21");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        serve =
                ServeBrowserIT.specgate(
                                "serve",
                                project.toString(),
                                "--port",
                                String.valueOf(port),
                                "--today",
                                ServeBrowserIT.TODAY)
                        .redirectErrorStream(true)
                        .start();
        Path out = tmp.resolve("site");
        Process p =
                ServeBrowserIT.specgate(
                                "site",
                                project.toString(),
                                "--out",
                                out.toString(),
                                "--today",
                                ServeBrowserIT.TODAY)
                        .redirectErrorStream(true)
                        .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        site = out.toUri().toString();
        served = "http://127.0.0.1:" + port + "/";
        ServeBrowserIT.awaitLine(serve, "Serving", Duration.ofSeconds(60));
        browser = new ChromeDriver(ServeBrowserIT.options(tmp));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static void commit(Git git, String author, String day) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(author).setSign(false).call();
    }

    /** What widens a page, as a spec may hold it. */
    static String wideThings() {
        return String.join(
                "\n",
                "### Provider routing",
                "",
                "Receipts arrive at `https://notify-gateway.internal.example.com/internal/sms/"
                        + "providers/messagebird/status-callbacks/v2/eu-west-1/receipts"
                        + "?signature=required&retry=exponential`.",
                "",
                "Signing key id: " + "9f2c4e7a1b3d5f60".repeat(8),
                "",
                "| Country | Primary provider | Secondary provider | Failover threshold (p95 ms)"
                        + " | Receipt rate floor | Manual override owner | Notes |",
                "|---|---|---|---|---|---|---|",
                "| DE | Twilio | MessageBird | 1500 | 97 % | payments-oncall@example.com"
                        + " | Checked weekly against the carrier's published delivery report |",
                "| NL | MessageBird | Twilio | 1200 | 98 % | payments-oncall@example.com"
                        + " | `messagebird-eu-west-1-primary-pool-configuration-key` |",
                "",
                "```sh",
                "curl -X POST https://notify-gateway.internal.example.com/internal/sms"
                        + " -H 'Content-Type: application/json'"
                        + " -d '{\"to\":\"+4915112345678\",\"body\":\"Your code is 123456\"}'",
                "```",
                "",
                "> The verifier: `src/core/sms-failover/providers/messagebird/"
                        + "MessageBirdDeliveryReceiptCallbackSignatureVerifier.java`",
                "");
    }

    /** Lays pages out {@code width} CSS px wide, as a phone's screen or a laptop's window. */
    static void width(int width, boolean phone) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        phone ? 800 : 900,
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        phone));
    }

    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    static void open(String url) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(js("return document.readyState")));
    }

    static void screenshot(String name) throws Exception {
        Files.createDirectories(ServeBrowserIT.SCREENSHOTS);
        Files.write(
                ServeBrowserIT.SCREENSHOTS.resolve(name),
                browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * What reaches past the page's right edge: the page itself when it scrolls sideways, and each
     * element whose right edge is beyond the viewport, unless a box that scrolls or clips it (a
     * table's, a code block's, the timeline's) holds it.
     */
    static List<String> overflow() {
        Object found =
                js(
                        """
                        const page = document.scrollingElement, edge = page.clientWidth;
                        const out = [];
                        if (page.scrollWidth > edge) {
                          out.push('the page is ' + page.scrollWidth + ' px wide in ' + edge);
                        }
                        const held = e => {
                          for (let a = e.parentElement; a && a !== document.body;
                               a = a.parentElement) {
                            if (getComputedStyle(a).overflowX !== 'visible') return true;
                          }
                          return false;
                        };
                        for (const e of document.body.querySelectorAll('*')) {
                          const r = e.getBoundingClientRect();
                          if (r.width > 0 && r.right > edge + 0.5 && !held(e)) {
                            out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (e.className && e.className.baseVal === undefined
                                  ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                              + ' ends at ' + Math.round(r.right) + ': '
                              + e.textContent.trim().slice(0, 40));
                          }
                        }
                        return out;
                        """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /**
     * The words of the tables' cells that are split over two lines ("Sched" / "uler"): a word of
     * letters up to 20 long, between spaces (or quotes, brackets, punctuation), always fits a
     * column, which widens to it or scrolls in its box. A longer unbroken text (a hostile type,
     * {@code window.__pwned=3}) may break where it must.
     */
    static List<String> splitWords() {
        Object found =
                js(
                        """
                        const out = [];
                        const cells = document.querySelectorAll(
                          'table.list td, table.list th, table.tally th, table.specs td,'
                          + ' .markdown td, .markdown th');
                        for (const cell of cells) {
                          const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                          for (let t = walk.nextNode(); t; t = walk.nextNode()) {
                            const words = /(?<=^|[\\s("'])\\p{L}{2,20}(?=$|[\\s,.;:!?)"'])/gu;
                            for (const m of t.data.matchAll(words)) {
                              const range = document.createRange();
                              range.setStart(t, m.index);
                              range.setEnd(t, m.index + m[0].length);
                              const tops = new Set(Array.from(range.getClientRects(),
                                r => Math.round(r.top)));
                              if (tops.size > 1) out.push(m[0]);
                            }
                          }
                        }
                        return out;
                        """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /**
     * Not of a phone's width, but found while measuring it: each served page left for another kept
     * its live stream open in the back/forward cache, and with six of them (a browser's most
     * connections to one server) the next page waited for a connection, 30 s and more.
     */
    @Test
    void servedPagesLoadOneAfterAnotherAndComeBackLive() throws Exception {
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
        try {
            for (int i = 0; i < 5; i++) {
                for (String page : List.of("index.html", "board.html", WIDE_PAGE)) {
                    open(served + page); // a TimeoutException when no connection is left
                }
            }
            // back to the board, kept as it was (the cache holds it): it follows changes again
            open(served + "board.html");
            js("window.__kept = 'yes'");
            open(served + "table.html");
            browser.navigate().back();
            assertThat(js("return window.__kept"))
                    .as("restored, not loaded again")
                    .isEqualTo("yes");
            Path wide = project.resolve(WIDE);
            Files.writeString(
                    wide,
                    Files.readString(wide, StandardCharsets.UTF_8)
                            .replace(
                                    "# Technical Specification: Automatic SMS Provider Failover",
                                    "# Technical Specification: SMS Provider Failover, Revised"),
                    StandardCharsets.UTF_8);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(
                            d ->
                                    d.findElements(By.cssSelector(".card h3")).stream()
                                            .anyMatch(h -> h.getText().endsWith("Revised")));
        } finally {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
    }

    @Test
    void everyPageFitsAPhonesWidthFromSiteAndServe() throws Exception {
        width(375, true);
        for (String base : List.of(site, served)) {
            for (String page : PAGES) {
                open(base + page);
                assertThat(js("return document.scrollingElement.clientWidth"))
                        .as("a phone's width")
                        .isEqualTo(375L);
                assertThat(overflow()).as("%s%s at 375 px", base, page).isEmpty();
            }
        }
        screenshot("phone-spec-page.png");
    }

    @Test
    void tablesKeepTheirWordsWholeOnAPhoneAndOnALaptop() throws Exception {
        for (int w : new int[] {375, 1280}) {
            width(w, w < 500);
            for (String page : List.of("index.html", WIDE_PAGE)) {
                open(served + page);
                assertThat(splitWords()).as("%s at %d px", page, w).isEmpty();
            }
        }
        width(375, true);
        open(served + "index.html");
        screenshot("phone-overview.png");
    }

    /**
     * The cells of the tables' rows that a phone does not show without scrolling sideways (they
     * start or end past the screen's edge, in their table's scroll box), each with its column's
     * label.
     */
    static List<String> cellsOffScreen() {
        Object found =
                js(
                        """
                        const edge = document.scrollingElement.clientWidth, out = [];
                        for (const td of document.querySelectorAll(
                            'table.list tbody td, table.specs tbody td')) {
                          const r = td.getBoundingClientRect();
                          if (r.width > 0 && (r.left < -0.5 || r.right > edge + 0.5)) {
                            out.push((td.dataset.label || 'title') + ' at ' + Math.round(r.left)
                              + '..' + Math.round(r.right) + ': ' + td.textContent.trim()
                                .slice(0, 30));
                          }
                        }
                        return out;
                        """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /**
     * A table's every column is read on a phone without scrolling it sideways: each row a card, a
     * line per column named by its label (the spec table's nine columns showed two, the rest
     * off-screen in its scroll box). On a laptop the rows stay a table.
     */
    @Test
    void everyColumnOfATableIsOnAPhonesScreen() throws Exception {
        width(375, true);
        for (String page : List.of("table.html", "index.html")) {
            open(served + page);
            assertThat(js("return document.querySelectorAll('table.list, table.specs').length"))
                    .as(page)
                    .isNotEqualTo(0L);
            assertThat(cellsOffScreen()).as("%s at 375 px", page).isEmpty();
        }
        open(served + "table.html");
        assertThat(
                        js(
                                "return getComputedStyle(document.querySelector("
                                        + "'#specs tbody td[data-label=Errors]'),"
                                        + " '::before').content"))
                .as("each line says its column")
                .isEqualTo("\"Errors\"");
        // sorting still works from the header's buttons, shown as a row of them
        browser.findElement(By.cssSelector("#specs thead th:nth-child(5) button")).click();
        assertThat(
                        browser.findElement(By.cssSelector("#specs thead th:nth-child(5)"))
                                .getAttribute("aria-sort"))
                .isEqualTo("ascending");
        screenshot("phone-table.png");
        // a label of two lines beside a value of one lengthens its line, never overlapping the
        // next (the overview's "Changed since approval" over "Status")
        Object heights =
                js(
                        """
                        const row = document.querySelector('#specs tbody tr');
                        const long = row.querySelector('td[data-label=Warnings]');
                        const short = row.querySelector('td[data-label=Overdue]');
                        long.textContent = '1';
                        short.textContent = '1';
                        long.dataset.label = 'Changed since approval';
                        return [long.getBoundingClientRect().height,
                                short.getBoundingClientRect().height];
                        """);
        List<?> h = (List<?>) heights;
        assertThat(((Number) h.get(0)).doubleValue())
                .as("a two-line label's cell beside a one-line label's (%s px)", h.get(1))
                .isGreaterThan(((Number) h.get(1)).doubleValue() * 1.5);
        width(1280, false);
        open(served + "table.html");
        assertThat(js("return getComputedStyle(document.querySelector('#specs thead')).display"))
                .isEqualTo("table-header-group");
        assertThat(js("return getComputedStyle(document.querySelector('#specs tbody td')).display"))
                .isEqualTo("table-cell");
    }

    /**
     * The timeline's bars show on a phone beside the spec's name, which stays as they scroll under
     * it: the name took 320 of the box's 333 px, the bars a sliver.
     */
    @Test
    void theTimelinesBarsShowBesideTheNamesOnAPhone() throws Exception {
        width(375, true);
        open(served + "timeline.html");
        Object widths =
                js(
                        """
                        const box = document.querySelector('.timeline');
                        const label = document.querySelector('.tl-row[data-path] .tl-label');
                        return [label.getBoundingClientRect().width, box.clientWidth];
                        """);
        List<?> w = (List<?>) widths;
        double label = ((Number) w.get(0)).doubleValue();
        double box = ((Number) w.get(1)).doubleValue();
        assertThat(label)
                .as("the name's width in a box %s px wide", box)
                .isLessThanOrEqualTo(box / 2);
        screenshot("phone-timeline.png");
        width(1280, false);
        open(served + "timeline.html");
        assertThat(
                        ((Number)
                                        js(
                                                "return document.querySelector('.tl-row[data-path]"
                                                        + " .tl-label').getBoundingClientRect().width"))
                                .doubleValue())
                .as("a laptop's name column")
                .isGreaterThanOrEqualTo(280);
    }

    @Test
    void aSpecPagesSidePanelIsWholeUnderTheSpecOnAPhone() throws Exception {
        width(375, true);
        open(served + WIDE_PAGE);
        // the history and the checklist were in a box one screen high, scrolled apart from the page
        assertThat(
                        js(
                                "const s = document.querySelector('.side'); return s.scrollHeight - s.clientHeight"))
                .isEqualTo(0L);
        js("document.querySelector('#history').scrollIntoView()");
        assertThat(
                        js(
                                "const h = document.querySelector('#history .status-timeline');"
                                        + " const r = h.getBoundingClientRect();"
                                        + " return document.elementFromPoint(r.left + 5, r.top + 5)"
                                        + " .closest('.status-timeline') === h"))
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#history .status-timeline li")))
                .extracting(e -> e.getText())
                .hasSize(2)
                .last()
                .asString()
                .contains("Draft → Review", "Ana Ruiz-Fernández");
        screenshot("phone-side-panel.png");
    }

    @Test
    void aDiagnosticsLinkShowsItsNoteBelowTheHeaderOnAPhone() throws Exception {
        width(375, true);
        open(served + WIDE_PAGE);
        List<org.openqa.selenium.WebElement> links =
                browser.findElements(By.cssSelector("#diagnostics ol.diags li a"));
        assertThat(links).hasSizeGreaterThan(2);
        String target = links.get(2).getAttribute("href").replaceAll(".*#", "");
        js("document.querySelector('#diagnostics ol.diags li:nth-child(3) a').click()");
        Object seen =
                js(
                        "const n = document.getElementById('"
                                + target
                                + "').getBoundingClientRect();"
                                + " const h = document.querySelector('header.top')"
                                + ".getBoundingClientRect();"
                                + " return [Math.round(n.top), Math.round(h.bottom)]");
        List<?> tops = (List<?>) seen;
        assertThat(((Number) tops.get(0)).longValue())
                .as("the note's top, under a header that ends at %s", tops.get(1))
                .isGreaterThanOrEqualTo(Math.max(0, ((Number) tops.get(1)).longValue()));
        screenshot("phone-note.png");
    }
}
