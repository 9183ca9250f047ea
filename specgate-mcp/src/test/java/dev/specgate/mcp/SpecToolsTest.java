package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.project.ConfigChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools in process, on a copy of examples/demo (the subprocess tests are McpServerIT). */
class SpecToolsTest {

    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";
    static final String WEBHOOK = "directives/spec/2026-10-14_spec_webhook-retry-backoff.md";

    @TempDir Path tmp;
    SpecTools tools;

    @BeforeEach
    void copyDemo() throws IOException {
        Path from = Path.of("..", "examples", "demo");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = tmp.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        tools = tools(false);
    }

    SpecTools tools(boolean allowApprove) {
        return new SpecTools(
                new McpServerOptions(
                        tmp,
                        ConfigChoice.nearest(),
                        false,
                        allowApprove,
                        () -> LocalDate.of(2026, 12, 1)));
    }

    @Test
    void toolsComeInTheirFixedOrderAndReadOnlyLeavesOutTheWrites() {
        List<String> read =
                List.of(
                        "list_specs",
                        "get_spec",
                        "check",
                        "check_text",
                        "template",
                        "progress",
                        "next_item");
        assertThat(SpecgateMcpServer.toolNames(true)).containsExactlyElementsOf(read);
        assertThat(SpecgateMcpServer.toolNames(false))
                .startsWith(read.toArray(String[]::new))
                .endsWith("mark_done", "set_status", "new_spec")
                .hasSize(10);
    }

    @Test
    void theHashIsTheSha256OfTheFilesBytes() throws IOException {
        Map<String, Object> spec = tools.getSpec(Map.of("path", REFUND));
        assertThat(spec.get("hash"))
                .isEqualTo(SpecTools.hash(Files.readAllBytes(tmp.resolve(REFUND))))
                .asString()
                .hasSize(64);
        assertThat(SpecTools.hash(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void pathsMustStayInsideTheRoot() {
        assertThatThrownBy(() -> tools.getSpec(Map.of("path", "../outside.md")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("outside the project root");
        assertThatThrownBy(() -> tools.check(Map.of("paths", List.of("/etc"))))
                .isInstanceOf(ToolRefusal.class);
    }

    @Test
    void aStaleHashRefusesTheWriteAndLeavesTheFile() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        String id =
                (String) ((Map<?, ?>) tools.nextItem(Map.of("path", REFUND)).get("next")).get("id");
        assertThatThrownBy(
                        () ->
                                tools.markDone(
                                        Map.of("path", REFUND, "item", id, "hash", "0".repeat(64))))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("changed since you read it");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    @Test
    void approvingIsRefusedUnlessAllowed() throws IOException {
        byte[] before = Files.readAllBytes(tmp.resolve(REFUND));
        String hash = SpecTools.hash(before);
        assertThatThrownBy(
                        () ->
                                tools.setStatus(
                                        Map.of("path", REFUND, "status", "Approved", "hash", hash)))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("--allow-approve");
        assertThat(Files.readAllBytes(tmp.resolve(REFUND))).isEqualTo(before);
    }

    @Test
    void anAllowedApprovalRecordsTheReviewerAndAStaleOneBlocksImplementation() throws IOException {
        Path spec = tmp.resolve(WEBHOOK);
        SpecTools allowed = tools(true);
        for (String status : List.of("Draft", "Review")) {
            allowed.setStatus(
                    Map.of(
                            "path",
                            WEBHOOK,
                            "status",
                            status,
                            "hash",
                            SpecTools.hash(Files.readAllBytes(spec))));
        }
        assertThat(Files.readString(spec)).doesNotContain("**Approval:**");

        Map<String, Object> approved =
                allowed.setStatus(
                        Map.of(
                                "path",
                                WEBHOOK,
                                "status",
                                "Approved",
                                "hash",
                                SpecTools.hash(Files.readAllBytes(spec))));

        assertThat(approved).containsEntry("changed", true).containsEntry("to", "Approved");
        // the approval names the spec's Reviewer, the person who approves, not the agent
        assertThat(Files.readString(spec))
                .contains("**Reviewer:** Priya Raman")
                .containsPattern(
                        "\\*\\*Next Review:\\*\\* 2026-12-10\n"
                                + "\\*\\*Approval:\\*\\* 2026-12-01 by Priya Raman,"
                                + " sha256:[0-9a-f]{12} <!-- sections: [A-Za-z0-9_-]+ -->\n");

        Files.writeString(spec, Files.readString(spec).replace("up to 20 times", "up to 25 times"));
        byte[] stale = Files.readAllBytes(spec);
        assertThatThrownBy(
                        () ->
                                allowed.setStatus(
                                        Map.of(
                                                "path",
                                                WEBHOOK,
                                                "status",
                                                "Implementation",
                                                "hash",
                                                SpecTools.hash(stale))))
                .isInstanceOfSatisfying(
                        ToolRefusal.class,
                        r ->
                                assertThat(r.oneLine())
                                        .contains("Approved -> Implementation: 1 reason")
                                        .contains("[approval-stale]")
                                        .contains("changed: Executive Summary (review it"));
        assertThat(Files.readAllBytes(spec)).isEqualTo(stale);
    }

    @Test
    void listSpecsFiltersPartitionTheSpecs() {
        int all = specs(Map.of()).size();
        assertThat(all).isEqualTo(5);
        assertThat(
                        specs(Map.of("hasErrors", true)).size()
                                + specs(Map.of("hasErrors", false)).size())
                .isEqualTo(all);
        assertThat(specs(Map.of("hasErrors", true)))
                .allSatisfy(s -> assertThat((Long) s.get("errors")).isPositive());
        assertThat(specs(Map.of("overdue", true)))
                .allSatisfy(s -> assertThat((Long) s.get("overdue")).isPositive());
        assertThat(specs(Map.of("overdue", true)).size() + specs(Map.of("overdue", false)).size())
                .isEqualTo(all);
        assertThat(specs(Map.of("status", "draft", "type", "nope"))).isEmpty();
        assertThatThrownBy(() -> tools.listSpecs(Map.of("hasErrors", "yes")))
                .isInstanceOf(ToolRefusal.class)
                .hasMessageContaining("true or false");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> specs(Map<String, Object> filter) {
        return (List<Map<String, Object>>) tools.listSpecs(filter).get("specs");
    }

    @Test
    void aRefusalIsOneLineWithEveryReason() {
        ToolRefusal r = new ToolRefusal("cannot move x", List.of("line 3: a", "b\nc"));
        assertThat(r.oneLine()).isEqualTo("cannot move x: line 3: a; b c");
    }
}
