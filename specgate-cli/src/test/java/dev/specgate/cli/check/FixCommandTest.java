package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.reapproved;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.report.SarifSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --fix} on real files. */
class FixCommandTest {

    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path root;

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The clean spec with a fixable problem of each kind, edited after its approval: the approval
     * record is the clean spec's, so the broken text is stale until {@code --fix} restores the
     * approved content.
     */
    private static String broken() {
        return cleanSpec()
                .replace(
                        "`directives/spec/" + NAME + "`",
                        "`directives/spec/2026-10-02_spec_webhooks.md`")
                .replace("### Current State", "## Current State")
                .replace("- [x] Outbox table approved", "- [ x] Outbox table approved")
                .replace("**Last Updated:** 2026-10-20", "**Last Updated:** October 20, 2026");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crlfWithBom(String lf) {
        byte[] body = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    @Test
    void fixesWhatIsSafePrintsItAndKeepsCrlfAndBom() throws IOException {
        Path spec = writeSpec(root, NAME, crlfWithBom(broken()));
        String path = spec.toString().replace('\\', '/');

        CliRun before = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun fix = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.out())
                // with section-empty, which the level fix resolves, and approval-stale: the
                // broken text is not the approved one (the status block's date does not count)
                .contains(
                        "error [approval-stale] the approved content changed since the approval of"
                                + " 2026-11-20 by Priya Raman")
                .contains(
                        "changed: the fields under the title (File, Created, Type), Current"
                                + " State, Prerequisites (if the spec was renamed, its File field"
                                + " changed with it")
                .contains("6 errors");
        assertThat(fix.exitCode()).isZero();
        assertThat(fix.out().strip()).isEqualTo("No problems found in 1 spec.");
        assertThat(fix.err().lines().toList())
                .containsExactly(
                        path
                                + ":3:11: fixed [field-file] '2026-10-02_spec_webhooks.md' -> '"
                                + NAME
                                + "'",
                        path + ":14:1: fixed [section-level] '##' -> '###'",
                        path + ":66:3: fixed [task-box] '[ x]' -> '[x]'",
                        path + ":274:19: fixed [field-date] 'October 20, 2026' -> '2026-10-20'",
                        "specgate: fixed 4 problems in 1 spec");
        assertThat(Files.readAllBytes(spec)).isEqualTo(crlfWithBom(cleanSpec()));
    }

    @Test
    void aSecondFixChangesNothing() throws IOException {
        Path spec = writeSpec(root, NAME, utf8(broken()));
        CliRun first = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");
        assertThat(first.exitCode()).isZero(); // the fixes restore the approved content
        byte[] once = Files.readAllBytes(spec);
        var modified = Files.getLastModifiedTime(spec);

        CliRun again = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(Files.readAllBytes(spec)).isEqualTo(once);
        assertThat(Files.getLastModifiedTime(spec)).isEqualTo(modified);
    }

    @Test
    void whatCannotBeFixedIsStillReported() throws IOException {
        Path spec =
                writeSpec(
                        root,
                        NAME,
                        utf8(
                                broken().replace(
                                                "**Next Review:** 2027-01-15",
                                                "**Next Review:** 02/11/2027")
                                        .replace(
                                                "**Type:** Architecture Change",
                                                "**Type:** Refactoring")));

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("specgate: fixed 4 problems in 1 spec");
        assertThat(run.out())
                .contains("error [field-value]")
                .contains(
                        "error [field-date] 'Next Review' must be a date as YYYY-MM-DD, found '02/11/2027'")
                // the Type changed after the approval, which no fix undoes (the Next Review date
                // is outside the approved content)
                .contains(
                        "error [approval-stale] the approved content changed since the approval of"
                                + " 2026-11-20 by Priya Raman")
                .contains(
                        "changed: the fields under the title (File, Created, Type) (if the spec"
                                + " was renamed, its File field changed with it: restore the name"
                                + " it was approved under, or review it again")
                .contains("Checked 1 spec: 3 errors");
        assertThat(Files.readString(spec)).contains("**Next Review:** 02/11/2027");
    }

    @Test
    void aValidApprovalKeepsItsContentAndTheDateOutsideItIsFixed() throws IOException {
        // approved as broken: the path, the heading and the box are approved content
        byte[] approved = crlfWithBom(reapproved(broken()));
        Path spec = writeSpec(root, NAME, approved);
        String path = spec.toString().replace('\\', '/');

        CliRun fix = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(fix.exitCode()).isEqualTo(1);
        assertThat(fix.err().lines().toList())
                .containsExactly(
                        path
                                + ": 3 fixes not applied [field-file, section-level, task-box]:"
                                + " they would change the content approved 2026-11-20 by Priya"
                                + " Raman and void that approval; make the change by hand, have"
                                + " the spec re-reviewed, then run specgate approve "
                                + path
                                + " --refresh",
                        path + ":274:19: fixed [field-date] 'October 20, 2026' -> '2026-10-20'",
                        "specgate: fixed 1 problem in 1 spec");
        assertThat(fix.out())
                .contains("error [field-file]")
                .contains("error [section-level]")
                .doesNotContain("approval-stale")
                .doesNotContain("[field-date]");
        // only the Last Updated date changed; CRLF and the BOM kept
        assertThat(Files.readAllBytes(spec))
                .isEqualTo(
                        crlfWithBom(
                                reapproved(broken())
                                        .replace(
                                                "**Last Updated:** October 20, 2026",
                                                "**Last Updated:** 2026-10-20")));
        CliRun after = CliRun.of("check", root.toString(), "--today", TODAY);
        assertThat(after.out()).doesNotContain("approval-stale");
    }

    @Test
    void aFixLineKeepsTheSpecsControlCharactersOffTheTerminal() throws IOException {
        // a File field with a right-to-left override, in a spec with no approval to void
        String spec =
                cleanSpec()
                        .replaceFirst("\\*\\*Approval:\\*\\* [^\\n]*\\n", "")
                        .replace(
                                "**File:** `directives/spec/" + NAME + "`",
                                "**File:** `directives/spec/2026-10-02_spec_\u202Eeuqe.md`");
        writeSpec(root, NAME, utf8(spec));

        CliRun fix = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(fix.err()).contains("fixed [field-file]").doesNotContain("\u202E");
        assertThat(fix.err()).containsIgnoringCase("2026-10-02_spec_\\u202Eeuqe.md");
    }

    @Test
    void theJsonReportCarriesTheFixesWrittenAndWithheld() throws IOException {
        Path spec = writeSpec(root, NAME, crlfWithBom(reapproved(broken())));
        String path = spec.toString().replace('\\', '/');

        CliRun fix =
                CliRun.of("check", root.toString(), "--today", TODAY, "--fix", "--format", "json");

        assertThat(fix.exitCode()).isEqualTo(1);
        JsonNode json = JSON.readTree(fix.out());
        JsonNode file = json.get("files").get(0);
        assertThat(fieldNames(file))
                .containsExactly("path", "status", "fixes", "withheld", "diagnostics");
        assertThat(file.get("fixes").toString())
                .isEqualTo(
                        "[{\"rule\":\"field-date\",\"line\":274,\"column\":19,"
                                + "\"before\":\"October 20, 2026\",\"after\":\"2026-10-20\"}]");
        JsonNode withheld = file.get("withheld");
        assertThat(withheld.get("message").asText())
                .isEqualTo(fix.err().lines().findFirst().orElseThrow());
        assertThat(withheld.get("approval").toString())
                .isEqualTo("{\"date\":\"2026-11-20\",\"by\":\"Priya Raman\"}");
        assertThat(withheld.get("fixes").findValuesAsText("rule"))
                .containsExactly("field-file", "section-level", "task-box");
        assertThat(withheld.get("fixes").get(1).toString())
                .isEqualTo(
                        "{\"rule\":\"section-level\",\"line\":14,\"column\":1,"
                                + "\"before\":\"##\",\"after\":\"###\"}");
        JsonNode summary = json.get("summary");
        assertThat(summary.get("fixed").asInt()).isEqualTo(1);
        assertThat(summary.get("withheld").asInt()).isEqualTo(3);
        assertThat(fix.err()).contains(path + ":274:19: fixed [field-date]");

        // a second run has nothing left to write, and says so in the same shape
        CliRun again =
                CliRun.of("check", root.toString(), "--today", TODAY, "--fix", "--format", "json");
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("files").get(0).get("fixes")).isEmpty();
        assertThat(second.get("files").get(0).get("withheld").get("fixes")).hasSize(3);
        assertThat(second.get("summary").get("fixed").asInt()).isZero();

        // without --fix the shape is as it was
        CliRun plain = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");
        JsonNode third = JSON.readTree(plain.out());
        assertThat(fieldNames(third.get("files").get(0)))
                .containsExactly("path", "status", "diagnostics");
        assertThat(fieldNames(third.get("summary")))
                .containsExactly("files", "errors", "warnings", "infos");
    }

