package dev.specgate.cli.report;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.cli.CliRun;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.report.GitHubReporter;
import dev.specgate.report.JUnitReporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatsTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String BROKEN = "2026-10-03_spec_broken-status.md";

    @TempDir Path root;

    /** One clean spec and one with a bad Type, a leftover placeholder and a wrong file name. */
    private void writeTwoSpecs() {
        writeSpec(root, CLEAN, cleanSpec());
        writeSpec(
                root,
                BROKEN,
                cleanSpec()
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]")
                        .replace("**Created:** 2026-10-02", "**Created:** 2026-10-03"));
    }

    @Test
    void textOutputWritesControlCharactersOfSpecTextOutAndJsonEscapesThem() throws Exception {
        Path spec =
                writeSpec(
                        root,
                        "2026-10-02_spec_webhook-retry-queue.md",
                        cleanSpec()
                                .replace(
                                        "# Technical Specification: Webhook Retry Queue",
                                        "# Technical Specification: [Name \u001b(0 it\u0007 here]")
                                .replace("\n", "\r\n"));

        CliRun text = CliRun.of("check", spec.toString(), "--today", "2026-11-25");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out())
                .contains("'[Name \\x1B(0 it\\x07 here]'")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");

        CliRun json =
                CliRun.of("check", spec.toString(), "--today", "2026-11-25", "--format", "json");
        assertThat(json.out())
                .containsIgnoringCase("[Name \\u001b(0 it\\u0007 here]")
                .doesNotContain("\u001b");
    }

    @Test
    void textCountsFindingsByRuleBeforeTheSummaryWhenMoreThanOneFileHasThem() throws Exception {
        writeTwoSpecs();
        writeSpec(
                root,
                "2026-10-04_spec_ledger-für-zoë.md",
                cleanSpec()
                        .replace("\n", "\r\n")
                        .replace("**Type:** Architecture Change", "**Type:** Cleanup")
                        .replace("**Created:** 2026-10-02", "**Created:** 2026-10-04"));

        CliRun text = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(text.exitCode()).isEqualTo(1);
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(lines.size() - 2))
                .isEqualTo(
                        "By rule: field-file 2, field-value 2, file-name 1, placeholder-template 1.");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("Checked 3 specs: 6 errors, 0 warnings in 2 files.");
        assertThat(CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json").out())
                .doesNotContain("By rule");
    }

    @Test
    void textOfOneFileWithFindingsHasNoCountByRule() {
        writeTwoSpecs();

        CliRun text = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(text.out()).doesNotContain("By rule").endsWith("in 1 file.\n");
    }

    @Test
    void sarifIsValidAgainstTheSchemaAndCarriesRulesAndResults() throws IOException {
        writeTwoSpecs();

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "sarif");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        SarifSchema.assertValid(sarif);
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Specgate");
        assertThat(driver.get("rules")).hasSize(RuleRegistry.builtin().size());
        JsonNode firstRule = driver.get("rules").get(0);
        assertThat(firstRule.get("id").asText()).isEqualTo("section-missing");
        assertThat(firstRule.at("/shortDescription/text").asText()).isNotBlank();
        assertThat(firstRule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(firstRule.at("/properties/category").asText()).isEqualTo("structure");
        // each rule links its entry in docs/rules.md at the project's home (the parent pom's
        // <url>), as the editor's codeDescription does
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        java.util.regex.Matcher url =
                java.util.regex.Pattern.compile("<url>([^<]+)</url>")
                        .matcher(Files.readString(repo.resolve("pom.xml")));
        assertThat(url.find()).isTrue();
        java.util.Set<String> anchors =
                new dev.specgate.core.parse.SpecParser()
                        .parse(Files.readString(repo.resolve("docs/rules.md")))
                        .anchors();
        driver.get("rules")
                .forEach(
                        r -> {
                            String id = r.get("id").asText();
                            assertThat(r.get("helpUri").asText())
                                    .isEqualTo(url.group(1) + "/blob/main/docs/rules.md#" + id);
                            assertThat(anchors).as("a heading of docs/rules.md").contains(id);
                        });

        JsonNode results = sarif.at("/runs/0/results");
        List<String> rules = new ArrayList<>();
        results.forEach(r -> rules.add(r.get("ruleId").asText()));
        assertThat(rules)
                .containsExactlyInAnyOrder("field-value", "field-file", "placeholder-template");
        JsonNode typeResult = find(results, "field-value");
        assertThat(typeResult.get("level").asText()).isEqualTo("error");
        assertThat(driver.get("rules").get(typeResult.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo("field-value");
        JsonNode location = typeResult.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText())
                .startsWith("file:")
                .endsWith("/directives/spec/" + BROKEN);
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(5);
        assertThat(location.at("/region/startColumn").asInt()).isEqualTo(11);
        assertThat(location.at("/region/endColumn").asInt()).isEqualTo(22);
    }

    @Test
    void sarifOfACleanRunIsValidWithNoResults() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "sarif");

        assertThat(run.exitCode()).isZero();
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        SarifSchema.assertValid(sarif);
        assertThat(sarif.at("/runs/0/results")).isEmpty();
    }

    @Test
    void sarifUsesRelativeUrisForRelativePathsAndStillValidates() throws IOException {
        writeSpec(root, "2026-10-04_spec_spaced name.md", cleanSpec());
        Path relative = Path.of("").toAbsolutePath().relativize(root);

        CliRun run = CliRun.of("check", relative.toString(), "--today", TODAY, "--format", "sarif");

        JsonNode sarif = new ObjectMapper().readTree(run.out());
        SarifSchema.assertValid(sarif);
        String uri =
                sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText();
        assertThat(uri).doesNotStartWith("file:").endsWith("spaced%20name.md");
        JsonNode location = sarif.at("/runs/0/results/0/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        String base = sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText();
        assertThat(base).startsWith("file:").endsWith("/");
        assertThat(Path.of(java.net.URI.create(base).resolve(uri)))
                .isEqualTo(root.resolve("directives/spec/2026-10-04_spec_spaced name.md"));
    }

    @Test
    void theSchemaRejectsABrokenSarifSoTheCheckCanFail() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "sarif");
        ObjectNode sarif = (ObjectNode) new ObjectMapper().readTree(run.out());
        sarif.put("version", "2.0.0");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SarifSchema.assertValid(sarif))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("version");
    }

    @Test
    void junitHasASuitePerSpecACasePerRuleAndAFailurePerFailingRule() throws Exception {
        writeTwoSpecs();

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "junit");

        assertThat(run.exitCode()).isEqualTo(1);
        Document xml = parse(run.out());
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        int ruleCount =
                (int)
                        RuleRegistry.builtin().stream()
                                .filter(r -> r.documentKinds().contains(DocumentKind.SPEC))
                                .count();
        assertThat(suites.getAttribute("tests")).isEqualTo(Integer.toString(2 * ruleCount));
        assertThat(suites.getAttribute("failures")).isEqualTo("3");
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        assertThat(suiteList.getLength()).isEqualTo(2);
        Element clean = (Element) suiteList.item(0);
        Element broken = (Element) suiteList.item(1);
        assertThat(clean.getAttribute("name")).endsWith(CLEAN);
        assertThat(clean.getAttribute("failures")).isEqualTo("0");
        assertThat(clean.getElementsByTagName("testcase").getLength()).isEqualTo(ruleCount);
        assertThat(broken.getAttribute("failures")).isEqualTo("3");
        NodeList failures = broken.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(3);
        Element typeFailure = null;
        for (int i = 0; i < failures.getLength(); i++) {
            Element f = (Element) failures.item(i);
            if (((Element) f.getParentNode()).getAttribute("name").equals("field-value")) {
                typeFailure = f;
            }
        }
        assertThat(typeFailure).isNotNull();
        assertThat(typeFailure.getAttribute("type")).isEqualTo("error");
        assertThat(typeFailure.getAttribute("message")).startsWith("line 5:11: 'Type' is");
        assertThat(typeFailure.getTextContent()).contains(BROKEN + ":5:11: error [field-value]");
    }

    @Test
    void junitGivesAFileThatCannotBeReadItsOneFailureNotAPassingTestPerRuleThatNeverRan()
            throws Exception {
        // the clean spec saved as Windows-1252 ("café" in its summary): no rule read it, so its
        // suite is the one unreadable-file case, not 35 passing cases beside it
        String latin = "2026-10-05_spec_saved-as-latin1.md";
        writeSpec(root, CLEAN, cleanSpec());
        writeSpec(
                root,
                latin,
                cleanSpec()
                        .replace(CLEAN, latin)
                        .replaceFirst("## Executive Summary\n", "## Executive Summary\ncafé ")
                        .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "junit");

        assertThat(run.exitCode()).isEqualTo(1);
        NodeList suiteList = parse(run.out()).getElementsByTagName("testsuite");
        assertThat(suiteList.getLength()).isEqualTo(2);
        Element unread = (Element) suiteList.item(1);
        assertThat(unread.getAttribute("name")).endsWith(latin);
        assertThat(unread.getAttribute("tests")).isEqualTo("1");
        assertThat(unread.getAttribute("failures")).isEqualTo("1");
        NodeList cases = unread.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(1);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("unreadable-file");
        assertThat(cases.item(0).getTextContent()).contains("not UTF-8 (byte 0xE9");
        Element clean = (Element) suiteList.item(0);
        assertThat(Integer.parseInt(clean.getAttribute("tests"))).isGreaterThan(10);
    }

    @Test
    void junitHoldsEveryFindingOfARuleInItsOneFailureAsTheSchemaAllows() throws Exception {
        writeSpec(
                root,
                CLEAN,
                cleanSpec()
                        .replace("- **Duration:** 1 week", "- **Duration:** [Time estimate]")
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]")
                        .replace("**Document Status:** Approved", "**Document Status:** Review"));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "junit");

        Document xml = parse(run.out());
        NodeList cases = xml.getElementsByTagName("testcase");
        Element placeholder = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getElementsByTagName("failure").getLength()).isLessThanOrEqualTo(1);
            if (c.getAttribute("name").equals("placeholder-template")) {
                placeholder = c;
            }
        }
        assertThat(placeholder).isNotNull();
        Element failure = (Element) placeholder.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getAttribute("message"))
                .startsWith("line ")
                .endsWith("'[Time estimate]' left in (and 3 more)");
        assertThat(failure.getTextContent().lines())
                .hasSize(4)
                .allMatch(l -> l.contains("error [placeholder-template]"));
        Element suites = xml.getDocumentElement();
        assertThat(suites.getAttribute("failures"))
                .isEqualTo(Integer.toString(xml.getElementsByTagName("failure").getLength()));
    }

    @Test
    void junitReplacesCharactersXmlCannotHold() {
        assertThat(JUnitReporter.clean("a\u0001b\tc")).isEqualTo("a\uFFFDb\tc");
        assertThat(JUnitReporter.clean("plain")).isEqualTo("plain");
    }

    @Test
    void githubPrintsOneAnnotationPerFindingAndTheSummary() {
        writeTwoSpecs();

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "github");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        String path = root.resolve("directives/spec/" + BROKEN).toString().replace('\\', '/');
        assertThat(lines.get(0))
                .isEqualTo(
                        "::error file="
                                + GitHubReporter.property(path)
                                + ",line=3,col=11,endLine=3,endColumn=67,title=specgate field-file::'File' names '"
                                + CLEAN
                                + "' but the file is '"
                                + BROKEN
                                + "'");
        assertThat(lines.get(1)).startsWith("::error file=").contains(",line=5,col=11,");
        assertThat(lines.get(3)).isEqualTo("Checked 2 specs: 3 errors, 0 warnings in 1 file.");
    }

    @Test
    void githubNamesASpecFromTheCheckoutsRootWhereverTheRunStood() {
        Path checkout = root.toAbsolutePath();
        Path docs = checkout.resolve("docs");
        // a step with working-directory: docs, checking ../directives/spec
        assertThat(
                        GitHubReporter.annotationPath(
                                Path.of("../directives/spec/" + BROKEN), checkout.toString(), docs))
                .isEqualTo("directives/spec/" + BROKEN);
        // an absolute path inside the checkout
        assertThat(
                        GitHubReporter.annotationPath(
                                checkout.resolve("directives/spec/" + BROKEN),
                                checkout.toString(),
                                checkout))
                .isEqualTo("directives/spec/" + BROKEN);
        // outside a runner, or outside the checkout: as every report shows it
        assertThat(GitHubReporter.annotationPath(Path.of("spec/x.md"), null, docs))
                .isEqualTo("spec/x.md");
        assertThat(
                        GitHubReporter.annotationPath(
                                Path.of("/elsewhere/x.md"), checkout.toString(), docs))
                .isEqualTo("/elsewhere/x.md");
    }

    @Test
    void githubWritesOutTheControlCharactersOfAFileNameAndAMessage() {
        // a file name holding ESC and a line feed, and text the rule quotes back holding ESC
        String name = "2026-10-04_spec_\u001B[31mred\n::error::forged.md";
        writeSpec(
                root,
                name,
                cleanSpec()
                        .replace("**Type:** Architecture Change", "**Type:** \u001B[2JRefactor"));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "github");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(run.out()).doesNotContain("\u001B");
        // one annotation per line, none forged by the name
        assertThat(lines.subList(0, lines.size() - 1))
                .isNotEmpty()
                .allMatch(
                        l ->
                                l.startsWith("::error file=")
                                        && l.contains(
                                                "%1B[31mred%0A%3A%3Aerror%3A%3Aforged.md,line="));
        assertThat(lines).anyMatch(l -> l.contains("%1B[2JRefactor"));
        assertThat(GitHubReporter.data("a\u0007b\u202Ec\u007F%"))
                .isEqualTo("a%07b%E2%80%AEc%7F%25");
    }

    @Test
    void githubEscapesPercentNewlinesCommasAndColons() {
        assertThat(GitHubReporter.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
        assertThat(GitHubReporter.property("a,b:c")).isEqualTo("a%2Cb%3Ac");
    }

    @Test
    void outputWritesTheReportToAFileAndNothingToStdout() throws IOException {
        writeTwoSpecs();
        Path report = root.resolve("reports/nested/specgate.sarif");

        CliRun run =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--format",
                        "sarif",
                        "--output",
                        report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        JsonNode sarif = new ObjectMapper().readTree(Files.readString(report));
        SarifSchema.assertValid(sarif);
        assertThat(sarif.at("/runs/0/results")).hasSize(3);
        try (var left = Files.list(report.getParent())) {
            assertThat(left).containsExactly(report);
        }
    }

    @Test
    void textReportToAFileHasNoColour() throws IOException {
        writeTwoSpecs();
        Path report = root.resolve("report.txt");

        CliRun run =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--color",
                        "always",
                        "-o",
                        report.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report))
                .doesNotContain("\u001b[")
                .contains("Checked 2 specs: 3 errors");
    }

    @Test
    void outputThatCannotBeWrittenIsAUsageError() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path dir = Files.createDirectories(root.resolve("a-directory"));

        CliRun run = CliRun.of("check", root.toString(), "--output", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("specgate: cannot write the report to " + dir)
                .doesNotContain("Exception");
    }

    @Test
    void outputThroughASymbolicLinkWritesItsTargetAndKeepsTheLink() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path real = Files.writeString(root.resolve("real-report.txt"), "old");
        Path link = Files.createSymbolicLink(root.resolve("report.txt"), real.getFileName());

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "-o", link.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("No problems found in 1 spec.");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void outputToAFifoIsWrittenThroughNotReplaced() throws Exception {
        writeSpec(root, CLEAN, cleanSpec());
        Path fifo = root.resolve("report.pipe");
        assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo works here");
        CompletableFuture<String> read = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                read.complete(Files.readString(fifo));
                            } catch (IOException | RuntimeException e) {
                                read.completeExceptionally(e);
                            }
                        });
        reader.setDaemon(true); // left blocked if the FIFO was replaced
        reader.start();

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "-o", fifo.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class).isOther())
                .as("still a FIFO")
                .isTrue();
        assertThat(read.get(10, TimeUnit.SECONDS)).contains("No problems found in 1 spec.");
    }

    @Test
    void outputDashIsStandardOutput() {
        writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "-o", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No problems found in 1 spec.");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void outputBelowAFileNamesThatFile() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        Path file = Files.writeString(root.resolve("afile"), "mine");

        CliRun run =
                CliRun.of("check", root.toString(), "-o", root.resolve("afile/x.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: cannot write the report to "
                                + root.resolve("afile/x.txt")
                                + ": "
                                + file
                                + " is a file, not a folder");
        assertThat(file).hasContent("mine");
    }

    @Test
    void outputOrBaselineNamingASpecTheRunReadsIsRefusedAndTheSpecKept() throws IOException {
        writeTwoSpecs();
        Path spec = root.resolve("directives/spec/" + BROKEN);
        byte[] before = Files.readAllBytes(spec);
        // the same file spelt through a link: still the spec
        Path link = Files.createSymbolicLink(root.resolve("report.md"), spec);

        for (List<String> args :
                List.of(
                        List.of("check", spec.toString(), "--output", spec.toString()),
                        List.of("check", root.toString(), "-o", link.toString()),
                        List.of("check", root.toString(), "--write-baseline", spec.toString()))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--today", TODAY));
            CliRun run = CliRun.of(all.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip())
                    .as(String.join(" ", args))
                    .startsWith(
                            "specgate: "
                                    + (args.get(2).equals("-o") ? "--output" : args.get(2))
                                    + " "
                                    + args.get(3))
                    .endsWith(
                            args.get(2).equals("--write-baseline")
                                    ? "is a spec this run checks: writing the baseline there would"
                                            + " replace it; name another file, such as"
                                            + " .specgate-baseline.json"
                                    : "is a spec this run checks: writing the report there would"
                                            + " replace it; name another file");
            assertThat(Files.readAllBytes(spec)).isEqualTo(before);
        }
    }

    @Test
    void aBaselineOverTheConfigurationOrNamingNoFileIsRefusedAndNothingWritten()
            throws IOException {
        writeTwoSpecs();
        Path config = Files.writeString(root.resolve(".specgate.yml"), "version: 1\r\n");
        Path folder = Files.createDirectories(root.resolve("baselines"));

        CliRun overConfig =
                CliRun.of("check", root.toString(), "--write-baseline", config.toString());
        CliRun dash = CliRun.of("check", root.toString(), "--write-baseline", "-");
        CliRun toFolder =
                CliRun.of("check", root.toString(), "--write-baseline", folder.toString());

        assertThat(overConfig.exitCode()).isEqualTo(2);
        assertThat(overConfig.err())
                .isEqualTo(
                        "specgate: --write-baseline "
                                + config
                                + " is the configuration this run follows: writing the baseline"
                                + " there would replace it; name another file, such as"
                                + " .specgate-baseline.json"
                                + System.lineSeparator());
        assertThat(config).hasContent("version: 1\r\n");
        assertThat(dash.exitCode()).isEqualTo(2);
        assertThat(dash.err())
                .startsWith("specgate: --write-baseline - names no file: a baseline is a file");
        assertThat(root.resolve("-")).doesNotExist();
        assertThat(toFolder.exitCode()).isEqualTo(2);
        assertThat(toFolder.err().strip())
                .isEqualTo(
                        "specgate: cannot write the baseline to "
                                + folder
                                + ": "
                                + folder
                                + " is a folder");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void outputNamingAFolderIsRefusedBeforeAnythingElse() throws IOException {
        Path dir = Files.createDirectories(root.resolve("a-directory"));

        CliRun run =
                CliRun.of(
                        "check", root.resolve("no-such-spec.md").toString(), "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: cannot write the report to "
                                + dir
                                + ": "
                                + dir
                                + " is a folder");
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
