package dev.specgate.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end, in a real browser: {@code java -jar specgate.jar serve} on a free port against a copy
 * of specgate-web's dashboard test fixture (a frozen copy of the demo, plus a hostile spec), driven
 * by headless Chromium through Selenium. Uses Debian's {@code chromium} and {@code
 * chromium-driver}; nothing is downloaded. Skipped when they are not installed ({@code .ci/run}
 * installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServeBrowserIT {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path JAR = Path.of("target", "specgate.jar");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String TODAY = "2026-11-25";

    @TempDir static Path tmp;
    static Path project;
    static Process serve;
    static final List<String> serveOutput = new ArrayList<>();
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Chromium and its driver are not installed"
                        + " (apt-get install chromium chromium-driver)");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        project = copyFixture(tmp.resolve("project"));
        Files.writeString(
                project.resolve("directives/spec/2026-11-20_spec_hostile.md"), hostileSpec());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        serve =
                specgate(
                                "serve",
                                project.toString(),
                                "--port",
                                String.valueOf(port),
                                "--today",
                                TODAY)
                        .redirectErrorStream(true)
                        .start();
        base = "http://127.0.0.1:" + port + "/";
        awaitLine(serve, "Serving", Duration.ofSeconds(60));
        browser = new ChromeDriver(options());
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

    static ChromeOptions options() throws IOException {
        return options(tmp);
    }

    /** Headless Chromium's options, with a new profile under {@code profiles}. */
    static ChromeOptions options(Path profiles) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium-profile"));
        return options;
    }

    static ProcessBuilder specgate(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Reads the process's output until a line starts with {@code prefix}; keeps reading after. */
    static void awaitLine(Process p, String prefix, Duration limit) throws Exception {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    p.getInputStream(), StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    synchronized (serveOutput) {
                                        serveOutput.add(line);
                                    }
                                    if (line.startsWith(prefix)) {
                                        seen.complete(null);
                                    }
                                }
                                seen.completeExceptionally(
                                        new AssertionError("serve ended: " + serveOutput));
                            } catch (IOException e) {
                                seen.completeExceptionally(e);
                            }
                        },
                        "serve-output");
        reader.setDaemon(true);
        reader.start();
        seen.get(limit.toSeconds(), TimeUnit.SECONDS);
    }

    WebDriverWait waiting() {
        // the board and the table are redrawn when the server reports a change: an element found
        // before a redraw is stale after it, and the condition is simply tried again
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    /**
     * The card titles of a board column, read in one script so that a redraw of the board between
     * finding the cards and reading them cannot leave a stale element.
     */
    List<String> cardTitles(String column) {
        Object titles =
                js(
                        "return Array.from(document.querySelectorAll('#col-"
                                + column
                                + " .card h3')).map(e => e.innerText.trim())");
        return ((List<?>) titles).stream().map(String::valueOf).toList();
    }

    @Test
    @Order(1)
    void boardShowsACardPerSpecInItsStatusColumn() throws IOException {
        browser.get(base + "board.html");
        assertThat(browser.findElements(By.cssSelector(".column h2")))
                .extracting(h -> h.getText().replaceAll("\\s+", " "))
                .containsExactly(
                        "Draft 1", "Review 2", "Approved 1", "Implementation 1", "Other 1");
        assertThat(cardTitles("draft")).containsExactly("Automatic SMS Provider Failover");
        assertThat(cardTitles("review"))
                .containsExactlyInAnyOrder(
                        "Resumable Ledger Export Uploads over SFTP",
                        "Idempotency Keys for the Refunds API");
        assertThat(cardTitles("approved"))
                .containsExactly("Time-Zone Aware Payout Batch Scheduler");
        assertThat(cardTitles("implementation"))
                .containsExactly("Webhook Retries with Exponential Backoff and Jitter");
        WebElement approved = browser.findElement(By.cssSelector("#col-approved .card"));
        assertThat(approved.getText())
                // 2 warnings: its own, and approval-missing (Approved with no approval record);
                // 6 errors: its own five and decision-open (Approved with a decision open)
                .contains("Architecture Change", "15/41", "6 errors", "2 warnings")
                .contains("1 overdue decision", "Next review: 2026-12-14");
        assertThat(browser.findElement(By.id("live-status")).getText()).isEqualTo("live");
        screenshot("board.png");
    }

    @Test
    @Order(2)
    void aFilterNarrowsTheTable() throws IOException {
        browser.get(base + "table.html");
        List<WebElement> rows = browser.findElements(By.cssSelector("#specs tbody tr"));
        assertThat(rows).hasSize(6);
        browser.findElement(By.id("table-filter")).sendKeys("webhook");
        waiting().until(d -> visibleRows().size() == 1);
        assertThat(visibleRows().get(0).getText())
                .contains("Webhook Retries with Exponential Backoff and Jitter");
        assertThat(browser.findElement(By.id("table-count")).getText()).isEqualTo("1 of 6 specs");
        browser.findElement(By.id("table-filter")).clear();
        browser.findElement(By.id("table-filter")).sendKeys(" ");
        new Select(browser.findElement(By.id("table-status"))).selectByVisibleText("Review");
        waiting().until(d -> visibleRows().size() == 2);
        browser.findElement(By.cssSelector("#specs th:nth-child(5) button")).click();
        waiting()
                .until(
                        d ->
                                "ascending"
                                        .equals(
                                                d.findElement(
                                                                By.cssSelector(
                                                                        "#specs th:nth-child(5)"))
                                                        .getAttribute("aria-sort")));
        assertThat(visibleRows().get(0).getText()).contains("Idempotency Keys");
        screenshot("table-filtered.png");
    }

    List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#specs tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    @Test
    @Order(3)
    void aSavedChangeAppearsWithoutAReload() throws IOException {
        browser.get(base + "board.html");
        waiting().until(d -> Long.valueOf(1).equals(js("return 1")));
        js("window.__samePage = 'yes'");
        Path spec = project.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        Files.writeString(
                spec,
                text.replace(
                                "# Technical Specification: Idempotency Keys for the Refunds API",
                                "# Technical Specification: Idempotency Keys for Refunds, Revised")
                        .replace("**Type:** Feature", "**Type:** Security Enhancement")
                        .replace("**Document Status:** Review", "**Document Status:** Approved"),
                StandardCharsets.UTF_8);
        waiting()
                .until(
                        d ->
                                cardTitles("approved")
                                        .contains("Idempotency Keys for Refunds, Revised"));
        assertThat(cardTitles("review"))
                .containsExactly("Resumable Ledger Export Uploads over SFTP");
        assertThat(js("return window.__samePage")).as("the page was not reloaded").isEqualTo("yes");
        screenshot("board-after-save.png");
    }

    @Test
    @Order(4)
    void aHostileSpecRendersInert() throws IOException {
        browser.get(base + "specs/2026-11-20_spec_hostile.html");
        waiting().until(d -> !d.findElements(By.id("spec-title")).isEmpty());
        assertThat(browser.findElement(By.id("spec-title")).getText()).contains("<script>");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.id("spec-body")))
                .perform();
        for (WebElement e : browser.findElements(By.cssSelector("#spec-body a, #spec-body span"))) {
            if (e.isDisplayed()) {
                new org.openqa.selenium.interactions.Actions(browser).moveToElement(e).perform();
            }
        }
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(js("return document.scripts.length")).isEqualTo(1L);
        assertThat(js("return document.querySelectorAll('img, iframe, style').length"))
                .isEqualTo(0L);
        assertThat(
                        js(
                                "return Array.from(document.querySelectorAll('*')).filter(e =>"
                                        + " Array.from(e.attributes).some(a =>"
                                        + " a.name.startsWith('on'))).length"))
                .isEqualTo(0L);
        boolean alert;
        try {
            browser.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).isFalse();
        screenshot("hostile-spec.png");
    }

    @Test
    @Order(5)
    void theStaticSiteWorksFromDiskWithItsScript() throws Exception {
        Path site = tmp.resolve("site");
        Process p =
                specgate("site", project.toString(), "--out", site.toString(), "--today", TODAY)
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        browser.get(site.resolve("table.html").toUri().toString());
        browser.findElement(By.id("table-filter")).sendKeys("payout");
        waiting().until(d -> visibleRows().size() == 1);
        browser.get(
                site.resolve("specs/2026-02-16_spec_payout-batch-scheduler.html")
                        .toUri()
                        .toString());
        // 6 errors (decision-open one of them), its warning and approval-missing
        assertThat(browser.findElements(By.cssSelector("#diagnostics ol.diags li"))).hasSize(8);
        browser.findElement(By.cssSelector("#diagnostics ol.diags li a")).click();
        assertThat(browser.getCurrentUrl()).contains("#d3-11-field-file");
        screenshot("site-spec-page.png");
    }

    @Test
    @Order(6)
    void aSpecDeletedWhileItsPageIsOpenIsSaidGoneOnceNotAtEachLaterChange() throws Exception {
        browser.get(base + "specs/2026-10-14_spec_webhook-retry-backoff.html");
        waiting().until(d -> "live".equals(d.findElement(By.id("live-status")).getText()));
        // counts the answers the page's live reload gets
        js(
                "window.__answers = 0; const f = window.fetch; window.fetch = function () {"
                        + " return f.apply(this, arguments).then(r => { window.__answers++;"
                        + " return r; }); };");
        Files.delete(project.resolve("directives/spec/2026-10-14_spec_webhook-retry-backoff.md"));
        waiting().until(d -> !d.findElements(By.cssSelector("#main .banner")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#main .banner")).getText())
                .isEqualTo("This spec is gone: its file was deleted or renamed.");
        Path other = project.resolve("directives/spec/2026-07-21_spec_ledger-export-sftp.md");
        for (int i = 1; i <= 2; i++) {
            Files.writeString(
                    other,
                    Files.readString(other, StandardCharsets.UTF_8) + "\nEdited " + i + ".\n",
                    StandardCharsets.UTF_8);
            long answers = i + 1;
            waiting().until(d -> ((Number) js("return window.__answers")).longValue() >= answers);
        }
        waiting().until(d -> "complete".equals(js("return document.readyState")));
        assertThat(browser.findElements(By.cssSelector("#main .banner"))).hasSize(1);
        screenshot("spec-gone.png");
    }

    /**
     * Copies the dashboard fixture that specgate-web's tests use: this test pins the same cards,
     * badges and diagnostics, and a change to the demo must not break it.
     */
    static Path copyFixture(Path target) {
        Path fixture =
                Path.of("..", "specgate-web", "src", "test", "resources", "dashboard-fixture");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static String hostileSpec() {
        return String.join(
                "\n",
                "# Technical Specification: Evil <script>window.__pwned=1</script>"
                        + " \"><img src=x onerror=window.__pwned=2>",
                "",
                "**File:** `../directives/spec/2026-11-20_spec_hostile.md`",
                "**Created:** 2026-11-20",
                "**Type:** Security Enhancement\" onmouseover=\"window.__pwned=3",
                "",
                "## Executive Summary",
                "<script>window.__pwned = 4</script>",
                "",
                "<img src=\"x\" onerror=\"window.__pwned=5\">",
                "",
                "Click [here](javascript:window.__pwned=6) or [data](data:text/html,x).",
                "",
                "A [quote](https://example.invalid/\"onmouseover=\"window.__pwned=9) and"
                        + " ![pic\" onerror=\"window.__pwned=10](javascript:window.__pwned=11).",
                "",
                "<a href=\"javascript:window.__pwned=12\" onclick=\"window.__pwned=13\">raw</a>",
                "",
                "---",
                "",
                "**Document Status:** Review\"><script>window.__pwned=16</script>",
                "**Next Review:** 2026-12-20",
                "");
    }
}
