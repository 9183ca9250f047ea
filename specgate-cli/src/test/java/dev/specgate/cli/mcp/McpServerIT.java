package dev.specgate.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code java -jar specgate.jar mcp} as a real subprocess, driven by the official MCP
 * Java SDK's client over stdio, and by the official TypeScript SDK's client (a third party), on a
 * copy of examples/demo. Runs after package, against the shaded jar, so it also proves the jar
 * holds the MCP SDK.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class McpServerIT {

    static final Path JAR = Path.of("target", "specgate.jar");
    static final Path DEMO = Path.of("..", "examples", "demo");
    static final String TODAY = "2026-12-01";
    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
    static final String LEDGER = "directives/spec/2026-07-21_spec_ledger-export-sftp.md";
    static final String SMS = "directives/spec/2026-11-18_spec_sms-provider-failover.md";
    static final List<String> READ_TOOLS =
            List.of(
                    "list_specs",
                    "get_spec",
                    "check",
                    "check_text",
                    "template",
                    "progress",
                    "next_item",
                    "trace");
    static final List<String> WRITE_TOOLS =
            List.of(
                    "new_spec",
                    "mark_done",
                    "update_section",
                    "set_status",
                    "set_field",
                    "scaffold",
                    "tasks");
    static final String PAYOUT = "directives/spec/2026-02-16_spec_payout-batch-scheduler.md";
    static final String WEBHOOK = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration that leaves the SMS spec out. */
    static final String PARK_SMS =
            "version: 1\n# the SMS failover is parked: not checked\nignore:\n"
                    + "  - \"directives/spec/*_spec_sms-*.md\"\n";

    @TempDir Path tmp;
    Path project;
    final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeEach
    void copyDemo() throws IOException {
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        project = tmp.resolve("demo");
        copy(DEMO, project);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    @Test
    void listsEveryToolInOrderWithSchemasAndHonestAnnotations() {
        McpSyncClient client = client();
        assertThat(client.getServerInfo().name()).isEqualTo("specgate");
        List<McpSchema.Tool> tools = client.listTools().tools();
        List<String> all = new ArrayList<>(READ_TOOLS);
        all.addAll(WRITE_TOOLS);
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(all);
        for (McpSchema.Tool t : tools) {
            boolean write = WRITE_TOOLS.contains(t.name());
            assertThat(t.inputSchema()).as(t.name()).isNotNull();
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isEqualTo(!write);
            // replacing a section's text or a task list loses what was there
            assertThat(t.annotations().destructiveHint())
                    .as(t.name())
                    .isEqualTo(List.of("update_section", "tasks").contains(t.name()));
        }
        assertThat(annotations(tools, "scaffold").idempotentHint()).isTrue();
        assertThat(annotations(tools, "new_spec").idempotentHint()).isFalse();
        assertThat(annotations(tools, "mark_done").idempotentHint()).isTrue();
        assertThat(annotations(tools, "get_spec").idempotentHint()).isTrue();
    }

    @Test
    void getSpecGivesFieldsSectionsItemsDiagnosticsGatesAndTheContentHash() throws Exception {
        McpSchema.CallToolResult r = call(client(), "get_spec", Map.of("path", REFUND));
        JsonNode spec = structured(r);
        assertThat(spec.get("path").asText()).isEqualTo(REFUND);
        assertThat(spec.get("hash").asText()).isEqualTo(sha256(project.resolve(REFUND)));
        assertThat(spec.get("status").asText()).isEqualTo("Review");
        assertThat(spec.get("fields").findValuesAsText("label"))
                .contains("Created", "Type", "Document Status", "Reviewer");
        JsonNode summary = find(spec.get("sections"), "title", "Executive Summary");
        assertThat(summary.get("text").asText()).startsWith("`POST /v1/refunds` is not idempotent");
        JsonNode first = spec.get("checklist").get(0);
        assertThat(first.get("id").asText()).matches("\\d+\\.\\d+");
        assertThat(first.get("checked").asBoolean()).isTrue();
        assertThat(spec.get("gates").get("applies").asBoolean()).isTrue();
        assertThat(spec.get("gates").get("moves").findValuesAsText("to")).contains("Approved");
        assertThat(spec.has("diagnostics")).isTrue();
        // the text content is the same JSON as the structured content
        assertThat(JSON.readTree(text(r))).isEqualTo(spec);
    }

    /**
     * A spec in Implementation whose approved content changed since its approval: get_spec's gates
     * give {@code approvalStale} as {@code status --format json} gives it, field for field.
     */
    @Test
    void getSpecSaysAStaleApprovalAsStatusDoes() throws Exception {
        Path file = project.resolve(WEBHOOK);
        String text = Files.readString(file);
        int body = text.indexOf('\n', text.indexOf("## Executive Summary")) + 1;
        Files.writeString(
                file,
                text.substring(0, body)
                        + "\nRetries back off for über 2 % of the calls too.\n"
                        + text.substring(body));

        JsonNode gates =
                structured(call(client(), "get_spec", Map.of("path", WEBHOOK))).get("gates");
        CliRun cli = CliRun.of("status", file.toString(), "--format", "json", "--today", TODAY);
        JsonNode status = JSON.readTree(cli.out());

        assertThat(status.get("approvalStale")).hasSize(1);
        // the same reason, the spec in its 'approve --refresh' named as the tools name it
        // (relative to the root; status names it as it was given, here absolute)
        assertThat(gates.get("approvalStale").toString())
                .isEqualTo(
                        status.get("approvalStale").toString().replace(file.toString(), WEBHOOK));
        assertThat(gates.get("approvalStale").get(0).get("message").asText())
                .startsWith("[approval-stale] the approved content changed since the approval");
    }

    @Test
    void checkReportsWhatTheCommandLinesJsonReportDoes() throws Exception {
        JsonNode mcp = structured(call(client(), "check", Map.of()));
        CliRun cli = CliRun.of("check", project.toString(), "--format", "json", "--today", TODAY);
        JsonNode report = JSON.readTree(cli.out());
        assertThat(byFileName(mcp)).isEqualTo(byFileName(report));
        assertThat(mcp.get("summary")).isEqualTo(report.get("summary"));
        assertThat(mcp.get("passed").asBoolean()).isEqualTo(cli.exitCode() == 0);

        JsonNode one = structured(call(client(), "check", Map.of("paths", List.of(SMS))));
        assertThat(one.get("files")).hasSize(1);
        assertThat(one.get("files").get(0).get("path").asText()).isEqualTo(SMS);
    }

    /**
     * With a baseline configured, check says what it hid and which entries went stale in the
     * sentence specgate check writes on stderr (core's), in its notices and so in the text the
     * client shows, and as counts in 'baseline'. It said nothing of the baseline: a run it hid
     * findings from looked clean.
     */
    @Test
    void checkSaysWhatTheBaselineHidAsTheCommandLineDoes() throws Exception {
        Path refund = project.resolve(REFUND);
        Path webhook = project.resolve(WEBHOOK);
        String webhookText = Files.readString(webhook);
        String estimate = "## Executive Summary\n[Time estimate]\n\n";
        Files.writeString(
                refund, Files.readString(refund).replace("## Executive Summary\n", estimate));
        Files.writeString(webhook, webhookText.replace("## Executive Summary\n", estimate));
        Path baseline = project.resolve("specgate-baseline.json");
        assertThat(
                        CliRun.of(
                                        "check",
                                        project.toString(),
                                        "--today",
                                        TODAY,
                                        "--write-baseline",
                                        baseline.toString())
                                .exitCode())
                .isZero();
        Files.writeString(
                project.resolve(".specgate.yml"),
                "version: 1\nbaseline: specgate-baseline.json\n",
                StandardCharsets.UTF_8);
        Files.writeString(webhook, webhookText); // its placeholder filled in: entries go stale

        McpSchema.CallToolResult result = call(client(), "check", Map.of());
        JsonNode mcp = structured(result);
        CliRun cli = CliRun.of("check", project.toString(), "--today", TODAY);

        String said =
                "21 known findings hidden by the baseline specgate-baseline.json; 2 entries match"
                        + " nothing now (refresh it with specgate check --write-baseline"
                        + " specgate-baseline.json)";
        assertThat(mcp.get("notices").get(0).asText()).isEqualTo(said);
        assertThat(cli.err())
                .contains(
                        "specgate: " + said.replace("specgate-baseline.json", baseline.toString()));
        assertThat(text(result)).contains(said);
        assertThat(mcp.get("baseline"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"file\":\"specgate-baseline.json\",\"hidden\":21,\"stale\":2,"
                                        + "\"moved\":0,\"baselines\":[{\"file\":"
                                        + "\"specgate-baseline.json\",\"hidden\":21,\"stale\":2,"
                                        + "\"moved\":0}]}"));
        assertThat(mcp.get("passed").asBoolean()).isEqualTo(cli.exitCode() == 0);
    }

    /**
     * A {@code .specgate.yml} broken before the server starts: a spec's URI is answered with -32603
     * in check's words (it was the SDK's bare "Resource not found": no folder's template was
     * registered), and once the file is mended, without a restart, the specs are listed, the
     * folder's template registered, and the same URI reads the spec.
     */
    @Test
    void aConfigurationBrokenAtStartIsSaidOnReadsAndMendedWithoutARestart() throws Exception {
        Files.writeString(
                project.resolve(".specgate.yml"),
                "version: 1\r\n# not strict until the backlog is cleared\r\nstrict: maybe\r\n",
                StandardCharsets.UTF_8);
        java.util.concurrent.BlockingQueue<List<McpSchema.Resource>> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        McpSyncClient client = client(changes::add);
        McpSchema.ReadResourceRequest refund =
                new McpSchema.ReadResourceRequest("specgate://spec/" + REFUND);
        String said =
                "cannot use the configuration: .specgate.yml:3: 'strict' must be true or false,"
                        + " found 'maybe'";
        assertThat(text(call(client, "check", Map.of()))).isEqualTo(said);
        assertThatThrownBy(() -> client.readResource(refund))
                .isInstanceOfSatisfying(
                        McpError.class,
                        e -> {
                            assertThat(e.getJsonRpcError().code()).isEqualTo(-32603);
                            assertThat(e.getJsonRpcError().message()).isEqualTo(said);
                        });

        Files.writeString(
                project.resolve(".specgate.yml"),
                "version: 1\r\n# not strict until the backlog is cleared\r\nstrict: false\r\n",
                StandardCharsets.UTF_8);
        awaitAnnounced(
                changes, uris -> uris.contains("specgate://spec/" + REFUND), "the specs listed");
        assertThat(client.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("specgate://spec/{path}", "specgate://spec/directives/spec/{name}");
        McpSchema.TextResourceContents content =
                (McpSchema.TextResourceContents) client.readResource(refund).contents().get(0);
        assertThat(content.text()).isEqualTo(Files.readString(project.resolve(REFUND)));
    }

    @Test
    void checkTextChecksProposedMarkdownWithoutWritingIt() throws Exception {
        Path file = project.resolve(SMS);
        byte[] before = Files.readAllBytes(file);
        String text = new String(before, StandardCharsets.UTF_8);
        String broken = text.replace("## Executive Summary", "## Exec Summary");
        JsonNode proposed =
                structured(call(client(), "check_text", Map.of("path", SMS, "text", broken)));
        JsonNode current =
                structured(call(client(), "check_text", Map.of("path", SMS, "text", text)));
        assertThat(proposed.get("diagnostics").size())
                .isGreaterThan(current.get("diagnostics").size());
        assertThat(proposed.get("diagnostics").toString()).contains("Executive Summary");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void listSpecsFiltersAndTemplateAndProgressAnswer() throws Exception {
        McpSyncClient client = client();
        JsonNode all = structured(call(client, "list_specs", Map.of()));
        assertThat(all.get("specs")).hasSize(5);
        JsonNode review = structured(call(client, "list_specs", Map.of("status", "review")));
        assertThat(review.get("specs").findValuesAsText("path"))
                .containsExactlyInAnyOrder(REFUND, LEDGER);
        JsonNode template = structured(call(client, "template", Map.of()));
        assertThat(template.get("source").asText()).isEqualTo("built-in");
        assertThat(template.get("sections").findValuesAsText("title"))
                .contains("Executive Summary");
        assertThat(find(template.get("fields"), "label", "Document Status").get("allowedValues"))
                .extracting(JsonNode::asText)
                .contains("Draft", "Review", "Approved", "Implementation");
        JsonNode progress = structured(call(client, "progress", Map.of("path", REFUND)));
        assertThat(progress.get("total").asInt()).isGreaterThan(progress.get("checked").asInt());
    }

    @Test
    void markDoneTicksTheNextItemAndRefusesOneOutOfOrderNamingTheEarlierItems() throws Exception {
        McpSyncClient client = client();
        Path file = project.resolve(REFUND);
        JsonNode next = structured(call(client, "next_item", Map.of("path", REFUND)));
        String nextId = next.get("next").get("id").asText();
        String hash = next.get("hash").asText();
        JsonNode progress = structured(call(client, "progress", Map.of("path", REFUND)));
        String later = laterOpenItem(progress, nextId);

        byte[] before = Files.readAllBytes(file);
        McpSchema.CallToolResult refused =
                call(client, "mark_done", Map.of("path", REFUND, "item", later, "hash", hash));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("in order", nextId).doesNotContain("\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        JsonNode done =
                structured(
                        call(
                                client,
                                "mark_done",
                                Map.of("path", REFUND, "item", nextId, "hash", hash)));
        assertThat(done.get("changed").asBoolean()).isTrue();
        assertThat(done.get("hash").asText()).isEqualTo(sha256(file));
        assertThat(done.get("next").get("id").asText()).isNotEqualTo(nextId);
        String line = Files.readAllLines(file).get(done.get("item").get("line").asInt() - 1);
        assertThat(line).startsWith("- [x]");
        assertThat(diffLines(before, Files.readAllBytes(file))).isEqualTo(1);
    }

    @Test
    void aWriteWithAStaleHashIsRefusedAndTheFileUntouched() throws Exception {
        McpSyncClient client = client();
        Path file = project.resolve(REFUND);
        JsonNode read = structured(call(client, "get_spec", Map.of("path", REFUND)));
        JsonNode next = structured(call(client, "next_item", Map.of("path", REFUND)));
        // someone edits the file between the agent's read and its write
        Files.writeString(
                file, Files.readString(file) + "\nEdited by hand.\n", StandardCharsets.UTF_8);
        byte[] edited = Files.readAllBytes(file);
        for (Map<String, Object> write :
                List.of(
                        Map.<String, Object>of(
                                "name",
                                "mark_done",
                                "args",
                                Map.of(
                                        "path", REFUND,
                                        "item", next.get("next").get("id").asText(),
                                        "hash", read.get("hash").asText())),
                        Map.<String, Object>of(
                                "name",
                                "set_status",
                                "args",
                                Map.of(
                                        "path",
                                        REFUND,
                                        "status",
                                        "Draft",
                                        "hash",
                                        read.get("hash").asText())))) {
            @SuppressWarnings("unchecked")
            McpSchema.CallToolResult r =
                    call(
                            client,
                            (String) write.get("name"),
                            (Map<String, Object>) write.get("args"));
            assertThat(r.isError()).as(write.get("name").toString()).isTrue();
            assertThat(text(r)).contains("changed since you read it");
            assertThat(Files.readAllBytes(file)).isEqualTo(edited);
        }
    }

    @Test
    void setStatusMovesThroughTheGateAndRefusesApprovalUnlessAllowed() throws Exception {
        McpSyncClient client = client();
        Path ledger = project.resolve(LEDGER);
        JsonNode moved =
                structured(
                        call(
                                client,
                                "set_status",
                                Map.of("path", LEDGER, "status", "Draft", "hash", sha256(ledger))));
        assertThat(moved.get("changed").asBoolean()).isTrue();
        assertThat(moved.get("from").asText()).isEqualTo("Review");
        assertThat(Files.readString(ledger))
                .contains("**Document Status:** Draft", "**Last Updated:** " + TODAY);

        Path refund = project.resolve(REFUND);
        byte[] before = Files.readAllBytes(refund);
        McpSchema.CallToolResult approve =
                call(
                        client,
                        "set_status",
                        Map.of("path", REFUND, "status", "Approved", "hash", sha256(refund)));
        assertThat(approve.isError()).isTrue();
        assertThat(text(approve))
                .contains("--allow-approve", "specgate status " + REFUND + " Approved");
        assertThat(Files.readAllBytes(refund)).isEqualTo(before);

        // allowed, the gate decides, and a refusal lists every reason
        McpSchema.CallToolResult gated =
                call(
                        client("--allow-approve"),
                        "set_status",
                        Map.of("path", REFUND, "status", "Approved", "hash", sha256(refund)));
        assertThat(text(gated)).doesNotContain("--allow-approve");
        if (Boolean.TRUE.equals(gated.isError())) {
            assertThat(text(gated)).contains("cannot move", "reason");
            assertThat(Files.readAllBytes(refund)).isEqualTo(before);
        } else {
            assertThat(Files.readString(refund)).contains("**Document Status:** Approved");
        }

        McpSchema.CallToolResult skip =
                call(
                        client,
                        "set_status",
                        Map.of(
                                "path",
                                SMS,
                                "status",
                                "Implementation",
                                "hash",
                                sha256(project.resolve(SMS))));
        assertThat(skip.isError()).isTrue();
        assertThat(text(skip)).contains("cannot move");
    }

    @Test
    void anAgentChecksADraftThenSavesIt() throws Exception {
        McpSyncClient client = client();
        String draft =
                Files.readString(project.resolve(SMS))
                        .replace("SMS Provider Failover", "Voice Provider Failover");
        String path = "directives/spec/" + TODAY + "_spec_voice-provider-failover.md";
        JsonNode checked =
                structured(call(client, "check_text", Map.of("path", path, "text", draft)));
        assertThat(project.resolve(path)).doesNotExist();
        JsonNode made =
                structured(
                        call(
                                client,
                                "new_spec",
                                Map.of("title", "Voice provider failover", "text", draft)));
        assertThat(made.get("path").asText()).isEqualTo(path);
        assertThat(Files.readString(project.resolve(path))).isEqualTo(draft);
        assertThat(made.get("diagnostics")).isEqualTo(checked.get("diagnostics"));

        String approved = Files.readString(project.resolve(PAYOUT));
        McpSchema.CallToolResult sneaky =
                call(client, "new_spec", Map.of("title", "Pre-approved", "text", approved));
        assertThat(sneaky.isError()).isTrue();
        assertThat(text(sneaky)).contains("starts as Draft");
    }

    @Test
    void newSpecWritesADraftAndNeverOverwrites() throws Exception {
        McpSyncClient client = client();
        JsonNode made =
                structured(call(client, "new_spec", Map.of("title", "Rate limits for the API")));
        Path file = project.resolve(made.get("path").asText());
        assertThat(made.get("path").asText())
                .isEqualTo("directives/spec/" + TODAY + "_spec_rate-limits-for-the-api.md");
        assertThat(Files.readString(file)).contains("**Document Status:** Draft");
        assertThat(made.get("hash").asText()).isEqualTo(sha256(file));
        byte[] before = Files.readAllBytes(file);
        McpSchema.CallToolResult again =
                call(client, "new_spec", Map.of("title", "Rate limits for the API"));
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).contains("already exists");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void updateSectionReplacesOneBodyGuardedByHashAndApproval() throws Exception {
        McpSyncClient client = client();
        Path file = project.resolve(REFUND);
        byte[] before = Files.readAllBytes(file);
        JsonNode read =
                structured(
                        call(
                                client,
                                "get_spec",
                                Map.of("path", REFUND, "section", "Current State")));
        assertThat(read.get("sections")).hasSize(1);
        String old = read.get("sections").get(0).get("text").asText();
        JsonNode done =
                structured(
                        call(
                                client,
                                "update_section",
                                Map.of(
                                        "path",
                                        REFUND,
                                        "section",
                                        "Current State",
                                        "text",
                                        "Each retry creates a new refund row.",
                                        "hash",
                                        read.get("hash").asText())));
        assertThat(done.get("changed").asBoolean()).isTrue();
        assertThat(done.get("hash").asText()).isEqualTo(sha256(file));
        String now = Files.readString(file);
        assertThat(now)
                .isEqualTo(
                        new String(before, StandardCharsets.UTF_8)
                                .replace(old, "Each retry creates a new refund row."));

        // the old hash is stale now: refused, file untouched
        byte[] edited = Files.readAllBytes(file);
        McpSchema.CallToolResult stale =
                call(
                        client,
                        "update_section",
                        Map.of(
                                "path",
                                REFUND,
                                "section",
                                "Current State",
                                "text",
                                "Again.",
                                "hash",
                                read.get("hash").asText()));
        assertThat(stale.isError()).isTrue();
        assertThat(text(stale)).contains("changed since you read it").doesNotContain("\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(edited);

        // an approved spec's content belongs to a person
        Path payout = project.resolve(PAYOUT);
        byte[] approved = Files.readAllBytes(payout);
        McpSchema.CallToolResult refused =
                call(
                        client,
                        "update_section",
                        Map.of(
                                "path",
                                PAYOUT,
                                "section",
                                "Executive Summary",
                                "text",
                                "Rewritten by an agent.",
                                "hash",
                                sha256(approved)));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused))
                .contains("Approved", "specgate status " + PAYOUT + " Draft", "allow-approve");
        assertThat(Files.readAllBytes(payout)).isEqualTo(approved);
    }

    @Test
    void theProjectsConfigurationCanAllowApproval() throws Exception {
        Files.writeString(project.resolve(".specgate.yml"), "mcp:\n  allow-approve: true\n");
        Path payout = project.resolve(PAYOUT);
        JsonNode done =
                structured(
                        call(
                                client(),
                                "update_section",
                                Map.of(
                                        "path",
                                        PAYOUT,
                                        "section",
                                        "Executive Summary",
                                        "text",
                                        "Rewritten with the project's consent.",
                                        "hash",
                                        sha256(payout))));
        assertThat(done.get("changed").asBoolean()).isTrue();

        Files.writeString(project.resolve(".specgate.yml"), "mcp:\n  allow-approve: maybe\n");
        McpSchema.CallToolResult bad = call(client(), "get_spec", Map.of("path", PAYOUT));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("configuration", "mcp.allow-approve").doesNotContain("\n");
    }

    @Test
    void traceScaffoldAndTasksWorkThroughTheFileOrganization() throws Exception {
        McpSyncClient client = client();
        JsonNode trace = structured(call(client, "trace", Map.of("paths", List.of(REFUND))));
        JsonNode entries = trace.get("specs").get(0).get("entries");
        assertThat(entries.size()).isPositive();

        JsonNode dry = structured(call(client, "scaffold", Map.of("path", REFUND)));
        assertThat(dry.get("applied").asBoolean()).isFalse();
        assertThat(dry.get("steps").findValuesAsText("action")).contains("would create");
        for (JsonNode step : dry.get("steps")) {
            if (step.get("action").asText().equals("would create")) {
                assertThat(project.resolve(step.get("path").asText())).doesNotExist();
            }
        }
        JsonNode made =
                structured(
                        call(
                                client,
                                "scaffold",
                                Map.of(
                                        "path",
                                        REFUND,
                                        "apply",
                                        true,
                                        "hash",
                                        sha256(project.resolve(REFUND)))));
        for (JsonNode step : made.get("steps")) {
            assertThat(project.resolve(step.get("path").asText())).exists();
        }

        JsonNode tasks =
                structured(
                        call(
                                client,
                                "tasks",
                                Map.of("path", REFUND, "hash", sha256(project.resolve(REFUND)))));
        Path list = project.resolve(tasks.get("path").asText());
        assertThat(list).exists();
        assertThat(tasks.get("hash").asText()).isEqualTo(sha256(list));
        JsonNode checked =
                structured(
                        call(
                                client,
                                "check",
                                Map.of("paths", List.of(tasks.get("path").asText()))));
        assertThat(checked.get("summary").get("errors").asInt()).isZero();
        McpSchema.CallToolResult again =
                call(
                        client,
                        "tasks",
                        Map.of("path", REFUND, "hash", sha256(project.resolve(REFUND))));
        assertThat(again.isError()).isTrue();
        assertThat(text(again)).contains("already exists");
    }

    @Test
    void everyToolAnswersBadArgumentsWithAnErrorResultAndTheServerGoesOn() throws Exception {
        McpSyncClient client = client();
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("list_specs", Map.of("hasErrors", "yes"));
        bad.put("get_spec", Map.of("path", "nope.md"));
        bad.put("check", Map.of("paths", List.of("nope")));
        bad.put("check_text", Map.of("path", REFUND));
        bad.put("template", Map.of());
        bad.put("progress", Map.of("path", "../outside.md"));
        bad.put("next_item", Map.of());
        bad.put("trace", Map.of("paths", "not-a-list"));
        bad.put("new_spec", Map.of("title", "???"));
        bad.put(
                "mark_done",
                Map.of("path", REFUND, "item", "99.99", "hash", sha256(project.resolve(REFUND))));
        bad.put(
                "update_section",
                Map.of("path", REFUND, "section", "Nope", "text", "x", "hash", "0"));
        bad.put("set_status", Map.of("path", REFUND, "status", "Done", "hash", "0"));
        bad.put(
                "set_field",
                Map.of(
                        "path",
                        REFUND,
                        "field",
                        "Next Review",
                        "value",
                        "soon",
                        "hash",
                        sha256(project.resolve(REFUND))));
        bad.put("scaffold", Map.of("path", SMS, "apply", true));
        bad.put("tasks", Map.of("path", REFUND, "hash", "0"));
        byte[] before = Files.readAllBytes(project.resolve(REFUND));
        for (Map.Entry<String, Map<String, Object>> e : bad.entrySet()) {
            if (e.getKey().equals("template")) {
                continue; // takes no arguments: nothing to get wrong
            }
            McpSchema.CallToolResult r = call(client, e.getKey(), e.getValue());
            assertThat(r.isError()).as(e.getKey()).isTrue();
            assertThat(text(r))
                    .as(e.getKey())
                    .isNotBlank()
                    .doesNotContain("\n")
                    .doesNotContain("internal error")
                    .doesNotContain("validation failed");
        }
        // arguments that do not fit the input schema: in Specgate's words, not the SDK's
        assertThat(text(call(client, "list_specs", bad.get("list_specs"))))
                .isEqualTo("'hasErrors' must be true or false, found the string \"yes\"");
        assertThat(text(call(client, "check_text", bad.get("check_text"))))
                .isEqualTo("'text' is required (a string): The whole Markdown text.");
        assertThat(text(call(client, "next_item", bad.get("next_item"))))
                .isEqualTo(
                        "'path' is required (a string): The spec file, relative to the project"
                                + " root.");
        assertThat(text(call(client, "trace", bad.get("trace"))))
                .isEqualTo("'paths' must be an array of strings, found the string \"not-a-list\"");
        assertThat(text(call(client, "set_field", bad.get("set_field"))))
                .isEqualTo(
                        "'soon' is not a date for 'Next Review': write it as YYYY-MM-DD; the file"
                                + " is unchanged");
        assertThat(
                        text(
                                call(
                                        client,
                                        "set_field",
                                        Map.of("path", REFUND, "field", "Reviewer", "hash", "0"))))
                .isEqualTo(
                        "'value' is required (a string or an array of strings): The value, on one"
                                + " line; a date as YYYY-MM-DD. For a front matter YAML list"
                                + " (labels: [api, web], or one '- name' a line), an array of its"
                                + " items (a string is a list of one item); each item is checked"
                                + " against the template's values.");
        List<String> all = new ArrayList<>(READ_TOOLS);
        all.addAll(WRITE_TOOLS);
        assertThat(bad.keySet()).containsExactlyElementsOf(all);
        assertThat(Files.readAllBytes(project.resolve(REFUND))).isEqualTo(before);
        assertThat(call(client, "template", Map.of()).isError()).isNotEqualTo(true);
    }

    @Test
    void specsTheTemplateAndTheSummaryAreResourcesAndChangesAreAnnounced() throws Exception {
        java.util.concurrent.BlockingQueue<List<McpSchema.Resource>> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        McpSyncClient client = client(changes::add);
        List<McpSchema.Resource> resources = client.listResources().resources();
        assertThat(resources)
                .extracting(McpSchema.Resource::uri)
                .contains(
                        "specgate://spec/" + REFUND,
                        "specgate://spec/" + SMS,
                        "specgate://template",
                        "specgate://project");
        McpSchema.Resource refund =
                resources.stream()
                        .filter(r -> r.uri().equals("specgate://spec/" + REFUND))
                        .findFirst()
                        .orElseThrow();
        assertThat(refund.mimeType()).isEqualTo("text/markdown");
        McpSchema.TextResourceContents content =
                (McpSchema.TextResourceContents) client.readResource(refund).contents().get(0);
        assertThat(content.text()).isEqualTo(Files.readString(project.resolve(REFUND)));
        assertThat(client.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("specgate://spec/{path}", "specgate://spec/directives/spec/{name}");
        McpSchema.TextResourceContents summary =
                (McpSchema.TextResourceContents)
                        client.readResource(new McpSchema.ReadResourceRequest("specgate://project"))
                                .contents()
                                .get(0);
        assertThat(JSON.readTree(summary.text()).get("specs")).hasSize(5);
        McpSchema.TextResourceContents template =
                (McpSchema.TextResourceContents)
                        client.readResource(
                                        new McpSchema.ReadResourceRequest("specgate://template"))
                                .contents()
                                .get(0);
        assertThat(template.text()).contains("## Executive Summary");

        // a spec appears on disk: the server says the list changed, and lists it
        changes.clear();
        String added = "directives/spec/2026-12-01_spec_added-by-hand.md";
        Files.writeString(
                project.resolve(added),
                Files.readString(project.resolve(SMS)).replace("SMS", "Added by hand"));
        List<McpSchema.Resource> announced = changes.poll(20, TimeUnit.SECONDS);
        assertThat(announced).as("notifications/resources/list_changed").isNotNull();
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("specgate://spec/" + added);
        // and one goes: announced, and gone from the list
        changes.clear();
        Files.delete(project.resolve(SMS));
        assertThat(changes.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .doesNotContain("specgate://spec/" + SMS);

        // a burst of three new specs: the SDK announces each resource it adds (docs/agents.md)
        changes.clear();
        for (int i = 1; i <= 3; i++) {
            Files.writeString(
                    project.resolve("directives/spec/2026-12-02_spec_burst-" + i + ".md"),
                    Files.readString(project.resolve(REFUND)).replace("Refund", "Burst " + i));
        }
        assertThat(changes.poll(20, TimeUnit.SECONDS)).isNotNull();
        int notifications = 1;
        while (changes.poll(3, TimeUnit.SECONDS) != null) {
            notifications++;
        }
        assertThat(notifications).as("list_changed per spec added").isGreaterThanOrEqualTo(3);
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("specgate://spec/directives/spec/2026-12-02_spec_burst-3.md");
    }

    /**
     * A folder named {@code v1.2} holding a spec, moved into the project and out again: each move
     * is announced with {@code notifications/resources/list_changed} (the SDK's client lists the
     * resources again on it, and hands the list to the consumer), whatever dot the name holds.
     */
    @Test
    void aDottedFolderOfSpecsMovedInAndOutIsAnnounced() throws Exception {
        java.util.concurrent.BlockingQueue<List<McpSchema.Resource>> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        McpSyncClient client = client(changes::add);
        Path staged = stagedDottedFolder();
        String uri = "specgate://spec/directives/spec/v1.2/" + VERSIONED;
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .doesNotContain(uri);

        Path moved = project.resolve("directives/spec/v1.2");
        Files.move(staged, moved);
        awaitAnnounced(changes, uris -> uris.contains(uri), "the moved-in spec listed");
        McpSchema.TextResourceContents content =
                (McpSchema.TextResourceContents)
                        client.readResource(new McpSchema.ReadResourceRequest(uri))
                                .contents()
                                .get(0);
        assertThat(content.text()).contains("Versioned refund");

        Files.move(moved, staged);
        awaitAnnounced(changes, uris -> !uris.contains(uri), "the moved-out spec unlisted");
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .doesNotContain(uri)
                .contains("specgate://spec/" + REFUND);
    }

    /**
     * A {@code .specgate.yml} written while the server runs, leaving a spec out: announced, and the
     * spec is no longer listed (the watcher sees the configuration, not only Markdown files).
     */
    @Test
    void aConfigurationWrittenWhileServingIsAnnounced() throws Exception {
        java.util.concurrent.BlockingQueue<List<McpSchema.Resource>> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        McpSyncClient client = client(changes::add);
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("specgate://spec/" + SMS);
        Files.writeString(project.resolve(".specgate.yml"), PARK_SMS, StandardCharsets.UTF_8);
        awaitAnnounced(
                changes,
                uris -> !uris.contains("specgate://spec/" + SMS),
                "the spec the configuration leaves out unlisted");
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("specgate://spec/" + REFUND);
    }

    /** The spec {@link #stagedDottedFolder} holds. */
    static final String VERSIONED = "2026-12-03_spec_versioned-refunds.md";

    /** A folder named {@code v1.2} outside the project, holding one spec, {@link #VERSIONED}. */
    Path stagedDottedFolder() throws IOException {
        Path staged = tmp.resolve("staging").resolve("v1.2");
        Files.createDirectories(staged);
        Files.writeString(
                staged.resolve(VERSIONED),
                Files.readString(project.resolve(REFUND)).replace("Refund", "Versioned refund"));
        return staged;
    }

    /**
     * Waits for {@code list_changed} announcements until the resources the client then listed
     * satisfy {@code done}.
     */
    static void awaitAnnounced(
            java.util.concurrent.BlockingQueue<List<McpSchema.Resource>> changes,
            java.util.function.Predicate<List<String>> done,
            String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            long left = deadline - System.nanoTime();
            List<McpSchema.Resource> listed =
                    left > 0 ? changes.poll(left, TimeUnit.NANOSECONDS) : null;
            assertThat(listed).as("notifications/resources/list_changed: " + what).isNotNull();
            if (done.test(listed.stream().map(McpSchema.Resource::uri).toList())) {
                return;
            }
        }
    }

    @Test
    void promptsDraftReviewAndWorkASpec() {
        McpSyncClient client = client();
        assertThat(client.listPrompts().prompts())
                .extracting(McpSchema.Prompt::name)
                .containsExactlyInAnyOrder("draft_spec", "review_spec", "work_next_item");
        McpSchema.GetPromptResult draft =
                client.getPrompt(
                        new McpSchema.GetPromptRequest(
                                "draft_spec", Map.of("problem", "Refunds are sent twice.")));
        String text = ((McpSchema.TextContent) draft.messages().get(0).content()).text();
        assertThat(text)
                .contains("Refunds are sent twice.", "`template`", "`check_text`", "`new_spec`");
        McpSchema.GetPromptResult review =
                client.getPrompt(
                        new McpSchema.GetPromptRequest("review_spec", Map.of("path", REFUND)));
        assertThat(((McpSchema.TextContent) review.messages().get(0).content()).text())
                .contains(REFUND, "`get_spec`", "gates", "Open Questions");
        assertThat(client("--read-only").listPrompts().prompts())
                .extracting(McpSchema.Prompt::name)
                .containsExactly("review_spec");
    }

    @Test
    void errorsComeBackAsResultsAndTheServerGoesOn() {
        McpSyncClient client = client();
        McpSchema.CallToolResult missing = call(client, "get_spec", Map.of("path", "nope.md"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("not found").doesNotContain("\n");
        McpSchema.CallToolResult outside =
                call(client, "get_spec", Map.of("path", "../../etc/passwd"));
        assertThat(outside.isError()).isTrue();
        assertThat(text(outside)).contains("outside the project root");
        assertThat(call(client, "get_spec", Map.of("path", REFUND)).isError()).isNotEqualTo(true);
    }

    @Test
    void readOnlyServesTheReadToolsOnly() {
        McpSyncClient client = client("--read-only");
        assertThat(client.listTools().tools())
                .extracting(McpSchema.Tool::name)
                .containsExactlyElementsOf(READ_TOOLS);
        byte[] before = bytes(project.resolve(REFUND));
        assertThatThrownBy(
                        () ->
                                call(
                                        client,
                                        "mark_done",
                                        Map.of("path", REFUND, "item", "1.1", "hash", "x")))
                .isInstanceOf(McpError.class)
                .hasMessageContaining(
                        "Unknown tool 'mark_done': this server is read-only (specgate mcp"
                                + " --read-only) and serves no tool that writes; the tools served:"
                                + " list_specs,");
        assertThat(bytes(project.resolve(REFUND))).isEqualTo(before);
    }

    /**
     * A configuration broken while the server runs is said on stderr in one line, in the words a
     * tool answers with ({@code cannot use the configuration: .specgate.yml:1: ...}), without the
     * name of a Java class; it was "after a change on disk: dev.specgate.mcp.ToolRefusal: ...".
     */
    @Test
    void aConfigurationBrokenWhileServingIsSaidOnStderrInOneLineOfItsOwnWords() throws Exception {
        Process p =
                new ProcessBuilder(serverCommand())
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(p::destroyForcibly);
        BufferedReader err =
                new BufferedReader(
                        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String said = null;
        try (OutputStream in = p.getOutputStream()) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            assertThat(out.readLine()).contains("\"id\":1");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            assertThat(err.readLine()).startsWith("specgate mcp: serving");
            Files.writeString(
                    project.resolve(".specgate.yml"),
                    "rules: [task-box\r\n",
                    StandardCharsets.UTF_8);
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.contains("configuration")) {
                    said = line;
                    break;
                }
            }
        }
        assertThat(said)
                .isNotNull()
                .startsWith("specgate mcp: ")
                .contains("cannot use the configuration: .specgate.yml:1: not valid YAML")
                .doesNotContain("dev.specgate")
                .doesNotContain(project.toString());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
    }

    @Test
    void everyStdoutLineIsOneJsonRpcMessage() throws Exception {
        Process p =
                new ProcessBuilder(serverCommand())
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
        CompletableFuture<String> err = drain(p.getErrorStream());
        // a server that stops answering must fail this test, not hang the build: a blocked read
        // ends when the process is gone
        CompletableFuture.delayedExecutor(180, TimeUnit.SECONDS).execute(p::destroyForcibly);
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        try (OutputStream in = p.getOutputStream()) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            lines.add(out.readLine());
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_spec\",\"arguments\":{\"path\":\""
                            + REFUND
                            + "\"}}}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"check\",\"arguments\":{}}}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_spec\",\"arguments\":{\"path\":\"missing.md\"}}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/list\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{\"uri\":\"specgate://spec/"
                            + REFUND
                            + "\"}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"prompts/list\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"update_section\",\"arguments\":{\"path\":\""
                            + REFUND
                            + "\",\"section\":\"Executive Summary\",\"text\":\"x\\n\\n# Top\",\"hash\":\"0\"}}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"resources/templates/list\"}");
            for (int answered = 0; answered < 9; ) {
                String line = out.readLine();
                lines.add(line);
                if (line == null) {
                    break; // output closed (or the server killed): the assertions say what is
                    // missing
                }
                if (JSON.readTree(line).has("id")) {
                    answered++;
                }
            }
        }
        // stdin closed: the server ends, and writes nothing else
        for (String rest = out.readLine(); rest != null; rest = out.readLine()) {
            lines.add(rest);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).doesNotContainNull();
        List<Integer> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode msg = JSON.readTree(line);
            assertThat(msg.isObject()).as(line).isTrue();
            assertThat(msg.get("jsonrpc").asText()).isEqualTo("2.0");
            if (msg.has("id")) {
                assertThat(msg.has("result") || msg.has("error")).as(line).isTrue();
                ids.add(msg.get("id").asInt());
            } else {
                assertThat(msg.get("method").asText()).as(line).startsWith("notifications/");
            }
        }
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("specgate mcp: serving");
    }

    /**
     * No real client sends garbage, so these are raw bytes: a line that is not JSON gets a parse
     * error and the server reads on; requests still pending when stdin closes are answered, then
     * the server exits; stderr says one line per bad line, no stack trace.
     */
    @Test
    void aMalformedLineIsAnsweredWithAParseErrorAndStdinClosingEndsTheServer() throws Exception {
        Process p =
                new ProcessBuilder(serverCommand())
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
        CompletableFuture<String> err = drain(p.getErrorStream());
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture.delayedExecutor(100, TimeUnit.SECONDS).execute(p::destroyForcibly);
        StringBuilder in = new StringBuilder();
        in.append(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}")
                .append("\r\n");
        in.append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
        in.append("garbage{\n");
        in.append("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
        in.append("[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}]\n");
        for (int id = 10; id < 20; id++) {
            in.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(id)
                    .append(
                            ",\"method\":\"tools/call\",\"params\":{\"name\":\"get_spec\",\"arguments\":{\"path\":\"")
                    .append(REFUND)
                    .append("\"}}}\n");
        }
        in.append("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\"");
        // everything at once, then stdin closes before the server has answered much of it
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(in.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();
        Map<String, JsonNode> byId = new TreeMap<>();
        List<Integer> nullIdErrors = new ArrayList<>();
        for (String line : out.get(10, TimeUnit.SECONDS).split("\n")) {
            JsonNode msg = JSON.readTree(line);
            assertThat(msg.get("jsonrpc").asText()).as(line).isEqualTo("2.0");
            if (msg.has("id") && msg.get("id").isNull()) {
                nullIdErrors.add(msg.get("error").get("code").asInt());
            } else if (msg.has("id")) {
                assertThat(byId.put(msg.get("id").asText(), msg)).as("one answer per id").isNull();
            }
        }
        List<String> expected = new ArrayList<>(List.of("1", "2"));
        for (int id = 10; id < 20; id++) {
            expected.add(String.valueOf(id));
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        // the garbage, the batch and the cut-off last line, in the order they came
        assertThat(nullIdErrors).containsExactly(-32700, -32600, -32700);
        assertThat(byId.get("2").get("result").get("tools"))
                .hasSize(READ_TOOLS.size() + WRITE_TOOLS.size());
        String hash = sha256(project.resolve(REFUND));
        for (int id = 10; id < 20; id++) {
            JsonNode result = byId.get(String.valueOf(id)).get("result");
            assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(result.get("structuredContent").get("hash").asText()).isEqualTo(hash);
        }
        List<String> log = err.get(10, TimeUnit.SECONDS).lines().toList();
        assertThat(log).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        assertThat(log)
                .filteredOn(l -> l.contains("is not a JSON-RPC message"))
                .extracting(l -> l.replaceAll(" \\(.*\\); ", " "))
                .containsExactly(
                        "specgate mcp: line 3 of stdin is not a JSON-RPC message answered with"
                                + " error -32700 and reading on",
                        "specgate mcp: line 5 of stdin is not a JSON-RPC message answered with"
                                + " error -32600 and reading on",
                        "specgate mcp: line 16 of stdin is not a JSON-RPC message answered with"
                                + " error -32700 and reading on");
    }

    static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Test
    void theOfficialTypeScriptClientListsChecksReadsAndTicks() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Path file = project.resolve(REFUND);
        byte[] before = Files.readAllBytes(file);
        Process client = startNode("client.mjs", REFUND, TODAY);
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);
        assertThat(got.get("server").get("name").asText()).isEqualTo("specgate");
        List<String> all = new ArrayList<>(READ_TOOLS);
        all.addAll(WRITE_TOOLS);
        assertThat(got.get("tools").findValuesAsText("name")).containsExactlyElementsOf(all);
        assertThat(got.get("tools").findValues("hasOutputSchema")).allMatch(JsonNode::asBoolean);
        assertThat(got.get("resources"))
                .extracting(JsonNode::asText)
                .contains("specgate://spec/" + REFUND, "specgate://template", "specgate://project");
        assertThat(got.get("resourceTemplates"))
                .extracting(JsonNode::asText)
                .contains("specgate://spec/{path}");
        assertThat(got.get("specResource").get("mimeType").asText()).isEqualTo("text/markdown");
        assertThat(got.get("specResource").get("text").asText())
                .isEqualTo(new String(before, StandardCharsets.UTF_8));
        assertThat(got.get("prompts"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("draft_spec", "review_spec", "work_next_item");
        assertThat(got.get("check").get("structuredContent").get("summary").get("files").asInt())
                .isEqualTo(5);
        assertThat(got.get("getSpec").get("structuredContent").get("hash").asText())
                .isEqualTo(sha256(before));
        JsonNode next = got.get("next").get("structuredContent").get("next");
        JsonNode done = got.get("markDone").get("structuredContent");
        assertThat(done.get("changed").asBoolean()).isTrue();
        assertThat(done.get("item").get("id").asText()).isEqualTo(next.get("id").asText());
        assertThat(done.get("hash").asText()).isEqualTo(sha256(file));
        assertThat(Files.readAllLines(file).get(next.get("line").asInt() - 1)).startsWith("- [x]");
    }

    /**
     * The TypeScript client passes the server a few environment variables only (no {@code LANG}),
     * so {@code java -jar} runs under the C locale, where Java cannot make a path of a non-ASCII
     * file name: a project holding one must still be served (it stopped the server at start, an
     * internal error, when the spec resources were listed).
     */
    @Test
    void theTypeScriptClientIsServedUnderTheCLocaleBesideASpecWithANonAsciiName() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Files.copy(
                project.resolve(SMS),
                project.resolve("directives/spec/2026-12-01_spec_zahlungs-übersicht.md"));
        Process client = startNode("client.mjs", REFUND, TODAY);
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);
        assertThat(got.get("check").get("structuredContent").get("summary").get("files").asInt())
                .isEqualTo(6);
        assertThat(got.get("resources"))
                .extracting(JsonNode::asText)
                .contains("specgate://spec/" + REFUND);
        assertThat(got.get("markDone").get("structuredContent").get("changed").asBoolean())
                .isTrue();
    }

    /**
     * The TypeScript client on a project whose {@code .specgate.yml} leaves the SMS spec out and
     * where a symbolic link names the refund spec a second time: {@code set_status} refuses the
     * left-out spec in the façade's words and leaves its bytes alone; {@code check} named it says
     * why it is not checked; {@code check} and {@code list_specs} of the whole project name the
     * second name once, as {@code check} does on stderr.
     */
    @Test
    void theTypeScriptClientIsToldWhatTheConfigurationLeavesOutAndWhatItMetTwice()
            throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        String alias = "directives/spec/2026-12-02_spec_refund-keys-alias.md";
        try {
            Files.createSymbolicLink(
                    project.resolve(alias), Path.of("2026-11-09_spec_refund-idempotency-keys.md"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        Files.writeString(project.resolve(".specgate.yml"), PARK_SMS, StandardCharsets.UTF_8);
        Path sms = project.resolve(SMS);
        byte[] before = Files.readAllBytes(sms);
        assertThat(new String(before, StandardCharsets.UTF_8))
                .contains("**Document Status:** Draft");
        Process client = startNode("left-out.mjs", TODAY, SMS, sha256(before), "Review", LEDGER);
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);

        JsonNode refused = got.get("setStatus");
        assertThat(refused.get("isError").asBoolean()).as(refused.toString()).isTrue();
        assertThat(refused.get("content")).hasSize(1);
        assertThat(refused.get("content").get(0).get("type").asText()).isEqualTo("text");
        assertThat(refused.get("content").get(0).get("text").asText())
                .isEqualTo(
                        SMS
                                + " is not checked: an ignore: glob matches it in .specgate.yml;"
                                + " set_status moves only specs that check checks (change the"
                                + " globs so that they select it); the file is unchanged");
        assertThat(Files.readAllBytes(sms)).isEqualTo(before);

        JsonNode named = got.get("checkNamed");
        assertThat(named.path("isError").asBoolean()).as(named.toString()).isFalse();
        JsonNode namedReport = named.get("structuredContent");
        assertThat(namedReport.get("files").findValuesAsText("path")).containsExactly(LEDGER);
        assertThat(namedReport.get("notices"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        SMS + " is not checked: an ignore: glob matches it in .specgate.yml");

        String aliasNotice =
                alias
                        + " is not checked again: it is the same file as "
                        + REFUND
                        + ", checked under that name";
        JsonNode check = got.get("check");
        assertThat(check.path("isError").asBoolean()).as(check.toString()).isFalse();
        JsonNode report = check.get("structuredContent");
        // the four specs the globs select, the refund spec once, under its own name
        assertThat(report.get("files").findValuesAsText("path"))
                .hasSize(4)
                .contains(REFUND)
                .doesNotContain(alias, SMS);
        assertThat(report.get("notices")).extracting(JsonNode::asText).containsExactly(aliasNotice);
        // the text content carries the same notices as the structured content
        assertThat(JSON.readTree(check.get("content").get(0).get("text").asText()).get("notices"))
                .isEqualTo(report.get("notices"));

        JsonNode list = got.get("listSpecs");
        assertThat(list.path("isError").asBoolean()).as(list.toString()).isFalse();
        JsonNode listed = list.get("structuredContent");
        assertThat(listed.get("specs").findValuesAsText("path"))
                .hasSize(4)
                .contains(REFUND)
                .doesNotContain(alias, SMS);
        assertThat(listed.get("notices")).extracting(JsonNode::asText).containsExactly(aliasNotice);
        assertThat(Files.readAllBytes(sms)).isEqualTo(before);
    }

    /**
     * The TypeScript client's calls with arguments that do not fit the tool's input schema come
     * back as every refusal does, results with {@code isError} and Specgate's one line naming the
     * argument (the SDK's own check answered "Tool (get_spec) input validation failed: ..."); a
     * call that fits is answered after them.
     */
    @Test
    void theTypeScriptClientIsToldWhichArgumentIsWrongInSpecgatesWords() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Process client = startNode("bad-arguments.mjs", TODAY, REFUND);
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);

        Map<String, String> said =
                Map.of(
                        "wrongType", "'path' must be a string, found the number 3",
                        "missing",
                                "'path' is required (a string): The spec file, relative to the"
                                        + " project root.",
                        "misspelt",
                                "unknown argument 'pth'; did you mean 'path'? (get_spec takes"
                                        + " path, section, line)",
                        "wrongItem",
                                "'paths' must be an array of strings, found the number 7 as item"
                                        + " 2");
        for (var e : said.entrySet()) {
            JsonNode r = got.get(e.getKey());
            assertThat(r.get("isError").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("content")).hasSize(1);
            assertThat(r.get("content").get(0).get("text").asText())
                    .as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        JsonNode fits = got.get("fits");
        assertThat(fits.path("isError").asBoolean()).as(fits.toString()).isFalse();
        assertThat(fits.get("structuredContent").get("hash").asText())
                .isEqualTo(sha256(project.resolve(REFUND)));
    }

    /**
     * A {@code .specgate.yml} that cannot be used: the TypeScript client reading a spec or the
     * template is told the configuration's problem in a tool's words with -32603, the error MCP
     * names for the server's own failure, not "resource not found" (-32002), which said it before.
     */
    @Test
    void theTypeScriptClientIsToldOfABrokenConfigurationWhenItReadsAResource() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Files.writeString(project.resolve("notes.md"), "# Notes\n\nRefunds: ask Zoë.\n");
        Files.writeString(
                project.resolve(".specgate.yml"),
                "version: 1\r\nstrict: maybe\r\n",
                StandardCharsets.UTF_8);
        Process client =
                startNode(
                        "read-resources.mjs",
                        TODAY,
                        "specgate://template",
                        "specgate://spec/notes.md");
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);

        for (String uri : List.of("specgate://template", "specgate://spec/notes.md")) {
            JsonNode refused = got.get(uri);
            assertThat(refused.has("text")).as(refused.toString()).isFalse();
            assertThat(refused.get("code").asInt()).as(uri).isEqualTo(-32603);
            assertThat(refused.get("message").asText())
                    .as(uri)
                    .contains(
                            "cannot use the configuration: .specgate.yml:2: 'strict' must be true"
                                    + " or false, found 'maybe'")
                    .doesNotContain("\n")
                    .doesNotContain("dev.specgate");
        }
    }

    /**
     * A spec resource is a spec or task list the project checks: through the {@code
     * specgate://spec/{path}} template the TypeScript client read any file at the root, a {@code
     * .env} among them. A file that is no spec, or not there, is "resource not found" (-32002, as
     * MCP asks) with the reason in one line, not an internal error (-32603).
     */
    @Test
    void theTypeScriptClientReadsSpecsAsResourcesAndNothingElseAtTheRoot() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Files.writeString(project.resolve(".env"), "PAYMENTS_API_KEY=sk_live_4eC39HqLyjWDarjtT1\n");
        Files.writeString(project.resolve("notes.md"), "# Notes\n\nRefunds: ask Zoë.\n");
        String missing = "directives/spec/2026-11-30_spec_refund-audit.md";
        Process client =
                startNode(
                        "read-resources.mjs",
                        TODAY,
                        "specgate://spec/" + REFUND,
                        "specgate://spec/.env",
                        "specgate://spec/notes.md",
                        "specgate://spec/" + missing,
                        "specgate://spec/%zz.md");
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);

        assertThat(got.get("specgate://spec/" + REFUND).get("text").asText())
                .isEqualTo(Files.readString(project.resolve(REFUND)));
        for (String name : List.of(".env", "notes.md")) {
            JsonNode refused = got.get("specgate://spec/" + name);
            assertThat(refused.has("text")).as(refused.toString()).isFalse();
            assertThat(refused.get("code").asInt()).isEqualTo(-32002);
            assertThat(refused.get("message").asText())
                    .contains("not checked: " + name + " is not where this project's specs are")
                    .doesNotContain("sk_live")
                    .doesNotContain("\n");
        }
        JsonNode gone = got.get("specgate://spec/" + missing);
        assertThat(gone.get("code").asInt()).isEqualTo(-32002);
        assertThat(gone.get("message").asText()).endsWith("spec not found: " + missing);
        // a '%' that starts no escape is read as written, as a link's path is: not there
        JsonNode percent = got.get("specgate://spec/%zz.md");
        assertThat(percent.get("code").asInt()).as(percent.toString()).isEqualTo(-32002);
        assertThat(percent.get("message").asText()).endsWith("spec not found: %zz.md");
    }

    /**
     * The TypeScript client is told of a folder named {@code v1.2} holding a spec moved into the
     * project, and of it moved out: {@code list_changed} comes each time, and the resources it then
     * lists hold the spec, then no longer.
     */
    @Test
    void theTypeScriptClientIsToldOfADottedFolderMovedInAndOut() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        Path staged = stagedDottedFolder();
        Path moved = project.resolve("directives/spec/v1.2");
        Process client =
                startNode("moves.mjs", TODAY, "specgate://spec/directives/spec/v1.2/" + VERSIONED);
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode ready = line(out);
            assertThat(ready.get("listed").asBoolean()).as("listed before the move").isFalse();
            Files.move(staged, moved);
            JsonNode in = line(out).get("movedIn");
            assertThat(in.get("notifications").asInt()).isPositive();
            assertThat(in.get("listed").asBoolean()).isTrue();

            assertThat(line(out).get("ready").asBoolean()).isTrue();
            Files.move(moved, staged);
            JsonNode gone = line(out).get("movedOut");
            assertThat(gone.get("notifications").asInt()).isPositive();
            assertThat(gone.get("listed").asBoolean()).isFalse();
        } finally {
            if (!client.waitFor(30, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
        assertThat(client.exitValue()).isZero();
    }

    /**
     * The story of an agent that writes a spec alone, with the official TypeScript client: it makes
     * the spec with {@code new_spec}, fills the sections left open with {@code get_spec} and {@code
     * update_section}, is refused Review for the Reviewer and Next Review left as the template's
     * placeholders, sets both with {@code set_field}, and the move to Review passes.
     */
    @Test
    void theTypeScriptClientTakesANewSpecFromDraftToReviewWithoutAPerson() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for this client");
        String slug = "sms-failover-second-region";
        String path = "directives/spec/" + TODAY + "_spec_" + slug + ".md";
        Process client = startNode("agent-story.mjs", TODAY, SMS, slug);
        String out = drain(client.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isZero();
        JsonNode got = JSON.readTree(out);

        assertThat(got.get("newSpec").get("path").asText()).isEqualTo(path);
        JsonNode blocked = got.get("blocked");
        assertThat(blocked.get("isError").asBoolean()).isTrue();
        assertThat(blocked.get("text").asText())
                .contains("'[Technical reviewer]' left in")
                .contains("date placeholder '[Date]' left in")
                .doesNotContain("[Time estimate]")
                .doesNotContain("[percentage]");
        assertThat(got.get("reviewer").get("from").asText()).isEqualTo("[Technical reviewer]");
        assertThat(got.get("reviewer").get("changed").asBoolean()).isTrue();
        assertThat(got.get("nextReview").get("value").asText()).isEqualTo("2026-12-15");
        JsonNode moved = got.get("moved");
        assertThat(moved.get("isError").asBoolean()).as(moved.toString()).isFalse();
        assertThat(moved.get("structuredContent").get("to").asText()).isEqualTo("Review");
        assertThat(moved.get("structuredContent").get("hash").asText())
                .isEqualTo(sha256(project.resolve(path)));
        String text = Files.readString(project.resolve(path));
        assertThat(text)
                .contains(
                        "**Document Status:** Review\n**Last Updated:** "
                                + TODAY
                                + "\n**Next Review:** 2026-12-15\n")
                .endsWith("**Reviewer:** Lena Fischer\n")
                .doesNotContain("[Time estimate]");
    }

    /**
     * Starts a driver script of the TypeScript client: {@code node SCRIPT JAVA JAR PROJECT_ROOT
     * ARGS...}, its stderr on the test's.
     */
    Process startNode(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(nodeClient().resolve(script).toString());
        command.add(javaBin());
        command.add(JAR.toAbsolutePath().toString());
        command.add(project.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The driver script's next line, as JSON: it must say something before it ends. */
    static JsonNode line(BufferedReader out) throws IOException {
        String line = out.readLine();
        assertThat(line).as("a line from the TypeScript client (it ended)").isNotNull();
        return JSON.readTree(line);
    }

    /**
     * The official TypeScript SDK and this test's driver scripts in {@code target/mcp-node},
     * installed with npm the first time.
     */
    static Path nodeClient() throws Exception {
        Path dir = Path.of("target", "mcp-node").toAbsolutePath();
        Files.createDirectories(dir);
        for (String name :
                List.of(
                        "package.json",
                        "connect.mjs",
                        "client.mjs",
                        "left-out.mjs",
                        "moves.mjs",
                        "read-resources.mjs",
                        "bad-arguments.mjs",
                        "agent-story.mjs")) {
            Files.copy(
                    Path.of("src", "test", "node", name),
                    dir.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            Process install =
                    new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent")
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .start();
            String log = drain(install.getInputStream()).get(5, TimeUnit.MINUTES);
            assertThat(install.waitFor()).as("npm install: " + log).isZero();
        }
        return dir;
    }

    // ---- helpers

    McpSyncClient client(String... extra) {
        return client(resources -> {}, extra);
    }

    McpSyncClient client(
            java.util.function.Consumer<List<McpSchema.Resource>> onChange, String... extra) {
        List<String> command = serverCommand(extra);
        ServerParameters params =
                ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .build();
        StdioClientTransport transport =
                new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
        McpSyncClient client =
                McpClient.sync(transport)
                        .requestTimeout(Duration.ofSeconds(60))
                        .resourcesChangeConsumer(onChange)
                        .build();
        clients.add(client);
        client.initialize();
        return client;
    }

    List<String> serverCommand(String... extra) {
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.add("mcp");
        command.add("--root");
        command.add(project.toString());
        command.add("--today");
        command.add(TODAY);
        command.addAll(List.of(extra));
        return command;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static McpSchema.CallToolResult call(
            McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    static JsonNode structured(McpSchema.CallToolResult r) {
        assertThat(r.isError()).as(String.valueOf(r.content())).isNotEqualTo(Boolean.TRUE);
        return JSON.valueToTree(r.structuredContent());
    }

    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    static McpSchema.ToolAnnotations annotations(List<McpSchema.Tool> tools, String name) {
        return tools.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .annotations();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    /** An open item after {@code id} among the working checklists. */
    static String laterOpenItem(JsonNode progress, String id) {
        boolean past = false;
        for (JsonNode section : progress.get("sections")) {
            for (JsonNode item : section.get("items")) {
                if (item.get("id").asText().equals(id)) {
                    past = true;
                } else if (past && !item.get("checked").asBoolean()) {
                    return item.get("id").asText();
                }
            }
        }
        throw new AssertionError("no open item after " + id);
    }

    /** Diagnostics per file name, for comparing runs that name paths differently. */
    static Map<String, JsonNode> byFileName(JsonNode report) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode f : report.get("files")) {
            m.put(Path.of(f.get("path").asText()).getFileName().toString(), f.get("diagnostics"));
        }
        return m;
    }

    static int diffLines(byte[] a, byte[] b) {
        List<String> x = new String(a, StandardCharsets.UTF_8).lines().toList();
        List<String> y = new String(b, StandardCharsets.UTF_8).lines().toList();
        assertThat(y).hasSameSizeAs(x);
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            n += x.get(i).equals(y.get(i)) ? 0 : 1;
        }
        return n;
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (in) {
                        ByteArrayOutputStream buf = new ByteArrayOutputStream();
                        in.transferTo(buf);
                        return buf.toString(StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    static boolean onPath(String program) {
        for (String dir :
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
