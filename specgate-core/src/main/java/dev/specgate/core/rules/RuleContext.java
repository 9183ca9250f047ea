package dev.specgate.core.rules;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The per-file state of one check run: the document, what it is checked against, and the findings.
 */
public final class RuleContext {

    private final SpecDocument document;
    private final TemplateSchema schema;
    private final Path file;
    private final DocumentKind kind;
    private final LocalDate today;
    private final Strictness strictness;
    private final LinkTargets linkTargets;

    /** The spec's text, when made: given, or made of {@link #sourceText} on the first ask. */
    private String source;

    /** The spec's text as chars, when checked from a file read (made of the string else). */
    private SpecText sourceText;

    private final boolean trace;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Set<String> knownRuleIds = Set.of();
    private final RuleLevels levels;
    private String unreadable;
    private SourceRange unreadableAt = SourceRange.fileStart();
    private Rule current;
    private SectionMatch sectionMatch;
    private BracketContext bracketContext;
    private Approvals approvals = Approvals.standard();
    private ApprovalCheck approvalCheck;
    private SpecSource read;
    private Path projectRoot;
    private Field[] metadataFields;
    private List<Field> metadataList;
    private Field[] firstNaming;
    private long[] metadataNamed;
    private String[] lines;

    private static final String[] NO_LINES = new String[0];

    /** The values {@link #derived} made, as pairs: a kind, then its value. */
    private Object[] derived = NOTHING_DERIVED;

    private static final Object[] NOTHING_DERIVED = new Object[0];

    /**
     * @param levels the level each rule reports at, as the checker running the rules reads the
     *     configuration ({@code SpecChecker#levels}): what {@link #reports} says
     */
    public RuleContext(
            SpecDocument document,
            TemplateSchema schema,
            Path file,
            LocalDate today,
            Strictness strictness,
            LinkTargets linkTargets,
            RuleLevels levels) {
        this(document, schema, file, today, strictness, linkTargets, levels, null, false);
    }

    /**
     * A context that also knows the spec's source text (for rules that read lines the model does
     * not keep) and whether layout tracing is on.
     */
    public RuleContext(
            SpecDocument document,
            TemplateSchema schema,
            Path file,
            LocalDate today,
            Strictness strictness,
            LinkTargets linkTargets,
            RuleLevels levels,
            String source,
            boolean trace) {
        this.source = source;
        this.trace = trace;
        this.document = requireNonNull(document, "document must not be null");
        this.schema = requireNonNull(schema, "schema must not be null");
        this.file = file;
        this.kind = DocumentKind.of(file);
        this.today = requireNonNull(today, "today must not be null");
        this.strictness = requireNonNull(strictness, "strictness must not be null");
        this.linkTargets = requireNonNull(linkTargets, "linkTargets must not be null");
        this.levels = requireNonNull(levels, "levels must not be null");
    }

    /**
     * Tells the rules which rule ids the checker runs (for suppressions that name an unknown one).
     */
    public RuleContext knowing(Set<String> ruleIds) {
        this.knownRuleIds = Set.copyOf(requireNonNull(ruleIds, "ruleIds must not be null"));
        return this;
    }

