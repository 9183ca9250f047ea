package dev.specgate.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.specgate.core.config.ConfigException;
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
    void theKeyTableOfConfigMdHasARowForEveryKeyTheLoaderReads() throws IOException {
        String docs = Files.readString(repoRoot().resolve("docs/config.md"));
        String keysSection = docs.substring(docs.indexOf("\n## Keys\n"));
        keysSection = keysSection.substring(0, keysSection.indexOf("\n## ", 1));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(keysSection);
        while (m.find()) {
            rows.add(m.group(1));
        }

        assertThat(rows).as("the keys in the table of docs/config.md").isEqualTo(ConfigLoader.KEYS);
        List<String> subKeys = new ArrayList<>(ConfigLoader.LIFECYCLE_KEYS);
        subKeys.addAll(ConfigLoader.METADATA_KEYS);
        subKeys.addAll(ConfigLoader.MCP_KEYS);
        subKeys.addAll(List.of("aliases", "required-from"));
        for (String key : subKeys) {
            assertThat(keysSection).as("docs/config.md names '%s'", key).contains("`" + key + "`");
        }
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
                        "rules:\n  section-empty: 2",
                        "rules: [section-empty]",
                        "strict: maybe",
                        "strict: 1",
                        "strict: 'true'",
                        "version: 2",
                        "version: 1.5",
                        "template: 42",
                        "template: ''",
                        "template: [a.md]",
                        "specs: {a: b}",
                        "specs: 42",
                        "specs: []",
                        "specs:",
                        "specs: ['']",
                        "specs: [docs/*.md, 7]",
                        "ignore: 7",
                        "ignore: [true]",
                        "baseline: 42",
                        "baseline: ''",
                        "max-file-size: 0",
                        "max-file-size: -1",
                        "max-file-size: 0MiB",
                        "max-file-size: 016MiB",
                        "max-file-size: 16MB",
                        "max-file-size: 1GiB",
                        "max-file-size: 1.5MiB",
                        "max-file-size: 2.5",
                        "max-file-size: 1025MiB",
                        "max-file-size: 1048577KiB",
                        "max-file-size: 1073741825",
                        "max-file-size: 1073741825B",
                        "max-file-size: [16MiB]",
                        "max-file-size:",
                        "metadata: kep.yaml",
                        "metadata:\n  sidecar: /etc/kep.yaml",
                        "metadata:\n  sidecar: ../kep.yaml",
                        "metadata:\n  sidecars: kep.yaml",
                        "metadata:\n  sidecar: [kep.yaml]",
                        "lifecycle: [draft]",
                        "lifecycle:\n  order: []",
                        "lifecycle:\n  order: draft",
                        "lifecycle:\n  order: [a, a]",
                        "lifecycle:\n  status-field: ''",
                        "lifecycle:\n  drafts: [a]",
                        "sections: [Executive Summary]",
                        "sections:\n  Executive Summary:\n    alias: [Summary]",
                        "sections:\n  Executive Summary: Summary",
                        "placeholders: {a: b}",
                        "placeholders: ['']",
                        "mcp: true",
                        "mcp: [allow-approve]",
                        "mcp: {allow-aprove: true}",
                        "mcp: {allow-approve: 'true'}",
                        "mcp: {allow-approve: 1}",
                        "mcp: {allow-approve: }")) {
            assertThat(schema.validate(new YAMLMapper().readTree(yaml)))
                    .as("schema verdict on %s", yaml)
                    .isNotEmpty();
            Path file = Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), yaml + "\n");
            assertThatThrownBy(() -> SpecProject.configLoader().load(file))
                    .as("loader verdict on %s", yaml)
                    .isInstanceOf(ConfigException.class);
        }
    }

    @Test
    void schemaAcceptsWhatTheLoaderAccepts() throws Exception {
        Schema schema = schema();
        for (String yaml :
                List.of(
                        "version: 1",
                        "version: '1'",
                        "template: rigour-vibe",
                        "specs: docs/adr/*.md",
                        "specs: [docs/adr/*.md, '2026']",
                        "ignore:",
                        "ignore: []",
                        "ignore: directives/spec/archive/",
                        "rules:",
                        "rules:\n  section-empty: warning\n  link-broken: false",
                        "strict: true",
                        "baseline: .specgate-baseline.json",
                        "max-file-size: 1",
                        "max-file-size: 8388608",
                        "max-file-size: '8388608'",
                        "max-file-size: 16MiB",
                        "max-file-size: 16 MiB",
                        "max-file-size: 512KiB",
                        "max-file-size: 999999B",
                        "max-file-size: 1024MiB",
                        "max-file-size: 1048576KiB",
                        "max-file-size: 1073741824",
                        "max-file-size: 1073741824B",
                        "metadata:",
                        "metadata:\n  sidecar: kep.yaml",
                        "metadata:\n  sidecar: meta/kep.yaml",
                        "lifecycle:",
                        "lifecycle:\n  order: [Draft, Review, Approved, Implementation]\n  draft: Draft",
                        "lifecycle:\n  draft: [draft, review]",
                        "lifecycle:\n  status-field: Document Status",
                        "sections:",
                        "sections:\n  Executive Summary:\n    aliases: [Summary, Overview]\n"
                                + "    required-from: Review",
                        "sections:\n  Executive Summary:\n    aliases: Summary",
                        "placeholders:",
                        "placeholders: TBD-NNNN",
                        "placeholders: [KEP-NNNN, '/\\(fill me in[^)]*\\)/']",
                        "mcp:",
                        "mcp: {}",
                        "mcp: {allow-approve: false}",
                        "mcp:\n  allow-approve: true")) {
            assertThat(schema.validate(new YAMLMapper().readTree(yaml)))
                    .as("schema verdict on %s", yaml)
                    .isEmpty();
            Path file = Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), yaml + "\n");
            SpecProject.configLoader().load(file);
        }
    }

    @Test
    void theSizePatternMatchesExactlyTheNumbersUpToItsBound() {
        for (long max : List.of(1L, 5L, 9L, 10L, 99L, 100L, 1024L, 1_048_576L)) {
            Pattern upTo = Pattern.compile(upTo(max));
            for (long n = 0; n <= Math.min(max + 50, 20_000); n++) {
                assertThat(upTo.matcher(Long.toString(n)).matches())
                        .as("%d against 1..%d", n, max)
                        .isEqualTo(n >= 1 && n <= max);
            }
            assertThat(upTo.matcher(Long.toString(max)).matches()).isTrue();
            assertThat(upTo.matcher(Long.toString(max + 1)).matches()).isFalse();
            assertThat(upTo.matcher("0" + max).matches()).isFalse();
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
        p.set(
                "specs",
                globs(
                        "Globs that select the specs, relative to this file: at least one (leave"
                                + " the key out for the default).",
                        false,
                        "directives/spec/**/*.md"));
        p.set(
                "ignore",
                globs(
                        "Globs of files that are never checked, relative to this file.",
                        true,
                        "directives/spec/archive/"));
        ObjectNode newFileName = p.putObject("new-file-name");
        newFileName.put(
                "description",
                "How 'specgate new' names a spec's file, in the folder of the first specs: glob:"
                        + " {slug}, {date} (YYYY-MM-DD) and {number} (the next free number) stand"
                        + " for their values; quote it. Default: the template's File convention,"
                        + " else YYYY-MM-DD_spec_{slug}.md. Refused beside a template whose File"
                        + " field shows a convention.");
        newFileName.put("type", "string");
        newFileName.put("pattern", "^[^/\\\\]*\\{(?:slug|number)\\}[^/\\\\]*\\.(?:md|markdown)$");
        newFileName.putArray("examples").add("{number}-{slug}.md").add("{date}-{slug}.md");
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
        ObjectNode size = p.putObject("max-file-size");
        size.put(
                "description",
                "The largest spec file read, in bytes or with a unit (B, KiB, MiB), at most 1GiB;"
                        + " a larger one is an unreadable-file error. Default: 8MiB.");
        ArrayNode sizeForms = size.putArray("oneOf");
        sizeForms
                .addObject()
                .put("type", "integer")
                .put("minimum", 1)
                .put("maximum", ConfigLoader.MAX_FILE_SIZE_LIMIT);
        long limit = ConfigLoader.MAX_FILE_SIZE_LIMIT;
        sizeForms
                .addObject()
                .put("type", "string")
                .put(
                        "pattern",
                        "^(?:"
                                + upTo(limit)
                                + " ?B?|"
                                + upTo(limit / 1024)
                                + " ?KiB|"
                                + upTo(limit / (1024 * 1024))
                                + " ?MiB)$");
        size.putArray("examples").add("16MiB").add(8388608);
        ObjectNode cache = p.putObject("cache");
        cache.put(
                "description",
                "Whether check keeps an incremental cache of results in .specgate-cache/ next to"
                        + " this file, like --cache. Default: false.");
        cache.put("type", "boolean");
        ObjectNode metadata = p.putObject("metadata");
        metadata.put("description", "Where specs keep metadata besides the spec's own text.");
        metadata.putArray("type").add("object").add("null");
        metadata.put("additionalProperties", false);
        ObjectNode sidecar = metadata.putObject("properties").putObject("sidecar");
        sidecar.put(
                "description",
                "A YAML file beside each spec that holds its metadata (the status among it),"
                        + " such as a KEP's kep.yaml; relative to the spec's folder.");
        sidecar.put("type", "string");
        sidecar.put("minLength", 1);
        sidecar.put("pattern", "^(?![/\\\\])(?![A-Za-z]:)(?!.*\\.\\.)(?!.*/$).+$");
        sidecar.putArray("examples").add("kep.yaml");
        ObjectNode lifecycle = p.putObject("lifecycle");
        lifecycle.put(
                "description",
                "The lifecycle: which field holds the status, the statuses in order (the board's"
                        + " columns), which are held as drafts and which end a proposal.");
        lifecycle.putArray("type").add("object").add("null");
        lifecycle.put("additionalProperties", false);
        ObjectNode lifecycleProps = lifecycle.putObject("properties");
        ObjectNode statusField = lifecycleProps.putObject("status-field");
        statusField.put("description", "The label of the field that holds the status.");
        statusField.put("type", "string");
        statusField.put("minLength", 1);
        statusField.putArray("examples").add("Status");
        ObjectNode order = lifecycleProps.putObject("order");
        order.put(
                "description",
                "The statuses in lifecycle order (default: the template's status values).");
        order.put("type", "array");
        order.put("minItems", 1);
        order.put("uniqueItems", true);
        order.putObject("items").put("type", "string").put("minLength", 1);
        order.putArray("examples").addArray().add("proposed").add("accepted").add("rejected");
        ObjectNode draft = lifecycleProps.putObject("draft");
        draft.put(
                "description",
                "The statuses held as drafts, where leftover placeholders and empty sections are"
                        + " warnings (default: the first status).");
        ArrayNode draftForms = draft.putArray("oneOf");
        draftForms.addObject().put("type", "string").put("minLength", 1);
        ObjectNode draftList = draftForms.addObject();
        draftList.put("type", "array");
        draftList.put("minItems", 1);
        draftList.put("uniqueItems", true);
        draftList.putObject("items").put("type", "string").put("minLength", 1);
        draft.putArray("examples").addArray().add("proposed");
        ObjectNode exits = lifecycleProps.putObject("exits");
        exits.put(
                "description",
                "The statuses that end a proposal without taking it forward, reached from any"
                        + " status with no gate (default: those whose first word is rejected,"
                        + " withdrawn, declined, abandoned, deferred, postponed, dropped, cancelled,"
                        + " canceled, retracted or discarded; [] for none). Not with the built-in"
                        + " Draft -> Review -> Approved -> Implementation lifecycle, which has no"
                        + " exits.");
        ArrayNode exitForms = exits.putArray("oneOf");
        exitForms.addObject().put("type", "string").put("minLength", 1);
        ObjectNode exitList = exitForms.addObject();
        exitList.put("type", "array");
        exitList.put("uniqueItems", true);
        exitList.putObject("items").put("type", "string").put("minLength", 1);
        exits.putArray("examples").addArray().add("rejected").add("withdrawn");
        ObjectNode approvalField = p.putObject("approval-field");
        approvalField.put(
                "description",
                "The label of the field approvals are recorded in (without ** or :). Default:"
                        + " Approval.");
        approvalField.put("type", "string");
        approvalField.put("minLength", 1);
        approvalField.put("pattern", "^[^*:\\n]*[^*:\\s][^*:\\n]*$");
        approvalField.putArray("examples").add("Sign-off");
        ObjectNode working = p.putObject("working-checklists");
        working.put(
                "description",
                "The template's checklists worked through after approval, as the template writes"
                        + " their headings: ticking their boxes never voids an approval, and"
                        + " under a template without Implementation Steps they are the tasks"
                        + " 'specgate tasks' writes. Default:"
                        + " every checklist of the template but its decision and question"
                        + " checklists (the built-in template: its working, test, rollback and"
                        + " success checklists).");
        working.put("type", "array");
        working.put("uniqueItems", true);
        working.putObject("items").put("type", "string").put("minLength", 1);
        working.putArray("examples").addArray().add("Rollout").add("Acceptance Criteria");
        ObjectNode gates = p.putObject("gates");
        gates.put(
                "description",
                "Statuses of the lifecycle mapped to the template's checklists every item under"
                        + " which must be ticked before a spec moves to that status, such as"
                        + " Shipped: [Rollout]: the headings as the template writes them (any"
                        + " case), added to the status's own gate.");
        gates.putArray("type").add("object").add("null");
        ObjectNode gateList = gates.putObject("additionalProperties");
        gateList.put("type", "array");
        gateList.put("minItems", 1);
        gateList.put("uniqueItems", true);
        gateList.putObject("items").put("type", "string").put("minLength", 1);
        gates.putArray("examples").addObject().putArray("Shipped").add("Rollout");
        ObjectNode sections = p.putObject("sections");
        sections.put(
                "description",
                "Template headings mapped to their options: aliases (other headings accepted for"
                        + " the section) and required-from (the status from which a spec must"
                        + " have it).");
        sections.putArray("type").add("object").add("null");
        ObjectNode options = sections.putObject("additionalProperties");
        options.put("type", "object");
        options.put("additionalProperties", false);
        ObjectNode optionProps = options.putObject("properties");
        ArrayNode aliasForms = optionProps.putObject("aliases").putArray("oneOf");
        aliasForms.addObject().put("type", "string").put("minLength", 1);
        aliasForms
                .addObject()
                .put("type", "array")
                .putObject("items")
                .put("type", "string")
                .put("minLength", 1);
        optionProps.putObject("required-from").put("type", "string").put("minLength", 1);
        ObjectNode sectionExample = sections.putArray("examples").addObject();
        ObjectNode summary = sectionExample.putObject("Summary of changes");
        summary.putArray("aliases").add("Introduction");
        summary.put("required-from", "Approved");
        ObjectNode placeholders = p.putObject("placeholders");
        placeholders.put(
                "description",
                "Text that must not be left in a spec besides the template's placeholders:"
                        + " literal, or a regular expression between slashes.");
        ArrayNode placeholderForms = placeholders.putArray("oneOf");
        placeholderForms.addObject().put("type", "null");
        placeholderForms.addObject().put("type", "string").put("minLength", 1);
        placeholderForms
                .addObject()
                .put("type", "array")
                .putObject("items")
                .put("type", "string")
                .put("minLength", 1);
        placeholders.putArray("examples").addArray().add("KEP-NNNN").add("/\\(fill me in[^)]*\\)/");
        ObjectNode mcp = p.putObject("mcp");
        mcp.put("description", "What the MCP server (specgate mcp) lets coding agents do.");
        mcp.putArray("type").add("object").add("null");
        mcp.put("additionalProperties", false);
        ObjectNode allowApprove = mcp.putObject("properties").putObject("allow-approve");
        allowApprove.put(
                "description",
                "Whether an agent may move a spec to Approved, revoke an approval, or edit an"
                        + " approved spec's sections over MCP. Default: false (a person decides).");
        allowApprove.put("type", "boolean");
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

    /**
     * Globs: one, or a list. {@code specs:} needs at least one; {@code ignore:} may be empty (or
     * nothing at all), which ignores nothing.
     */
    private static ObjectNode globs(String description, boolean mayBeEmpty, String example) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode g = f.objectNode();
        g.put("description", description);
        ArrayNode oneOf = g.putArray("oneOf");
        if (mayBeEmpty) {
            oneOf.addObject().put("type", "null");
        }
        oneOf.addObject().put("type", "string").put("minLength", 1);
        ObjectNode list = oneOf.addObject();
        list.put("type", "array");
        if (!mayBeEmpty) {
            list.put("minItems", 1);
        }
        list.putObject("items").put("type", "string").put("minLength", 1);
        g.putArray("examples").addArray().add(example);
        return g;
    }

    /**
     * A regular expression for the whole numbers 1 to {@code max}, without leading zeros: numbers
     * of fewer digits, then for each digit of {@code max} the numbers that share its leading digits
     * and are smaller at that one, then {@code max} itself.
     */
    static String upTo(long max) {
        String n = Long.toString(max);
        List<String> alternatives = new ArrayList<>();
        if (n.length() > 1) {
            alternatives.add("[1-9][0-9]{0," + (n.length() - 2) + "}");
        }
        for (int i = 0; i < n.length(); i++) {
            int digit = n.charAt(i) - '0';
            int lowest = i == 0 ? 1 : 0;
            if (digit - 1 < lowest) {
                continue;
            }
            String smaller =
                    digit - 1 == lowest
                            ? String.valueOf(lowest)
                            : "[" + lowest + "-" + (digit - 1) + "]";
            int rest = n.length() - i - 1;
            alternatives.add(
                    n.substring(0, i)
                            + smaller
                            + (rest == 0 ? "" : rest == 1 ? "[0-9]" : "[0-9]{" + rest + "}"));
        }
        alternatives.add(n);
        return "(?:" + String.join("|", alternatives) + ")";
    }
}
