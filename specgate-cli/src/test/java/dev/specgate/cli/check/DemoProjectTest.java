package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's main command on the demo project finds exactly the defects the demo documents. */
class DemoProjectTest {

    private static final Path DEMO = Path.of("..", "examples", "demo");

    @Test
    void demoFindsEveryDocumentedDefectAndNothingElse() throws Exception {
        CliRun run =
                CliRun.of("check", DEMO.toString(), "--today", "2026-11-25", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (JsonNode file : json.get("files")) {
            List<String> diags = new ArrayList<>();
            for (JsonNode d : file.get("diagnostics")) {
                diags.add(
                        d.get("line").asInt()
                                + " "
                                + d.get("severity").asText()
                                + " "
                                + d.get("rule").asText());
            }
            String path = file.get("path").asText();
            found.put(path.substring(path.lastIndexOf('/') + 1), diags);
        }

        assertThat(found)
                .containsExactly(
                        Map.entry(
                                "2026-02-16_spec_payout-batch-scheduler.md",
                                List.of(
                                        "3 error field-file",
                                        "218 error task-box",
                                        "283 warning approval-missing",
                                        "284 error field-date",
                                        "287 error reviewer-missing",
                                        "287 error placeholder-template")),
                        Map.entry(
                                "2026-07-21_spec_ledger-export-sftp.md",
                                List.of(
                                        "15 error section-order",
                                        "69 error link-broken",
                                        "116 error link-anchor",
                                        "188 error section-duplicate",
                                        "218 error section-level")),
                        Map.entry("2026-10-14_spec_webhook-retry-backoff.md", List.of()),
                        Map.entry(
                                "2026-11-09_spec_refund-idempotency-keys.md",
                                List.of(
                                        "5 error field-value",
                                        "146 error section-missing",
                                        "255 error placeholder-template")),
                        Map.entry(
                                "2026-11-18_spec_sms-provider-failover.md",
                                List.of(
                                        "155 warning placeholder-template",
                                        "255 warning placeholder-template",
                                        "260 warning placeholder-template",
                                        "269 warning placeholder-date",
                                        "285 warning placeholder-date",
                                        "287 warning placeholder-template")));
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(13);
        assertThat(json.get("summary").get("warnings").asInt()).isEqualTo(7);
    }

    @Test
    void theReadmesSampleIsTheRealOutputOfItsCommand() throws Exception {
        Path readme = Path.of(System.getProperty("specgate.repoRoot", "..")).resolve("README.md");
        String text = java.nio.file.Files.readString(readme);
        String command = "$ ./specgate check examples/demo --today 2026-11-25\n";
        int start = text.indexOf("```text\n" + command);
        assertThat(start).as("README's sample starts with its command, date pinned").isPositive();
        int from = start + "```text\n".length() + command.length();
        String sample = text.substring(from, text.indexOf("```", from));

        CliRun run = CliRun.of("check", DEMO.toString(), "--today", "2026-11-25");

        // the test runs in specgate-cli, the README's command in the repository's root
        assertThat(run.out().replace(DEMO + "/", "examples/demo/")).isEqualTo(sample);
    }

    @Test
    void theReadmesJsonSampleHoldsTheRealValues() throws Exception {
        Path readme = Path.of(System.getProperty("specgate.repoRoot", "..")).resolve("README.md");
        String text = java.nio.file.Files.readString(readme);
        int start = text.indexOf("```json\n", text.indexOf("`--format json` prints"));
        assertThat(start).as("README's JSON sample").isPositive();
        int from = start + "```json\n".length();
        // its elisions are strings ("…"), so the sample parses as it is
        JsonNode sample =
                new ObjectMapper().readTree(text.substring(from, text.indexOf("```", from)));

        JsonNode real =
                new ObjectMapper()
                        .readTree(
                                CliRun.of(
                                                "check",
                                                DEMO.toString(),
                                                "--today",
                                                "2026-11-25",
                                                "--format",
                                                "json")
                                        .out());

        assertThat(sample.get("version")).isEqualTo(real.get("version"));
        assertThat(sample.get("summary")).isEqualTo(real.get("summary"));
        JsonNode shown = sample.get("files").get(0);
        JsonNode diagnostic = shown.get("diagnostics").get(0);
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode file : real.get("files")) {
            for (JsonNode d : file.get("diagnostics")) {
                if (file.get("status").equals(shown.get("status"))
                        && d.get("rule").equals(diagnostic.get("rule"))) {
                    matching.add(d);
                }
            }
        }
        assertThat(matching)
                .as(
                        "the demo's %s findings in a %s spec",
                        diagnostic.get("rule"), shown.get("status"))
                .hasSize(1);
        for (String key : List.of("severity", "line", "column", "endLine", "endColumn")) {
            assertThat(diagnostic.get(key)).as(key).isEqualTo(matching.get(0).get(key));
        }
    }
}
