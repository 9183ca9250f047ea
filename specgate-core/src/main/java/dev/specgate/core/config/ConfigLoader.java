package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SymbolicLinks;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.input.YamlProblems;
import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionOptions;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateFile;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.schema.UnusableTemplateException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
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
            List.of(
                    "version",
                    "template",
                    "specs",
                    "ignore",
                    "new-file-name",
                    "rules",
                    "strict",
                    "baseline",
                    "max-file-size",
                    "cache",
                    "metadata",
                    "lifecycle",
                    "approval-field",
                    "working-checklists",
                    "gates",
                    "sections",
                    "placeholders",
                    "mcp");

    /** The keys under {@code lifecycle:}. */
    public static final List<String> LIFECYCLE_KEYS =
            List.of("status-field", "order", "draft", "exits");

    /** The keys under {@code metadata:}. */
    public static final List<String> METADATA_KEYS = List.of("sidecar");

    /** The keys of the {@code mcp:} mapping. */
    public static final List<String> MCP_KEYS = List.of("allow-approve");

    /** The largest spec file read when {@code max-file-size:} does not say: 8 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = SpecFileReader.MAX_BYTES;

    /** The largest {@code max-file-size:} accepted: 1 GiB. */
    public static final long MAX_FILE_SIZE_LIMIT = 1024L * 1024 * 1024;

    /** A size: digits, then optionally B, KiB or MiB. */
    private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]*) ?(B|KiB|MiB)?");

    private static final String NOT_FOUND = "not found";

    private static final String SPECS_EXAMPLE = "['directives/spec/**/*.md']";
    private static final String IGNORE_EXAMPLE = "['directives/spec/archive/']";

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
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                // anything by that name, usable or not: load says what is wrong with it, rather
                // than the search passing it by for a configuration further up
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
            Optional<String> unusable = notARegularFile(file);
            if (unusable.isPresent()) {
                throw new ConfigException(
                        file,
                        0,
                        unusable.get().equals(NOT_FOUND)
                                ? "configuration file not found"
                                : unusable.get() + ", not a configuration file");
            }
            if (Files.size(abs) > MAX_BYTES) {
                throw new ConfigException(
                        file, 0, "configuration file is over " + MAX_BYTES + " bytes");
            }
            text = SpecFileReader.decode(Files.readAllBytes(abs)).text();
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + IoFailure.reason(e));
        } catch (UnreadableSpecException e) {
            throw new ConfigException(
                    file, e.position().map(p -> p.startLine() + 1).orElse(0), e.getMessage());
        }
        return parse(file, abs, text);
    }

    /**
     * Why {@code file} is not a regular file that can be read (a folder, a device, a broken link or
     * a link loop, nothing at all), or empty when it is one.
     */
    static Optional<String> notARegularFile(Path file) {
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder");
        }
        if (Files.exists(file)) {
            return Optional.of("is not a regular file (a device, pipe or socket)");
        }
        Optional<String> loop = SymbolicLinks.loopReason(file);
        if (loop.isPresent()) {
            return Optional.of("is a symbolic link loop (" + loop.get() + ")");
        }
        if (Files.isSymbolicLink(file)) {
            return Optional.of("is a broken symbolic link (its target does not exist)");
        }
        return Optional.of(NOT_FOUND);
    }

    /** Validates configuration text as if read from {@code file}. */
    public SpecgateConfig parse(Path file, String yamlText) throws ConfigException {
        return parse(file, file.toAbsolutePath().normalize(), yamlText);
    }

    private SpecgateConfig parse(Path shown, Path abs, String yamlText) throws ConfigException {
        return new Reading(shown, abs, ruleIds).read(yamlText);
    }

    /**
     * Reads a size such as {@code 16MiB}, {@code 512 KiB}, {@code 1000B} or {@code 1000} (bytes): a
     * whole number without leading zeros, then one space at most, then B, KiB or MiB if any.
     *
     * @return the size in bytes (at most {@link Long#MAX_VALUE}), or empty when {@code text} is not
     *     one (a negative or fractional number, another unit, spaces around it)
     */
    public static OptionalLong parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        BigInteger n = new BigInteger(m.group(1));
        long unit =
                switch (m.group(2) == null ? "B" : m.group(2)) {
                    case "KiB" -> 1024L;
                    case "MiB" -> 1024L * 1024;
                    default -> 1L;
                };
        BigInteger bytes = n.multiply(BigInteger.valueOf(unit));
        return bytes.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0
                ? OptionalLong.of(Long.MAX_VALUE)
                : OptionalLong.of(bytes.longValueExact());
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final Path shown;
        private final Path abs;
        private TemplateSchema schema = TemplateSchema.builtin();

        /** The template file read, when not the built-in one. */
        private Path templateFile;

        private final List<Glob> specs = new ArrayList<>();
        private final List<Glob> ignore = new ArrayList<>();
        private final Map<String, RuleLevel> rules = new LinkedHashMap<>();
        private Optional<Boolean> strict = Optional.empty();
        private Optional<Path> baseline = Optional.empty();
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private Optional<Boolean> cache = Optional.empty();
        private Node metadataNode;
        private Node lifecycleNode;
        private String approvalField = SpecgateConfig.DEFAULT_APPROVAL_FIELD;
        private Node approvalFieldNode;
        private Optional<NewFileName> newFileName = Optional.empty();
        private Node newFileNameNode;
        private Node sectionsNode;
        private Node workingChecklistsNode;
        private Node gatesNode;
        private Node placeholdersNode;
        private boolean mcpAllowApprove;

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
                                    + "), found "
                                    + found(root));
                }
                for (NodeTuple t : entries(map)) {
                    String key = keyOf(t);
                    Node value = t.getValueNode();
                    switch (key) {
                        case "version" -> version(value);
                        case "template" -> template(value);
                        case "specs" -> specs.addAll(globs(key, value, SPECS_EXAMPLE, false));
                        case "ignore" -> ignore.addAll(globs(key, value, IGNORE_EXAMPLE, true));
                        case "new-file-name" -> {
                            newFileName = Optional.of(newFileName(value));
                            newFileNameNode = t.getKeyNode();
                        }
                        case "rules" -> rules(value);
                        case "strict" -> strict = Optional.of(bool(key, value));
                        case "baseline" -> baseline = Optional.of(baselinePath(value));
                        case "max-file-size" -> maxFileSize = maxFileSize(value);
                        case "cache" -> cache = Optional.of(bool(key, value));
                        case "metadata" -> metadataNode = value;
                        case "lifecycle" -> lifecycleNode = value;
                        case "approval-field" -> {
                            approvalField = approvalField(value);
                            approvalFieldNode = t.getKeyNode();
                        }
                        case "working-checklists" -> workingChecklistsNode = value;
                        case "gates" -> gatesNode = value;
                        case "sections" -> sectionsNode = value;
                        case "placeholders" -> placeholdersNode = value;
                        case "mcp" -> mcp(value);
                        default ->
                                throw error(
                                        t.getKeyNode(),
                                        "unknown key '"
                                                + key
                                                + "'"
                                                + EditDistance.didYouMeanValue(key, KEYS)
                                                + " (allowed: "
                                                + String.join(", ", KEYS)
                                                + ")");
                    }
                }
            }
            // after the loop: they shape the template, which 'template:' may name later on
            if (metadataNode != null) {
                metadata(metadataNode);
            }
            if (lifecycleNode != null) {
                lifecycle(lifecycleNode);
            }
            if (approvalFieldNode != null
                    && !schema.recordsApprovals()
                    && schema.sidecar().isEmpty()
                    && schema.field(schema.statusField()).isPresent()) {
                // naming the field is the opt-in: a team's own status field (front matter
                // 'status:') records approvals on its move to Approved as Document Status does,
                // where it has an Approved status that is neither a draft nor an exit
                TemplateSchema own = schema.withApprovalsInStatusField();
                if (own.recordsApprovals()) {
                    schema = own;
                }
            }
            if (approvalFieldNode != null) {
                refuseWithoutApprovals(
                        approvalFieldNode,
                        "approval-field",
                        "names the field approvals are recorded in");
            }
            // 'working-checklists' is taken whether or not approvals are recorded: it names the
            // tasks of a team's task list too (tasks.SpecOutline)
            if (newFileNameNode != null) {
                refuseBesideTheTemplatesFileName(newFileNameNode);
            }
            // read after the loop: they name the template's sections and statuses, whatever the
            // order of the keys
            if (sectionsNode != null) {
                schema = schema.withSectionOptions(sectionOptions(sectionsNode));
            }
            if (placeholdersNode != null) {
                schema = schema.withExtraPlaceholders(placeholders(placeholdersNode));
            }
            if (workingChecklistsNode != null) {
                schema = schema.withWorkingChecklists(workingChecklists(workingChecklistsNode));
            }
            if (gatesNode != null) {
                schema = schema.withChecklistGates(gates(gatesNode));
            }
            return new SpecgateConfig(
                    abs,
                    schema,
                    specs,
                    ignore,
                    rules,
                    strict,
                    baseline,
                    maxFileSize,
                    cache,
                    approvalField,
                    mcpAllowApprove,
                    newFileName,
                    Optional.ofNullable(templateFile),
                    yamlText);
        }

        private Node compose(String yamlText) throws ConfigException {
            LoaderOptions options = new LoaderOptions();
            options.setNestingDepthLimit(NESTING_LIMIT);
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            try (Reader r = new StringReader(yamlText)) {
                return new Yaml(options).compose(r);
            } catch (MarkedYAMLException e) {
                YamlProblems.Problem problem = YamlProblems.of(e, yamlText);
                throw new ConfigException(
                        shown, problem.line() + 1, "not valid YAML: " + problem.message());
            } catch (YAMLException | IOException e) {
                throw new ConfigException(
                        shown, 0, "not valid YAML: " + YamlProblems.oneLine(e.getMessage()));
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
            if (!(value instanceof ScalarNode s)
                    || !(isText(s) || Tag.INT.equals(s.getTag()))
                    || !s.getValue().equals("1")) {
                throw error(value, "'version' must be 1, found " + found(value));
            }
        }

        private void template(Node value) throws ConfigException {
            String expected =
                    "'template' must be "
                            + TemplateSchema.BUILTIN_NAME
                            + " or the path of a Markdown template, such as docs/adr/template.md";
            if (isNull(value) || (value instanceof ScalarNode s && s.getValue().isBlank())) {
                throw error(
                        value,
                        "'template' must not be empty: write "
                                + TemplateSchema.BUILTIN_NAME
                                + " or a path to a Markdown template");
            }
            String name = text(value, expected);
            if (name.equals(TemplateSchema.BUILTIN_NAME)) {
                schema = TemplateSchema.builtin();
                templateFile = null;
                return;
            }
            Path file = abs.getParent().resolve(name).normalize();
            Optional<String> unusable = notARegularFile(file);
            if (unusable.isPresent()) {
                String why =
                        unusable.get().equals(NOT_FOUND)
                                ? NOT_FOUND
                                : unusable.get() + ", not a template file";
                throw error(
                        value,
                        "template '"
                                + name
                                + "' "
                                + why
                                + " (allowed: "
                                + TemplateSchema.BUILTIN_NAME
                                + ", or the path of a Markdown template relative to "
                                + SpecgateConfig.FILE_NAME
                                + ")");
            }
            try {
                schema = TemplateFile.load(file, name, "'" + name + "'");
            } catch (UnusableTemplateException e) {
                throw error(value, e.getMessage());
            }
            templateFile = file;
        }

        /**
         * A glob or a list of globs. Nothing, or an empty list, is refused unless {@code
         * mayBeEmpty} (for {@code ignore:}, where it means what leaving the key out means).
         */
        private List<Glob> globs(String key, Node value, String example, boolean mayBeEmpty)
                throws ConfigException {
            String expected = "'" + key + "' must be a list of globs, such as " + example;
            List<Node> items = new ArrayList<>();
            if (isNull(value) || (value instanceof SequenceNode seq && seq.getValue().isEmpty())) {
                if (mayBeEmpty) {
                    return List.of(); // 'ignore:' with only comments below it
                }
                throw error(
                        value,
                        expected
                                + ", found "
                                + found(value)
                                + " (leave '"
                                + key
                                + "' out for the default)");
            }
            if (value instanceof SequenceNode seq) {
                items.addAll(seq.getValue());
            } else if (value instanceof ScalarNode) {
                items.add(value);
            } else {
                throw error(value, expected + ", found " + found(value));
            }
            List<Glob> result = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof ScalarNode s) || !isText(s)) {
                    String hint =
                            item instanceof ScalarNode s && !isNull(s)
                                    ? "; quote it if it is a file name: '" + s.getValue() + "'"
                                    : "";
                    throw error(
                            item,
                            expected
                                    + ", found "
                                    + found(item)
                                    + (items.size() > 1 || value instanceof SequenceNode
                                            ? " in the list"
                                            : "")
                                    + hint);
                }
                try {
                    result.add(Glob.of(s.getValue()));
                } catch (IllegalArgumentException e) {
                    throw error(item, e.getMessage());
                }
            }
            return result;
        }

        /** {@code metadata: {sidecar: kep.yaml}}: a YAML file beside each spec holds metadata. */
        private void metadata(Node value) throws ConfigException {
            if (isNull(value)) {
                return;
            }
            for (NodeTuple t : subKeys("metadata", value, METADATA_KEYS, "'sidecar: kep.yaml'")) {
                String expected =
                        "'metadata.sidecar' must be the name of a YAML file beside each spec,"
                                + " such as kep.yaml";
                Node v = t.getValueNode();
                if (isNull(v) || (v instanceof ScalarNode s && s.getValue().isBlank())) {
                    throw error(v, expected + ", found " + found(v));
                }
                String name = text(v, expected);
                if (name.startsWith("/")
                        || name.startsWith("\\")
                        || name.contains("..")
                        || name.endsWith("/")
                        || name.matches("^[A-Za-z]:.*")) {
                    throw error(
                            v,
                            expected
                                    + " (a path relative to the spec's folder, inside it), found '"
                                    + name
                                    + "'");
                }
                schema = schema.withSidecar(name);
                sidecarTemplate(v, name);
            }
        }

        /**
         * The template's own copy of the sidecar file ({@code template/kep.yaml} beside {@code
         * template/README.md}), when it has one, types the sidecar's keys.
         */
        private void sidecarTemplate(Node value, String name) throws ConfigException {
            if (templateFile == null || templateFile.getParent() == null) {
                return;
            }
            Path file = templateFile.getParent().resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                return;
            }
            try {
                schema = schema.withSidecarTemplate(new SpecFileReader().read(file).text());
            } catch (UnreadableSpecException | IllegalArgumentException e) {
                throw error(
                        value,
                        "cannot read the template's "
                                + name
                                + " ("
                                + file
                                + "): "
                                + (e instanceof UnreadableSpecException u
                                        ? u.reasonWithPlace()
                                        : e.getMessage()));
            }
        }

        /**
         * {@code lifecycle: {status-field, order, draft}}: which field holds the status, the
         * statuses in order (the board's columns), and which of them are held as drafts.
         */
        private void lifecycle(Node value) throws ConfigException {
            if (isNull(value)) {
                return;
            }
            Optional<String> field = Optional.empty();
            List<String> order = List.of();
            NodeTuple draft = null;
            NodeTuple exitsNode = null;
            for (NodeTuple t :
                    subKeys(
                            "lifecycle",
                            value,
                            LIFECYCLE_KEYS,
                            "'order: [proposed, accepted, rejected]'")) {
                String key = keyOf(t);
                Node v = t.getValueNode();
                switch (key) {
                    case "status-field" -> {
                        String expected =
                                "'lifecycle.status-field' must be the label of the field that"
                                        + " holds the status, such as Status";
                        if (isNull(v) || (v instanceof ScalarNode s && s.getValue().isBlank())) {
                            throw error(v, expected + ", found " + found(v));
                        }
                        field = Optional.of(text(v, expected).trim());
                    }
                    case "order" -> order = statusList("lifecycle.order", v, false);
                    case "exits" -> exitsNode = t;
                    default -> draft = t;
                }
            }
            TemplateSchema.Lifecycle settings =
                    new TemplateSchema.Lifecycle(field, order, List.of());
            TemplateSchema shaped = schema.withLifecycle(settings);
            if (field.isPresent()
                    && order.isEmpty()
                    && shaped.sidecar().isEmpty()
                    && shaped.field(field.get()).isEmpty()) {
                throw error(
                        lifecycleNode,
                        "'lifecycle.status-field' names '"
                                + field.get()
                                + "', which the template does not define"
                                + " (its fields: "
                                + (shaped.fields().isEmpty()
                                        ? "none"
                                        : String.join(
                                                ", ",
                                                shaped.fields().stream()
                                                        .map(f -> f.label())
                                                        .toList()))
                                + "); give 'lifecycle.order' too, or name one of its fields");
            }
            List<String> statuses = shaped.statuses();
            List<String> drafts = List.of();
            if (draft != null) {
                if (statuses.isEmpty()) {
                    statusList("lifecycle.draft", draft.getValueNode(), true); // its shape first
                    throw error(
                            draft.getValueNode(),
                            "'lifecycle.draft' needs statuses, but the template's status field ("
                                    + shaped.statusField()
                                    + ") offers no values: list them under 'lifecycle.order'");
                }
                drafts = namedStatuses("lifecycle.draft", draft.getValueNode(), false, statuses);
            }
            Optional<List<String>> exits = Optional.empty();
            if (exitsNode != null) {
                Node named = exitsNode.getValueNode();
                TemplateSchema withDrafts =
                        shaped.withLifecycle(new TemplateSchema.Lifecycle(field, order, drafts));
                boolean none = named instanceof SequenceNode seq && seq.getValue().isEmpty();
                // the built-in lifecycle refuses any exit, so say that before checking the names
                if (!none && withDrafts.followsBuiltinLifecycle()) {
                    statusList("lifecycle.exits", named, true); // its shape first
                    throw error(
                            exitsNode.getKeyNode(),
                            "'lifecycle.exits' cannot be used with the built-in "
                                    + String.join(" -> ", TemplateSchema.BUILTIN_STATUSES)
                                    + " lifecycle: its moves and gates are fixed, and none of its"
                                    + " statuses is an exit (leave 'exits' out, or give the"
                                    + " template its own statuses under 'lifecycle.order')");
                }
                List<String> given = namedStatuses("lifecycle.exits", named, true, statuses);
                List<String> heldAsDrafts = withDrafts.draftStatuses();
                String draftsFrom = drafts.isEmpty() ? "the first status" : "'lifecycle.draft'";
                refuseAny(
                        named,
                        given,
                        x -> heldAsDrafts.stream().anyMatch(x::equalsIgnoreCase),
                        x ->
                                "'lifecycle.exits' names '"
                                        + x
                                        + "', which is held as a draft ("
                                        + draftsFrom
                                        + "): a status is one or the other");
                exits = Optional.of(given);
            }
            schema =
                    schema.withLifecycle(new TemplateSchema.Lifecycle(field, order, drafts, exits));
        }

        /**
         * The statuses a {@code lifecycle:} key names ({@code draft}, {@code exits}), one or a
         * list, each one of the template's {@code statuses}; {@code []} names none where {@code
         * noneAllowed}.
         */
        private List<String> namedStatuses(
                String key, Node value, boolean noneAllowed, List<String> statuses)
                throws ConfigException {
            if (noneAllowed && value instanceof SequenceNode none && none.getValue().isEmpty()) {
                return List.of();
            }
            List<String> named = statusList(key, value, true);
            refuseAny(
                    value,
                    named,
                    x -> statuses.stream().noneMatch(x::equalsIgnoreCase),
                    x ->
                            "'"
                                    + key
                                    + "' names '"
                                    + x
                                    + "', which is not a status (allowed: "
                                    + (statuses.isEmpty() ? "none" : String.join(", ", statuses))
                                    + ")");
            return named;
        }

        /**
         * An error at the first of {@code named} (the items of {@code value}) that is {@code bad},
         * saying {@code why}.
         */
        private void refuseAny(
                Node value,
                List<String> named,
                java.util.function.Predicate<String> bad,
                java.util.function.Function<String, String> why)
                throws ConfigException {
            for (int i = 0; i < named.size(); i++) {
                if (bad.test(named.get(i))) {
                    throw error(item(value, i), why.apply(named.get(i)));
                }
            }
        }

        /** The {@code i}th item of a list node, or the node itself when it is one value. */
        private static Node item(Node value, int i) {
            return value instanceof SequenceNode seq ? seq.getValue().get(i) : value;
        }

        /** The entries of a nested mapping such as {@code lifecycle:}, with known keys only. */
        private List<NodeTuple> subKeys(
                String key, Node value, List<String> allowed, String example)
                throws ConfigException {
            if (!(value instanceof MappingNode map)) {
                throw error(
                        value,
                        "'"
                                + key
                                + "' must be a mapping of "
                                + String.join(", ", allowed)
                                + ", such as "
                                + example
                                + ", found "
                                + found(value));
            }
            List<NodeTuple> entries = entries(map);
            for (NodeTuple t : entries) {
                String k = keyOf(t);
                if (!allowed.contains(k)) {
                    throw error(
                            t.getKeyNode(),
                            "unknown key '"
                                    + key
                                    + "."
                                    + k
                                    + "'"
                                    + EditDistance.didYouMeanValue(k, allowed)
                                    + " (allowed: "
                                    + String.join(", ", allowed)
                                    + ")");
                }
            }
            return entries;
        }

        /** A status or a list of statuses, each text, none twice. */
        private List<String> statusList(String key, Node value, boolean single)
                throws ConfigException {
            String expected =
                    "'"
                            + key
                            + "' must be a list of statuses, such as [proposed, accepted, rejected]";
            List<Node> items = new ArrayList<>();
            if (value instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
                items.addAll(seq.getValue());
            } else if (single && value instanceof ScalarNode s && isText(s) && !isNull(s)) {
                items.add(value);
            } else {
                throw error(value, expected + ", found " + found(value));
            }
            List<String> result = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof ScalarNode s) || !isText(s) || s.getValue().isBlank()) {
                    throw error(item, expected + ", found " + found(item) + " in the list");
                }
                String status = s.getValue().trim();
                if (result.stream().anyMatch(status::equalsIgnoreCase)) {
                    throw error(item, "'" + key + "' names '" + status + "' twice");
                }
                result.add(status);
            }
            return result;
        }

        /**
         * {@code working-checklists: [Rollout, Acceptance Criteria]}: the template's checklists
         * whose boxes are ticked after approval, which an approval's fingerprint leaves out, each
         * the heading of one of the template's sections as the template writes it (any case), none
         * twice; an empty list leaves no box out.
         */
        private List<String> workingChecklists(Node value) throws ConfigException {
            String expected =
                    "'working-checklists' must be a list of the template's headings, such as"
                            + " [Rollout, Acceptance Criteria]";
            if (!(value instanceof SequenceNode seq)) {
                throw error(value, expected + ", found " + found(value));
            }
            List<String> titles = schema.sections().stream().map(SectionSpec::title).toList();
            List<String> result = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || !isText(s) || s.getValue().isBlank()) {
                    throw error(item, expected + ", found " + found(item) + " in the list");
                }
                String heading = s.getValue().trim();
                String key = HeadingKey.of(heading);
                if (schema.sections().stream().noneMatch(sp -> sp.key().equals(key))) {
                    List<String> checklists = schema.checklists();
                    throw error(
                            item,
                            "'"
                                    + heading
                                    + "' in 'working-checklists' is not a heading of template '"
                                    + schema.name()
                                    + "'"
                                    + EditDistance.didYouMeanValue(heading, titles)
                                    + (checklists.isEmpty()
                                            ? " (it has no checklists)"
                                            : " (its checklists: "
                                                    + String.join(", ", checklists)
                                                    + ")"));
                }
                if (result.stream().anyMatch(r -> HeadingKey.of(r).equals(key))) {
                    throw error(item, "'working-checklists' names '" + heading + "' twice");
                }
                result.add(heading);
            }
            return result;
        }

        /**
         * {@code gates: {Shipped: [Rollout]}}: for a status of the lifecycle (any spelling), the
         * template's checklists every item under which must be ticked before a spec moves to it,
         * each a heading of the template (any case), none twice; the status as the template spells
         * it, the headings as the template writes them.
         */
        private Map<String, List<String>> gates(Node value) throws ConfigException {
            List<String> statuses = schema.statuses();
            if (statuses.isEmpty()) {
                // refused however it is written ('gates: {}', only comments below it), as the
                // key is for a template without statuses: it could never gate a move
                Node at =
                        value instanceof MappingNode m && !m.getValue().isEmpty()
                                ? m.getValue().get(0).getKeyNode()
                                : value;
                throw error(
                        at,
                        "'gates' needs a status field with alternatives in template '"
                                + schema.name()
                                + "' (it has none)");
            }
            if (isNull(value)) {
                return Map.of(); // 'gates:' with only comments below it
            }
            String expected =
                    "'gates' must map statuses to lists of the template's checklists, such as"
                            + " 'Shipped: [Rollout]'";
            if (!(value instanceof MappingNode map)) {
                throw error(value, expected + ", found " + found(value));
            }
            List<String> titles = schema.sections().stream().map(SectionSpec::title).toList();
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (NodeTuple t : entries(map)) {
                String status = keyOf(t);
                Optional<String> label = schema.status(status.strip());
                if (label.isEmpty()) {
                    throw error(
                            t.getKeyNode(),
                            "'"
                                    + status
                                    + "' in 'gates' is not a status of template '"
                                    + schema.name()
                                    + "'"
                                    + EditDistance.didYouMeanValue(status, statuses)
                                    + " (its statuses: "
                                    + String.join(", ", statuses)
                                    + ")");
                }
                Optional<String> ungated = schema.ungated(label.get());
                if (ungated.isPresent()) {
                    // no move there is gated: the checklist would never hold one back
                    throw error(
                            t.getKeyNode(),
                            "'"
                                    + status
                                    + "' in 'gates' is "
                                    + ungated.get()
                                    + " of template '"
                                    + schema.name()
                                    + "', and a move to it is held to no gate: name a status a"
                                    + " spec is taken forward to (its statuses: "
                                    + String.join(", ", statuses)
                                    + ")");
                }
                if (result.containsKey(label.get())) {
                    throw error(t.getKeyNode(), "'gates' names '" + label.get() + "' twice");
                }
                Node list = t.getValueNode();
                if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                    throw error(list, expected + ", found " + found(list));
                }
                List<String> headings = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (!(item instanceof ScalarNode sc)
                            || !isText(sc)
                            || sc.getValue().isBlank()) {
                        throw error(item, expected + ", found " + found(item) + " in the list");
                    }
                    String heading = sc.getValue().trim();
                    String key = HeadingKey.of(heading);
                    List<SectionSpec> found = schema.sectionsWithKey(key);
                    if (found.isEmpty()) {
                        List<String> checklists = schema.checklists();
                        throw error(
                                item,
                                "'"
                                        + heading
                                        + "' in 'gates' is not a heading of template '"
                                        + schema.name()
                                        + "'"
                                        + EditDistance.didYouMeanValue(heading, titles)
                                        + (checklists.isEmpty()
                                                ? " (it has no checklists)"
                                                : " (its checklists: "
                                                        + String.join(", ", checklists)
                                                        + ")"));
                    }
                    if (found.stream().noneMatch(this::holdsTaskBox)) {
                        // no box to tick: the gate would never hold a move back
                        List<String> checklists = schema.checklists();
                        throw error(
                                item,
                                "'"
                                        + heading
                                        + "' in 'gates' holds no checklist in template '"
                                        + schema.name()
                                        + "', so it would never hold a move back"
                                        + (checklists.isEmpty()
                                                ? " (it has no checklists)"
                                                : " (its checklists: "
                                                        + String.join(", ", checklists)
                                                        + ")"));
                    }
                    String title = HeadingKey.withoutOptionalMark(found.get(0).title());
                    if (headings.contains(title)) {
                        throw error(
                                item,
                                "'gates' names '" + heading + "' twice for '" + label.get() + "'");
                    }
                    headings.add(title);
                }
                result.put(label.get(), headings);
            }
            return result;
        }

        /**
         * Whether the template writes a task box ({@code - [ ]}) under {@code section} or one of
         * its subsections: what a gate on it asks to be ticked.
         */
        private boolean holdsTaskBox(SectionSpec section) {
            Set<String> keys =
                    schema.checklists().stream().map(HeadingKey::of).collect(Collectors.toSet());
            List<SectionSpec> all = schema.sections();
            for (SectionSpec s : all) {
                if (!keys.contains(s.key())) {
                    continue;
                }
                for (int i = s.index(); i >= 0 && i < all.size(); i = all.get(i).parent()) {
                    if (i == section.index()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code mcp: {allow-approve: false}}: what the MCP server lets agents do. */
        private void mcp(Node value) throws ConfigException {
            if (isNull(value)) {
                return; // 'mcp:' with only comments below it
            }
            for (NodeTuple t : subKeys("mcp", value, MCP_KEYS, "'mcp: {allow-approve: false}'")) {
                mcpAllowApprove = bool("mcp.allow-approve", t.getValueNode());
            }
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
                                + ", such as 'section-empty: warning', found "
                                + found(value));
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
                                    + EditDistance.didYouMeanValue(id, ids)
                                    + " (allowed: "
                                    + String.join(", ", ids)
                                    + ")");
                }
                Node level = t.getValueNode();
                Optional<RuleLevel> parsed =
                        level instanceof ScalarNode s && (isText(s) || Tag.BOOL.equals(s.getTag()))
                                ? RuleLevel.parse(s.getValue())
                                : Optional.empty();
                if (parsed.isEmpty()) {
                    throw error(
                            level,
                            "rule '"
                                    + id
                                    + "' must be one of "
                                    + RuleLevel.ALLOWED
                                    + ", found "
                                    + found(level));
                }
                rules.put(id, parsed.get());
            }
        }

        /**
         * {@code sections:}: template headings mapped to their options, {@code aliases} (a heading
         * or a list of them) and {@code required-from} (a status of the template).
         */
        private Map<SectionSpec, SectionOptions> sectionOptions(Node value) throws ConfigException {
            String example =
                    "such as 'sections: {\"Summary of changes\": {aliases: [Introduction],"
                            + " required-from: Approved}}'";
            Map<SectionSpec, SectionOptions> result = new LinkedHashMap<>();
            if (isNull(value)) {
                return result; // 'sections:' with only comments below it
            }
            if (!(value instanceof MappingNode map)) {
                throw error(
                        value,
                        "'sections' must map template headings to their options, "
                                + example
                                + ", found "
                                + found(value));
            }
            for (NodeTuple t : entries(map)) {
                String heading = keyOf(t);
                List<SectionSpec> matching = schema.sectionsWithKey(HeadingKey.of(heading));
                matching =
                        matching.stream()
                                .filter(sp -> sp.key().equals(HeadingKey.of(heading)))
                                .toList();
                if (matching.isEmpty()) {
                    throw error(
                            t.getKeyNode(),
                            "'"
                                    + heading
                                    + "' in 'sections' is not a section of template '"
                                    + schema.name()
                                    + "'"
                                    + EditDistance.didYouMeanValue(
                                            heading,
                                            schema.sections().stream()
                                                    .map(SectionSpec::title)
                                                    .toList())
                                    + " (its sections: "
                                    + String.join(
                                            ", ",
                                            schema.sections().stream()
                                                    .map(SectionSpec::title)
                                                    .toList())
                                    + ")");
                }
                SectionOptions options = sectionOptionsOf(heading, t.getValueNode());
                for (String alias : options.aliases()) {
                    for (SectionSpec other : schema.sectionsWithKey(HeadingKey.of(alias))) {
                        if (!matching.contains(other)) {
                            throw error(
                                    t.getValueNode(),
                                    "alias '"
                                            + alias
                                            + "' of '"
                                            + heading
                                            + "' is already the heading of another section, '"
                                            + other.title()
                                            + "'");
                        }
                    }
                }
                for (SectionSpec sp : matching) {
                    result.put(sp, options);
                }
            }
            return result;
        }

        private SectionOptions sectionOptionsOf(String heading, Node value) throws ConfigException {
            String where = "'sections' entry '" + heading + "'";
            if (!(value instanceof MappingNode map)) {
                throw error(
                        value,
                        where
                                + " must be a mapping with aliases and required-from, found "
                                + found(value));
            }
            List<String> aliases = new ArrayList<>();
            Optional<String> requiredFrom = Optional.empty();
            for (NodeTuple t : entries(map)) {
                String key = keyOf(t);
                Node v = t.getValueNode();
                switch (key) {
                    case "aliases" -> {
                        String expected =
                                "'aliases' of "
                                        + where
                                        + " must be a heading or a list of headings";
                        List<Node> items =
                                v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                        for (Node item : items) {
                            String alias = text(item, expected);
                            if (alias.isBlank()) {
                                throw error(item, expected + ", found nothing");
                            }
                            aliases.add(alias);
                        }
                    }
                    case "required-from" -> {
                        String status =
                                text(v, "'required-from' of " + where + " must be a status");
                        if (schema.statuses().isEmpty()) {
                            throw error(
                                    v,
                                    "'required-from' of "
                                            + where
                                            + " needs a status field with alternatives in"
                                            + " template '"
                                            + schema.name()
                                            + "' (it has none)");
                        }
                        if (schema.status(status).isEmpty()) {
                            throw error(
                                    v,
                                    "'required-from' of "
                                            + where
                                            + " must be one of "
                                            + String.join(", ", schema.statuses())
                                            + ", found '"
                                            + status
                                            + "'");
                        }
                        requiredFrom = schema.status(status);
                    }
                    default ->
                            throw error(
                                    t.getKeyNode(),
                                    "unknown key '"
                                            + key
                                            + "' in "
                                            + where
                                            + " (allowed: aliases, required-from)");
                }
            }
            return new SectionOptions(aliases, requiredFrom);
        }

        /**
         * {@code placeholders:}: text that must not be left in a spec, each literal ({@code
         * KEP-NNNN}) or, between slashes, a regular expression ({@code /\(fill me in[^)]*\)/}).
         */
        private List<Pattern> placeholders(Node value) throws ConfigException {
            String expected =
                    "'placeholders' must be a list of texts or /regular expressions/, such as"
                            + " ['KEP-NNNN', '/\\(fill me in[^)]*\\)/']";
            if (isNull(value)) {
                return List.of();
            }
            List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
            if (value instanceof MappingNode) {
                throw error(value, expected + ", found " + found(value));
            }
            List<Pattern> patterns = new ArrayList<>();
            for (Node item : items) {
                String p = text(item, expected);
                if (p.isBlank()) {
                    throw error(item, expected + ", found nothing");
                }
                if (p.length() >= 3 && p.startsWith("/") && p.endsWith("/")) {
                    try {
                        patterns.add(Pattern.compile(p.substring(1, p.length() - 1)));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw error(
                                item,
                                "placeholder "
                                        + p
                                        + " is not a valid regular expression: "
                                        + e.getDescription());
                    }
                } else {
                    patterns.add(Pattern.compile(Pattern.quote(p)));
                }
            }
            return patterns;
        }

        private boolean bool(String key, Node value) throws ConfigException {
            if (value instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
                switch (s.getValue().toLowerCase(Locale.ROOT)) {
                    case "true":
                        return true;
                    case "false":
                        return false;
                    default: // YAML 1.1's yes, no, on, off
                }
            }
            String hint =
                    value instanceof ScalarNode s
                                    && isText(s)
                                    && (s.getValue().equalsIgnoreCase("true")
                                            || s.getValue().equalsIgnoreCase("false"))
                            ? " (write it without quotes)"
                            : value instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())
                                    ? ": write " + yamlBool(s.getValue().toLowerCase(Locale.ROOT))
                                    : "";
            throw error(value, "'" + key + "' must be true or false, found " + found(value) + hint);
        }

        private Path baselinePath(Node value) throws ConfigException {
            String expected =
                    "'baseline' must be the path of a baseline file, such as"
                            + " .specgate-baseline.json";
            if (value instanceof ScalarNode s && isText(s) && s.getValue().isBlank()) {
                throw error(value, expected + ", found nothing");
            }
            return abs.getParent().resolve(text(value, expected)).normalize();
        }

        private NewFileName newFileName(Node value) throws ConfigException {
            String expected =
                    "'new-file-name' must be a file name in quotes, such as '{number}-{slug}.md'";
            String name = text(value, expected).strip();
            try {
                return NewFileName.of(name);
            } catch (IllegalArgumentException e) {
                throw error(value, e.getMessage()); // NewFileName.refusal's words
            }
        }

        /**
         * A template whose File field shows a file-name convention names new specs by it, and
         * {@code file-name} holds every spec to it: a second convention would give new specs names
         * their check refuses.
         */
        private void refuseBesideTheTemplatesFileName(Node node) throws ConfigException {
            Optional<FileNamePattern> own = FileNamePattern.declared(schema);
            if (own.isPresent()) {
                throw error(
                        node,
                        "'new-file-name' names new specs, but the template's File field already"
                                + " does ("
                                + own.get().describe()
                                + "), and file-name holds every spec to it: remove"
                                + " 'new-file-name', or change the File value of the template");
            }
        }

        private String approvalField(Node value) throws ConfigException {
            String expected =
                    "'approval-field' must be the label of the field approvals are recorded in,"
                            + " such as Sign-off";
            String label = text(value, expected).trim();
            if (label.isEmpty()
                    || label.contains("*")
                    || label.contains(":")
                    || label.contains("\n")) {
                throw error(value, expected + " (without ** or :), found '" + label + "'");
            }
            return label;
        }

        /**
         * Refuses an {@code approval-field:} ({@code key}, which {@code does} something for
         * approvals) that can never take effect: the template, as {@code template:}, {@code
         * metadata:} and {@code lifecycle:} shape it, keeps no approvals ({@link
         * TemplateSchema#recordsApprovals}), so no spec is ever checked for a record nor can one be
         * written, as {@code lifecycle.exits} is refused with the built-in lifecycle.
         */
        private void refuseWithoutApprovals(Node node, String key, String does)
                throws ConfigException {
            if (schema.recordsApprovals()) {
                return;
            }
            String why =
                    schema.noApproval()
                            .map(
                                    no ->
                                            no.key()
                                                            .map(k -> "'" + k + "' ")
                                                            .orElse("the template ")
                                                    + no.why())
                            .orElse("the template records none");
            throw error(
                    node,
                    "'"
                            + key
                            + "' "
                            + does
                            + ", but this project's lifecycle records no approval: "
                            + why
                            + " (approvals need a "
                            + TemplateSchema.STATUS_FIELD
                            + " field with an Approved status); leave '"
                            + key
                            + "' out");
        }

        private long maxFileSize(Node value) throws ConfigException {
            String expected =
                    "'max-file-size' must be a size in B, KiB or MiB up to 1024MiB, such as 16MiB,"
                            + " or a number of bytes";
            if (!(value instanceof ScalarNode s)
                    || !(isText(s) || Tag.INT.equals(s.getTag()))
                    || s.getValue().isBlank()) {
                throw error(value, expected + ", found " + found(value));
            }
            String v = s.getValue();
            OptionalLong bytes = parseSize(v);
            if (bytes.isEmpty() && v.matches("-[0-9]+ ?(B|KiB|MiB)?")) {
                throw error(value, "'max-file-size' must be positive, found " + found(value));
            }
            if (bytes.isEmpty()) {
                String hint =
                        v.matches("(?i)\\d+ ?[kmg]i?b?")
                                ? " (units are B, KiB and MiB: 1KiB is 1024 bytes)"
                                : "";
                throw error(value, expected + ", found " + found(value) + hint);
            }
            if (bytes.getAsLong() < 1) {
                throw error(value, "'max-file-size' must be positive, found " + found(value));
            }
            if (bytes.getAsLong() > MAX_FILE_SIZE_LIMIT) {
                throw error(
                        value,
                        "'max-file-size' must be at most 1GiB (1024MiB), found " + found(value));
            }
            return bytes.getAsLong();
        }

        /** The text of a string value; anything else (a number, a list, ...) is refused. */
        private String text(Node value, String expected) throws ConfigException {
            if (value instanceof ScalarNode s && isText(s)) {
                return s.getValue();
            }
            throw error(value, expected + ", found " + found(value));
        }

        /** A string as YAML reads it: plain text or quoted, not a number, boolean or date. */
        private static boolean isText(ScalarNode s) {
            return Tag.STR.equals(s.getTag());
        }

        /** What a value is, for "found ...": {@code a number (42)}, {@code a list}, ... */
        private static String found(Node n) {
            if (n instanceof MappingNode m) {
                return m.getValue().isEmpty() ? "an empty mapping" : "a mapping";
            }
            if (n instanceof SequenceNode seq) {
                return seq.getValue().isEmpty() ? "an empty list" : "a list";
            }
            if (!(n instanceof ScalarNode s)) {
                return "an alias";
            }
            Tag tag = s.getTag();
            String v = s.getValue();
            if (Tag.NULL.equals(tag)) {
                return "nothing";
            }
            if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
                return "a number (" + v + ")";
            }
            if (Tag.BOOL.equals(tag)) {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.equals("true") || lower.equals("false")
                        ? "a boolean (" + v + ")"
                        : "'"
                                + v
                                + "' (YAML 1.1 reads it as "
                                + yamlBool(lower)
                                + ", YAML 1.2 as text)";
            }
            if (Tag.TIMESTAMP.equals(tag)) {
                return "a date (" + v + ")";
            }
            if (Tag.STR.equals(tag)) {
                return v.isEmpty() ? "empty text" : "'" + v + "'";
            }
            return "a value tagged " + tag.getValue() + " (" + v + ")";
        }

        private static String yamlBool(String lower) {
            return switch (lower) {
                case "yes", "y", "on" -> "true";
                default -> "false";
            };
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
    }
}
