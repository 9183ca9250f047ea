package dev.specgate.cli.web;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code site} and {@code serve} on the command line: output, files and exit codes. */
class WebCommandsTest {

    private static final Path DEMO = Path.of("..", "examples", "demo");
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String BROKEN = "2026-10-03_spec_broken-type.md";
    private static final String IGNORED = "2026-10-04_spec_ignored.md";

    @TempDir Path tmp;

    @Test
    void siteWritesTheDemoDashboard() throws Exception {
        // the counts are the demo's as check sees them, whatever the demo holds
        JsonNode summary = checkSummary(DEMO.toString());
        int specs = summary.get("files").asInt();
        assertThat(specs).isPositive();
        Path out = tmp.resolve("site");
        CliRun run =
                CliRun.of(
                        "site", DEMO.toString(), "--out", out.toString(), "--today", "2026-11-25");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(pagesLine(specs) + " to " + out)
                .contains(
                        "("
                                + summary.get("errors").asInt()
                                + " errors, "
                                + summary.get("warnings").asInt()
                                + " warnings)")
                .contains("Open " + out.resolve("index.html"));
        assertThat(run.err()).isEmpty();
        Document board = Jsoup.parse(out.resolve("board.html").toFile(), "UTF-8");
        assertThat(board.select(".card")).hasSize(specs);
        assertThat(board.select("body").attr("data-live")).isEmpty();
        assertThat(out.resolve("index.json")).isRegularFile();
    }

    @Test
    void siteTotalsCountTheTaskListsFindingsAsCheckDoes() throws Exception {
        // the demo with a task list made by `tasks`, two of its ids broken: check counts the task
        // list's errors, so the site's line and its overview count them too and say where they are
        Path project = tmp.resolve("demo");
        copy(DEMO, project);
        CliRun tasks =
                CliRun.of(
                        "tasks",
                        "--today",
                        "2026-11-25",
                        project.resolve(
                                        "directives/spec/2026-11-09_spec_refund-idempotency-keys.md")
                                .toString());
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path taskList =
                project.resolve("directives/tasks/2026-11-25_task_refund-idempotency-keys.md");
        String text = Files.readString(taskList);
        assertThat(text).contains("  - [ ] 1.2 ", "  - [x] 2.1 ");
        Files.writeString(
                taskList,
                text.replace("  - [ ] 1.2 ", "  - [ ] 1.5 ")
                        .replace("  - [x] 2.1 ", "  - [x] 2.7 "));
        JsonNode all = checkSummary(project.toString());
        JsonNode specsOnly = checkSummary(project.resolve("directives/spec").toString());
        long errors = all.get("errors").asLong();
        long inTaskList = errors - specsOnly.get("errors").asLong();
        assertThat(inTaskList).isEqualTo(4); // each broken id and the one after it
        long warnings = all.get("warnings").asLong();
        assertThat(warnings).isEqualTo(specsOnly.get("warnings").asLong());

        Path out = tmp.resolve("site");
        CliRun run =
                CliRun.of(
                        "site",
                        project.toString(),
                        "--out",
                        out.toString(),
                        "--today",
                        "2026-11-25");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(pagesLine(specsOnly.get("files").asInt()) + " to " + out)
                .contains(
                        "("
                                + errors
                                + " errors ("
                                + inTaskList
                                + " in task lists, not shown), "
                                + warnings
                                + " warnings).");
        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(overview.select("#count-errors").text()).isEqualTo(String.valueOf(errors));
        assertThat(overview.select("#errors-split").text())
                .isEqualTo(
                        ": "
                                + (errors - inTaskList)
                                + " in 3 specs, "
                                + inTaskList
                                + " in task lists (not shown)");
        assertThat(overview.select("#count-warnings").text()).isEqualTo(String.valueOf(warnings));
        assertThat(overview.select("#warnings-split")).isEmpty();
        JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
        assertThat(index.get("summary").get("errors").asLong()).isEqualTo(errors - inTaskList);
        assertThat(index.get("summary").get("taskLists").get("files").asInt()).isEqualTo(1);
        assertThat(index.get("summary").get("taskLists").get("errors").asLong())
                .isEqualTo(inTaskList);
    }

