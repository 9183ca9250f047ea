package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool's answer fits the output schema {@code tools.json} declares for it, read closed: a
 * field the answer holds that the schema does not declare fails, as one it requires and lacks does.
 * {@code scaffold} returned {@code unread} (the File Organization's items it makes nothing for),
 * which its schema did not name; the next such drift fails here. Each tool is called once on a copy
 * of the demo project, the writes with the spec's hash as read just before.
 */
class OutputSchemasTest {

    private static final String REFUND = SpecToolsTest.REFUND;

    @TempDir Path tmp;

    @Test
    void everyToolsAnswerFitsItsDeclaredOutputSchemaClosed() throws Exception {
        SpecToolsTest.copyDemo(tmp);
        SpecTools tools = new SpecTools(SpecToolsTest.options(tmp, false));
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        answers.put("list_specs", tools.listSpecs(Map.of()));
        answers.put("get_spec", tools.getSpec(Map.of("path", REFUND)));
        answers.put("check", tools.check(Map.of()));
        answers.put(
                "check_text",
                tools.checkText(
                        Map.of(
                                "path",
                                REFUND,
                                "text",
                                Files.readString(tmp.resolve(REFUND))
                                        .replace("**Type:** Integration", "**Type:** Feature"))));
        answers.put("template", tools.template(Map.of()));
        answers.put("progress", tools.progress(Map.of("path", REFUND)));
        Map<String, Object> next = tools.nextItem(Map.of("path", REFUND));
        answers.put("next_item", next);
        answers.put("trace", tools.trace(Map.of("paths", List.of(REFUND))));
        answers.put("scaffold", tools.scaffold(Map.of("path", REFUND)));
        answers.put(
                "mark_done",
                tools.markDone(
                        Map.of(
                                "path",
                                REFUND,
                                "item",
                                ((Map<?, ?>) next.get("next")).get("id"),
                                "hash",
                                hash(tools))));
        answers.put(
                "update_section",
                tools.updateSection(
                        Map.of(
                                "path",
                                REFUND,
                                "section",
                                "Executive Summary",
                                "text",
                                "Refunds take an optional `Idempotency-Key`; a retry with the"
                                        + " same key returns the stored refund (« une seule"
                                        + " fois »).\n",
                                "hash",
                                hash(tools))));
        answers.put(
                "set_field",
                tools.setField(
                        Map.of(
                                "path",
                                REFUND,
                                "field",
                                "Type",
                                "value",
                                "Security Enhancement",
                                "hash",
                                hash(tools))));
        answers.put(
                "set_status",
                tools.setStatus(Map.of("path", REFUND, "status", "Draft", "hash", hash(tools))));
        answers.put("tasks", tools.tasks(Map.of("path", REFUND, "hash", hash(tools))));
        answers.put("new_spec", tools.newSpec(Map.of("title", "Dunning emails for Zoë")));

        assertThat(answers.keySet()).as("every tool served").isEqualTo(schemas().keySet());
        List<String> drift = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> a : answers.entrySet()) {
            Map<String, Object> schema = closed(schemas().get(a.getKey()));
            JsonSchemaValidator.ValidationResponse valid =
                    new DefaultJsonSchemaValidator().validate(schema, a.getValue());
            if (!valid.valid()) {
                drift.add(a.getKey() + ": " + valid.errorMessage());
            }
        }
        // a list replaced holds the answer's optional fields: a tick carried, an item written
        // twice with one copy ticked (unclear), an open item written by hand (dropped)
        Map<String, Object> replaced = replacedList(tools, answers.get("tasks"));
        assertThat(replaced)
                .containsKeys("ticks_carried", "ticks_dropped", "ticks_unclear", "items_dropped");
        JsonSchemaValidator.ValidationResponse valid =
                new DefaultJsonSchemaValidator().validate(closed(schemas().get("tasks")), replaced);
        if (!valid.valid()) {
            drift.add("tasks (replacing a list): " + valid.errorMessage());
        }
        assertThat(drift).isEmpty();
    }

    /**
     * The {@code tasks} answer that replaces the list {@code first} wrote, after that list was
     * edited by hand: its first two items ticked, the second written again unticked, and an item of
     * its own added.
     */
    private Map<String, Object> replacedList(SpecTools tools, Map<String, Object> first)
            throws Exception {
        Path list = tmp.resolve((String) first.get("path"));
        List<String> items =
                Files.readString(list).lines().filter(l -> l.startsWith("- [ ] ")).toList();
        String one = items.get(0);
        String two = items.get(1);
        String edited =
                Files.readString(list)
                        .replace(one, one.replace("[ ]", "[x]"))
                        .replace(two, two.replace("[ ]", "[x]") + "\n" + two)
                        .replace(
                                "## Quality Gates\n",
                                "## Quality Gates\n- [ ] Ask Anaïs for the bank's test slot\n");
        assertThat(edited).as("the list edited by hand").contains("Anaïs").contains("[x]");
        Files.writeString(list, edited);
        return tools.tasks(
                Map.of(
                        "path",
                        REFUND,
                        "hash",
                        hash(tools),
                        "replace",
                        SpecTools.hash(Files.readAllBytes(list))));
    }

    private static String hash(SpecTools tools) {
        return (String) tools.getSpec(Map.of("path", REFUND)).get("hash");
    }

    /** Each tool's declared output schema, by name, in tools.json's order. */
    private static Map<String, Map<String, Object>> schemas() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (InputStream in = SpecgateMcpServer.class.getResourceAsStream("tools.json")) {
            for (JsonNode d : json.readTree(in)) {
                out.put(
                        d.get("name").asText(),
                        json.convertValue(
                                d.get("outputSchema"),
                                new TypeReference<Map<String, Object>>() {}));
            }
        }
        return out;
    }

    /**
     * {@code schema} with every object that lists its properties closed to others ({@code
     * additionalProperties: false}) where it says nothing of them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> closed(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : schema.entrySet()) {
            Object v = e.getValue();
            if (e.getKey().equals("properties") && v instanceof Map<?, ?> props) {
                Map<String, Object> each = new LinkedHashMap<>();
                props.forEach((k, p) -> each.put((String) k, closed((Map<String, Object>) p)));
                v = each;
            } else if (v instanceof Map<?, ?> m) {
                v = closed((Map<String, Object>) m);
            } else if (v instanceof List<?> l) {
                v =
                        l.stream()
                                .map(
                                        x ->
                                                x instanceof Map<?, ?> m
                                                        ? closed((Map<String, Object>) m)
                                                        : x)
                                .toList();
            }
            out.put(e.getKey(), v);
        }
        if (out.containsKey("properties") && !out.containsKey("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    @Test
    void aFieldTheSchemaDoesNotDeclareFails() {
        Map<String, Object> schema =
                closed(
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("path", Map.of("type", "string")),
                                "required",
                                List.of("path")));
        JsonSchemaValidator.ValidationResponse drift =
                new DefaultJsonSchemaValidator()
                        .validate(schema, Map.of("path", "a.md", "unread", List.of()));
        assertThat(drift.valid()).isFalse();
        assertThat(drift.errorMessage()).contains("unread");
    }
}