    /**
     * Tells the rules the spec's source text is that of {@code source}, read from its file (for a
     * context made without a text): the rules read its chars, and a string is made of it only when
     * a rule asks for {@link #source()}; the approval fingerprint is made from the bytes read
     * instead of encoding the text again. The text must not start with U+FEFF: {@code
     * SpecChecker.checkSource} checks such a text as a string, without it.
     */
    public RuleContext checkingSource(SpecSource source) {
        requireNonNull(source, "source must not be null");
        if (this.source != null || sourceText != null) {
            throw new IllegalStateException("the context already has a source text");
        }
        SpecText text = source.content();
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            throw new IllegalArgumentException(
                    "the source text starts with U+FEFF: give the text without it");
        }
        this.sourceText = text;
        this.read = source;
        return this;
    }

    /** Tells the rules how the project records approvals (its approval field). */
    public RuleContext approvals(Approvals approvals) {
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        return this;
    }

    /**
     * Tells the rules the folder the project's paths are written from (its {@code .specgate.yml}'s
     * folder, absolute).
     */
    public RuleContext projectRoot(Path root) {
        this.projectRoot = requireNonNull(root, "root must not be null");
        return this;
    }

    /** The folder the project's paths are written from, when a configuration says. */
    public Optional<Path> projectRoot() {
        return Optional.ofNullable(projectRoot);
    }

    /** How the project records approvals. */
    public Approvals approvals() {
        return approvals;
    }

    /** The ids of the rules the checker runs. */
    public Set<String> knownRuleIds() {
        return knownRuleIds;
    }

    /**
     * Whether rule {@code ruleId}'s findings are reported: the checker runs it (it is not turned
     * off), so that a rule may leave a cause to another only when that one reports it.
     */
    public boolean reports(String ruleId) {
        return levels.reports(ruleId);
    }

    /** Marks the file as unreadable: its document is empty, and this says why. */
    public RuleContext unreadable(String reason) {
        this.unreadable = requireNonNull(reason, "reason must not be null");
        return this;
    }

    /**
     * Marks the file as unreadable for a cause found at {@code position} of its text (a byte that
     * is not UTF-8), where the finding is then reported.
     */
    public RuleContext unreadable(String reason, SourceRange position) {
        unreadable(reason);
        this.unreadableAt = requireNonNull(position, "position must not be null");
        return this;
    }

    /** Where the unreadable-file finding stands: the cause's place, else the file's start. */
    public SourceRange unreadableAt() {
        return unreadableAt;
    }

    /** Why the file could not be read, when it could not (its document is then empty). */
    public Optional<String> unreadableReason() {
        return Optional.ofNullable(unreadable);
    }

    public SpecDocument document() {
        return document;
    }

    public TemplateSchema schema() {
        return schema;
    }

    /** The file being checked, when the spec came from a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * What the checked file is by its name: a task list, or a spec (also when it has no path); read
     * once per file, for the checker and the rules.
     */
    public DocumentKind kind() {
        return kind;
    }

    /**
     * Whether the spec's approval still holds, computed once per check (the approval rules share
     * it, and the check's result carries it for the surfaces that show it); empty when the spec has
     * no approval field or its text is not at hand.
     */
    public Optional<ApprovalCheck> approvalCheck() {
        if (approvalCheck == null && hasSource()) {
            Optional<Field> field = metadata(approvals.field()); // recordField, among fewer fields
            if (field.isPresent()) {
                approvalCheck =
                        read != null
                                ? approvals.check(
                                        read,
                                        document,
                                        sectionMatch()::key,
                                        field.get(),
                                        metadataFields())
                                : approvals.check(source().get(), document);
            }
        }
        return Optional.ofNullable(approvalCheck);
    }

    /**
     * The approval check as the check reports it ({@code approval-stale} reads it): for a spec that
     * says Approved or later, under a template that keeps approvals, with its text at hand; empty
     * before Approved, or without an approval field. The checker asks it when that rule is turned
     * off, so that the result still carries the approval's state ({@code --fix}'s gate, the
     * dashboard, the editors).
     */
    public Optional<ApprovalCheck> approvalState() {
        if (!Approvals.askedAt(schema, strictness) || !hasSource()) {
            return Optional.empty();
        }
        return approvalCheck();
    }

    /** The approval check a rule computed during this check, if one did. */
    public Optional<ApprovalCheck> approvalChecked() {
        return Optional.ofNullable(approvalCheck);
    }

    /**
     * The spec's text without a byte order mark, when it was checked from text: made a string on
     * the first ask when it was read as chars, so a rule that can read {@link #sourceText()}
     * should.
     */
    public Optional<String> source() {
        if (source == null && sourceText != null) {
            source = sourceText.text();
        }
        return Optional.ofNullable(source);
    }

    /** Whether the spec's text is at hand ({@link #source()} is not empty), without making it. */
    public boolean hasSource() {
        return source != null || sourceText != null;
    }

    /**
     * The spec's text as {@link #source()} gives it, read as chars ({@link SpecText#array()}, with
     * no string made of a text read from its file).
     */
    public Optional<SpecText> sourceText() {
        if (sourceText == null && source != null) {
            sourceText = new SpecText(source, false);
        }
        return Optional.ofNullable(sourceText);
    }

    /**
     * The spec's text split into lines at each line break ({@code \R}), split on the first ask and
     * kept for this file's check; no lines when the text is not at hand. The array is this
     * context's: read it, do not change it.
     */
    public String[] lines() {
        if (lines == null) {
            lines = source().map(text -> text.split("\\R", -1)).orElse(NO_LINES);
        }
        return lines;
    }

    /** Whether the run checks that File Organization paths exist ({@code check --trace}). */
    public boolean trace() {
        return trace;
    }

    public LocalDate today() {
        return today;
    }

    public Strictness strictness() {
        return strictness;
    }

    public LinkTargets linkTargets() {
        return linkTargets;
    }

    /** How the document's sections match the template's, computed once per file. */
    public SectionMatch sectionMatch() {
        if (sectionMatch == null) {
            sectionMatch = SectionMatch.of(document, schema);
        }
        return sectionMatch;
    }

    /**
     * The document's metadata fields (outside lists: bold lines, front matter, leading-list and
     * sidecar fields), in document order, gathered once per file: a spec's fields are mostly list
     * fields, and a dozen rules look a metadata field up by label.
     */
    public List<Field> metadataFields() {
        metadataArray();
        return metadataList;
    }

    /**
     * The first metadata field with this label, ignoring case: {@code document().metadata(label)},
     * looked up among the {@link #metadataFields()} only.
     */
    public Optional<Field> metadata(String label) {
        int i = schema.fieldIndex(label);
        if (i >= 0 && i < Long.SIZE) {
            // a template field's label, as the template writes it: the first field it names
            return Optional.ofNullable(firstNaming()[i]);
        }
        for (Field f : metadataArray()) {
            if (f.hasLabel(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The first metadata field naming each of the template's first {@value Long#SIZE} fields
     * ({@link TemplateSchema#fieldsNamed}), by the template field's index; gathered once per file.
     */
    private Field[] firstNaming() {
        if (firstNaming == null) {
            Field[] fields = metadataArray();
            long[] named = metadataNamed();
            Field[] first = new Field[Math.min(schema.fields().size(), Long.SIZE)];
            for (int j = 0; j < fields.length; j++) {
                for (long bits = named[j]; bits != 0; bits &= bits - 1) {
                    int i = Long.numberOfTrailingZeros(bits);
                    if (first[i] == null) {
                        first[i] = fields[j];
                    }
                }
            }
            firstNaming = first;
        }
        return firstNaming;
    }

    /**
     * Which of the template's fields each of the {@link #metadataFields()} names, by the field's
     * position there: {@link TemplateSchema#fieldsNamed} of its label, looked up once per file. The
     * array is this context's: read it, do not change it.
     */
    public long[] metadataNamed() {
        if (metadataNamed == null) {
            Field[] fields = metadataArray();
            long[] named = new long[fields.length];
            for (int j = 0; j < fields.length; j++) {
                named[j] = schema.fieldsNamed(fields[j].label());
            }
            metadataNamed = named;
        }
        return metadataNamed;
    }

    private Field[] metadataArray() {
        if (metadataFields == null) {
            List<Field> all = document.fields();
            Field[] kept = new Field[all.size()];
            int n = 0;
            for (int i = 0; i < all.size(); i++) { // by index: C1 allocates an iterator
                Field f = all.get(i);
                if (!f.inListItem()) {
                    kept[n++] = f;
                }
            }
            metadataFields = Arrays.copyOf(kept, n);
            metadataList = Collections.unmodifiableList(Arrays.asList(metadataFields));
        }
        return metadataFields;
    }

    /**
     * A value of {@code kind} that several rules (and the checker after them) derive from the
     * document in the same way, such as its suppression comments: made by {@code make} on the first
     * ask, then kept for this file's check. Each kind must always be made by the same function.
     */
    public <T> T derived(Class<T> kind, Function<SpecDocument, ? extends T> make) {
        Object[] d = derived;
        for (int i = 0; i < d.length; i += 2) {
            if (d[i] == kind) {
                return kind.cast(d[i + 1]);
            }
        }
        T made = requireNonNull(make.apply(document), "a derived value must not be null");
        Object[] more = Arrays.copyOf(d, d.length + 2);
        more[d.length] = kind;
        more[d.length + 1] = made;
        derived = more;
        return made;
    }

    /** The source text around the document's brackets, shared by the rules that read it. */
    public BracketContext bracketContext() {
        if (bracketContext == null) {
            bracketContext = new BracketContext(sourceText().orElse(null));
        }
        return bracketContext;
    }

    /** Warning in a Draft, error from Review on: for leftovers an author may still fill. */
    public Severity draftLenient() {
        return strictness == Strictness.DRAFT ? Severity.WARNING : Severity.ERROR;
    }

    /** Runs the rules over the document and returns their findings, in the order reported. */
    public List<Diagnostic> run(List<Rule> rules) {
        for (Rule rule : rules) {
            current = rule;
            try {
                rule.check(this);
            } finally {
                current = null;
            }
        }
        return List.copyOf(diagnostics);
    }

    /** Reports a finding of the running rule at its default severity. */
    public void report(SourceRange range, String message) {
        report(current.defaultSeverity(), range, message);
    }

    /** Reports a finding of the running rule. */
    public void report(Severity severity, SourceRange range, String message) {
        if (current == null) {
            throw new IllegalStateException("report() called outside a rule");
        }
        diagnostics.add(new Diagnostic(current.id(), severity, range, message));
    }
}
