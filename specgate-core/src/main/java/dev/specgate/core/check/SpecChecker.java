package dev.specgate.core.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.MetadataProblem;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.MarkdownTree;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.LinkTargets;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.RuleLevels;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import dev.specgate.core.suppress.Suppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks specs against a template. Immutable and thread-safe: build it once with {@link #builder()}
 * and check any number of files, from any number of threads.
 */
public final class SpecChecker {

    private final TemplateSchema schema;
    private final List<Rule> rules;

    /** What a check of each kind of document runs, worked out once per checker. */
    private final Map<DocumentKind, KindCheck> byKind;

    /** The rules run and the levels forced on their findings (the configuration's rules:). */
    private final RuleLevels levels;

    /**
     * What a check of one kind of document runs.
     *
     * @param rules its rules that are not turned off, in order
     * @param approvalStateOnly whether it asks for the approval's state itself: {@code
     *     approval-stale}, which would, is one of its rules but turned off, under a template whose
     *     specs are approved; the result carries it ({@link CheckResult#approvalCheck()})
     */
    private record KindCheck(List<Rule> rules, boolean approvalStateOnly) {}

    private final SpecParser parser;
    private final SpecFileReader reader;
    private final Set<String> ruleIds;
    private final Approvals approvals;
    private final Path projectRoot;

    private SpecChecker(Builder b) {
        this.approvals = b.approvals;
        this.projectRoot = b.projectRoot;
        this.schema = b.schema;
        this.rules = List.copyOf(b.rules);
        this.levels = RuleLevels.of(rules, b.severities, b.disabled);
        // a rule turned off is not run: no rule reads another's findings, and what a check keeps
        // of one besides them is the approval's state, asked for itself below
        Map<DocumentKind, KindCheck> byKind = new EnumMap<>(DocumentKind.class);
        boolean approved = Approvals.appliesTo(schema);
        for (DocumentKind kind : DocumentKind.values()) {
            List<Rule> ofKind =
                    rules.stream().filter(r -> r.documentKinds().contains(kind)).toList();
            byKind.put(
                    kind,
                    new KindCheck(
                            ofKind.stream().filter(r -> levels.reports(r.id())).toList(),
                            approved
                                    && !levels.reports(RuleIds.APPROVAL_STALE)
                                    && ofKind.stream()
                                            .anyMatch(r -> r.id().equals(RuleIds.APPROVAL_STALE))));
        }
        this.byKind = byKind;
        this.parser = b.parser;
        this.reader = b.reader;
        this.ruleIds = Set.copyOf(this.rules.stream().map(Rule::id).toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A checker with the built-in template and rules. */
    public static SpecChecker standard() {
        return builder().build();
    }

    public TemplateSchema schema() {
        return schema;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules whose findings are reported: every rule that is not disabled, in order. */
    public List<Rule> activeRules() {
        return rules.stream().filter(r -> levels.reports(r.id())).toList();
    }

    /** The severity a rule's findings are forced to, if one was set with the builder. */
    public Optional<Severity> severityOverride(String ruleId) {
        return levels.override(ruleId);
    }

    /**
     * The rules run (not turned off) and the levels forced on their findings: the one reading every
     * check's {@link RuleContext} gets.
     */
    public RuleLevels levels() {
        return levels;
    }

    public SpecParser parser() {
        return parser;
    }

    /** How approvals are recorded in the specs checked (the approval field). */
    public Approvals approvals() {
        return approvals;
    }

    /**
     * Parses the text of {@code file} (may be null) as this checker reads specs: the template's
     * metadata form, and the metadata file the project keeps beside each spec when it names one (a
     * missing or unreadable one is a problem of the document, never a silent pass).
     */
    public SpecDocument parse(Path file, String markdown) {
        return parse(file, markdown, null);
    }

    /**
     * Parses as {@link #parse(Path, String)} does, handing {@code tree} (when not null) the block
     * tree of the text when the parser keeps one ({@link SpecParser#parse(String, Consumer)}).
     */
    public SpecDocument parse(Path file, String markdown, Consumer<? super MarkdownTree> tree) {
        return withSidecar(file, parser.parse(markdown, tree));
    }

    /**
     * Parses {@code text} as {@link #parse(Path, String)} parses its string, reading its chars
     * ({@link SpecParser#parseChars(SpecText)}: a check makes no string of most specs).
     */
    public SpecDocument parseChars(Path file, SpecText text) {
        return withSidecar(file, parser.parseChars(text));
    }

    /** {@code doc} with the metadata of the file the template keeps beside each spec, if any. */
    private SpecDocument withSidecar(Path file, SpecDocument doc) {
        if (schema.sidecar().isEmpty()
                || file == null
                || file.getParent() == null
                || DocumentKind.of(file) != DocumentKind.SPEC) {
            return doc;
        }
        String name = schema.sidecar().get();
        Path sidecar = file.getParent().resolve(name);
        List<MetadataProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(sidecar)) {
            problems.add(
                    new MetadataProblem(
                            "no "
                                    + name
                                    + " beside this spec: its metadata (the status among it)"
                                    + " cannot be read",
                            SourceRange.fileStart()));
            return doc.withMetadata(List.of(), problems);
        }
        String text;
        try {
            text = reader.read(sidecar).text();
        } catch (UnreadableSpecException e) {
            problems.add(
                    new MetadataProblem(
                            "cannot read " + name + " beside this spec: " + e.getMessage(),
                            SourceRange.fileStart()));
            return doc.withMetadata(List.of(), problems);
        }
        // the fields stand in the other file: in this one, at its start (so a finding about one
        // points at the spec, and no fix or edit of this spec ever lands on another file's offsets)
        List<Field> fields = new ArrayList<>();
        for (Field f : SpecParser.metadataFile(text, name, problems)) {
            fields.add(
                    new Field(
                            f.label(),
                            f.value(),
                            SourceRange.fileStart(),
                            SourceRange.fileStart(),
                            -1,
                            false,
                            FieldForm.SIDECAR));
        }
        return doc.withMetadata(fields, problems);
    }

    /**
     * Reads and checks one file. A file that cannot be read gives one unreadable-file finding, not
     * an exception.
     */
    public CheckResult checkFile(Path file, CheckOptions options) {
        requireNonNull(file, "file must not be null");
        SpecText text;
        try {
            text = reader.read(file);
        } catch (UnreadableSpecException e) {
            return unreadable(file, e, options);
        }
        return check(file, text.text(), options);
    }

    /**
     * The result for a file or folder that could not be read: the unreadable-file rule alone
     * reports {@code message}.
     */
    public CheckResult unreadable(Path file, String message, CheckOptions options) {
        return unreadable(file, message, SourceRange.fileStart(), options);
    }

    /**
     * The result for a file that {@code e} says cannot be read: {@code cannot check this file:
     * REASON}, at the place of the cause when it has one (a byte that is not UTF-8).
     */
    public CheckResult unreadable(Path file, UnreadableSpecException e, CheckOptions options) {
        return unreadable(
                file,
                "cannot check this file: " + e.getMessage(),
                e.position().orElse(SourceRange.fileStart()),
                options);
    }

    private CheckResult unreadable(
            Path file, String message, SourceRange at, CheckOptions options) {
        requireNonNull(message, "message must not be null");
        requireNonNull(options, "options must not be null");
        RuleContext ctx =
                new RuleContext(
                                parser.parse(""),
                                schema,
                                file,
                                options.today(),
                                Strictness.REVIEW,
                                new LinkTargets(),
                                levels)
                        .knowing(ruleIds)
                        .unreadable(message, at);
        List<Rule> only =
                rules.stream().filter(r -> r.id().equals(RuleIds.UNREADABLE_FILE)).toList();
        return new CheckResult(file, null, levels.apply(ctx.run(only)), null);
    }

    /**
     * Checks Markdown text. {@code file} (may be null) names where it lives, for the rules that
     * look at the file name and resolve links.
     */
    public CheckResult check(Path file, String markdown, CheckOptions options) {
        SpecDocument doc = parse(file, markdown);
        return check(file, doc, markdown, options);
    }

    /** Checks an already parsed document. */
    public CheckResult check(Path file, SpecDocument doc, CheckOptions options) {
        return check(file, doc, null, options);
    }

    /**
     * Checks a document parsed from {@code markdown} (the text is for the rules that read source,
     * such as the File Organization trace; may be null).
     */
    public CheckResult check(Path file, SpecDocument doc, String markdown, CheckOptions options) {
        // per check: a checker lives on in editors and watch modes, while files come and go, so
        // answers must not outlive the check
        return check(file, doc, markdown, options, new LinkTargets());
    }

    /**
     * Checks a document as {@link #check(Path, SpecDocument, String, CheckOptions)} does, asking
     * {@code linkTargets} whether link targets exist (so the caller knows which it asked about).
     */
    public CheckResult check(
            Path file,
            SpecDocument doc,
            String markdown,
            CheckOptions options,
            LinkTargets linkTargets) {
        return check(file, doc, markdown, null, options, linkTargets);
    }

    /**
     * Checks a document parsed from {@code source}'s text as {@link #check(Path, SpecDocument,
     * String, CheckOptions)} does; the rules that read the file's bytes (the approval fingerprint)
     * read them from {@code source} instead of encoding the text again.
     */
    public CheckResult checkSource(
            Path file, SpecDocument doc, SpecSource source, CheckOptions options) {
        return checkSource(file, doc, source, options, new LinkTargets());
    }

    /**
     * As {@link #checkSource(Path, SpecDocument, SpecSource, CheckOptions)}, asking {@code
     * linkTargets} whether link targets exist.
     */
    public CheckResult checkSource(
            Path file,
            SpecDocument doc,
            SpecSource source,
            CheckOptions options,
            LinkTargets linkTargets) {
        requireNonNull(source, "source must not be null");
        SpecText text = source.content();
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            // a U+FEFF after the byte order mark: checked as the string check reads such a text,
            // without it (stripBom), not from the file's bytes
            return check(file, doc, source.text(), null, options, linkTargets);
        }
        // the rules read the source's chars: its text is made a string only if one asks
        return check(file, doc, null, source, options, linkTargets);
    }

    private CheckResult check(
            Path file,
            SpecDocument doc,
            String markdown,
            SpecSource source,
            CheckOptions options,
            LinkTargets linkTargets) {
        requireNonNull(doc, "doc must not be null");
        requireNonNull(linkTargets, "linkTargets must not be null");
        requireNonNull(options, "options must not be null");
        String status = StatusReading.written(doc, schema).orElse(null);
        Strictness strictness =
                options.strictness().orElseGet(() -> StatusReading.strictness(status, schema));
        RuleContext ctx =
                new RuleContext(
                        doc,
                        schema,
                        file,
                        options.today(),
                        strictness,
                        linkTargets,
                        levels,
                        stripBom(markdown),
                        options.trace());
        ctx.knowing(ruleIds).approvals(approvals);
        if (source != null) {
            ctx.checkingSource(source);
        }
        if (projectRoot != null) {
            ctx.projectRoot(projectRoot);
        }
        KindCheck kind = byKind.get(ctx.kind());
        List<Diagnostic> found = ctx.run(kind.rules());
        if (kind.approvalStateOnly()) {
            ctx.approvalState();
        }
        return new CheckResult(
                file,
                status,
                ctx.derived(Suppressions.class, Suppressions::of).filter(levels.apply(found)),
                doc,
                ctx.approvalChecked().orElse(null));
    }

    private static String stripBom(String markdown) {
        return markdown != null && markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    }

    /** Builds a {@link SpecChecker}. */
    public static final class Builder {
        private TemplateSchema schema;
        private List<Rule> rules = RuleRegistry.builtin();
        private final Map<String, Severity> severities = new HashMap<>();
        private final Set<String> disabled = new HashSet<>();
        private SpecParser parser;
        private SpecFileReader reader = new SpecFileReader();
        private Approvals approvals;
        private Path projectRoot;

        private Builder() {}

        /**
         * The folder the project's paths are written from (its {@code .specgate.yml}'s folder), for
         * rules that read a path a spec names from there, such as {@code field-file} (default: none
         * known).
         */
        public Builder projectRoot(Path root) {
            this.projectRoot =
                    requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
            return this;
        }

        /**
         * How approvals are recorded (default: the {@code Approval} field, its fingerprint reading
         * the schema's checklists).
         */
        public Builder approvals(Approvals approvals) {
            this.approvals = requireNonNull(approvals, "approvals must not be null");
            return this;
        }

        /** The template to check against (default: the built-in Rigour Vibe template). */
        public Builder schema(TemplateSchema schema) {
            this.schema = requireNonNull(schema, "schema must not be null");
            return this;
        }

        /** The rules to run (default: every built-in rule). */
        public Builder rules(List<Rule> rules) {
            this.rules = List.copyOf(requireNonNull(rules, "rules must not be null"));
            return this;
        }

        /** Reports a rule's findings at this severity whatever the rule says. */
        public Builder severity(String ruleId, Severity severity) {
            requireKnown(ruleId);
            severities.put(ruleId, requireNonNull(severity, "severity must not be null"));
            disabled.remove(ruleId);
            return this;
        }

        /** Turns a rule off: it is not run, and reports nothing. */
        public Builder disable(String ruleId) {
            requireKnown(ruleId);
            disabled.add(ruleId);
            severities.remove(ruleId);
            return this;
        }

        /** The file reader (default: strict UTF-8 with the standard size limit). */
        public Builder reader(SpecFileReader reader) {
            this.reader = requireNonNull(reader, "reader must not be null");
            return this;
        }

        private void requireKnown(String ruleId) {
            requireNonNull(ruleId, "ruleId must not be null");
            Optional<Rule> known = rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
            if (known.isEmpty()) {
                throw new IllegalArgumentException("unknown rule id '" + ruleId + "'");
            }
        }

        public SpecChecker build() {
            if (schema == null) {
                schema = TemplateSchema.builtin();
            }
            if (parser == null) {
                parser = new SpecParser(schema.readsListMetadata(), schema.hasGuidance());
            }
            if (approvals == null) {
                approvals = Approvals.of(Approvals.DEFAULT_FIELD, schema);
            }
            return new SpecChecker(this);
        }
    }
}
