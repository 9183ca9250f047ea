package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.SpecWorkspace;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the resources, as the SDK hands a read to them: what cannot be served is refused with
 * MCP's error codes and Specgate's reason in one line, never an internal error for a bad URI.
 */
class SpecResourcesTest {

    static final String REFUND = "directives/spec/2026-11-09_spec_refund-idempotency-keys.md";

    @TempDir Path tmp;
    SpecResources resources;
    List<SyncResourceTemplateSpecification> templates;

    @BeforeEach
    void copyDemo() throws IOException {
        SpecToolsTest.copyDemo(tmp);
        resources = new SpecResources(new SpecTools(SpecToolsTest.options(tmp, false)));
    }

    /** Reads {@code uri} through the template {@code specgate://spec/{path}} or its folder's. */
    McpSchema.ReadResourceResult readByTemplate(String uri) {
        if (templates == null) {
            templates = resources.templates(List.of("directives/spec")); // each made once
        }
        SyncResourceTemplateSpecification template =
                templates.get(
                        uri.substring(SpecResources.SPEC_PREFIX.length()).contains("/") ? 1 : 0);
        return template.readHandler().apply(null, new McpSchema.ReadResourceRequest(uri));
    }

    static McpError refusal(Runnable read) {
        return catchThrowableOfType(read::run, McpError.class);
    }

    /**
     * A {@code %} that starts no escape is read as written (as a link's path is): the file is not
     * there, "resource not found" with the reason. It was an IllegalArgumentException from the
     * decoder, an internal error (-32603).
     */
    @Test
    void aUriWhosePercentStartsNoEscapeIsNotFoundNotAnInternalError() {
        for (String name : List.of("%zz.md", "%", "100%.md")) {
            String uri = SpecResources.SPEC_PREFIX + name;
            McpError e = refusal(() -> readByTemplate(uri));
            assertThat(e).as(uri).isNotNull();
            assertThat(e.getJsonRpcError().code()).as(uri).isEqualTo(-32002);
            assertThat(e.getMessage()).as(uri).isEqualTo("spec not found: " + name);
            assertThat(e.getJsonRpcError().data()).isEqualTo(Map.of("uri", uri));
        }
    }

    /** A path is percent-decoded as a link's: {@code %20} is a space, a {@code +} stays one. */
    @Test
    void aSpecsPathIsDecodedAsALinksPath() throws IOException {
        String plus = "directives/spec/2026-12-01_spec_refunds+chargebacks.md";
        String space = "directives/spec/2026-12-01_spec_refunds and chargebacks.md";
        Files.copy(tmp.resolve(REFUND), tmp.resolve(plus));
        Files.writeString(tmp.resolve(space), "# Über Refunds\r\n", StandardCharsets.UTF_8);

        assertThat(text(readByTemplate(SpecResources.SPEC_PREFIX + plus)))
                .isEqualTo(Files.readString(tmp.resolve(REFUND)));
        assertThat(text(readByTemplate(SpecResources.SPEC_PREFIX + space.replace(" ", "%20"))))
                .isEqualTo("# Über Refunds\r\n");
    }