    /** A copy of the folder {@code from} at {@code to}. */
    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void siteFollowsTheProjectsConfiguration() throws Exception {
        Path project = tmp.resolve("project");
        writeSpec(project, CLEAN, cleanSpec());
        writeSpec(
                project,
                BROKEN,
                cleanSpec()
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]"));
        writeSpec(project, IGNORED, cleanSpec());
        Files.writeString(
                project.resolve(".specgate.yml"),
                "ignore:\n  - directives/spec/" + IGNORED + "\nrules:\n  field-value: off\n");
        Path out = tmp.resolve("site");
        CliRun run =
                CliRun.of(
                        "site",
                        project.toString(),
                        "--out",
                        out.toString(),
                        "--today",
                        "2026-11-25");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(pagesLine(2)).contains("(2 errors, 1 warning).");
        assertThat(out.resolve("specs/" + IGNORED.replace(".md", ".html"))).doesNotExist();
        Document broken =
                Jsoup.parse(
                        out.resolve("specs/" + BROKEN.replace(".md", ".html")).toFile(), "UTF-8");
        assertThat(broken.select("#diagnostics code.rule").eachText())
                .doesNotContain("field-value")
                .contains("placeholder-template");

        Path all = tmp.resolve("all");
        CliRun ignored =
                CliRun.of("site", project.toString(), "--no-config", "--out", all.toString());
        assertThat(ignored.out()).startsWith(pagesLine(3));
        Document unconfigured =
                Jsoup.parse(
                        all.resolve("specs/" + BROKEN.replace(".md", ".html")).toFile(), "UTF-8");
        assertThat(unconfigured.select("#diagnostics code.rule").eachText())
                .contains("field-value", "placeholder-template");
    }

    /** The first words of site's report: a page per spec and the four overview pages. */
    private static String pagesLine(int specs) {
        return "Wrote " + (specs + 4) + " pages for " + specs + (specs == 1 ? " spec" : " specs");
    }

    /** The summary of {@code check --format json} on {@code path}. */
    private static JsonNode checkSummary(String path) throws Exception {
        CliRun check = CliRun.of("check", path, "--today", "2026-11-25", "--format", "json");
        return new ObjectMapper().readTree(check.out()).get("summary");
    }

    @Test
    void siteWithoutSpecsOrWithABusyFolderIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun none = CliRun.of("site", empty.toString(), "--out", tmp.resolve("o").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("specgate: no specs found under " + empty);

        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        CliRun refused = CliRun.of("site", DEMO.toString(), "--out", busy.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is not empty");
        assertThat(busy.resolve("index.html")).doesNotExist();

        CliRun missing = CliRun.of("site", tmp.resolve("nope").toString(), "--out", "x");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("path not found");

        CliRun noOut = CliRun.of("site", DEMO.toString());
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }

    @Test
    void serveWarnsThatANonLoopbackAddressExposesTheSpecsNamingThePortInUse() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int[] code = {-1};
        Thread serving =
                new Thread(
                        () ->
                                code[0] =
                                        cl.execute(
                                                "serve",
                                                DEMO.toString(),
                                                "--host",
                                                "0.0.0.0",
                                                "--port",
                                                "0"));
        serving.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("Serving") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        serving.interrupt();
        serving.join(20_000);

        Matcher port = Pattern.compile("at http://[^:]+:(\\d+)/").matcher(out.toString());
        assertThat(port.find()).as(out.toString()).isTrue();
        assertThat(err.toString())
                .startsWith(
                        "specgate: warning: --host 0.0.0.0 is not a loopback address; anyone who"
                                + " can reach this machine on port "
                                + port.group(1)
                                + " can read these specs");
        assertThat(port.group(1)).isNotEqualTo("0");
        assertThat(code[0]).isZero();
        assertThat(serving.isAlive()).isFalse();
    }

    @Test
    void serveOpenSaysWhenNoBrowserCouldBeOpened() throws Exception {
        // xdg-open on a machine without a browser (a server over SSH, a container) prints its
        // attempts and exits 3 having opened nothing; --open used to pass that over in silence
        Path xdgOpen = tmp.resolve("bin/xdg-open");
        Files.createDirectories(xdgOpen.getParent());
        Files.writeString(
                xdgOpen,
                "#!/bin/sh\necho \"xdg-open: no method available for opening '$1'\" >&2\nexit 3\n");
        assertThat(xdgOpen.toFile().setExecutable(true)).isTrue();
        Path opened = tmp.resolve("opened");
        Path browser = tmp.resolve("bin/browser");
        Files.writeString(browser, "#!/bin/sh\necho \"$1\" > '" + opened + "'\n");
        assertThat(browser.toFile().setExecutable(true)).isTrue();
        try {
            ServeCommand.browserCommand = uri -> List.of(xdgOpen.toString(), uri.toString());
            String[] failed = serveOpen(err -> err.contains("could not open"));
            assertThat(failed[1])
                    .isEqualTo(
                            "specgate: could not open a browser ("
                                    + xdgOpen
                                    + " exited with code 3); open "
                                    + failed[0]
                                    + " yourself\n");

            ServeCommand.browserCommand = uri -> List.of(tmp + "/bin/none", uri.toString());
            assertThat(serveOpen(err -> err.contains("could not open"))[1])
                    .startsWith("specgate: could not open a browser (" + tmp + "/bin/none: ")
                    .endsWith(" yourself\n");

            ServeCommand.browserCommand = uri -> List.of(browser.toString(), uri.toString());
            // until the opener has written (a fixed wait read no file on a loaded machine)
            String[] fine = serveOpen(err -> written(opened));
            assertThat(Files.readString(opened)).isEqualTo(fine[0] + "\n");
            assertThat(fine[1]).isEmpty();
        } finally {
            ServeCommand.browserCommand = ServeCommand.defaultBrowserCommand();
        }
    }

