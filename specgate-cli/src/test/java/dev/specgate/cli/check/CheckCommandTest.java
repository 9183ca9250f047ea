package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.freshDraft;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path root;

    @Test
    void cleanSpecExitsZeroWithSummary() {
        writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No problems found in 1 spec." + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void errorsArePrintedAtTheirLineAndExitOne() {
        String broken =
                cleanSpec()
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring")
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]");
        Path spec = writeSpec(root, CLEAN, broken);
        int typeLine = lineOf(broken, "**Type:** Refactoring");
        int estimateLine = lineOf(broken, "[Time estimate]");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        String path = spec.toString().replace('\\', '/');
        assertThat(run.out())
                .contains(path + ":" + typeLine + ":11: error [field-value] ")
                .contains(path + ":" + estimateLine + ":17: error [placeholder-template] ")
                .contains("Checked 1 spec: 2 errors, 0 warnings in 1 file.");
        assertThat(run.out().indexOf(":" + typeLine + ":"))
                .isLessThan(run.out().indexOf(":" + estimateLine + ":"));
    }

    @Test
    void anApprovedSpecWithAnOpenDecisionFailsWithOneLinePerOpenItem() {
        // the status typed by hand: the Approved gate was never asked
        // last updated before the check's date too, which created-date holds it to
        String open =
                cleanSpec()
                        .replace("- [x] Back-off cap", "- [ ] Back-off cap")
                        .replace("**Last Updated:** 2026-10-20", "**Last Updated:** 2026-10-08");
        Path spec = writeSpec(root, CLEAN, open);
        int line = lineOf(open, "- [ ] Back-off cap");

        // before its Decision by date, so that it is not overdue too
        CliRun run = CliRun.of("check", root.toString(), "--today", "2026-10-09");
        CliRun asReview =
                CliRun.of(
                        "check",
                        writeSpec(
                                        root.resolve("review"),
                                        CLEAN,
                                        open.replace(
                                                "**Document Status:** Approved",
                                                "**Document Status:** Review"))
                                .toString(),
                        "--today",
                        "2026-10-09");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo(
                        spec.toString().replace('\\', '/')
                                + ":"
                                + line
                                + ":1: error [decision-open] decision 48.1 'Back-off cap of 6 h or"
                                + " 24 h' is still open under Technical Decisions Needed while the"
                                + " spec is Approved: tick it when decided, or set the status back"
                                + " to Draft"
                                + System.lineSeparator()
                                + "Checked 1 spec: 1 error, 0 warnings in 1 file."
                                + System.lineSeparator());
        assertThat(asReview.exitCode()).isZero();
    }

    @Test
    void draftWithOnlyPlaceholdersHasWarningsButPasses() {
        String name = "2026-11-20_spec_export-audit-log.md";
        writeSpec(root, name, freshDraft(name));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(": error [").contains(": warning [");
    }

    @Test
    void strictFailsOnWarnings() {
        String name = "2026-11-20_spec_export-audit-log.md";
        writeSpec(root, name, freshDraft(name));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--strict");

        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void jsonListsEveryFileWithDiagnosticsAndSummary() throws IOException {
        writeSpec(root, CLEAN, cleanSpec());
        String broken =
                cleanSpec().replace("**Document Status:** Approved", "**Document Status:** Done");
        writeSpec(
                root,
                "2026-10-03_spec_broken-status.md",
                broken.replace(CLEAN, "2026-10-03_spec_broken-status.md")
                        .replace("**Created:** 2026-10-02", "**Created:** 2026-10-03"));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("files")).hasSize(2);
        JsonNode clean = json.get("files").get(0);
        JsonNode bad = json.get("files").get(1);
        assertThat(clean.get("path").asText()).endsWith("/directives/spec/" + CLEAN);
        assertThat(clean.get("status").asText()).isEqualTo("Approved");
        assertThat(clean.get("diagnostics")).isEmpty();
        assertThat(bad.get("status").asText()).isEqualTo("Done");
        JsonNode d = bad.get("diagnostics").get(0);
        assertThat(d.get("rule").asText()).isEqualTo("field-value");
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("line").asInt()).isEqualTo(lineOf(broken, "**Document Status:** Done"));
        assertThat(d.get("column").asInt()).isEqualTo(22);
        assertThat(d.get("endLine").asInt()).isEqualTo(d.get("line").asInt());
        assertThat(d.get("endColumn").asInt()).isEqualTo(26);
        assertThat(d.get("message").asText()).contains("Document Status").contains("Done");
        assertThat(json.get("summary").get("files").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("warnings").asInt()).isZero();
    }

    @Test
    void crlfAndBomSpecIsCleanWithRightLines() {
        String crlf =
                dev.specgate.cli.SpecFixtures.reapproved(
                                cleanSpec()
                                        .replace(
                                                "**Type:** Architecture Change",
                                                "**Type:** Refactoring"))
                        .replace("\n", "\r\n");
        byte[] text = crlf.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        writeSpec(root, CLEAN, withBom);

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.out())
                .startsWith(
                        root.resolve("directives/spec/" + CLEAN).toString().replace('\\', '/')
                                + ":5:11: error [field-value]");
        assertThat(run.out()).contains("1 error, 0 warnings");
    }

    @Test
    void unreadableFileIsOneErrorAndTheRunGoesOn() {
        writeSpec(root, CLEAN, cleanSpec());
        writeSpec(
                root,
                "2026-10-05_spec_latin1.md",
                new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "2026-10-05_spec_latin1.md:1:6: error [unreadable-file] cannot check this"
                                + " file: not UTF-8 (byte 0xE9 at offset 5); save the file as"
                                + " UTF-8")
                .contains("Checked 2 specs: 1 error, 0 warnings in 1 file.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void markdownFilesDirectlyInAFolderAreChecked() throws IOException {
        Files.writeString(root.resolve(CLEAN), cleanSpec());

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 spec");
    }

    @Test
    void singleFileCanBeChecked() {
        Path spec = writeSpec(root, CLEAN, cleanSpec());

        CliRun run = CliRun.of("check", spec.toString(), "--today", TODAY, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"files\" : 1");
    }

    @Test
    void emptyFolderIsAUsageErrorNeverASilentPass() {
        CliRun run = CliRun.of("check", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .isEqualTo(
                        "specgate: no specs found under "
                                + root
                                + ": looked for Markdown files in a directives/spec/ folder and"
                                + " task lists in directives/tasks/, at any depth, or else (as it"
                                + " has no directives/ folder) the Markdown files directly in it;"
                                + " specgate new \"TITLE\""
                                + " writes a spec");
    }

    @Test
    void anEmptyPathArgumentIsAUsageErrorNotTheCurrentDirectory() {
        CliRun run = CliRun.of("check", "");
        CliRun init = CliRun.of("init", "");
        CliRun site = CliRun.of("site", "", "--out", root.resolve("site").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("specgate check: ").contains("''");
        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).contains("(DIR): an empty path");
        assertThat(site.exitCode()).isEqualTo(2);
        assertThat(site.err()).contains("(ROOT): an empty path");
        assertThat(root.resolve("site")).doesNotExist();
    }

    @Test
    void missingPathIsAUsageError() {
        CliRun run = CliRun.of("check", root.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("specgate: path not found: " + root.resolve("nope"));
    }

    @Test
    void badOptionValuesAreUsageErrorsWithoutStackTrace() {
        CliRun format = CliRun.of("check", root.toString(), "--format", "xml");
        CliRun today = CliRun.of("check", root.toString(), "--today", "2026-02-30");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("xml").doesNotContain("at dev.");
        assertThat(today.exitCode()).isEqualTo(2);
        assertThat(today.err())
                .contains("'2026-02-30' is not a real date")
                .doesNotContain("Exception");
    }

    @Test
    void overdueDatesFollowToday() {
        writeSpec(root, CLEAN, cleanSpec().replace("- [x] Back-off cap", "- [ ] Back-off cap"));

        CliRun before = CliRun.of("check", root.toString(), "--today", "2026-10-09");
        CliRun after = CliRun.of("check", root.toString(), "--today", "2026-10-11");

        assertThat(before.out()).doesNotContain("decision-overdue");
        assertThat(after.out()).contains("warning [decision-overdue]");
    }

    @Test
    void noColourWhenNotATerminalOrNeverAndColourWhenAlways() {
        writeSpec(
                root,
                CLEAN,
                cleanSpec().replace("**Type:** Architecture Change", "**Type:** Refactoring"));

        CliRun auto = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun always = CliRun.of("check", root.toString(), "--today", TODAY, "--color", "always");

        assertThat(auto.out()).doesNotContain("\u001b[");
        assertThat(always.out()).contains("\u001b[1;31merror\u001b[0m");
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }
}