    /**
     * A spec whose name holds a literal {@code %41}, a space or {@code ü} is listed under a URI
     * that reads it back, by the listed resource and by the template: the listing percent-encodes
     * what reading decodes. It listed the raw path, read as {@code refunds-100A.md}, not found.
     */
    @Test
    void aListedSpecIsReadBackByItsOwnUri() throws IOException {
        assumeTrue(
                Charset.forName(System.getProperty("sun.jnu.encoding")).newEncoder().canEncode("ü"),
                "the JVM's file names hold ü");
        Map<String, String> uris =
                Map.of(
                        "directives/spec/2026-12-01_spec_refunds-100%41.md",
                        "specgate://spec/directives/spec/2026-12-01_spec_refunds-100%2541.md",
                        "directives/spec/2026-12-01_spec_refunds and chargebacks.md",
                        "specgate://spec/directives/spec/2026-12-01_spec_refunds%20and%20chargebacks.md",
                        "directives/spec/2026-12-01_spec_rückerstattung.md",
                        "specgate://spec/directives/spec/2026-12-01_spec_r%C3%BCckerstattung.md");
        String refund = Files.readString(tmp.resolve(REFUND));
        for (String path : uris.keySet()) {
            Files.copy(tmp.resolve(REFUND), tmp.resolve(path));
        }
        List<SyncResourceSpecification> listed = resources.initial();
        for (var e : uris.entrySet()) {
            SyncResourceSpecification spec =
                    listed.stream()
                            .filter(r -> r.resource().name().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("not listed: " + e.getKey()));
            String uri = spec.resource().uri();
            assertThat(uri).isEqualTo(e.getValue());
            assertThat(text(spec.readHandler().apply(null, new McpSchema.ReadResourceRequest(uri))))
                    .as(uri)
                    .isEqualTo(refund);
            assertThat(text(readByTemplate(uri))).as(uri).isEqualTo(refund);
        }
    }

    /**
     * A {@code .specgate.yml} broken after the specs were listed: reading a listed spec, or the
     * template, says the configuration's problem in the words check's refusal of it uses, as an
     * error of the server (-32603), not "resource not found": the spec is there.
     */
    @Test
    void aBrokenConfigurationIsSaidInItsOwnWordsNotAsResourceNotFound() throws IOException {
        List<SyncResourceSpecification> listed = resources.initial();
        SyncResourceSpecification refund =
                listed.stream()
                        .filter(r -> r.resource().uri().equals(SpecResources.SPEC_PREFIX + REFUND))
                        .findFirst()
                        .orElseThrow();
        Files.writeString(tmp.resolve(".specgate.yml"), "version: 1\nstrict: maybe\n");
        String said =
                "cannot use the configuration: .specgate.yml:2: 'strict' must be true or false, found 'maybe'";

        McpError spec =
                refusal(
                        () ->
                                refund.readHandler()
                                        .apply(
                                                null,
                                                new McpSchema.ReadResourceRequest(
                                                        refund.resource().uri())));
        assertThat(spec.getJsonRpcError().code()).isEqualTo(-32603);
        assertThat(spec.getMessage()).isEqualTo(said);
        assertThat(spec.getJsonRpcError().data())
                .isEqualTo(Map.of("uri", SpecResources.SPEC_PREFIX + REFUND));

        SyncResourceSpecification template =
                resources.fixed().stream()
                        .filter(r -> r.resource().uri().equals(SpecResources.TEMPLATE_URI))
                        .findFirst()
                        .orElseThrow();
        McpError t =
                refusal(
                        () ->
                                template.readHandler()
                                        .apply(
                                                null,
                                                new McpSchema.ReadResourceRequest(
                                                        SpecResources.TEMPLATE_URI)));
        assertThat(t.getJsonRpcError().code()).isEqualTo(-32603);
        assertThat(t.getMessage()).isEqualTo(said);
    }

