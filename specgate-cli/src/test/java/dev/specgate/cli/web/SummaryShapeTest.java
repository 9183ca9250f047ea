package dev.specgate.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list --format json} and the dashboard's {@code index.json} describe each spec in core's
 * one summary shape: the same fields, in the same order, with the same values (they once said
 * {@code date} and {@code created} for the same thing, and counted overdue items apart).
 */
class SummaryShapeTest {

    private static final Path DEMO = Path.of("..", "examples", "demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void listAndIndexJsonGiveEachSpecTheSameSummary() throws Exception {
        Path out = tmp.resolve("site");
        CliRun list = CliRun.of("list", DEMO.toString(), "-f", "json", "--today", "2026-11-25");
        CliRun site =
                CliRun.of(
                        "site", DEMO.toString(), "--out", out.toString(), "--today", "2026-11-25");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(site.exitCode()).as(site.err()).isZero();

        JsonNode listed = JSON.readTree(list.out());
        JsonNode index = JSON.readTree(out.resolve("index.json").toFile());

        assertThat(index.get("version").asInt()).isEqualTo(listed.get("version").asInt());
        Map<String, ObjectNode> fromList = byFileName(listed.get("specs"));
        Map<String, ObjectNode> fromSite = byFileName(index.get("specs"));
        assertThat(fromSite).isNotEmpty();
        assertThat(fromList.keySet()).containsAll(fromSite.keySet());
        for (Map.Entry<String, ObjectNode> e : fromSite.entrySet()) {
            ObjectNode shown = e.getValue().deepCopy();
            shown.remove("page");
            ObjectNode listedOne = fromList.get(e.getKey());
            assertThat(fieldNames(shown)).as(e.getKey()).isEqualTo(fieldNames(listedOne));
            shown.remove("path");
            ObjectNode listedRest = listedOne.deepCopy();
            listedRest.remove("path");
            assertThat(shown).as(e.getKey()).isEqualTo(listedRest);
        }
    }

    private static Map<String, ObjectNode> byFileName(JsonNode specs) {
        Map<String, ObjectNode> m = new HashMap<>();
        for (JsonNode s : specs) {
            m.put(s.get("path").asText().replaceAll(".*/", ""), (ObjectNode) s);
        }
        return m;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
