package dev.specgate.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.specgate.core.config.ConfigLoader;
import dev.specgate.core.config.RuleLevel;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/specgate.schema.json, the JSON Schema editors use to complete {@code .specgate.yml}, is
 * generated from the rule registry and the loader's keys; this test fails when it drifts (run with
 * {@code -Dspecgate.regenerate=true} to rewrite it), and holds the schema and the loader to the
 * same verdict on the documentation's examples.
 */
class ConfigSchemaTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir Path dir;

    static Path repoRoot() {
        return Path.of(System.getProperty("specgate.repoRoot", "..")).toAbsolutePath().normalize();
    }

    static Path schemaFile() {
        return repoRoot().resolve("docs/specgate.schema.json");
    }

    @Test
    void schemaFileMatchesTheRegistryAndTheLoader() throws IOException {
        String expected = JSON.writeValueAsString(expectedSchema()) + "\n";
        if (Boolean.getBoolean("specgate.regenerate")) {
            Files.writeString(schemaFile(), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(schemaFile())).isEqualTo(expected);
    }

    @Test
    void everyExampleInTheDocsIsValidForSchemaAndLoader() throws Exception {
        String docs = Files.readString(repoRoot().resolve("docs/config.md"));
        Matcher m = YAML_BLOCK.matcher(docs);
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            examples.add(m.group(1));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (String yaml : examples) {
            JsonNode node = new YAMLMapper().readTree(yaml);
            if (node == null || node.isMissingNode()) {
                continue; // a block holding only comments
            }
            assertThat(schema().validate(node)).as("schema verdict on%n%s", yaml).isEmpty();
            if (node.has("template") && !node.get("template").asText().equals("rigour-vibe")) {
                Path t = dir.resolve(node.get("template").asText());
                Files.createDirectories(t.getParent());
                Files.writeString(t, "# T\n\n## Context\n{{why}}\n");
            }
            Path file = Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), yaml);
            SpecProject.configLoader().load(file);
        }
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws IOException {
        Schema schema = schema();
        for (String yaml :
                List.of(
                        "rule: {}",
                        "rules:\n  no-such-rule: warning",
                        "rules:\n  section-empty: fatal",
                        "strict: maybe",
                        "version: 2",
                        "specs: {a: b}")) {
            assertThat(schema.validate(new YAMLMapper().readTree(yaml)))
                    .as("schema verdict on %s", yaml)
                    .isNotEmpty();
        }
    }

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(schemaFile()));
    }

    private static ObjectNode expectedSchema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put("$schema", "http://json-schema.org/draft-07/schema#");
        s.put("title", "Specgate configuration (.specgate.yml)");
        s.put("description", "See docs/config.md.");
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        ObjectNode version = p.putObject("version");
        version.put("description", "The configuration format's version.");
        version.putArray("enum").add(1).add("1");
        ObjectNode template = p.putObject("template");
        template.put(
                "description",
                "rigour-vibe (the built-in template) or the path of a Markdown template, relative"
                        + " to this file.");
        template.put("type", "string");
        template.put("minLength", 1);
        template.putArray("examples").add("rigour-vibe").add("docs/adr/template.md");
        p.set("specs", globs("Globs that select the specs, relative to this file."));
        p.set("ignore", globs("Globs of files that are never checked, relative to this file."));
        ObjectNode rules = p.putObject("rules");
        rules.put("description", "Rule id to off, info, warning or error.");
        rules.putArray("type").add("object").add("null");
        rules.put("additionalProperties", false);
        ObjectNode ruleProps = rules.putObject("properties");
        for (Rule r : RuleRegistry.builtin()) {
            ObjectNode rule = ruleProps.putObject(r.id());
            rule.put(
                    "description", r.summary() + " (default: " + r.defaultSeverity().label() + ")");
            rule.put("$ref", "#/definitions/level");
        }
        ObjectNode strict = p.putObject("strict");
        strict.put("description", "Whether warnings fail the run too, like --strict.");
        strict.put("type", "boolean");
        ObjectNode baseline = p.putObject("baseline");
        baseline.put(
                "description",
                "A baseline file written by check --write-baseline; findings in it are not"
                        + " reported.");
        baseline.put("type", "string");
        baseline.put("minLength", 1);
        ObjectNode level = s.putObject("definitions").putObject("level");
        ArrayNode levels = level.putArray("enum");
        for (RuleLevel l : RuleLevel.values()) {
            levels.add(l.label());
        }
        levels.add(false); // YAML 1.1 readers turn an unquoted off into false
        level.put("description", "off (or false), info, warning or error");
        assertThat(p.properties().stream().map(e -> e.getKey()).toList())
                .as("the schema's keys are the loader's keys")
                .isEqualTo(ConfigLoader.KEYS);
        return s;
    }

    private static ObjectNode globs(String description) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode g = f.objectNode();
        g.put("description", description);
        ArrayNode oneOf = g.putArray("oneOf");
        oneOf.addObject().put("type", "null");
        oneOf.addObject().put("type", "string").put("minLength", 1);
        ObjectNode list = oneOf.addObject();
        list.put("type", "array");
        list.putObject("items").put("type", "string").put("minLength", 1);
        g.putArray("examples").addArray().add("directives/spec/**/*.md");
        return g;
    }
}