    /** Whether {@code file} holds a whole line (the shell makes it empty, then writes to it). */
    private static boolean written(Path file) {
        try {
            return Files.readString(file).endsWith("\n");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code serve DEMO --port 0 --open} until it serves and {@code done} holds of its stderr
     * (the opener's failure said, or what the opener wrote there); then stops it. Its URI and
     * stderr.
     */
    private static String[] serveOpen(java.util.function.Predicate<String> done) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int[] code = {-1};
        Thread serving =
                new Thread(
                        () ->
                                code[0] =
                                        cl.execute(
                                                "serve",
                                                DEMO.toString(),
                                                "--port",
                                                "0",
                                                "--open",
                                                "--today",
                                                "2026-11-25"));
        serving.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("Serving") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        while (!done.test(err.toString()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        serving.interrupt();
        serving.join(20_000);
        assertThat(code[0]).isZero();
        Matcher uri = Pattern.compile("at (http://\\S+/) ").matcher(out.toString());
        assertThat(uri.find()).as(out.toString()).isTrue();
        return new String[] {uri.group(1), err.toString()};
    }

    @Test
    void serveWithNothingToShowFailsWithoutAWarning() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = CliRun.of("serve", empty.toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(run.err())
                .isEqualTo(
                        "specgate: no specs found under "
                                + empty
                                + ": looked for Markdown files in a directives/spec/ folder and"
                                + " task lists in directives/tasks/, at any depth, or else (as it"
                                + " has no directives/ folder) the Markdown files directly in it;"
                                + " specgate new \"TITLE\""
                                + " writes a spec"
                                + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void serveAndSiteStopWithChecksMessageWhenTheConfiguredBaselineCannotBeRead() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        writeSpec(project, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
        Files.writeString(project.resolve(".specgate.yml"), "baseline: known-findings.json\n");
        // a baseline cut off mid-write
        Files.writeString(
                project.resolve("known-findings.json"), "{\"version\": 1, \"findings\": [\n");

        CliRun check = CliRun.of("check", project.toString());
        CliRun serve = CliRun.of("serve", project.toString(), "--port", "0");
        CliRun site =
                CliRun.of("site", project.toString(), "--out", tmp.resolve("site").toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err())
                .startsWith(
                        "specgate: baseline "
                                + project.toAbsolutePath().resolve("known-findings.json")
                                + " is not valid JSON");
        for (CliRun run : new CliRun[] {serve, site}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(check.err());
            assertThat(run.out()).isEmpty();
        }
        // nothing written before the baseline was known to be unreadable
        assertThat(tmp.resolve("site")).doesNotExist();
    }

    @Test
    void aBaselineThatIsAFolderIsSaidInOneLineByEveryCommand() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("folder-baseline"));
        writeSpec(project, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
        Files.writeString(project.resolve(".specgate.yml"), "baseline: dirb\n");
        Path dirb = Files.createDirectories(project.resolve("dirb"));

        CliRun check = CliRun.of("check", project.toString());
        CliRun serve = CliRun.of("serve", project.toString(), "--port", "0");
        Path out = tmp.resolve("folder-baseline-site");
        CliRun site = CliRun.of("site", project.toString(), "--out", out.toString());

        assertThat(check.err())
                .isEqualTo(
                        "specgate: baseline "
                                + dirb.toAbsolutePath()
                                + " is a folder, not a baseline file (name a JSON file)"
                                + System.lineSeparator());
        for (CliRun run : new CliRun[] {check, serve, site}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(check.err());
            assertThat(run.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void serveRejectsBadArguments() {
        CliRun port = CliRun.of("serve", DEMO.toString(), "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000 must be 0 to 65535");
        CliRun missing = CliRun.of("serve", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("path not found");
        CliRun loopback = CliRun.of("serve", tmp.resolve("nope").toString(), "--host", "localhost");
        assertThat(loopback.err()).doesNotContain("warning");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(CliRun.of("serve", "--help").out())
                .contains("--port", "--host", "--open", "--today", "127.0.0.1");
        assertThat(CliRun.of("site", "--help").out()).contains("--out", "--today", "--config");
        assertThat(CliRun.of("--help").out()).contains("site", "serve");
    }
}
