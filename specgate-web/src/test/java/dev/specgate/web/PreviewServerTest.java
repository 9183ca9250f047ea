package dev.specgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PreviewServerTest {

    @TempDir Path tmp;
    Path project;
    PreviewServer server;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        project = Projects.fixtureCopy(tmp);
        server = PreviewServer.builder(project).port(0).today(() -> Projects.TODAY).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), server.uri().resolve(path).toString());
    }

    @Test
    void bindsLoopbackAndServesEveryPage() throws Exception {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.specCount()).isEqualTo(5);
        Document overview = page("/");
        assertThat(overview.body().attr("data-live")).isEqualTo("events");
        assertThat(overview.getElementById("count-specs").text()).isEqualTo("5");
        assertThat(page("/board.html").select(".card")).hasSize(5);
        assertThat(page("/table.html").select("#specs tbody tr")).hasSize(5);
        assertThat(page("/timeline.html").select(".tl-row[data-path]")).hasSize(5);
        Document spec = page("/specs/2026-11-09_spec_refund-idempotency-keys.html");
        assertThat(spec.body().attr("data-live")).isEqualTo("../events");
        assertThat(spec.select("#diagnostics ol.diags li")).hasSize(3);
        HttpResponse<String> json = get("/index.json");
        assertThat(json.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        assertThat(json.body()).contains("\"specs\":[");
        HttpResponse<String> js = get("/assets/specgate.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(js.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
    }

    @Test
    void headAnswersAsGetWithoutABody() throws Exception {
        for (String path : List.of("/", "/board.html", "/index.json", "/assets/specgate.css")) {
            HttpResponse<String> got = get(path);
            HttpResponse<String> head =
                    http.send(
                            HttpRequest.newBuilder(server.uri().resolve(path))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type"))
                    .as(path)
                    .isEqualTo(got.headers().firstValue("Content-Type"));
            assertThat(head.body()).as(path).isEmpty();
        }
        HttpResponse<String> missing =
                http.send(
                        HttpRequest.newBuilder(server.uri().resolve("/specs/nothing.html"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPagesAreNotFound() throws Exception {
        assertThat(get("/specs/nothing-here.html").statusCode()).isEqualTo(404);
        assertThat(get("/specs/2026-11-09_spec_refund-idempotency-keys.md").statusCode())
                .isEqualTo(404);
        assertThat(get("/assets/secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("/assets/..%2F..%2Fpom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void anAddressWithNoPageIsSaidNotFoundInTheServersWords() throws Exception {
        HttpResponse<String> page = get("/nothing-here.html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/plain")
                .contains("charset=utf-8");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body())
                .isEqualTo(
                        "specgate: not found (404): the preview has no page at this address;"
                                + " the overview is at /\n");
        HttpResponse<String> spec = get("/specs/2026-01-01_spec_deleted-since.html");
        assertThat(spec.statusCode()).isEqualTo(404);
        assertThat(spec.body())
                .isEqualTo(
                        "specgate: not found (404): no spec has this page (its file was deleted"
                                + " or renamed, or the address is mistyped); the overview at /"
                                + " lists every spec\n");
        assertThat(get("/assets/nothing.css").body()).startsWith("specgate: not found (404): ");
    }

    @Test
    void servesTheIconEveryPageNames() throws Exception {
        String href = page("/").selectFirst("head link[rel=icon]").attr("href");
        HttpResponse<String> icon = get("/" + href);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void refusesRequestsForOtherHostNames() throws Exception {
        assertThat(statusFor("attacker.example")).isEqualTo(403);
        assertThat(statusFor("127.attacker.example")).isEqualTo(403); // rebinding to 127.0.0.1
        assertThat(statusFor("127.0.0.1.nip.io")).isEqualTo(403);
        assertThat(statusFor("localhost")).isEqualTo(200);
        assertThat(statusFor("127.0.0.1")).isEqualTo(200);
        assertThat(statusFor("127.1.2.3")).isEqualTo(200);
    }

    @Test
    void aPathThatClimbsOutGetsALineOfTheServersOwnNotJettysPage() throws IOException {
        for (String path :
                List.of(
                        "/../../etc/passwd",
                        "/specs/../../../etc/passwd",
                        "/%2e%2e/%2e%2e/etc/passwd")) {
            String answer = raw("GET " + path + " HTTP/1.1");

            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
            String[] parts = answer.split("\r\n\r\n", 2);
            assertThat(parts[0])
                    .as(path)
                    .containsIgnoringCase("Content-Type: text/plain; charset=utf-8")
                    .contains("X-Content-Type-Options: nosniff")
                    .contains("Content-Security-Policy: default-src 'none'");
            assertThat(parts[1])
                    .as(path)
                    .isEqualTo(
                            "specgate: bad request (400): the preview serves only its own pages,"
                                    + " and not this path (one that climbs out with '..' or is"
                                    + " otherwise malformed); the overview is at /\n")
                    .doesNotContain("root:")
                    .doesNotContain("<html");
        }
    }

    /** The whole answer to a raw request line sent with this server's Host. */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    (requestLine
                                    + "\r\nHost: 127.0.0.1:"
                                    + server.port()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status of a raw request for index.json with this Host name. */
    private int statusFor(String hostName) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /index.json HTTP/1.1\r\nHost: "
                                    + hostName
                                    + ":"
                                    + server.port()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void aSavedSpecIsCheckedAgainAndOpenPagesAreTold() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest events =
                HttpRequest.newBuilder(server.uri().resolve("/events"))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
        var stream = http.sendAsync(events, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));
        waitFor(() -> server.liveClients() == 1);

        Path spec = Projects.specs(project).resolve("2026-11-09_spec_refund-idempotency-keys.md");
        String text = Files.readString(spec);
        Files.writeString(
                spec,
                text.replace("**Type:** Feature", "**Type:** Security Enhancement")
                        .replace(
                                "Idempotency Keys for the Refunds API",
                                "Idempotency Keys for Refunds, Revised"));

        String event = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data:") && line.contains("refund")) {
                event = line;
                break;
            }
        }
        assertThat(event).contains("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Document board = page("/board.html");
        assertThat(board.select(".card h3").eachText())
                .contains("Idempotency Keys for Refunds, Revised");
        Document spec1 = page("/specs/2026-11-09_spec_refund-idempotency-keys.html");
        assertThat(spec1.select("#diagnostics ol.diags li")).hasSize(2);
    }

    /** As the static site: bidirectional controls are shown as marked escapes, never sent raw. */
    @Test
    void bidirectionalControlsAreShownAsMarkedEscapesNotSentRaw() throws Exception {
        server.close();
        String[] spec = Projects.bidiSpec();
        Files.delete(Projects.specs(project).resolve("2026-02-16_spec_payout-batch-scheduler.md"));
        Projects.write(Projects.specs(project).resolve(spec[0]), spec[1]);
        server = PreviewServer.builder(project).port(0).today(() -> Projects.TODAY).build().start();

        Document table = page("/table.html");
        String href =
                table.select("a[href*=payout]").stream()
                        .map(a -> a.attr("href"))
                        .findFirst()
                        .orElseThrow();
        for (String path :
                List.of(
                        "/index.html",
                        "/board.html",
                        "/table.html",
                        "/timeline.html",
                        "/" + href)) {
            String html = get(path).body();
            for (char c : Projects.BIDI.toCharArray()) {
                assertThat(html.indexOf(c)).as(path + " holds U+%04X", (int) c).isNegative();
            }
        }
        Document doc = page("/" + href);
        assertThat(doc.select("h1").first().text()).endsWith("⟦U+202E⟧evil⟦U+202C⟧");
        assertThat(doc.select("p:contains(Access is checked) code").text())
                .isEqualTo("is⟦U+202E⟧admin");
        assertThat(doc.select(".item-text").eachText())
                .contains("Create ⟦U+202E⟧feature⟦U+202C⟧ branches");
        assertThat(table.text()).contains("⟦U+202E⟧evil⟦U+202C⟧");
    }

    @Test
    void eventsWithoutAnEventStreamAcceptAreRefusedWithAReason() throws Exception {
        HttpResponse<String> plain =
                http.send(
                        HttpRequest.newBuilder(server.uri().resolve("/events"))
                                .header("Accept", "text/plain")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(plain.body()).contains("Accept: text/event-stream");
    }

    @Test
    void aHostThatIsNotThisMachineIsNamedNotBlamedOnThePort() {
        assertThatThrownBy(() -> PreviewServer.checkHost("specgate-test.invalid"))
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("no such host name")
                .hasMessageNotContaining("port");
        assertThatThrownBy(() -> PreviewServer.checkHost("192.0.2.1"))
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("192.0.2.1 is not an address of this machine");
        PreviewServer.checkHost("127.0.0.1");
        PreviewServer.checkHost("localhost");
        PreviewServer.checkHost("0.0.0.0");
    }

    @Test
    void aChangedConfigurationIsFollowedWithoutARestart() throws Exception {
        server.close();
        Path config = project.resolve(".specgate.yml");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = reopening(dev.specgate.core.project.SpecProject.builtin(), problems);
        String refund = "/specs/2026-11-09_spec_refund-idempotency-keys.html";
        int before = page(refund).select("#diagnostics ol.diags li").size();
        assertThat(page(refund).text()).contains("field-value");

        Files.writeString(config, "rules:\n  field-value: off\n");
        waitFor(() -> problems.stream().anyMatch(p -> p.startsWith("configuration reloaded")));

        assertThat(page(refund).select("#diagnostics ol.diags li")).hasSize(before - 1);
        assertThat(page(refund).text()).doesNotContain("field-value");

        Files.writeString(config, "rules:\n  field-valu: off\n");
        waitFor(() -> problems.stream().anyMatch(p -> p.startsWith("cannot use the changed")));

        assertThat(problems.get(problems.size() - 1))
                .contains("field-valu")
                .contains("still serving with the previous one");
        assertThat(page(refund).select("#diagnostics ol.diags li")).hasSize(before - 1);
    }

    /**
     * A {@code template:} switched in {@code .specgate.yml} to a file outside every folder watched
     * (a company's template beside the project) is watched from then on: editing it is taken in
     * without a restart.
     */
    @Test
    void aTemplateSwitchedInTheConfigurationIsWatchedFromThenOn() throws Exception {
        server.close();
        Path template =
                Files.createDirectories(tmp.resolve("company-templates"))
                        .resolve("house-template.md");
        String builtin = dev.specgate.core.project.SpecProject.builtin().schema().source();
        Files.writeString(template, builtin);
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = reopening(open(), problems);
        String refund = "/specs/2026-11-09_spec_refund-idempotency-keys.html";

        Files.writeString(
                project.resolve(".specgate.yml"),
                "# the company's template, kept beside the project\n"
                        + "template: ../company-templates/house-template.md\n");
        waitFor(() -> reloads(problems) == 1);
        assertThat(page(refund).text()).doesNotContain("Datenaufbewahrung");

        // a section every spec now lacks; the template is followed a moment after the reload
        // (no event says when), so it is saved again until the server takes it in
        String edited = builtin + "\n## Datenaufbewahrung\n\n[Wie lange Schlüssel bleiben]\n";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int save = 0; reloads(problems) < 2; save++) {
            assertThat(System.nanoTime()).as("the edited template taken in").isLessThan(deadline);
            Files.writeString(template, edited + "<!-- save " + save + " -->\n");
            long wait = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (reloads(problems) < 2 && System.nanoTime() < wait) {
                Thread.sleep(20);
            }
        }
        assertThat(page(refund).text()).contains("Datenaufbewahrung");
        assertThat(problems).noneMatch(p -> p.startsWith("cannot"));
    }

    /**
     * A configuration switched to a template that cannot be read yet (its editor has not written
     * it) is refused; the template's folder is not watched, so no event says when it is written:
     * the server opens the project again after a wait until it opens, as web.md says.
     */
    @Test
    void aConfigurationRefusedWhileItsTemplateIsWrittenIsTakenInOnceItOpens() throws Exception {
        server.close();
        Path folder = Files.createDirectories(tmp.resolve("company-templates"));
        Path template = folder.resolve("house-template.md");
        String builtin = dev.specgate.core.project.SpecProject.builtin().schema().source();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = reopening(open(), problems);
        String refund = "/specs/2026-11-09_spec_refund-idempotency-keys.html";

        Files.writeString(
                project.resolve(".specgate.yml"),
                "\uFEFFtemplate: ../company-templates/house-template.md\r\n");
        waitFor(() -> problems.stream().anyMatch(p -> p.startsWith("cannot use the changed")));
        assertThat(reloads(problems)).isZero();

        // written once, in a folder no one watches yet: no event will say so
        Files.writeString(
                template, builtin + "\n## Datenaufbewahrung\n\n[Wie lange Schlüssel bleiben]\n");
        waitFor(() -> reloads(problems) == 1);
        assertThat(page(refund).text()).contains("Datenaufbewahrung");
        // the refusal is said once, not again at every try
        assertThat(problems).filteredOn(p -> p.startsWith("cannot use the changed")).hasSize(1);
    }

    /**
     * A server started with {@code first} that opens the project again, as {@code serve} does, when
     * its configuration changes (a configuration that cannot be used is a problem said).
     */
    private PreviewServer reopening(
            dev.specgate.core.project.SpecProject first, List<String> problems) throws IOException {
        return PreviewServer.builder(project)
                .port(0)
                .today(() -> Projects.TODAY)
                .project(first)
                .reopen(
                        () ->
                                dev.specgate.core.project.SpecProject.open(
                                        project, dev.specgate.core.project.ConfigChoice.nearest()))
                .onProblem(problems::add)
                .build()
                .start();
    }

    private static long reloads(List<String> problems) {
        return problems.stream().filter(p -> p.startsWith("configuration reloaded")).count();
    }

    @Test
    void aBaselineThatCannotBeReadIsSaidAsCheckSaysItNotAsAServerError() throws Exception {
        server.close();
        Path baseline = project.resolve("known-findings.json");
        dev.specgate.core.baseline.Baseline.of(List.of()).write(baseline);
        Path config = project.resolve(".specgate.yml");
        Files.writeString(config, "baseline: known-findings.json\n");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = reopening(open(), problems);
        String refund = "/specs/2026-11-09_spec_refund-idempotency-keys.html";
        assertThat(get(refund).statusCode()).isEqualTo(200);
        long errorsBefore = errorsOf(get("/index.json").body());

        // cut off mid-write while the server runs: each page says what check says, 503 not 500
        Files.writeString(baseline, "{\"version\": 1, \"findings\": [\n");
        String message = checksMessage();
        HttpResponse<String> broken = get(refund);

        assertThat(message).startsWith("baseline " + baseline.toAbsolutePath() + " is not valid");
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.body())
                .startsWith("specgate: " + message + " (pages cannot show the specs as check");
        assertThat(problems).anyMatch(p -> p.startsWith(message));
        assertThat(problems).noneMatch(p -> p.contains("Exception"));
        // every view says the same as the spec pages, not the results from before
        for (String view : List.of("/", "/board.html", "/table.html", "/index.json")) {
            HttpResponse<String> r = get(view);
            assertThat(r.statusCode()).as(view).isEqualTo(503);
            assertThat(r.body()).as(view).isEqualTo(broken.body());
        }
        // said once for the five pages answered 503, not once a page
        assertThat(problems.stream().filter(p -> p.startsWith(message))).hasSize(1);

        // a spec edited while it cannot be read: taken in once it reads again
        Path clean = Projects.specs(project).resolve(Projects.CLEAN_SPEC);
        long said = problems.stream().filter(p -> p.startsWith(message)).count();
        Files.writeString(
                clean,
                Files.readString(clean)
                        .replace("**Type:** Performance Optimization", "**Type:** Bogus Kind"));
        waitFor(() -> problems.stream().filter(p -> p.startsWith(message)).count() > said);
        long afterChange = problems.stream().filter(p -> p.startsWith(message)).count();
        assertThat(get(refund).statusCode()).isEqualTo(503);
        assertThat(problems.stream().filter(p -> p.startsWith(message))).hasSize((int) afterChange);

        // fixed: the page answers again, no restart
        dev.specgate.core.baseline.Baseline.of(List.of()).write(baseline);
        assertThat(page(refund).select("#diagnostics ol.diags li")).isNotEmpty();
        String index = get("/index.json").body();
        assertThat(index).contains("\"Bogus Kind\"");
        assertThat(errorsOf(index)).isGreaterThan(errorsBefore); // the new type is an error
        for (String view : List.of("/", "/board.html", "/table.html")) {
            HttpResponse<String> r = get(view);
            assertThat(r.statusCode()).as(view).isEqualTo(200);
            assertThat(r.body()).as(view).contains("Bogus Kind");
        }

        // a changed configuration naming a baseline that cannot be read is refused, as any
        // configuration error while serving: the previous one stays
        Files.writeString(config, "baseline: missing-findings.json\n");
        waitFor(() -> problems.stream().anyMatch(p -> p.startsWith("cannot use the changed")));
        assertThat(problems.get(problems.size() - 1))
                .contains("missing-findings.json not found")
                .endsWith("(still serving with the previous one)");
        assertThat(get(refund).statusCode()).isEqualTo(200);
    }

    private dev.specgate.core.project.SpecProject open() {
        try {
            return dev.specgate.core.project.SpecProject.open(
                    project, dev.specgate.core.project.ConfigChoice.nearest());
        } catch (dev.specgate.core.config.ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** The summary's error count in an {@code index.json} (the specs', not the task lists'). */
    private static long errorsOf(String index) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"summary\":\\{[^}]*?\"errors\":(\\d+)")
                        .matcher(index);
        assertThat(m.find()).as(index).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** What check says of the configured baseline. */
    private String checksMessage() {
        try {
            open().baseline(java.util.Optional.empty());
        } catch (dev.specgate.core.baseline.BaselineException e) {
            return e.getMessage();
        }
        throw new AssertionError("the baseline was read");
    }

    @Test
    void theSiteAndTheServerNameTheNestedProjectsTheirOwnLookFound() throws Exception {
        server.close();
        // a team folder with its own configuration: its spec is its project's, not this one's
        Path team = Files.createDirectories(project.resolve("team/directives/spec"));
        Files.writeString(project.resolve("team/.specgate.yml"), "rules:\n  field-value: off\n");
        Files.copy(
                Projects.specs(project).resolve("2026-11-09_spec_refund-idempotency-keys.md"),
                team.resolve("2026-11-10_spec_team-copy.md"));
        var opened =
                dev.specgate.core.project.SpecProject.open(
                        project, dev.specgate.core.project.ConfigChoice.nearest());
        Path nested = project.resolve("team/.specgate.yml").toAbsolutePath().normalize();

        SiteResult site =
                SiteGenerator.of(opened)
                        .generate(project, project.resolve("../site-nested"), Projects.TODAY);
        server =
                PreviewServer.builder(project)
                        .port(0)
                        .today(() -> Projects.TODAY)
                        .project(opened)
                        .build()
                        .start();

        assertThat(site.nestedConfigs()).containsExactly(nested);
        assertThat(site.portfolio().specs()).noneMatch(v -> v.toString().contains("team-copy"));
        assertThat(server.nestedConfigs()).containsExactly(nested);
        assertThat(page("/index.html").text()).doesNotContain("team-copy");
    }

    @Test
    void theOverviewSaysWhenASpecIsMetUnderASecondName() throws Exception {
        server.close();
        Path specs = Projects.specs(project);
        Path alias = specs.resolve("2026-12-02_spec_refund-keys-alias.md");
        try {
            Files.createSymbolicLink(alias, Path.of("2026-11-09_spec_refund-idempotency-keys.md"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here: " + e);
        }
        String notice =
                "directives/spec/2026-12-02_spec_refund-keys-alias.md is not checked again: it is"
                        + " the same file as directives/spec/2026-11-09_spec_refund-idempotency-keys.md,"
                        + " checked under that name";

        SiteResult site =
                SiteGenerator.standard()
                        .generate(project, project.resolve("../site-alias"), Projects.TODAY);
        server = PreviewServer.builder(project).port(0).today(() -> Projects.TODAY).build().start();

        assertThat(site.portfolio().notices()).containsExactly(notice);
        Path written = project.resolve("../site-alias/index.html");
        Document fromSite = Jsoup.parse(written.toFile(), "UTF-8", written.toUri().toString());
        assertThat(fromSite.select("#notice-list li").eachText()).containsExactly(notice);
        assertThat(page("/index.html").select("#notice-list li").eachText())
                .containsExactly(notice);
        assertThat(page("/index.html").getElementById("count-specs").text())
                .isEqualTo(String.valueOf(site.portfolio().specs().size()));
    }

    @Test
    void theOverviewSaysWhenAFileLikeASpecIsNotTaken() throws Exception {
        server.close();
        // a spec saved as .txt: said as check says it on stderr (SpecProject.searchNotices)
        Files.writeString(
                Projects.specs(project).resolve("2026-12-01_spec_rate-limits.txt"),
                "# Rate limits\n");
        String notice =
                "directives/spec/2026-12-01_spec_rate-limits.txt is not checked: only Markdown"
                        + " files (.md, .markdown) are specs (rename it to .md if it is one)";

        SiteResult site =
                SiteGenerator.standard()
                        .generate(project, project.resolve("../site-skipped"), Projects.TODAY);
        server = PreviewServer.builder(project).port(0).today(() -> Projects.TODAY).build().start();

        assertThat(site.portfolio().notices()).containsExactly(notice);
        assertThat(page("/index.html").select("#notice-list li").eachText())
                .containsExactly(notice);
    }

    @Test
    void theOverviewHasNoNoticesWhenTheSearchHasNothingToSay() throws Exception {
        assertThat(page("/index.html").getElementById("notices")).isNull();
    }

    @Test
    void theOverviewsTotalsCountATaskListsFindingsAsCheckDoes() throws Exception {
        // a task list `tasks` wrote for the refund spec (CRLF), ids 1.2 and 2.1 broken: check
        // reports four errors in it (each broken id and the one after it), so does the overview
        Document before = page("/");
        long specErrors = Long.parseLong(before.getElementById("count-errors").text());
        assertThat(before.getElementById("errors-split")).isNull();
        Path tasks = Files.createDirectories(project.resolve("directives/tasks"));
        Path taskList = tasks.resolve("2026-11-25_task_refund-idempotency-keys.md");
        byte[] broken =
                Files.readAllBytes(
                        Path.of(
                                "src/test/resources/task-lists/"
                                        + "2026-11-25_task_refund-idempotency-keys.md"));
        Files.write(taskList, broken);
        waitFor(() -> errorsShown() == specErrors + 4);
        Document overview = page("/");
        assertThat(overview.getElementById("errors-split").text())
                .isEqualTo(": " + specErrors + " in 3 specs, 4 in task lists (not shown)");
        assertThat(bodyOf("/index.json"))
                .contains("\"taskLists\":{\"files\":1,\"errors\":4,\"warnings\":0}");
        assertThat(server.specCount()).isEqualTo(5); // counted, not shown

        // one id mended: two errors left; the task list deleted: none
        Files.writeString(
                taskList,
                new String(broken, StandardCharsets.UTF_8).replace("  - [ ] 1.5 ", "  - [ ] 1.2 "));
        waitFor(() -> errorsShown() == specErrors + 2);
        Files.delete(taskList);
        waitFor(() -> errorsShown() == specErrors);
        assertThat(page("/").getElementById("errors-split")).isNull();
    }

    /** The overview's error total. */
    private long errorsShown() {
        try {
            return Long.parseLong(page("/").getElementById("count-errors").text());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void newAndDeletedSpecsChangeTheBoard() throws Exception {
        Path specs = Projects.specs(project);
        Path clean = specs.resolve(Projects.CLEAN_SPEC);
        Path copy = specs.resolve("2026-11-24_spec_copy-of-backoff.md");
        Files.writeString(
                copy,
                Files.readString(clean)
                        .replace(
                                "Webhook Retries with Exponential Backoff and Jitter",
                                "A Brand New Spec"));
        waitFor(() -> server.specCount() == 6);
        assertThat(page("/board.html").select(".card h3").eachText()).contains("A Brand New Spec");
        Files.delete(clean);
        waitFor(() -> server.specCount() == 5);
        assertThat(get("/specs/2026-10-14_spec_webhook-retry-backoff.html").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSpecFolderMovedAwayIsNoticedAsGoneAndMovedBackAsBack() throws Exception {
        Path directives = project.resolve("directives");
        Path elsewhere = tmp.resolve("elsewhere");
        String page = "/specs/2026-10-14_spec_webhook-retry-backoff.html";
        assertThat(get(page).statusCode()).isEqualTo(200);

        Files.move(directives, elsewhere);
        // without a directives folder, discovery takes other Markdown files as check does (the
        // README here): the moved specs are what must go
        waitFor(() -> specsInIndex() >= 0 && !bodyOf("/index.json").contains("directives/spec"));
        assertThat(server.specCount()).isEqualTo(specsInIndex()).isLessThan(5);
        assertThat(page("/").getElementById("count-specs").text())
                .isEqualTo(String.valueOf(specsInIndex()));
        assertThat(get(page).statusCode()).isEqualTo(404);

        // a spec saved in the folder now outside the project is not taken for the old path
        Path moved = elsewhere.resolve("spec").resolve(Projects.CLEAN_SPEC);
        Files.writeString(moved, Files.readString(moved) + "\nA line added elsewhere.\n");
        Files.move(elsewhere, directives);
        waitFor(() -> specsInIndex() == 5);
        assertThat(server.specCount()).isEqualTo(5);
        assertThat(get(page).statusCode()).isEqualTo(200);
    }

    @Test
    void aRenamedSpecFolderIsNoticedAndSoIsItsNameComingBack() throws Exception {
        Path specs = Projects.specs(project);
        Path renamed = specs.resolveSibling("spec-old");
        Files.move(specs, renamed);
        waitFor(() -> specsInIndex() == 0);
        assertThat(get("/specs/2026-02-16_spec_payout-batch-scheduler.html").statusCode())
                .isEqualTo(404);

        Files.move(renamed, specs);
        waitFor(() -> specsInIndex() == 5);
        // the folder is watched again under its name: a later save is seen
        Path clean = specs.resolve(Projects.CLEAN_SPEC);
        Files.writeString(
                clean,
                Files.readString(clean)
                        .replace(
                                "Webhook Retries with Exponential Backoff and Jitter",
                                "Webhook Retries After The Round Trip"));
        waitFor(() -> bodyOf("/index.json").contains("Webhook Retries After The Round Trip"));
    }

    @Test
    void aDottedFolderOfSpecsMovedInIsServedAndMovedOutIsGone() throws Exception {
        Path specs = Projects.specs(project);
        Path staged = tmp.resolve("staging").resolve("v1.2");
        Files.createDirectories(staged);
        Files.writeString(
                staged.resolve("2026-12-01_spec_versioned-webhooks.md"),
                Files.readString(specs.resolve(Projects.CLEAN_SPEC))
                        .replace(
                                "Webhook Retries with Exponential Backoff and Jitter",
                                "Versioned Webhooks für v1.2"));
        String page = "/specs/v1.2--2026-12-01_spec_versioned-webhooks.html";
        assertThat(get(page).statusCode()).isEqualTo(404);

        Path moved = specs.resolve("v1.2");
        Files.move(staged, moved);
        waitFor(() -> specsInIndex() == 6);
        assertThat(page("/").getElementById("count-specs").text()).isEqualTo("6");
        assertThat(page(page).getElementById("spec-title").text())
                .isEqualTo("Versioned Webhooks für v1.2");

        // a save in the moved-in folder is seen: it is watched
        Path spec = moved.resolve("2026-12-01_spec_versioned-webhooks.md");
        Files.writeString(
                spec, Files.readString(spec).replace("für v1.2", "für v1.2, saved in place"));
        waitFor(() -> bodyOf(page).contains("saved in place"));

        // moved out again, the dotted folder's spec is gone from the overview and its page
        Files.move(moved, staged);
        waitFor(() -> specsInIndex() == 5);
        assertThat(page("/").getElementById("count-specs").text()).isEqualTo("5");
        assertThat(get(page).statusCode()).isEqualTo(404);
    }

    /** The number of specs the served {@code index.json} lists (-1 when it cannot be read). */
    private int specsInIndex() {
        String body = bodyOf("/index.json");
        if (body.isEmpty()) {
            return -1;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(body)
                    .path("specs")
                    .size();
        } catch (IOException e) {
            return -1;
        }
    }

    private String bodyOf(String path) {
        try {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Test
    void neverWritesToTheProject() throws Exception {
        Map<String, String> before = snapshot(project);
        page("/");
        page("/board.html");
        page("/specs/2026-02-16_spec_payout-batch-scheduler.html");
        get("/index.json");
        assertThat(snapshot(project)).isEqualTo(before);
    }

    @Test
    void refusesAPortInUse() throws Exception {
        PreviewServer second = PreviewServer.builder(project).port(server.port()).build();
        assertThatThrownBy(second::start)
                .isInstanceOf(DashboardException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }

    @Test
    void nonLoopbackHostsAreRecognised() {
        assertThat(PreviewServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(PreviewServer.isLoopback("localhost")).isTrue();
        assertThat(PreviewServer.isLoopback("::1")).isTrue();
        assertThat(PreviewServer.isLoopback("0.0.0.0")).isFalse();
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                files.put(
                        dir.relativize(p).toString(),
                        Files.getLastModifiedTime(p)
                                + " "
                                + Files.size(p)
                                + " "
                                + Files.readString(p).hashCode());
            }
        }
        return files;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
