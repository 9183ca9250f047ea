package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code .specgate.yml} strictly: every problem, an unknown key, an unknown rule id, a value
 * of the wrong kind, a template that cannot be read, is a {@link ConfigException} naming the file,
 * the line and what is allowed. Immutable and thread-safe.
 */
public final class ConfigLoader {

    /** The largest configuration file read: 256 KiB. */
    public static final long MAX_BYTES = 256L * 1024;

    /** Every top-level key, in documentation order. */
    public static final List<String> KEYS =
            List.of("version", "template", "specs", "ignore", "rules", "strict", "baseline");

    private static final int NESTING_LIMIT = 20;

    private final List<String> ruleIds;

    /**
     * A loader that accepts levels for these rule ids under {@code rules:} (the ids of the rules
     * the checker runs; the project facade passes them).
     */
    public ConfigLoader(List<String> ruleIds) {
        this.ruleIds = List.copyOf(requireNonNull(ruleIds, "ruleIds must not be null"));
    }

    /**
     * The nearest {@value SpecgateConfig#FILE_NAME} in {@code start} or one of its parents, in the
     * form the user gave {@code start}: relative to the working directory when {@code start} is
     * relative (so that messages name it as the user would), else absolute.
     */
    public static Optional<Path> find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve(SpecgateConfig.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(start.isAbsolute() ? candidate : relative(candidate));
            }
        }
        return Optional.empty();
    }

    private static Path relative(Path file) {
        try {
            return Path.of("").toAbsolutePath().relativize(file);
        } catch (IllegalArgumentException e) {
            return file; // on another root (a Windows drive)
        }
    }

    /** Loads and validates a configuration file, and the template it names. */
    public SpecgateConfig load(Path file) throws ConfigException {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            if (Files.isDirectory(abs)) {
                throw new ConfigException(file, 0, "is a folder, not a configuration file");
            }
            if (!Files.isRegularFile(abs)) {
                throw new ConfigException(file, 0, "configuration file not found");
            }
            if (Files.size(abs) > MAX_BYTES) {
                throw new ConfigException(
                        file, 0, "configuration file is over " + MAX_BYTES + " bytes");
            }
            text = SpecFileReader.decode(Files.readAllBytes(abs)).text();
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        } catch (UnreadableSpecException e) {
            throw new ConfigException(file, 0, e.getMessage());
        }
        return parse(file, abs, text);
    }

    /** Validates configuration text as if read from {@code file}. */
    public SpecgateConfig parse(Path file, String yamlText) throws ConfigException {
        return parse(file, file.toAbsolutePath().normalize(), yamlText);
    }

    private SpecgateConfig parse(Path shown, Path abs, String yamlText) throws ConfigException {
        return new Reading(shown, abs, ruleIds).read(yamlText);
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final Path shown;
        private final Path abs;
        private TemplateSchema schema = TemplateSchema.builtin();
        private final List<Glob> specs = new ArrayList<>();
        private final List<Glob> ignore = new ArrayList<>();
        private final Map<String, RuleLevel> rules = new LinkedHashMap<>();
        private Optional<Boolean> strict = Optional.empty();
        private Optional<Path> baseline = Optional.empty();

        private final List<String> ruleIds;

        Reading(Path shown, Path abs, List<String> ruleIds) {
            this.shown = shown;
            this.abs = abs;
            this.ruleIds = ruleIds;
        }

        SpecgateConfig read(String yamlText) throws ConfigException {
            Node root = compose(yamlText);
            if (root != null) {
                if (!(root instanceof MappingNode map)) {
                    throw error(
                            root,
                            "the configuration must be a mapping of keys (allowed: "
                                    + String.join(", ", KEYS)
                                    + ")");
                }
                for (NodeTuple t : entries(map)) {
                    String key = keyOf(t);
                    Node value = t.getValueNode();
                    switch (key) {
                        case "version" -> version(value);
                        case "template" -> template(value);
                        case "specs" -> specs.addAll(globs(key, value));
                        case "ignore" -> ignore.addAll(globs(key, value));
                        case "rules" -> rules(value);
                        case "strict" -> strict = Optional.of(bool(key, value));
                        case "baseline" -> baseline = Optional.of(path(key, value));
                        default ->
                                throw error(
                                        t.getKeyNode(),
                                        "unknown key '"
                                                + key
                                                + "'"
                                                + suggestion(key, KEYS)
                                                + " (allowed: "
                                                + String.join(", ", KEYS)
                                                + ")");
                    }
                }
            }
            return new SpecgateConfig(abs, schema, specs, ignore, rules, strict, baseline);
        }

        private Node compose(String yamlText) throws ConfigException {
            LoaderOptions options = new LoaderOptions();
            options.setNestingDepthLimit(NESTING_LIMIT);
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            try (Reader r = new StringReader(yamlText)) {
                return new Yaml(options).compose(r);
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                throw new ConfigException(
                        shown, m == null ? 0 : m.getLine() + 1, "not valid YAML: " + problem);
            } catch (YAMLException | IOException e) {
                throw new ConfigException(shown, 0, "not valid YAML: " + e.getMessage());
            }
        }

        /** A mapping's entries, refusing merge keys and duplicate or non-text keys. */
        private List<NodeTuple> entries(MappingNode map) throws ConfigException {
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = keyOf(t);
                Integer first = seen.putIfAbsent(key, line(t.getKeyNode()));
                if (first != null) {
                    throw error(
                            t.getKeyNode(),
                            "key '" + key + "' is given twice (first on line " + first + ")");
                }
            }
            return map.getValue();
        }

        private String keyOf(NodeTuple t) throws ConfigException {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(t.getKeyNode(), "a key must be plain text");
            }
            return k.getValue();
        }

        private void version(Node value) throws ConfigException {
            String v = scalar("version", value, "1");
            if (!v.equals("1")) {
                throw error(value, "'version' must be 1, found '" + v + "'");
            }
        }

        private void template(Node value) throws ConfigException {
            String name = scalar("template", value, TemplateSchema.BUILTIN_NAME + " or a path");
            if (name.isBlank()) {
                throw error(
                        value,
                        "'template' must not be empty: write "
                                + TemplateSchema.BUILTIN_NAME
                                + " or a path to a Markdown template");
            }
            if (name.equals(TemplateSchema.BUILTIN_NAME)) {
                schema = TemplateSchema.builtin();
                return;
            }
            Path file = abs.getParent().resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                throw error(
                        value,
                        "template '"
                                + name
                                + "' not found (allowed: "
                                + TemplateSchema.BUILTIN_NAME
                                + ", or the path of a Markdown template relative to "
                                + SpecgateConfig.FILE_NAME
                                + ")");
            }
            String text;
            try {
                text = new SpecFileReader().read(file).text();
            } catch (UnreadableSpecException e) {
                throw error(value, "cannot read template '" + name + "': " + e.getMessage());
            }
            TemplateSchema derived = TemplateSchema.derive(name, text);
            if (derived.sections().isEmpty() && derived.fields().isEmpty()) {
                throw error(
                        value,
                        "template '"
                                + name
                                + "' defines no sections (headings) and no fields (**Label:** lines)");
            }
            schema = derived;
        }

        private List<Glob> globs(String key, Node value) throws ConfigException {
            List<Node> items = new ArrayList<>();
            if (isNull(value)) {
                return List.of(); // 'ignore:' with only comments below it
            }
            if (value instanceof SequenceNode seq) {
                items.addAll(seq.getValue());
            } else if (value instanceof ScalarNode) {
                items.add(value);
            } else {
                throw error(
                        value,
                        "'" + key + "' must be a list of globs, such as" + " [\"docs/adr/*.md\"]");
            }
            List<Glob> result = new ArrayList<>();
            for (Node item : items) {
                String g = scalar(key, item, "a glob such as docs/adr/*.md");
                try {
                    result.add(Glob.of(g));
                } catch (IllegalArgumentException e) {
                    throw error(item, e.getMessage());
                }
            }
            return result;
        }

        private void rules(Node value) throws ConfigException {
            if (isNull(value)) {
                return; // 'rules:' with only comments below it
            }
            if (!(value instanceof MappingNode map)) {
                throw error(
                        value,
                        "'rules' must map rule ids to one of "
                                + RuleLevel.ALLOWED
                                + ", such as 'section-empty: warning'");
            }
            List<String> ids = ruleIds;
            for (NodeTuple t : entries(map)) {
                String id = keyOf(t);
                if (!ids.contains(id)) {
                    throw error(
                            t.getKeyNode(),
                            "unknown rule '"
                                    + id
                                    + "'"
                                    + suggestion(id, ids)
                                    + " (allowed: "
                                    + String.join(", ", ids)
                                    + ")");
                }
                String level = scalar("rules." + id, t.getValueNode(), RuleLevel.ALLOWED);
                Optional<RuleLevel> parsed = RuleLevel.parse(level);
                if (parsed.isEmpty()) {
                    throw error(
                            t.getValueNode(),
                            "rule '"
                                    + id
                                    + "' must be one of "
                                    + RuleLevel.ALLOWED
                                    + ", found '"
                                    + level
                                    + "'");
                }
                rules.put(id, parsed.get());
            }
        }

        private boolean bool(String key, Node value) throws ConfigException {
            String v = scalar(key, value, "true or false").toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true" -> true;
                case "false" -> false;
                default ->
                        throw error(
                                value, "'" + key + "' must be true or false, found '" + v + "'");
            };
        }

        private Path path(String key, Node value) throws ConfigException {
            String v = scalar(key, value, "a file path");
            if (v.isBlank()) {
                throw error(value, "'" + key + "' must be a file path, found nothing");
            }
            return abs.getParent().resolve(v).normalize();
        }

        private String scalar(String key, Node value, String allowed) throws ConfigException {
            if (!(value instanceof ScalarNode s)) {
                throw error(
                        value, "'" + key + "' must be a single value (allowed: " + allowed + ")");
            }
            return s.getValue();
        }

        private static boolean isNull(Node value) {
            return value instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
        }

        private ConfigException error(Node at, String problem) {
            return new ConfigException(shown, line(at), problem);
        }

        private static int line(Node n) {
            return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
        }

        /** {@code (did you mean 'x'?)} for a near miss, else nothing. */
        private static String suggestion(String given, List<String> allowed) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String a : allowed) {
                int d = distance(given.toLowerCase(Locale.ROOT), a);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
            return best != null && bestDistance <= Math.max(2, given.length() / 4)
                    ? "; did you mean '" + best + "'?"
                    : "";
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