    @Test
    void theSarifReportCarriesTheFixesAsNotificationsOfTheInvocation() throws IOException {
        writeSpec(root, NAME, utf8(reapproved(broken())));

        CliRun fix =
                CliRun.of("check", root.toString(), "--today", TODAY, "--fix", "--format", "sarif");

        JsonNode sarif = JSON.readTree(fix.out());
        SarifSchema.assertValid(sarif);
        JsonNode invocation = sarif.get("runs").get(0).get("invocations").get(0);
        JsonNode notes = invocation.get("toolExecutionNotifications");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).get("descriptor").get("id").asText()).isEqualTo("fixed");
        assertThat(notes.get(0).get("message").get("text").asText())
                .isEqualTo("fixed [field-date] 'October 20, 2026' -> '2026-10-20'");
        assertThat(notes.get(0).get("locations").get(0).get("physicalLocation").get("region"))
                .hasToString("{\"startLine\":274,\"startColumn\":19}");
        assertThat(notes.get(1).get("descriptor").get("id").asText()).isEqualTo("fix-withheld");
        assertThat(notes.get(1).get("level").asText()).isEqualTo("warning");
        assertThat(notes.get(1).get("locations")).hasSize(3);
        // its fixes are three rules': no one of them is the notification's rule
        assertThat(notes.get(0).get("associatedRule").get("id").asText()).isEqualTo("field-date");
        assertThat(notes.get(1).has("associatedRule")).isFalse();
        assertThat(notes.get(1).get("message").get("text").asText())
                .contains("[field-file, section-level, task-box]");
        assertThat(notes.get(1).get("message").get("text").asText())
                .isEqualTo(fix.err().lines().findFirst().orElseThrow());
    }

    @Test
    void anApprovedSpecWithOnlyApprovedContentToFixIsLeftByteIdentical() throws IOException {
        byte[] approved =
                reapproved(
                                cleanSpec()
                                        .replace(
                                                "`directives/spec/" + NAME + "`",
                                                "`directives/spec/2026-10-02_spec_webhooks.md`"))
                        .replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        Path spec = writeSpec(root, NAME, approved);
        FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(spec, modified);

        CliRun fix = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(fix.exitCode()).isEqualTo(1);
        assertThat(fix.err().lines().toList())
                .singleElement()
                .asString()
                .contains(": 1 fix not applied [field-file]: it would change the content approved")
                .endsWith(" --refresh");
        assertThat(fix.out()).contains("error [field-file]").doesNotContain("approval-stale");
        assertThat(Files.readAllBytes(spec)).isEqualTo(approved);
        assertThat(Files.getLastModifiedTime(spec)).isEqualTo(modified);
    }

    @Test
    void ruleTurnedOffInTheConfigIsNotFixed() throws IOException {
        // bytes, not reapproved: the approval is stale, so there is none to keep
        Path spec = writeSpec(root, NAME, utf8(broken()));
        Files.writeString(root.resolve(".specgate.yml"), "rules:\n  section-level: off\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--fix");

        assertThat(run.err()).doesNotContain("section-level").contains("fixed 3 problems");
        assertThat(Files.readString(spec)).contains("\n## Current State\n");
    }

    @Test
    void jsonStaysOneDocumentWhenFixing() throws IOException {
        writeSpec(root, NAME, utf8(broken()));

        CliRun run =
                CliRun.of("check", root.toString(), "--today", TODAY, "--fix", "--format", "json");

        assertThat(run.out().strip()).startsWith("{").endsWith("}");
        assertThat(run.err()).contains("fixed [section-level]");
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnyFix() throws IOException {
        Path spec = writeSpec(root, NAME, utf8(broken()));
        Files.writeString(root.resolve("afile"), "mine");

        CliRun run =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--fix",
                        "-o",
                        root.resolve("afile/report.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("afile is a file, not a folder").doesNotContain("fixed");
        assertThat(spec).hasContent(broken());
    }
}
