package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call's arguments checked against tools.json's input schemas, in Specgate's words: a wrong type,
 * a missing required argument and an unknown one, each named with the real cause.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToolArgumentsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    static ToolArguments arguments(String tool) {
        return SpecgateMcpServer.definitions().stream()
                .filter(d -> d.get("name").asText().equals(tool))
                .map(d -> ToolArguments.of(tool, d.get("inputSchema")))
                .findFirst()
                .orElseThrow();
    }

    static Map<String, Object> args(String json) throws IOException {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    }

    /** What the call is told, or null when the arguments fit. */
    static String said(String tool, String json) throws IOException {
        try {
            arguments(tool).check(args(json));
            return null;
        } catch (ToolRefusal e) {
            return e.oneLine();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    get_spec | {"path": 3} | 'path' must be a string, found the number 3
                    get_spec | {} | 'path' is required (a string): The spec file, relative to the project root.
                    get_spec | {"pth": "a.md"} | unknown argument 'pth'; did you mean 'path'? (get_spec takes path, section, line)
                    get_spec | {"path": "a.md", "line": 0} | 'line' must be a whole number, 1 or more, found the number 0
                    get_spec | {"path": "a.md", "line": 2.5} | 'line' must be a whole number, 1 or more, found the number 2.5
                    get_spec | {"path": "a.md", "line": 1e400} | 'line' must be a whole number, 1 or more, found a number too large to read (more than 1.8e308)
                    get_spec | {"path": "a.md", "line": -1e400} | 'line' must be a whole number, 1 or more, found a number too large to read (less than -1.8e308)
                    get_spec | {"path": 1e400} | 'path' must be a string, found a number too large to read (more than 1.8e308)
                    check | {"paths": ["a.md", -1e400]} | 'paths' must be an array of strings, found a number too large to read (less than -1.8e308) as item 2
                    get_spec | {"path": 1e300} | 'path' must be a string, found the number 1E+300
                    get_spec | {"path": 123456789012345678901234567890123456789012345678901234567890} | 'path' must be a string, found the number 1.2345678901234567890123456789012345...E+59
                    get_spec | {"path": 0.000000000000000000000000000000000000000001} | 'path' must be a string, found the number 1E-42
                    get_spec | {"path": 1234567890123456789012345678901234567890} | 'path' must be a string, found the number 1234567890123456789012345678901234567890
                    get_spec | {"path": "a.md", "an_argument_whose_name_goes_on_and_on_and_on_past_forty": 1} | unknown argument 'an_argument_whose_name_goes_on_and_on_an...' (get_spec takes path, section, line)
                    get_spec | {"path": null} | 'path' must be a string, found null
                    mark_done | {"path": "a.md", "item": null, "hash": "h", "inOrder": null} | 'item' must be a string, found null
                    get_spec | {"path": 3, "lines": 2} | 2 arguments of get_spec are not right: 'path' must be a string, found the number 3; unknown argument 'lines'; did you mean 'line'? (get_spec takes path, section, line)
                    list_specs | {"hasErrors": "yes"} | 'hasErrors' must be true or false, found the string "yes"
                    list_specs | {"status": ["Draft"]} | 'status' must be a string, found an array
                    check | {"paths": ["a.md", 3]} | 'paths' must be an array of strings, found the number 3 as item 2
                    check | {"paths": "a.md"} | 'paths' must be an array of strings, found the string "a.md"
                    check | {"errors_only": true} | unknown argument 'errors_only'; did you mean 'errorsOnly'? (check takes paths, errorsOnly)
                    template | {"name": "adr"} | unknown argument 'name' (template takes no arguments)
                    mark_done | {"path": "a.md", "item": 13.2, "hash": "h"} | 'item' must be a string, found the number 13.2
                    mark_done | {"path": "a.md", "item": "1.1", "hash": "h", "in_order": false} | unknown argument 'in_order'; did you mean 'inOrder'? (mark_done takes path, item, hash, inOrder)
                    update_section | {"path": "a.md", "section": "Goals", "text": {"body": "x"}, "hash": "h"} | 'text' must be a string, found an object
                    new_spec | {"title": "Refunds", "typo": "x"} | unknown argument 'typo'; did you mean 'type'? (new_spec takes title, type, assignee, slug, text)
                    """)
    void eachProblemIsNamedWithItsArgumentAndCause(String tool, String json, String expected)
            throws IOException {
        assertThat(said(tool, json)).isEqualTo(expected);
    }

    /** An unknown argument whose suggestion is the required one missing says so once. */
    @Test
    void aMisspeltRequiredArgumentIsNotAlsoSaidMissing() throws IOException {
        assertThat(said("progress", "{\"Path\": \"a.md\"}"))
                .isEqualTo("unknown argument 'Path'; did you mean 'path'? (progress takes path)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    get_spec | {"path": "a.md", "line": 3.0}
                    get_spec | {"path": "a.md", "section": null, "line": null}
                    check | {"paths": null, "errorsOnly": null}
                    scaffold | {"path": "a.md", "apply": null, "includeConditional": null, "hash": null}
                    get_spec | {"path": "a.md", "section": "Goals", "line": 12}
                    check | {}
                    check | {"paths": [], "errorsOnly": false}
                    template | {}
                    mark_done | {"path": "a.md", "item": "1.1", "hash": "h", "inOrder": false}
                    scaffold | {"path": "a.md", "apply": true, "includeConditional": true}
                    """)
    void argumentsThatFitTheSchemaPass(String tool, String json) throws IOException {
        assertThat(said(tool, json)).isNull();
    }

    /** Every tool's schema is read, and one with a keyword the check does not know is refused. */
    @Test
    void everyInputSchemaIsReadAndAnUnknownKeywordIsRefused() throws IOException {
        for (JsonNode d : SpecgateMcpServer.definitions()) {
            assertThat(ToolArguments.of(d.get("name").asText(), d.get("inputSchema"))).isNotNull();
        }
        JsonNode withEnum =
                JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\","
                                + "\"enum\":[\"Draft\",\"Review\"]}}}");
        assertThatThrownBy(() -> ToolArguments.of("set_status", withEnum))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "tools.json: the input schema of set_status, 'status' uses 'enum', which"
                                + " ToolArguments does not check");
    }

    /**
     * A default is written once, in tools.json: the tools read it from there (mark_done's {@code
     * inOrder}, scaffold's {@code apply} and {@code includeConditional}, check's {@code
     * errorsOnly}), and asking for one the schema does not give is a bug, not a made-up value.
     */
    @Test
    void theDefaultsTheToolsFollowAreTheSchemas() {
        assertThat(ToolArguments.of("mark_done").defaultOf("inOrder")).isEqualTo(true);
        assertThat(ToolArguments.of("scaffold").defaultOf("apply")).isEqualTo(false);
        assertThat(ToolArguments.of("scaffold").defaultOf("includeConditional")).isEqualTo(false);
        assertThat(ToolArguments.of("check").defaultOf("errorsOnly")).isEqualTo(false);
        assertThatThrownBy(() -> ToolArguments.of("get_spec").defaultOf("line"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tools.json: the input schema of get_spec gives 'line' no default");
    }

    /** A default that does not fit its own argument's schema is refused when the server starts. */
    @Test
    void aDefaultThatDoesNotFitItsSchemaIsRefused() throws IOException {
        JsonNode wrong =
                JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"apply\":{\"type\":\"boolean\","
                                + "\"default\":\"no\"}}}");
        assertThatThrownBy(() -> ToolArguments.of("scaffold", wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "tools.json: the input schema of scaffold, 'apply' has a default that is"
                                + " not true or false: the string \"no\"");
    }

    /**
     * Served: a call with arguments that do not fit is answered as every other refusal, a result
     * with {@code isError} and Specgate's one line, not the SDK's "Tool (get_spec) input validation
     * failed: ..."; the server goes on.
     */
    @Test
    void theServerAnswersArgumentsThatDoNotFitInSpecgatesWords() throws Exception {
        Files.createDirectories(tmp.resolve("directives/spec"));
        List<String> in =
                new ArrayList<>(List.of(StdioTransportTest.INIT, StdioTransportTest.INITIALIZED));
        in.add(call(2, "get_spec", "{\"path\": 3}"));
        in.add(call(3, "get_spec", "{}"));
        in.add(call(4, "get_spec", "{\"pth\": \"a.md\"}"));
        in.add(call(5, "template", "{}"));
        in.add(call(6, "list_specs", "{\"status\": null, \"hasErrors\": null}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new SpecgateMcpServer(
                        SpecToolsTest.options(tmp, false),
                        "test",
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .serve(
                        new ByteArrayInputStream(
                                StdioTransportTest.lines(in).getBytes(StandardCharsets.UTF_8)),
                        out);
        Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode m : StdioTransportTest.parse(out)) {
            byId.put(m.get("id").asInt(), m.get("result"));
        }
        Map<Integer, String> expected =
                Map.of(
                        2, "'path' must be a string, found the number 3",
                        3,
                                "'path' is required (a string): The spec file, relative to the"
                                        + " project root.",
                        4,
                                "unknown argument 'pth'; did you mean 'path'? (get_spec takes"
                                        + " path, section, line)");
        for (var e : expected.entrySet()) {
            JsonNode result = byId.get(e.getKey());
            assertThat(result.get("isError").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.get("content")).hasSize(1);
            assertThat(result.get("content").get(0).get("text").asText()).isEqualTo(e.getValue());
        }
        assertThat(byId.get(5).path("isError").asBoolean()).isFalse();
        // null for an optional argument is not given: the list, unfiltered
        assertThat(byId.get(6).path("isError").asBoolean()).as(byId.get(6).toString()).isFalse();
        assertThat(byId.get(6).get("structuredContent").get("specs")).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("specgate mcp: get_spec refused: 'path' must be a string")
                .doesNotContain("validation failed");
    }

    static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":"
                + arguments
                + "}}";
    }
}
