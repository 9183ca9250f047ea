package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.project.ConfigChoice;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stdio transport with the SDK's real server session in process: the bytes a client (or a
 * broken one) writes go in, the lines the server writes come out. The whole server as a subprocess
 * is McpServerIT's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioTransportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INIT =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    static final String INITIALIZED =
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    @TempDir Path tmp;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheServerReadsOn() throws Exception {
        List<JsonNode> out = serve(lines(INIT, INITIALIZED, "garbage{", ping(2)), 1000);
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("id").asInt()).isEqualTo(1);
        JsonNode error = out.get(1);
        assertThat(error.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(error.has("id")).isTrue();
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(error.get("error").get("message").asText())
                .startsWith("Parse error: Unrecognized token 'garbage'");
        assertThat(out.get(2).get("id").asInt()).isEqualTo(2);
        assertThat(out.get(2).get("result").isObject()).isTrue();
        assertThat(logLines())
                .singleElement()
                .asString()
                .startsWith("specgate mcp: line 3 of stdin is not a JSON-RPC message (Parse error:")
                .endsWith("answered with error -32700 and reading on");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "garbage{                                                       | -32700 |",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"           | -32700 |",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"} {}       | -32700 |",
                "größe: {ü}                                                     | -32700 |",
                "`[{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}]`      | -32600 |",
                "\"ping\"                                                 | -32600 |",
                "42                                                             | -32600 |",
                "null                                                           | -32600 |",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"params\":{}}                      | -32600 | 8",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a-9\",\"params\":{}}                | -32600 | a-9",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"params\":{}}              | -32600 |",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":{\"x\":1}}            | -32600 | 7",
            })
    void eachUnreadableLineGetsTheErrorItDeservesAndTheNextRequestItsAnswer(
            String line, int code, String id) throws Exception {
        List<JsonNode> out = serve(lines(INIT, INITIALIZED, line, ping(99)), 1000);
        assertThat(out).as(log.toString()).hasSize(3);
        JsonNode error = out.get(1);
        assertThat(error.get("error").get("code").asInt()).isEqualTo(code);
        if (id == null) {
            assertThat(error.get("id").isNull()).as(error.toString()).isTrue();
        } else {
            assertThat(error.get("id").asText()).isEqualTo(id);
        }
        assertThat(out.get(2).get("id").asInt()).isEqualTo(99);
        assertThat(logLines()).singleElement().asString().contains("line 3 of stdin");
    }

    @Test
    void eachGoodLineIsParsedOnceAndTheSessionGetsTheMessageFromThatTree() throws Exception {
        // the SDK's own deserializeJsonRpcMessage would read the text again with the mapper
        CountingMapper mapper = new CountingMapper(new JacksonMcpJsonMapper(new ObjectMapper()));
        String call = "{\"jsonrpc\":\"2.0\",\"id\":\"req-3\",\"method\":\"ping\",\"params\":{}}";
        List<JsonNode> out =
                serve(lines(INIT, INITIALIZED, ping(2), call, "{\"a\":1} {}"), 1000, mapper);
        assertThat(out).hasSize(4);
        assertThat(out.get(0).get("result").get("serverInfo").get("name").asText())
                .isEqualTo("test");
        assertThat(out.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(out.get(2).get("id").asText()).isEqualTo("req-3");
        assertThat(out.get(2).get("result").isObject()).isTrue();
        assertThat(out.get(3).get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(mapper.textReads).as("lines the mapper parsed again from their text").isZero();
        assertThat(mapper.treesConverted)
                .as("messages converted from the line's tree")
                .isEqualTo(4);
    }

    @Test
    void crlfLineEndsBlankLinesAndAMissingLastNewlineAreFine() throws Exception {
        String in = INIT + "\r\n\r\n" + INITIALIZED + "\r\n   \n" + ping(2) + "\r\n" + ping(3);
        List<JsonNode> out = serve(in, 1000);
        assertThat(out).extracting(m -> m.get("id").asInt()).containsExactly(1, 2, 3);
        assertThat(out).allMatch(m -> m.has("result"));
        assertThat(logLines()).isEmpty();
    }

    @Test
    void aLineAtTheLimitIsReadAndOneCharacterMoreIsAParseError() throws Exception {
        int limit = 200;
        String atLimit = padded(ping(2), limit);
        String overLimit = padded(ping(3), limit + 1);
        String crlfAtLimit = padded(ping(4), limit) + "\r";
        List<JsonNode> out =
                serve(lines(INIT, INITIALIZED, atLimit, overLimit, crlfAtLimit, ping(5)), limit);
        assertThat(out).hasSize(5);
        assertThat(out.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(out.get(2).get("id").isNull()).isTrue();
        assertThat(out.get(2).get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(out.get(2).get("error").get("message").asText())
                .isEqualTo("Parse error: line longer than 200 characters");
        assertThat(out.get(3).get("id").asInt()).isEqualTo(4);
        assertThat(out.get(4).get("id").asInt()).isEqualTo(5);
        assertThat(logLines()).singleElement().asString().contains("line 4 of stdin");
    }

    @Test
    void everyRequestReadIsAnsweredBeforeServeReturnsWhenTheInputEnds() throws Exception {
        copyDemo();
        List<String> in = new ArrayList<>(List.of(INIT, INITIALIZED));
        for (int id = 10; id < 40; id++) {
            in.add(
                    "{\"jsonrpc\":\"2.0\",\"id\":"
                            + id
                            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"check\",\"arguments\":{}}}");
        }
        in.add("not json at the very end");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        McpServerOptions options =
                new McpServerOptions(
                        tmp, ConfigChoice.nearest(), true, false, () -> LocalDate.of(2026, 12, 1));
        // the input ends at once: the server has read everything before it answered anything
        new SpecgateMcpServer(options, "test", new PrintStream(log, true, StandardCharsets.UTF_8))
                .serve(new ByteArrayInputStream(lines(in).getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> messages = parse(out);
        List<Integer> ids = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.has("id") && !m.get("id").isNull()) {
                ids.add(m.get("id").asInt());
                if (m.get("id").asInt() >= 10) {
                    JsonNode summary = m.get("result").get("structuredContent").get("summary");
                    assertThat(summary.get("files").asInt()).isEqualTo(5);
                }
            }
        }
        List<Integer> expected = new ArrayList<>(List.of(1));
        for (int id = 10; id < 40; id++) {
            expected.add(id);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(messages)
                .filteredOn(m -> m.has("error"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("error").get("code").asInt()).isEqualTo(-32700));
    }

    static String callTool(int id, String name) {
        return "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + name
                + "\",\"arguments\":{}}}";
    }

    @Test
    void anUnknownToolIsNamedWithTheToolsServedNotTheSdksExampleText() throws Exception {
        List<String> served = List.of("list_specs", "check", "get_spec");
        List<String> all = List.of("list_specs", "check", "get_spec", "mark_done");

        List<JsonNode> out =
                serveTools(
                        lines(
                                INIT,
                                INITIALIZED,
                                callTool(2, "chek"),
                                callTool(3, "mark_done"),
                                callTool(4, "frobnicate"),
                                ping(5)),
                        served,
                        all);

        assertThat(out).hasSize(5);
        java.util.Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        out.forEach(m -> byId.put(m.get("id").asInt(), m));
        JsonNode typo = byId.get(2).get("error");
        assertThat(typo.get("code").asInt()).isEqualTo(-32602);
        assertThat(typo.get("message").asText())
                .isEqualTo(
                        "Unknown tool 'chek': did you mean 'check'? The tools served: list_specs,"
                                + " check, get_spec");
        assertThat(typo.get("data").get("tool").asText()).isEqualTo("chek");
        assertThat(typo.get("data").get("tools"))
                .extracting(JsonNode::asText)
                .containsExactly("list_specs", "check", "get_spec");
        assertThat(byId.get(3).get("error").get("message").asText())
                .isEqualTo(
                        "Unknown tool 'mark_done': this server is read-only (specgate mcp"
                                + " --read-only) and serves no tool that writes; the tools served:"
                                + " list_specs, check, get_spec");
        assertThat(byId.get(4).get("error").get("message").asText())
                .isEqualTo(
                        "Unknown tool 'frobnicate'; the tools served: list_specs, check, get_spec");
        assertThat(byId.get(5).get("result").isObject()).isTrue(); // and the server goes on
        assertThat(logLines()).isEmpty(); // a request read, not a bad line
    }

    /**
     * The tool suggested is the one core's {@code EditDistance.nearestValue} finds, as every "did
     * you mean" in Specgate: one of another case or with hyphens, one the name begins, none where
     * two are as near ({@code net_spec}: {@code get_spec} or {@code new_spec}) or none is near
     * ({@code tags} is not {@code tasks}).
     */
    @Test
    void anUnknownToolsSuggestionIsCoresNearestValue() throws Exception {
        List<String> served = List.of("list_specs", "get_spec", "new_spec", "check", "tasks");
        java.util.Map<String, String> asked = new java.util.LinkedHashMap<>();
        asked.put("List-Specs", ": did you mean 'list_specs'? The tools served: ");
        asked.put("CHECK", ": did you mean 'check'? The tools served: ");
        asked.put("list", ": did you mean 'list_specs'? The tools served: ");
        asked.put("net_spec", "; the tools served: ");
        asked.put("tags", "; the tools served: ");
        List<String> calls = new java.util.ArrayList<>(List.of(INIT, INITIALIZED));
        int id = 2;
        for (String name : asked.keySet()) {
            calls.add(callTool(id++, name));
        }

        List<JsonNode> out = serveTools(lines(calls.toArray(String[]::new)), served, served);

        assertThat(out).hasSize(1 + asked.size());
        id = 2;
        for (var e : asked.entrySet()) {
            int at = id++;
            JsonNode answer =
                    out.stream().filter(m -> m.get("id").asInt() == at).findFirst().orElseThrow();
            assertThat(answer.get("error").get("message").asText())
                    .as(e.getKey())
                    .isEqualTo(
                            "Unknown tool '"
                                    + e.getKey()
                                    + "'"
                                    + e.getValue()
                                    + String.join(", ", served));
        }
    }

    /**
     * Before {@code notifications/initialized}, a call of an unknown tool is refused as any request
     * but {@code initialize} is then (a served tool's call, {@code tools/list}): the same -32600,
     * not the unknown-tool answer an initialized session gets, and no request is held for ever (the
     * SDK's session would wait for the notification, so the input's end never ended the serve).
     * After it, the unknown tool is named as ever.
     */
    @Test
    void anUnknownToolBeforeInitializationIsRefusedAsAnyRequestThen() throws Exception {
        List<String> served = List.of("list_specs", "check", "get_spec");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}";

        List<JsonNode> out =
                serveTools(
                        lines(
                                callTool(1, "frobnicate"),
                                callTool(2, "check"),
                                list,
                                INIT.replace("\"id\":1", "\"id\":4"),
                                callTool(5, "frobnicate"),
                                INITIALIZED,
                                callTool(6, "frobnicate")),
                        served,
                        served);

        java.util.Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        out.forEach(m -> byId.put(m.get("id").asInt(), m));
        assertThat(byId).containsOnlyKeys(1, 2, 3, 4, 5, 6);
        JsonNode known = byId.get(2).get("error");
        assertThat(known).as(byId.get(2).toString()).isNotNull();
        for (int id : List.of(1, 3, 5)) {
            assertThat(byId.get(id).get("error")).as("request " + id).isEqualTo(known);
        }
        assertThat(known.get("code").asInt()).isEqualTo(-32600);
        assertThat(known.get("message").asText())
                .isEqualTo(
                        "Session not initialized. Send 'initialize' request and"
                                + " 'notifications/initialized' first.");
        assertThat(byId.get(4).get("result").get("serverInfo")).isNotNull();
        assertThat(byId.get(6).get("error").get("message").asText())
                .isEqualTo(
                        "Unknown tool 'frobnicate'; the tools served: list_specs, check, get_spec");
    }

    /**
     * A ping is answered before initialization too (the MCP lifecycle lets a client ping before the
     * server has answered {@code initialize}), while any other request then is refused.
     */
    @Test
    void aPingBeforeInitializationIsAnswered() throws Exception {
        List<String> served = List.of("list_specs", "check");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}";

        List<JsonNode> out =
                serveTools(lines(ping(2), list, INIT, INITIALIZED, ping(4)), served, served);

        java.util.Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        out.forEach(m -> byId.put(m.get("id").asInt(), m));
        assertThat(byId).containsOnlyKeys(1, 2, 3, 4);
        assertThat(byId.get(2).get("error")).as(byId.get(2).toString()).isNull();
        assertThat(byId.get(2).get("result").isObject()).isTrue();
        assertThat(byId.get(2).get("result").size()).isZero();
        assertThat(byId.get(3).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(byId.get(4).get("result").isObject()).isTrue();
    }

    @Test
    void anUnknownPromptIsNamedWithThePromptsServedNotTheSdksInvalidPromptName() throws Exception {
        String in =
                lines(
                        INIT,
                        INITIALIZED,
                        getPrompt(2, "revew_spec"),
                        getPrompt(3, "draft_spec"),
                        getPrompt(4, "summarise"),
                        ping(5));
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioTransport transport =
                new StdioTransport(
                        mapper,
                        new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                        out,
                        new PrintStream(log, true, StandardCharsets.UTF_8));
        transport.servesPrompts(
                SpecPrompts.names(true), SpecPrompts.names(false)); // read-only: review_spec
        McpSyncServer server =
                McpServer.sync(transport)
                        .serverInfo("test", "1")
                        .jsonMapper(mapper)
                        .prompts(SpecPrompts.all(true))
                        .build();
        try {
            transport.serve();
        } finally {
            server.closeGracefully();
        }
        java.util.Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        parse(out).forEach(m -> byId.put(m.get("id").asInt(), m));
        JsonNode typo = byId.get(2).get("error");
        assertThat(typo.get("code").asInt()).isEqualTo(-32602);
        assertThat(typo.get("message").asText())
                .isEqualTo(
                        "Unknown prompt 'revew_spec': did you mean 'review_spec'? The prompts"
                                + " served: review_spec");
        assertThat(typo.get("data").get("prompt").asText()).isEqualTo("revew_spec");
        assertThat(typo.get("data").get("prompts"))
                .extracting(JsonNode::asText)
                .containsExactly("review_spec");
        assertThat(byId.get(3).get("error").get("message").asText())
                .isEqualTo(
                        "Unknown prompt 'draft_spec': this server is read-only (specgate mcp"
                                + " --read-only) and serves only the prompt that writes nothing;"
                                + " the prompts served: review_spec");
        assertThat(byId.get(4).get("error").get("message").asText())
                .isEqualTo("Unknown prompt 'summarise'; the prompts served: review_spec");
        assertThat(byId.get(5).get("result").isObject()).isTrue(); // and the server goes on
    }

    static String getPrompt(int id, String name) {
        return "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"prompts/get\",\"params\":{\"name\":\""
                + name
                + "\",\"arguments\":{\"path\":\"a.md\"}}}";
    }

    /** Serves {@code in} with a bare SDK server, the transport told which tools are served. */
    List<JsonNode> serveTools(String in, List<String> served, List<String> all) throws Exception {
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioTransport transport =
                new StdioTransport(
                        mapper,
                        new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                        out,
                        new PrintStream(log, true, StandardCharsets.UTF_8));
        transport.servesTools(served, all);
        McpSyncServer server =
                McpServer.sync(transport).serverInfo("test", "1").jsonMapper(mapper).build();
        try {
            transport.serve();
        } finally {
            server.closeGracefully();
        }
        return parse(out);
    }

    // ---- helpers

    /** Serves {@code in} with a bare SDK server on the transport, returning what it wrote. */
    List<JsonNode> serve(String in, int maxLineChars) throws Exception {
        return serve(in, maxLineChars, new JacksonMcpJsonMapper(new ObjectMapper()));
    }

    /** Serves {@code in} with a bare SDK server whose JSON goes through {@code mapper}. */
    List<JsonNode> serve(String in, int maxLineChars, McpJsonMapper mapper) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioTransport transport =
                new StdioTransport(
                        mapper,
                        new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                        out,
                        new PrintStream(log, true, StandardCharsets.UTF_8),
                        maxLineChars);
        McpSyncServer server =
                McpServer.sync(transport).serverInfo("test", "1").jsonMapper(mapper).build();
        try {
            transport.serve();
        } finally {
            server.closeGracefully();
        }
        return parse(out);
    }

    /** The SDK's mapper, counting what it parses from text and what it converts from trees. */
    static final class CountingMapper implements McpJsonMapper {
        private final McpJsonMapper real;
        int textReads;
        int treesConverted;

        CountingMapper(McpJsonMapper real) {
            this.real = real;
        }

        @Override
        public <T> T readValue(String content, Class<T> type) throws IOException {
            textReads++;
            return real.readValue(content, type);
        }

        @Override
        public <T> T readValue(byte[] content, Class<T> type) throws IOException {
            textReads++;
            return real.readValue(content, type);
        }

        @Override
        public <T> T readValue(String content, TypeRef<T> type) throws IOException {
            textReads++;
            return real.readValue(content, type);
        }

        @Override
        public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
            textReads++;
            return real.readValue(content, type);
        }

        @Override
        public <T> T convertValue(Object from, Class<T> type) {
            if (from instanceof JsonNode) {
                treesConverted++;
            }
            return real.convertValue(from, type);
        }

        @Override
        public <T> T convertValue(Object from, TypeRef<T> type) {
            return real.convertValue(from, type);
        }

        @Override
        public String writeValueAsString(Object value) throws IOException {
            return real.writeValueAsString(value);
        }

        @Override
        public byte[] writeValueAsBytes(Object value) throws IOException {
            return real.writeValueAsBytes(value);
        }
    }

    static List<JsonNode> parse(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                messages.add(JSON.readTree(line));
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n");
        return messages;
    }

    List<String> logLines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static String lines(String... lines) {
        return lines(List.of(lines));
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** {@code json} with spaces before its closing brace, {@code length} characters long. */
    static String padded(String json, int length) {
        String body = json.substring(0, json.length() - 1);
        return body + " ".repeat(length - json.length()) + "}";
    }

    void copyDemo() throws IOException {
        SpecToolsTest.copyDemo(tmp);
    }
}