    /**
     * Reading {@code specgate://project} opens the project once, as a tool call does, so that one
     * read follows one configuration: it opened the root's project for the specs and a workspace of
     * the root again for the check counts. What it says is list_specs' and check's answer.
     */
    @Test
    void readingTheProjectSummaryOpensTheProjectOnce() throws Exception {
        List<String> opened = new java.util.ArrayList<>();
        SpecTools counted =
                new SpecTools(
                        SpecToolsTest.options(tmp, false),
                        new SpecTools.Projects() {
                            @Override
                            public SpecProject open(Path start) throws ConfigException {
                                opened.add("project " + tmp.relativize(start));
                                return SpecProject.open(start, ConfigChoice.nearest());
                            }

                            @Override
                            public SpecWorkspace workspace(List<Path> roots, ConfigChoice choice)
                                    throws ConfigException {
                                opened.add("workspace " + roots);
                                return SpecWorkspace.open(roots, choice);
                            }
                        });
        SyncResourceSpecification project =
                new SpecResources(counted)
                        .fixed().stream()
                                .filter(r -> r.resource().uri().equals(SpecResources.PROJECT_URI))
                                .findFirst()
                                .orElseThrow();

        String summary =
                text(
                        project.readHandler()
                                .apply(
                                        null,
                                        new McpSchema.ReadResourceRequest(
                                                SpecResources.PROJECT_URI)));

        assertThat(opened).hasSize(1);
        SpecTools fresh = new SpecTools(SpecToolsTest.options(tmp, false));
        Map<String, Object> check = fresh.check(Map.of());
        JsonNode read = new ObjectMapper().readTree(summary);
        ObjectMapper json = new ObjectMapper();
        assertThat(read.get("specs")).hasSize(5);
        assertThat(read.get("specs").toString())
                .isEqualTo(json.writeValueAsString(fresh.listSpecs(Map.of()).get("specs")));
        assertThat(read.get("summary").toString())
                .isEqualTo(json.writeValueAsString(check.get("summary")));
        assertThat(read.get("passed").asBoolean()).isEqualTo(check.get("passed"));
        assertThat(read.has("error")).isFalse();
    }

    /**
     * A {@code .specgate.yml} already broken when the server starts: no spec is listed and no
     * folder's template registered, yet reading a spec by its URI through the SDK (as a client
     * does) is answered as with the configuration broken later: -32603 in check's words. It was the
     * SDK's bare "Resource not found" (-32002): no template matched a path with a slash.
     */
    @Test
    void aConfigurationBrokenAtStartIsSaidOnReadsThroughTheServer() throws Exception {
        Files.writeString(
                tmp.resolve(".specgate.yml"),
                "version: 1\r\n# the gate is not strict yet\r\nstrict: maybe\r\n");
        String read =
                "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"resources/read\","
                        + "\"params\":{\"uri\":\"%s\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new SpecgateMcpServer(
                        SpecToolsTest.options(tmp, false),
                        "test",
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .serve(
                        new ByteArrayInputStream(
                                StdioTransportTest.lines(
                                                StdioTransportTest.INIT,
                                                StdioTransportTest.INITIALIZED,
                                                StdioTransportTest.callTool(2, "check"),
                                                read.formatted(
                                                        3, SpecResources.SPEC_PREFIX + REFUND),
                                                read.formatted(
                                                        4,
                                                        SpecResources.SPEC_PREFIX
                                                                + "directives/spec/2026-12-01_spec_n%C3%BCr-hier.md"),
                                                read.formatted(5, SpecResources.TEMPLATE_URI))
                                        .getBytes(StandardCharsets.UTF_8)),
                        out);
        Map<Integer, JsonNode> answers = new java.util.TreeMap<>();
        for (JsonNode m : StdioTransportTest.parse(out)) {
            if (m.has("id")) {
                answers.put(m.get("id").asInt(), m);
            }
        }
        String said =
                "cannot use the configuration: .specgate.yml:3: 'strict' must be true or false,"
                        + " found 'maybe'";
        JsonNode check = answers.get(2).get("result");
        assertThat(check.get("isError").asBoolean()).isTrue();
        assertThat(check.get("content").get(0).get("text").asText()).isEqualTo(said);
        for (int id : List.of(3, 5)) {
            JsonNode error = answers.get(id).get("error");
            assertThat(error).as("read " + id).isNotNull();
            assertThat(error.get("code").asInt()).as("read " + id).isEqualTo(-32603);
            assertThat(error.get("message").asText()).as("read " + id).isEqualTo(said);
        }
        // a spec that is not there is not there, whatever the configuration says
        JsonNode missing = answers.get(4).get("error");
        assertThat(missing.get("code").asInt()).isEqualTo(-32002);
        assertThat(missing.get("message").asText())
                .isEqualTo("spec not found: directives/spec/2026-12-01_spec_nür-hier.md");
    }

    static String text(McpSchema.ReadResourceResult result) {
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }
}
