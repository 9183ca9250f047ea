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
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on {@code specgate serve} over a git repository made with JGit: a spec's page
 * shows its status timeline and its approval turning stale after an edit, and the overview counts
 * that approval in its week with the moves to Approved made by hand listed apart (one followed to
 * its flagged timeline row), as ServeBrowserIT drives the rest of the dashboard.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ApprovalTimelineBrowserIT {

    private static final String SPEC = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";
    private static final String REFUND =
            "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";

    @TempDir Path tmp;

    private static void commit(Git git, String author, String day) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who =
                new PersonIdent(
                        author,
                        "dev@example.com",
                        Instant.parse(day + "T10:00:00Z"),
                        ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setMessage(author).setSign(false).call();
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aSpecPageShowsItsTimelineAndAStaleApproval() throws Exception {
        assumeTrue(
                Files.isExecutable(ServeBrowserIT.CHROMEDRIVER)
                        && Files.isExecutable(ServeBrowserIT.CHROMIUM),
                "Chromium and its driver are not installed");
        Path project = ServeBrowserIT.copyFixture(tmp.resolve("project"));
        Path spec = project.resolve(SPEC);
        // back under review, without the fixture's approval
        Files.writeString(
                spec,
                Files.readString(spec, StandardCharsets.UTF_8)
                        .replaceAll("(?m)^\\*\\*Approval:\\*\\*.*\n", ""),
                StandardCharsets.UTF_8);
        // (its decisions and questions are all ticked: the Approved gate passes)
        replace(spec, "**Document Status:** Implementation", "**Document Status:** Review");
        Path jar = ServeBrowserIT.JAR.toAbsolutePath();
        WebDriver browser = null;
        Process serve = null;
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            commit(git, "Priya Raman", "2026-10-20");
            assertThat(
                            new ProcessBuilder(
                                            Path.of(System.getProperty("java.home"), "bin", "java")
                                                    .toString(),
                                            "-jar",
                                            jar.toString(),
                                            "approve",
                                            SPEC,
                                            "--by",
                                            "Ana Ruiz",
                                            "--today",
                                            "2026-11-02")
                                    .directory(project.toFile())
                                    .inheritIO()
                                    .start()
                                    .waitFor())
                    .isZero();
            commit(git, "Ana Ruiz", "2026-11-02");
            // another spec moved to Approved by editing its status: a hand move, not counted
            replace(
                    project.resolve(REFUND),
                    "**Document Status:** Review",
                    "**Document Status:** Approved");
            commit(git, "Sam Okafor", "2026-11-10");
            replace(spec, "up to 20 times", "up to 25 times");
            commit(git, "Tomasz Nowak", "2026-11-18");

            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            serve =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-jar",
                                    jar.toString(),
                                    "serve",
                                    project.toString(),
                                    "--port",
                                    String.valueOf(port),
                                    "--today",
                                    "2026-11-25")
                            .redirectErrorStream(true)
                            .start();
            ServeBrowserIT.awaitLine(serve, "Serving", Duration.ofSeconds(60));
            System.setProperty("webdriver.chrome.driver", ServeBrowserIT.CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(ServeBrowserIT.CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--window-size=1400,1000",
                    "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile"));
            browser = new ChromeDriver(options);
            browser.get(
                    "http://127.0.0.1:"
                            + port
                            + "/specs/2026-10-14_spec_webhook-retry-backoff.html");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(
                    d -> !d.findElements(By.cssSelector("#history .status-timeline li")).isEmpty());
            List<String> moves =
                    browser.findElements(By.cssSelector("#history .status-timeline li")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertThat(moves).hasSize(2);
            assertThat(moves.get(0))
                    .startsWith("2026-10-20")
                    .contains("Review")
                    .contains("Priya Raman");
            assertThat(moves.get(1))
                    .startsWith("2026-11-02")
                    .contains("Review → Approved")
                    .contains("Ana Ruiz");
            assertThat(browser.findElement(By.cssSelector("#approval .approval-state")).getText())
                    .isEqualTo("Stale");
            assertThat(browser.findElement(By.cssSelector("#approval .approval-why")).getText())
                    .contains("Executive Summary");
            assertThat(browser.findElement(By.cssSelector("#history svg.burnup")).isDisplayed())
                    .isTrue();
            assertThat(browser.findElements(By.cssSelector("#history li.hand-move"))).isEmpty();

            // the overview: the approval counted in its week, the hand moves apart, not counted
            browser.get("http://127.0.0.1:" + port + "/");
            wait.until(d -> !d.findElements(By.cssSelector("#week-list tr")).isEmpty());
            assertThat(
                            browser.findElements(By.cssSelector("#week-list tr")).stream()
                                    .map(WebElement::getText)
                                    .toList())
                    .containsExactly("2026-W45 1");
            List<String> hand =
                    browser.findElements(By.cssSelector("#hand-moves tbody tr")).stream()
                            .map(WebElement::getText)
                            .toList();
            // the payout spec, first committed as Approved with no record, and the refund spec
            assertThat(hand).hasSize(2);
            assertThat(hand.get(1)).startsWith("2026-11-10").contains("Review → Approved");
            browser.findElement(By.cssSelector("#hand-moves tbody tr:nth-child(2) a")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#history li.hand-move")).isEmpty());
            WebElement flagged = browser.findElement(By.cssSelector("#history li.hand-move"));
            assertThat(flagged.isDisplayed()).isTrue();
            assertThat(flagged.getText())
                    .contains("Sam Okafor")
                    .contains("moved by hand: no approval recorded in this commit");
        } finally {
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
    }
}
