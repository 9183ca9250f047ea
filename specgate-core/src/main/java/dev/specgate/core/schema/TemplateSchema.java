package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.PlaceholderStyle;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a template requires of a spec, derived from the template's own Markdown by {@link
 * SchemaDeriver}: sections (level, parent, order, optional), metadata fields and their allowed
 * values, and the placeholder texts an author must replace. Immutable.
 */
public final class TemplateSchema {

    /** The name of the built-in Rigour Vibe technical-spec template. */
    public static final String BUILTIN_NAME = "rigour-vibe";

    /** The label of the field that holds the lifecycle status. */
    public static final String STATUS_FIELD = "Document Status";

    /** The status field's label in templates without {@value #STATUS_FIELD}. */
    public static final String SHORT_STATUS_FIELD = "Status";

    /** The built-in lifecycle's statuses, in order. */
    public static final List<String> BUILTIN_STATUSES =
            List.of("Draft", "Review", "Approved", "Implementation");

    /** The label of the field that names the reviewer. */
    public static final String REVIEWER_FIELD = "Reviewer";

    /** The label of a team template's field that lists its reviewers ({@code reviewers:}). */
    public static final String REVIEWERS_FIELD = "Reviewers";

    /** The label of the field that names the spec's own file. */
    public static final String FILE_FIELD = "File";

    /** The label of the field that holds the creation date. */
    public static final String CREATED_FIELD = "Created";

    /** The label of the field that holds the date of the last change. */
    public static final String LAST_UPDATED_FIELD = "Last Updated";

    /** The label of the field that holds the next review date. */
    public static final String NEXT_REVIEW_FIELD = "Next Review";

    /** The label of the field that holds the kind of change. */
    public static final String TYPE_FIELD = "Type";

    private static volatile TemplateSchema builtin;

    private final String name;
    private final String source;
    private final String title;
    private final List<SectionSpec> sections;
    private final List<FieldSpec> fields;

    /** The fields as the template writes them, before the lifecycle shapes the status field. */
    private final List<FieldSpec> templateFields;

    private final Set<String> placeholders;
    private final Map<String, List<SectionSpec>> byKey;
    private final Set<PlaceholderStyle> placeholderStyles;
    private final FieldForm metadataForm;
    private final Lifecycle lifecycle;
    private final Optional<String> sidecar;
    private final boolean byteOrderMark;

    /**
     * How a project's configuration shapes the lifecycle ({@code lifecycle:} in {@code
     * .specgate.yml}).
     *
     * @param statusField the field that holds the status, when the configuration names it
     * @param order the statuses in lifecycle order (the board's columns), empty for the template's
     * @param draft the statuses held as drafts, empty for the first status
     * @param exits the statuses that end a proposal without taking it forward, reached from any
     *     status; empty for the statuses named by {@link #EXIT_WORDS}
     */
    public record Lifecycle(
            Optional<String> statusField,
            List<String> order,
            List<String> draft,
            Optional<List<String>> exits) {

        /** What the template alone says. */
        public static final Lifecycle FROM_TEMPLATE =
                new Lifecycle(Optional.empty(), List.of(), List.of(), Optional.empty());

        /**
         * The first words that make a status an exit unless {@code lifecycle: exits} says
         * otherwise: {@code rejected}, {@code withdrawn}, {@code declined}...
         */
        public static final Set<String> EXIT_WORDS =
                Set.of(
                        "rejected",
                        "withdrawn",
                        "declined",
                        "abandoned",
                        "deferred",
                        "postponed",
                        "dropped",
                        "cancelled",
                        "canceled",
                        "retracted",
                        "discarded");

        /**
         * The first words that make a status a retirement: it retires a decision already taken
         * forward ({@code deprecated}, {@code superseded by ADR-0009}), so it is reached from any
         * earlier status past the drafts, not only from the one before it.
         */
        public static final Set<String> RETIREMENT_WORDS =
                Set.of(
                        "superseded",
                        "deprecated",
                        "replaced",
                        "obsolete",
                        "obsoleted",
                        "retired",
                        "archived");

        public Lifecycle {
            requireNonNull(statusField, "statusField must not be null");
            order = List.copyOf(order);
            draft = List.copyOf(draft);
            exits = exits.map(List::copyOf);
        }

        public Lifecycle(Optional<String> statusField, List<String> order, List<String> draft) {
            this(statusField, order, draft, Optional.empty());
        }
    }

    /** Section index to the configured options ({@code sections:} in .specgate.yml). */
    private final Map<Integer, SectionOptions> sectionOptions;

    /** Extra placeholders a project configures ({@code placeholders:}), as patterns. */
    private final List<Pattern> extraPlaceholders;

    /** Bracketed list labels of the template ({@code - [Optional] Method:}), folded. */
    private final Set<String> listLabels;

    /** {@link #placeholderFields()}, found once: every check asks for them. */
    private final List<FieldSpec> placeholderFields;

    /** {@link #placeholderValuedFields()}, found once: every check asks for them. */
    private final List<FieldSpec> placeholderValuedFields;

    /** {@link #sectionsWithKey} of each section's own key, by the section's index. */
    private final List<List<SectionSpec>> withOwnKey;

    /** How many distinct labels {@link #facts} keeps: a run's specs write a few dozen. */
    static final int KEPT_LABELS = 4096;

    /** What the template says of each label the specs write ({@link #facts}). */
    private final ConcurrentHashMap<String, LabelFacts> labelFacts = new ConcurrentHashMap<>();

    /** The index of each field label as the template writes it (the first, if written twice). */
    private final Map<String, Integer> fieldIndexes;

    /** {@link #statusField()}, found once: rules ask for it for every spec. */
    private final String statusField;

    /** The checklists a project names as worked after approval ({@code working-checklists:}). */
    private final Optional<List<String>> workingChecklists;

    /**
     * Whether approvals are kept with the template's own status field ({@code approval-field:}).
     */
    private final boolean approvalsInStatusField;

    /** The checklists a project names as gating a move to a status ({@code gates:}). */
    private final Map<String, List<String>> checklistGates;

    /**
     * {@link #approvalPoint()}, found when first asked for: each spec's strictness asks it of a
     * status past the drafts, as do the rules that ask where a status stands (a split of each
     * status's first word, per ask, was 1.4 % of a check's instructions).
     */
    private volatile Optional<String> approvalPoint;

    /** {@link #checklists()}, found when first asked for (the template is parsed for it). */
    private volatile List<String> checklists;

    TemplateSchema(
            String name,
            String source,
            String title,
            List<SectionSpec> sections,
            List<FieldSpec> fields,
            Set<String> placeholders) {
        this(name, source, title, sections, fields, placeholders, FieldForm.BOLD_LINE);
    }

    TemplateSchema(
            String name,
            String source,
            String title,
            List<SectionSpec> sections,
            List<FieldSpec> fields,
            Set<String> placeholders,
            FieldForm metadataForm) {
        this(name, source, title, sections, fields, placeholders, Shaping.of(metadataForm));
    }

    /**
     * What a project's configuration (and the template's metadata form) adds to the template's own
     * sections and fields; each {@code with...} method of the schema changes one part.
     */
    private record Shaping(
            FieldForm metadataForm,
            Lifecycle lifecycle,
            Optional<String> sidecar,
            Map<Integer, SectionOptions> sectionOptions,
            List<Pattern> extraPlaceholders,
            Set<String> listLabels,
            boolean byteOrderMark,
            Optional<List<String>> workingChecklists,
            Map<String, List<String>> checklistGates,
            boolean approvalsInStatusField) {

        static Shaping of(FieldForm metadataForm) {
            return new Shaping(
                    metadataForm,
                    Lifecycle.FROM_TEMPLATE,
                    Optional.empty(),
                    Map.of(),
                    List.of(),
                    Set.of(),
                    false,
                    Optional.empty(),
                    Map.of(),
                    false);
        }

        Shaping lifecycle(Lifecycle l) {
            return new Shaping(
                    metadataForm,
                    l,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping sidecar(String fileName) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    Optional.of(fileName),
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping sectionOptions(Map<Integer, SectionOptions> o) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    o,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping extraPlaceholders(List<Pattern> p) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    p,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping listLabels(Set<String> l) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    l,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping workingChecklists(List<String> titles) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    Optional.of(List.copyOf(titles)),
                    checklistGates,
                    approvalsInStatusField);
        }

        Shaping approvalsMoveWithStatusField() {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    checklistGates,
                    true);
        }

        Shaping checklistGates(Map<String, List<String>> gates) {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    byteOrderMark,
                    workingChecklists,
                    Map.copyOf(gates),
                    approvalsInStatusField);
        }

        Shaping withByteOrderMark() {
            return new Shaping(
                    metadataForm,
                    lifecycle,
                    sidecar,
                    sectionOptions,
                    extraPlaceholders,
                    listLabels,
                    true,
                    workingChecklists,
                    checklistGates,
                    approvalsInStatusField);
        }
    }

    private TemplateSchema(
            String name,
            String source,
            String title,
            List<SectionSpec> sections,
            List<FieldSpec> fields,
            Set<String> placeholders,
            Shaping shaping) {
        this.metadataForm = requireNonNull(shaping.metadataForm(), "metadataForm must not be null");
        this.lifecycle = requireNonNull(shaping.lifecycle(), "lifecycle must not be null");
        this.sidecar = requireNonNull(shaping.sidecar(), "sidecar must not be null");
        this.byteOrderMark = shaping.byteOrderMark();
        this.workingChecklists =
                requireNonNull(shaping.workingChecklists(), "workingChecklists must not be null");
        this.checklistGates =
                requireNonNull(shaping.checklistGates(), "checklistGates must not be null");
        this.approvalsInStatusField = shaping.approvalsInStatusField();
        this.sectionOptions = Map.copyOf(shaping.sectionOptions());
        this.extraPlaceholders = List.copyOf(shaping.extraPlaceholders());
        this.listLabels = Set.copyOf(shaping.listLabels());
        this.name = requireNonNull(name, "name must not be null");
        this.source = requireNonNull(source, "source must not be null");
        this.title = title;
        this.sections = List.copyOf(sections);
        this.templateFields = List.copyOf(fields);
        this.fields = shapedFields(templateFields, lifecycle, metadataForm());
        this.placeholders = Set.copyOf(placeholders);
        Map<String, List<SectionSpec>> keys = new HashMap<>();
        for (SectionSpec s : this.sections) {
            keys.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            SectionOptions options = this.sectionOptions.get(s.index());
            if (options != null) {
                for (String alias : options.aliases()) {
                    List<SectionSpec> list =
                            keys.computeIfAbsent(HeadingKey.of(alias), k -> new ArrayList<>());
                    if (!list.contains(s)) {
                        list.add(s);
                    }
                }
            }
        }
        keys.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Collections.unmodifiableMap(keys);
        List<List<SectionSpec>> ownKeys = new ArrayList<>(this.sections.size());
        for (SectionSpec s : this.sections) {
            ownKeys.add(sectionsWithKey(s.key()));
        }
        this.withOwnKey = List.copyOf(ownKeys);
        EnumSet<PlaceholderStyle> styles = EnumSet.of(PlaceholderStyle.SQUARE);
        for (String p : this.placeholders) {
            PlaceholderStyle.of(p).ifPresent(styles::add);
        }
        this.placeholderStyles = Collections.unmodifiableSet(styles);
        List<FieldSpec> placeholderValued = new ArrayList<>();
        for (FieldSpec f : this.fields) {
            if (isPlaceholderValue(f.templateValue()) && !listsChoices(f)) {
                placeholderValued.add(f);
            }
        }
        this.placeholderValuedFields = List.copyOf(placeholderValued);
        this.placeholderFields =
                placeholderValued.stream().filter(f -> f.form() != FieldForm.BOLD_LINE).toList();
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            indexes.putIfAbsent(this.fields.get(i).label(), i);
        }
        this.fieldIndexes = Map.copyOf(indexes);
        this.statusField = findStatusField();
    }

    /**
     * Whether the template writes {@code f} as a front matter YAML list of the values a spec may
     * choose from, two or more ({@code labels: [api, web, mobile]}, or one {@code - ios} a line):
     * square brackets, but a list, not a placeholder to replace; {@code new} writes it empty
     * ({@code SpecScaffold}), as a copy would claim every value. Two values or more: a lifecycle's
     * statuses make {@code status: [Status]} a choice, its template value a placeholder still; and
     * a {@code [Draft | Review]} is one value to choose. A quoted item is read whole, as YAML reads
     * it: {@code ["iOS | iPadOS", android]} lists two choices, {@code ["Ruiz, Ana"]} one.
     */
    public static boolean listsChoices(FieldSpec f) {
        if (f.form() != FieldForm.FRONT_MATTER || f.kind() != FieldKind.CHOICE) {
            return false;
        }
        String value = f.templateValue().strip();
        if (value.startsWith("[")) {
            return flowListOfChoices(value);
        }
        // a block list: its items' lines, each "- value"
        return value.lines().filter(l -> l.strip().startsWith("-")).count() >= 2;
    }

    /**
     * Whether a YAML flow list's text ({@code [api, "iOS | iPadOS"]}) holds two items or more at
     * its top level and no {@code |} outside quotes: a quoted item (single or double, with YAML's
     * escapes) is read whole, its commas and bars its own text; a quote starts one only where an
     * item starts ({@code [It's, web]} is plain text).
     */
    private static boolean flowListOfChoices(String list) {
        int items = 0;
        boolean inItem = false;
        int depth = 0;
        for (int i = 1; i < list.length(); i++) {
            char c = list.charAt(i);
            if (!inItem && (c == '"' || c == '\'')) {
                i = closingQuote(list, i);
                if (i < 0) {
                    return false; // not a list YAML reads
                }
                inItem = true;
            } else if (c == ',' && depth == 0) {
                items += inItem ? 1 : 0;
                inItem = false;
            } else if (c == ']' && depth == 0) {
                break;
            } else if (c == '|') {
                return false;
            } else if (!Character.isWhitespace(c)) {
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
                inItem = true;
            }
        }
        return items + (inItem ? 1 : 0) >= 2;
    }

    /** The index of the quote that closes the YAML quoted scalar opened at {@code open}, or -1. */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++; // an escape: the next character is the text's
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++; // '' is one quote in a single-quoted scalar
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The template's fields with the status field as a project's lifecycle shapes it: when {@code
     * lifecycle: order} names the statuses, the field that holds them ({@code status-field}, else
     * the template's own status field) allows exactly those, as {@link #status(String)} reads them,
     * so {@code check} judges the status that {@code status} and the gates read. A status field the
     * template does not write (named only by {@code status-field}) is added, required, in the
     * template's metadata form; a sidecar's status key is required too. Without an order the
     * template's fields stand as written.
     */
    private static List<FieldSpec> shapedFields(
            List<FieldSpec> fields, Lifecycle lifecycle, FieldForm form) {
        if (lifecycle.order().isEmpty()) {
            return fields;
        }
        String label = lifecycle.statusField().orElse(null);
        if (label == null) {
            label =
                    fields.stream().anyMatch(f -> f.label().equalsIgnoreCase(STATUS_FIELD))
                            ? STATUS_FIELD
                            : SHORT_STATUS_FIELD;
        }
        List<FieldSpec> shaped = new ArrayList<>(fields);
        for (int i = 0; i < shaped.size(); i++) {
            FieldSpec f = shaped.get(i);
            if (f.label().equalsIgnoreCase(label)) {
                shaped.set(
                        i,
                        new FieldSpec(
                                f.label(),
                                FieldKind.CHOICE,
                                lifecycle.order(),
                                f.templateValue(),
                                f.inHeader(),
                                f.form(),
                                f.optional() && f.form() != FieldForm.SIDECAR,
                                f.kind() == FieldKind.CHOICE && f.open()));
                return List.copyOf(shaped);
            }
        }
        if (lifecycle.statusField().isEmpty()) {
            return fields; // the template has no status field of its own: nothing to shape
        }
        shaped.add(
                0,
                new FieldSpec(
                        label, FieldKind.CHOICE, lifecycle.order(), "", true, form, false, false));
        return List.copyOf(shaped);
    }

    /** This template with a project's lifecycle settings ({@code lifecycle:}). */
    public TemplateSchema withLifecycle(Lifecycle settings) {
        return shaped(shaping().lifecycle(settings));
    }

    /**
     * This template with its specs' metadata also read from a YAML file of this name beside each
     * spec ({@code metadata: {sidecar: kep.yaml}}).
     */
    public TemplateSchema withSidecar(String fileName) {
        return shaped(shaping().sidecar(fileName));
    }

    /**
     * This template with the kinds of its sidecar file's keys, read from the template's own copy of
     * that file ({@code template/kep.yaml}): a value of alternatives {@code a|b|c} gives a choice,
     * a value {@code yyyy-mm-dd} a date. Such fields are checked where a spec's sidecar writes
     * them, never required by this (a missing sidecar is {@code metadata-invalid}'s).
     *
     * @throws IllegalArgumentException when the template's sidecar is not valid YAML
     */
    public TemplateSchema withSidecarTemplate(String yamlText) {
        List<FieldSpec> all = new ArrayList<>(templateFields);
        for (FieldSpec f : SchemaDeriver.sidecarFields(yamlText, sidecar.orElse("sidecar"))) {
            if (all.stream().noneMatch(t -> t.label().equalsIgnoreCase(f.label()))) {
                all.add(f);
            }
        }
        return new TemplateSchema(name, source, title, sections, all, placeholders, shaping());
    }

    /** This template shaped as {@code shaping} says: its sections, fields and text unchanged. */
    private TemplateSchema shaped(Shaping shaping) {
        return new TemplateSchema(
                name, source, title, sections, templateFields, placeholders, shaping);
    }

    private Shaping shaping() {
        return new Shaping(
                metadataForm,
                lifecycle,
                sidecar,
                sectionOptions,
                extraPlaceholders,
                listLabels,
                byteOrderMark,
                workingChecklists,
                checklistGates,
                approvalsInStatusField);
    }

    /**
     * This template as read from a file that starts with a UTF-8 byte order mark: a spec made from
     * it ({@code new}) starts with one too, as its line endings follow the template's.
     */
    public TemplateSchema withByteOrderMark() {
        return shaped(shaping().withByteOrderMark());
    }

    /**
     * Whether the template's file starts with a UTF-8 byte order mark ({@link #source} has none).
     */
    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** The project's lifecycle settings ({@link Lifecycle#FROM_TEMPLATE} when none). */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * How the template writes its metadata, and so how specs are read: bold-label lines, a leading
     * list of {@code Label: value} items, YAML front matter, or (when configured) a sidecar file.
     */
    public FieldForm metadataForm() {
        return sidecar.isPresent() ? FieldForm.SIDECAR : metadataForm;
    }

    /** Whether specs' leading list items are read as metadata (the template writes it so). */
    public boolean readsListMetadata() {
        return metadataForm == FieldForm.LIST_ITEM;
    }

    /** The name of the metadata file beside each spec, when configured. */
    public Optional<String> sidecar() {
        return sidecar;
    }

    /**
     * The schema of the bundled Rigour Vibe template: the one {@link SchemaDeriver} derives from
     * its Markdown, written out as code at development time ({@link BuiltinSchema}, held to the
     * derivation by a test), so that no run parses the template to start.
     */
    public static TemplateSchema builtin() {
        TemplateSchema s = builtin;
        if (s == null) {
            synchronized (TemplateSchema.class) {
                s = builtin;
                if (s == null) {
                    s = BuiltinSchema.schema();
                    builtin = s;
                }
            }
        }
        return s;
    }

    /**
     * The Markdown of the bundled template ({@code rigour-vibe.md} beside this class in the jar,
     * held in a constant so that no jar is opened for it).
     */
    public static String builtinTemplateText() {
        return BuiltinSchema.TEXT;
    }

    /** Derives the schema of any Markdown template. */
    public static TemplateSchema derive(String name, String templateMarkdown) {
        return SchemaDeriver.derive(name, templateMarkdown);
    }

    public String name() {
        return name;
    }

    /** The template's Markdown. */
    public String source() {
        return source;
    }

    /** The template's level-1 title, if it has one. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The title heading of a spec written from this template. With a template title it is the
     * spec's first level-1 heading. A template without one requires no title: a spec's title is
     * then its first heading only when that heading is the spec's first block, is level 1 and is
     * not one of the template's sections (an RFC's {@code # Summary} is a section, not a title).
     */
    public Optional<Section> titleOf(SpecDocument document) {
        if (title != null) {
            return document.title();
        }
        if (document.sections().isEmpty()) {
            return Optional.empty();
        }
        Section first = document.sections().get(0);
        if (first.leading()
                && first.level() == 1
                && sectionsWithKey(HeadingKey.of(first.title())).isEmpty()) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    /**
     * A spec's title as every surface shows it ({@code list}, the dashboard, MCP's {@code
     * list_specs}, {@code next}, {@code progress}, task lists): the text of its title heading
     * ({@link #titleOf}), else, in a spec that has no title heading, its {@link #TITLE_FIELD} field
     * ({@code title:} in YAML front matter, as YAML reads it; a PEP's {@code - Title:}), a
     * placeholder left there being no title; empty when it has neither. {@code prefixed} keeps the
     * heading's text whole; without it, a heading loses what precedes its first colon ({@code
     * Technical Specification: }).
     */
    public Optional<String> shownTitle(SpecDocument document, boolean prefixed) {
        Optional<Section> heading = titleOf(document);
        if (heading.isPresent()) {
            String t = heading.get().title();
            if (!prefixed && t.indexOf(':') >= 0) {
                t = t.substring(t.indexOf(':') + 1).strip();
            }
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        }
        Field field = document.metadata(TITLE_FIELD).orElse(null);
        if (field == null) {
            return Optional.empty();
        }
        Optional<String> value =
                field.form() == FieldForm.FRONT_MATTER
                        ? document.frontMatter().stream()
                                .flatMap(fm -> fm.entries().stream())
                                .filter(e -> e.field() == field)
                                .findFirst()
                                .flatMap(e -> e.scalar())
                        : Optional.of(FieldValues.plain(field.value()));
        return value.map(String::strip)
                .filter(t -> !t.isEmpty() && PlaceholderStyle.of(t).isEmpty());
    }

    /**
     * What a spec's doc stubs and task list are headed with: its title without a {@code Technical
     * Specification:} style prefix ({@link #shownTitle}), else {@code file}'s name.
     */
    public String titleOrFileName(SpecDocument document, Path file) {
        return shownTitle(document, false).orElse(file.getFileName().toString());
    }

    /**
     * The label of the metadata field that titles a spec without a title heading: front matter's
     * {@code title:}, a PEP's leading {@code - Title:}.
     */
    public static final String TITLE_FIELD = "Title";

    /** Every section in template order (the title excluded). */
    public List<SectionSpec> sections() {
        return sections;
    }

    /**
     * Sections with this {@link HeadingKey}, in template order; when none, those whose key reads
     * the same with {@code &} for "and" or back ({@code risks & mitigations} finds {@code risks and
     * mitigations}). The key itself keeps the {@code &}, so fingerprints and schemas stay as they
     * were.
     */
    public List<SectionSpec> sectionsWithKey(String key) {
        List<SectionSpec> found = byKey.get(key);
        if (found != null || key == null) {
            return found != null ? found : List.of();
        }
        String other = HeadingKey.ampersandVariant(key);
        return other == null ? List.of() : byKey.getOrDefault(other, List.of());
    }

    /**
     * {@link #sectionsWithKey} of the key of the section at {@code index} ({@link
     * SectionSpec#key()}), found once: a spec's headings mostly are the template's, in its order.
     */
    public List<SectionSpec> sectionsWithKeyOf(int index) {
        return withOwnKey.get(index);
    }

    /**
     * This schema with a project's options for some of its sections: aliases (other headings
     * accepted for a section) and the status from which a section is required.
     *
     * @throws IllegalArgumentException when a section is not one of this schema's, or a status is
     *     not one of its {@link #statuses()}
     */
    public TemplateSchema withSectionOptions(Map<SectionSpec, SectionOptions> options) {
        Map<Integer, SectionOptions> byIndex = new HashMap<>(sectionOptions);
        for (Map.Entry<SectionSpec, SectionOptions> e : options.entrySet()) {
            SectionSpec s = e.getKey();
            if (s.index() >= sections.size() || !sections.get(s.index()).equals(s)) {
                throw new IllegalArgumentException(s.heading() + " is not a section of " + name);
            }
            e.getValue()
                    .requiredFrom()
                    .filter(status -> status(status).isEmpty())
                    .ifPresent(
                            status -> {
                                throw new IllegalArgumentException(
                                        "'" + status + "' is not a status of " + name);
                            });
            byIndex.put(s.index(), e.getValue());
        }
        return shaped(shaping().sectionOptions(byIndex));
    }

    /**
     * This schema with extra placeholders a project configures: text that must not be left in a
     * spec although the template does not write it ({@code KEP-NNNN}), literal or a pattern.
     */
    public TemplateSchema withExtraPlaceholders(List<Pattern> patterns) {
        List<Pattern> all = new ArrayList<>(extraPlaceholders);
        all.addAll(patterns);
        return shaped(shaping().extraPlaceholders(all));
    }

    TemplateSchema withListLabels(Set<String> labels) {
        return shaped(shaping().listLabels(labels));
    }

    /** The options a project configures for a section, if any. */
    public Optional<SectionOptions> options(SectionSpec section) {
        return Optional.ofNullable(sectionOptions.get(section.index()));
    }

    /**
     * Whether a spec must have this section: not when the template marks it optional, nor while the
     * spec's status comes before the one the section is required from, by {@link #rank(String)}
     * (every draft-like status comes before the others). An exit ({@code rejected}) asks only for
     * what every status asks: a section required from a draft-like status, or from that exit
     * itself. A section required from an exit is asked of that exit alone. A spec whose status
     * cannot be read must have it.
     */
    public boolean requires(SectionSpec section, SpecDocument document) {
        if (section.optional()) {
            return false;
        }
        Optional<String> from = options(section).flatMap(SectionOptions::requiredFrom);
        if (from.isEmpty()) {
            return true;
        }
        Optional<String> status = StatusReading.plain(document, this).flatMap(this::status);
        if (status.isEmpty() || status.get().equalsIgnoreCase(from.get())) {
            return true;
        }
        int at = rank(status.get());
        int first = rank(from.get());
        if (first < 0 || at < 0) {
            // required from an exit: of that exit alone; an exit: only what every status asks
            return first == 0;
        }
        return at >= first;
    }

    /**
     * Where an extra placeholder comes from, as {@code placeholder-template} and {@code template
     * show} say it.
     */
    public static final String EXTRA_PLACEHOLDERS_ORIGIN =
            "listed under 'placeholders' in .specgate.yml";

    /** The extra placeholders a project configures, in the order written. */
    public List<Pattern> extraPlaceholders() {
        return extraPlaceholders;
    }

    /**
     * {@link #extraPlaceholders()} as {@code placeholders:} writes them, for a person to read: a
     * literal as it is ({@code KEP-NNNN}), a regular expression between slashes ({@code /\(fill me
     * in[^)]*\)/}).
     */
    public List<String> extraPlaceholdersAsWritten() {
        List<String> written = new ArrayList<>(extraPlaceholders.size());
        for (Pattern p : extraPlaceholders) {
            written.add(asWritten(p.pattern()));
        }
        return written;
    }

    /**
     * A literal's text when {@code pattern} is {@link Pattern#quote}'s of one, else {@code
     * /pattern/}.
     */
    private static String asWritten(String pattern) {
        if (pattern.length() >= 4 && pattern.startsWith("\\Q") && pattern.endsWith("\\E")) {
            String literal =
                    pattern.substring(2, pattern.length() - 2).replace("\\E\\\\E\\Q", "\\E");
            if (Pattern.quote(literal).equals(pattern)) {
                return literal;
            }
        }
        return "/" + pattern + "/";
    }

    /**
     * Whether {@code bracketText} is one of the template's bracketed list labels ({@code
     * [Optional]} in {@code - [Optional] Aggregation method:}): a label, not a placeholder.
     */
    public boolean isListLabel(String bracketText) {
        return listLabels.contains(
                Placeholders.fold(bracketText).toLowerCase(java.util.Locale.ROOT));
    }

    /** The template's bracketed list labels, folded and in lower case ({@link #isListLabel}). */
    Set<String> listLabels() {
        return listLabels;
    }

    /** Metadata fields in template order (bold labels with a value outside lists). */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The field with this label, ignoring case. */
    public Optional<FieldSpec> field(String label) {
        for (FieldSpec f : fields) {
            if (f.label().equalsIgnoreCase(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The field that plays the Reviewer: {@value #REVIEWER_FIELD}, else {@value #REVIEWERS_FIELD}
     * (any case: a team's front matter {@code reviewers:} list); empty when the template has
     * neither, and then no spec is asked to name a reviewer. Read by {@code reviewer-missing}, the
     * gates from the second status on, and {@code approve} and {@code status} for who approves.
     */
    public Optional<FieldSpec> reviewerField() {
        Optional<FieldSpec> one = field(REVIEWER_FIELD);
        return one.isPresent() ? one : field(REVIEWERS_FIELD);
    }

    /**
     * The template's Type values (the allowed values of its {@value #TYPE_FIELD} field), in its
     * order; none when it has no such field. The one list {@code new}, {@code list --type} and the
     * MCP tools {@code new_spec} and {@code list_specs} take a Type from.
     */
    public List<String> types() {
        return field(TYPE_FIELD).map(FieldSpec::allowedValues).orElse(List.of());
    }

    /**
     * The template's spelling of a Type value given in any case, if it is one of {@link #types}.
     */
    public Optional<String> type(String value) {
        requireNonNull(value, "value must not be null");
        return types().stream().filter(t -> t.equalsIgnoreCase(value.trim())).findFirst();
    }

    /**
     * Why {@code value} is none of {@link #types}, in the one wording every surface says it in:
     * {@code 'Feature' is not a Type of the template: use one of Bug Fix, ...}, or {@code ...: the
     * template 'NAME' has no Type field with allowed values}; empty when it is one, in any case.
     * What {@code list --type} says beside the specs it lists by the value as written.
     */
    public Optional<String> notAType(String value) {
        return notAType(value, List.of(this), false);
    }

    /**
     * {@link #notAType} with the Type {@code value} is near, where one is ({@code ...; did you mean
     * 'Integration'?}): what {@code new --type}, MCP's {@code new_spec} and a {@code list --type}
     * that lists nothing refuse it with.
     */
    public Optional<String> typeRefusal(String value) {
        return notAType(value, List.of(this), true);
    }

    /**
     * {@link #notAType} of several templates (a listed workspace's, the first the nearest): the
     * Types of all of them, each once, in their order, said of "any of the N templates"; with
     * {@code suggest}, the Type of any of them {@code value} is near, as {@link #typeRefusal} says
     * it. Empty when one of them has it, in any case.
     */
    public static Optional<String> notAType(
            String value, List<TemplateSchema> schemas, boolean suggest) {
        requireNonNull(value, "value must not be null");
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas must not be empty");
        }
        List<String> all = new ArrayList<>();
        for (TemplateSchema t : schemas) {
            if (t.type(value).isPresent()) {
                return Optional.empty();
            }
            for (String type : t.types()) {
                if (all.stream().noneMatch(type::equalsIgnoreCase)) {
                    all.add(type);
                }
            }
        }
        return Optional.of(
                "'"
                        + value
                        + (schemas.size() == 1
                                ? "' is not a Type of the template: "
                                : "' is not a Type of any of the "
                                        + schemas.size()
                                        + " templates: ")
                        + (all.isEmpty() && schemas.size() > 1
                                ? "none has a Type field with allowed values"
                                : all.isEmpty()
                                        ? "the template '"
                                                + schemas.get(0).name
                                                + "' has no Type field with allowed values"
                                        : "use one of " + String.join(", ", all))
                        + (suggest ? EditDistance.didYouMeanValue(value, all) : ""));
    }

    /**
     * Where {@code field-missing} reports {@code field} absent from {@code doc}: at the label of
     * the field written under another name for it ({@link #misnamed}), else where it belongs: after
     * the last field of its form (a leading-list item, a front matter key), at the file's start for
     * front matter and a metadata file, at the title for a header field, at the last line for the
     * others. The one placement the rule and the status gates share: a gate finds the rule's
     * finding of a field by rule id and this place, not by the words of its message.
     */
    public SourceRange missingAt(SpecDocument doc, FieldSpec field) {
        Optional<Field> misnamed = misnamed(doc, field);
        if (misnamed.isPresent()) {
            return misnamed.get().labelRange();
        }
        Optional<Field> sameForm = doc.lastOfForm(field.form());
        if (field.form() != FieldForm.BOLD_LINE && sameForm.isPresent()) {
            return SourceRange.ofLine(sameForm.get().labelRange().startLine(), 0, 0);
        }
        if (field.form() == FieldForm.FRONT_MATTER || field.form() == FieldForm.SIDECAR) {
            return SourceRange.fileStart();
        }
        if (field.inHeader()) {
            return doc.title().map(Section::range).orElse(SourceRange.fileStart());
        }
        return SourceRange.ofLine(Math.max(0, doc.lineCount() - 1), 0, 0);
    }

    /**
     * Whether {@code field-missing} reports {@code field} of this template missing from {@code
     * doc}: it is required, {@code doc} does not have it, and it is not kept in a metadata file
     * that could not be read (that is {@code metadata-invalid}'s finding).
     */
    public boolean missingReported(SpecDocument doc, FieldSpec field) {
        return !field.optional()
                && doc.metadata(field.label()).isEmpty()
                && !(field.form() == FieldForm.SIDECAR && !doc.metadataProblems().isEmpty());
    }

    /**
     * The metadata field of {@code doc} that stands where {@code field} is missing under another
     * name, if one does: a field the template does not define whose label is {@code field}'s
     * written another way ({@code document-status}, {@code DocumentStatus}), or, written in another
     * form than the template's, its last word or the other way round ({@code status:} in the front
     * matter for the template's {@code **Document Status:**}). Fields are found by the template's
     * labels only, so such a field is not read as {@code field}; this says which one the author
     * meant, for messages. Empty when {@code doc} has {@code field}.
     */
    public Optional<Field> misnamed(SpecDocument doc, FieldSpec field) {
        if (doc.metadata(field.label()).isPresent()) {
            return Optional.empty();
        }
        return otherNamed(doc, field);
    }

    /**
     * A metadata field of {@code doc} under another name for {@code field}, as {@link #misnamed}
     * finds it, whether {@code doc} also has {@code field} or not: a front matter {@code status:}
     * beside the template's {@code **Document Status:**} line, which is not read as the status and
     * may say otherwise ({@code field-duplicate}).
     */
    public Optional<Field> otherNamed(SpecDocument doc, FieldSpec field) {
        LabelFacts wanted = facts(field.label());
        List<Field> written = doc.fields();
        for (int i = 0; i < written.size(); i++) { // by index: C1 allocates an iterator
            Field f = written.get(i);
            if (f.inListItem()) {
                continue;
            }
            LabelFacts name = facts(f.label());
            if (name.templates() || name.key().isEmpty()) {
                continue;
            }
            // by its last word only in another form than the template's: a bold "Review:" in a
            // section is prose, a front matter "status:" is metadata
            if (name.key().equals(wanted.key())
                    || (f.form() != field.form()
                            && (name.key().equals(wanted.lastKey())
                                    || name.lastKey().equals(wanted.key())))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Which of the template's first {@value Long#SIZE} {@link #fields()} a label names: bit {@code
     * i} is set when {@link Field#sameLabel} holds of {@code label} and the label of {@code
     * fields().get(i)}. Worked out once per distinct label and kept: every spec of a run writes the
     * same few labels, and a dozen rules look its fields up by them.
     */
    public long fieldsNamed(String label) {
        return facts(label).fields();
    }

    /**
     * The index in {@link #fields()} of the field whose label is exactly {@code label} ({@link
     * String#equals}; the first, if the template writes it twice), or -1.
     */
    public int fieldIndex(String label) {
        Integer i = fieldIndexes.get(label);
        return i == null ? -1 : i;
    }

    /**
     * What the template says of a label a spec writes: which fields it names ({@link
     * #fieldsNamed}), whether it is a field's label as {@link #field} finds it (trimmed), and its
     * keys for {@link #otherNamed}.
     *
     * @param fields bits of the fields named, as {@link #fieldsNamed} gives them
     * @param templates whether {@code field(label.trim())} is present
     * @param key {@code nameKey(label)}
     * @param lastKey {@code nameKey(lastWord(label))}
     */
    private record LabelFacts(long fields, boolean templates, String key, String lastKey) {}

    private LabelFacts facts(String label) {
        LabelFacts known = labelFacts.get(label);
        if (known != null) {
            return known;
        }
        long named = 0;
        for (int i = 0; i < Math.min(fields.size(), Long.SIZE); i++) {
            if (Field.sameLabel(label, fields.get(i).label())) {
                named |= 1L << i;
            }
        }
        LabelFacts facts =
                new LabelFacts(
                        named,
                        field(label.trim()).isPresent(),
                        nameKey(label),
                        nameKey(lastWord(label)));
        if (labelFacts.size() < KEPT_LABELS) {
            labelFacts.putIfAbsent(label, facts);
        }
        return facts;
    }

    /** A label in lower case without spaces, hyphens or underscores. */
    private static String nameKey(String label) {
        StringBuilder key = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '_') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** The last word of a label ({@code Status} of {@code Document Status}). */
    private static String lastWord(String label) {
        String[] words = label.trim().split("[\\s_-]+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    /** The exact placeholder texts of the template, brackets included, whitespace folded. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The fields whose template value is itself a placeholder, outside the Markdown prose (a front
     * matter key or a leading-list item: {@code decision-makers: {the people who took the
     * decision}}): a spec that keeps that value has left a template placeholder in ({@code
     * placeholder-template}).
     */
    public List<FieldSpec> placeholderFields() {
        return placeholderFields;
    }

    /**
     * Every field whose template value is itself a placeholder, whatever the template's metadata
     * form: a spec may keep its fields in front matter or a leading list even when the template
     * writes bold lines, and a value left there as the template's ({@code Reviewer: "[Technical
     * reviewer]"}) is not in the prose, where the brackets of a bold line are found.
     */
    public List<FieldSpec> placeholderValuedFields() {
        return placeholderValuedFields;
    }

    /**
     * Every placeholder a spec must not keep, as {@code template show} lists them: the template's
     * {@link #placeholders()} and the values of its {@link #placeholderFields()}, whitespace
     * folded.
     */
    public Set<String> enforcedPlaceholders() {
        Set<String> all = new java.util.LinkedHashSet<>(placeholders);
        for (FieldSpec f : placeholderFields()) {
            all.add(Placeholders.fold(f.templateValue()));
        }
        return Collections.unmodifiableSet(all);
    }

    /** Whether {@code bracketText} (brackets included) is one of the template's placeholders. */
    public boolean isTemplatePlaceholder(String bracketText) {
        return placeholders.contains(Placeholders.fold(bracketText));
    }

    /**
     * The placeholder styles checked in specs: {@code [text]} always, {@code {text}} and {@code
     * {{text}}} when the template itself uses them (so braces in the prose of specs written from a
     * square-bracket template are never mistaken for placeholders).
     */
    public Set<PlaceholderStyle> placeholderStyles() {
        return placeholderStyles;
    }

    /**
     * Whether a whole field value is still a placeholder in one of the {@link
     * #placeholderStyles()}: {@code [Date]}, or {@code {{Date}}} for a template in that style.
     */
    public boolean isPlaceholderValue(String value) {
        return PlaceholderStyle.of(value).filter(placeholderStyles::contains).isPresent();
    }

    /**
     * Whether specs written from this template follow the built-in lifecycle (whose moves to
     * Approved record approvals): the status field is {@value #STATUS_FIELD}, a field the template
     * has, and its values are {@link #BUILTIN_STATUSES} (any case, in that order).
     */
    public boolean followsBuiltinLifecycle() {
        return field(STATUS_FIELD).isPresent()
                && statusField().equalsIgnoreCase(STATUS_FIELD)
                && isBuiltinLifecycle(statuses());
    }

    /**
     * The label of the field that holds the lifecycle status: {@value #STATUS_FIELD} when the
     * template has it, else {@code Status} when the template has that (as ADR and RFC templates
     * do), else {@value #STATUS_FIELD}.
     */
    public String statusField() {
        return statusField;
    }

    private String findStatusField() {
        if (lifecycle.statusField().isPresent()) {
            return lifecycle.statusField().get();
        }
        if (field(STATUS_FIELD).isEmpty() && field(SHORT_STATUS_FIELD).isPresent()) {
            return SHORT_STATUS_FIELD;
        }
        return STATUS_FIELD;
    }

    /**
     * The label of the field that dates a spec: {@value #CREATED_FIELD} when the template has it,
     * else its first date field (an ADR's {@code Date}, an RFC's {@code Start Date}) that does not
     * name a later change ({@code Last Updated}, a design doc's {@code last-updated:} or {@code
     * updated:}, which a status move sets to the day: {@link #changeDateField()}), else {@value
     * #CREATED_FIELD}.
     */
    public String dateField() {
        if (field(CREATED_FIELD).isPresent()) {
            return CREATED_FIELD;
        }
        return fields.stream()
                .filter(f -> f.kind() == FieldKind.DATE)
                .map(FieldSpec::label)
                .filter(label -> !namesWriting(label) || namesMaking(label))
                .findFirst()
                .orElse(CREATED_FIELD);
    }

    /**
     * The labels of the date fields that say when a spec was written or last changed, which {@code
     * new} fills with the creation date: {@link #dateField()} (Created, an ADR's Date, an RFC's
     * Start Date), and every other date field whose label reads as a past event of the document
     * itself: one that begins with {@code last} and names a change or review ({@code Last Updated},
     * {@code Last reviewed}; not {@code Last deploy}), or holds one of {@link #WRITING_WORDS}
     * ({@code updated}, {@code modified}, {@code creation-date}) and none of {@link #FUTURE_WORDS}
     * ({@code Next Review}, {@code Due}, {@code Target date}, {@code review-by}), which are the
     * author's to choose. In template order.
     */
    public List<String> writingDateFields() {
        List<String> labels = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (f.kind() == FieldKind.DATE
                    && (f.label().equalsIgnoreCase(dateField()) || namesWriting(f.label()))) {
                labels.add(f.label());
            }
        }
        return List.copyOf(labels);
    }

    /**
     * The labels of the {@linkplain #writingDateFields() dates of writing} that say when the spec
     * last changed, not when it was made: all but {@link #dateField()} and those whose label names
     * the making ({@link #MAKING_WORDS}: {@code created}, {@code written}; a label that says {@code
     * last} names a change). {@code Last Updated} in the built-in template, a team's {@code
     * updated:}, {@code Last modified} or {@code Last reviewed:}. An approval's fingerprint leaves
     * them out, a status move or an approval sets the first of them to the day ({@link
     * #changeDateField()}), as they do Last Updated, and the language server offers to set them to
     * today (a Created or a Next Review is no day of a change). In template order.
     */
    public List<String> changeDateFields() {
        List<String> labels = new ArrayList<>();
        for (String label : writingDateFields()) {
            if (!label.equalsIgnoreCase(dateField()) && !namesMaking(label)) {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    /**
     * The field a status move and an approval set to the day: {@value #LAST_UPDATED_FIELD} when the
     * template has it, else its first {@linkplain #changeDateFields() change date} ({@code
     * updated:}); empty when it has neither.
     */
    public Optional<String> changeDateField() {
        if (field(LAST_UPDATED_FIELD).isPresent()) {
            return Optional.of(LAST_UPDATED_FIELD);
        }
        return changeDateFields().stream().findFirst();
    }

    /** A label's words, lower case. */
    private static List<String> words(String label) {
        return List.of(label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * Whether a date's label names the spec's making ({@code Created}, {@code creation-date}, a
     * bare {@code date:}), not a later change ({@code Last written}).
     */
    private static boolean namesMaking(String label) {
        List<String> words = words(label);
        return !words.contains("last")
                && (words.equals(List.of("date"))
                        || words.stream().anyMatch(MAKING_WORDS::contains));
    }

    /** Words of a writing date's label that name the spec's making, not a later change. */
    static final Set<String> MAKING_WORDS = Set.of("created", "creation", "written", "authored");

    /** Words of a date field's label that date the spec's own writing. */
    static final Set<String> WRITING_WORDS =
            Set.of(
                    "created",
                    "creation",
                    "updated",
                    "update",
                    "modified",
                    "changed",
                    "revised",
                    "edited",
                    "written",
                    "authored");

    /** Words of a date field's label that name a date to come, never filled in by {@code new}. */
    static final Set<String> FUTURE_WORDS =
            Set.of(
                    "next",
                    "due",
                    "by",
                    "deadline",
                    "target",
                    "until",
                    "expires",
                    "expiry",
                    "planned",
                    "eta",
                    "release",
                    "launch",
                    "ship",
                    "sunset",
                    "end",
                    "review");

    private static boolean namesWriting(String label) {
        List<String> words = words(label);
        if (words.isEmpty()) {
            return false;
        }
        if (words.get(0).equals("last")) {
            // Last Updated, Last reviewed: the document's own past; Last deploy, Last incident:
            // the product's, which a new spec does not date
            return words.stream()
                    .skip(1)
                    .anyMatch(w -> WRITING_WORDS.contains(w) || w.startsWith("review"));
        }
        return words.stream().anyMatch(WRITING_WORDS::contains)
                && words.stream().noneMatch(FUTURE_WORDS::contains);
    }

    /**
     * Whether specs of this template record approvals: a move to Approved records one ({@link
     * #noApproval()} is empty: the status is kept in a Document Status field, or the field an
     * {@code approval-field:} opts in, that allows Approved, neither a draft nor an exit; an ADR
     * template's Status of Proposed, Accepted, ... records none). The one answer {@code
     * Approvals.appliesTo} (whether {@code check} asks a spec for its record), {@code approve}'s
     * refusal and the configuration's refusal of {@code approval-field:} give.
     */
    public boolean recordsApprovals() {
        return noApproval().isEmpty();
    }

    /**
     * The field whose move to Approved records an approval: {@value #STATUS_FIELD}, or the
     * template's own status field when the project names an {@code approval-field:} for it ({@link
     * #withApprovalsInStatusField()}).
     */
    private String approvalStatusField() {
        return approvalsInStatusField ? statusField() : STATUS_FIELD;
    }

    /**
     * Whether approvals are recorded on moves of the template's own status field (a team's front
     * matter {@code status:}), not {@value #STATUS_FIELD}: the project opted in by naming an {@code
     * approval-field:}.
     */
    public boolean approvalsInStatusField() {
        return approvalsInStatusField;
    }

    /**
     * This schema recording approvals on moves to Approved in its own status field, which the
     * project asks for by naming an {@code approval-field:} ({@code approval-field: approval} for a
     * team's front matter {@code status:}); without it only {@value #STATUS_FIELD} records them.
     */
    public TemplateSchema withApprovalsInStatusField() {
        return shaped(shaping().approvalsMoveWithStatusField());
    }

    /**
     * Why no move of a spec of this template records an approval, or empty when a move to Approved
     * does (a Document Status field that is the status field and allows Approved, neither a draft
     * nor an exit: {@link #recordsApprovals()}). The one reason that {@code approve}'s and {@code
     * status}'s refusals ({@code SpecProject.approvalRefusal}) and the configuration's refusal of
     * {@code approval-field:} give.
     *
     * @param key the {@code .specgate.yml} key that makes it so ({@code lifecycle.status-field},
     *     {@code lifecycle}), or empty when the template does
     * @param why worded to follow the key, or "the template": {@code has no Document Status field},
     *     {@code keeps the status in the 'Stage' field, not in Document Status}, {@code has
     *     Document Status values Proposed, Accepted, none of them Approved}
     */
    public record NoApproval(Optional<String> key, String why) {}

    /** {@link NoApproval}: why no move of a spec of this template records an approval. */
    public Optional<NoApproval> noApproval() {
        Optional<String> none = noStatuses();
        if (none.isPresent()) {
            return Optional.of(new NoApproval(Optional.empty(), none.get()));
        }
        boolean inStatusField =
                approvalsInStatusField || statusField().equalsIgnoreCase(STATUS_FIELD);
        if (lifecycle.statusField().isPresent() && !inStatusField) {
            return Optional.of(
                    new NoApproval(
                            Optional.of("lifecycle.status-field"),
                            "keeps the status in the '"
                                    + statusField()
                                    + "' field, not in "
                                    + STATUS_FIELD));
        }
        Optional<String> approved =
                statuses().stream().filter(s -> s.equalsIgnoreCase("Approved")).findFirst();
        boolean draft =
                approved.isPresent()
                        && draftStatuses().stream().anyMatch(approved.get()::equalsIgnoreCase);
        boolean exit =
                approved.isPresent()
                        && exitStatuses().stream().anyMatch(approved.get()::equalsIgnoreCase);
        if (field(approvalStatusField()).isPresent()
                && inStatusField
                && approved.isPresent()
                && !draft
                && !exit) {
            return Optional.empty();
        }
        String values =
                STATUS_FIELD
                        + " values "
                        + String.join(", ", statuses())
                        + (approved.isEmpty()
                                ? ", none of them Approved"
                                : ", where "
                                        + approved.get()
                                        + (draft ? " is a draft" : " is an exit"));
        if (!lifecycle.order().isEmpty() && field(STATUS_FIELD).isPresent() && inStatusField) {
            return Optional.of(new NoApproval(Optional.of("lifecycle"), "gives the " + values));
        }
        return Optional.of(
                new NoApproval(Optional.empty(), notDocumentStatus().orElse("has " + values)));
    }

    /**
     * Why specs of this template have no lifecycle, worded to follow "the template" ({@code has no
     * Document Status field}), or empty when they have one: the {@link #statusField()} has allowed
     * values, or {@code lifecycle: order} lists the statuses.
     */
    public Optional<String> noStatuses() {
        if (!statuses().isEmpty()) {
            return Optional.empty();
        }
        String field = statusField();
        return Optional.of(
                field(field).isEmpty()
                        ? "has no " + field + " field"
                        : "has a " + field + " field without allowed values");
    }

    /**
     * The status from which a spec's implementation may begin, as the template spells it: the first
     * status past the drafts, not an exit, that approves the spec (its first word is {@code
     * Approved}, the status whose move records an approval, or {@code Accepted}, where an ADR or an
     * evolution proposal is approved) or names its implementation (a word starting with {@code
     * implement}: {@code Implementation}, {@code Implementable}, {@code In Implementation}; not
     * {@code Implemented}, the work done). Approved in the built-in lifecycle; empty when the
     * lifecycle has none of them, which says nothing of when code may start.
     */
    public Optional<String> approvalPoint() {
        Optional<String> known = approvalPoint;
        if (known == null) {
            known = findApprovalPoint();
            approvalPoint = known;
        }
        return known;
    }

    /** {@link #approvalPoint()}, worked out from the statuses. */
    private Optional<String> findApprovalPoint() {
        for (String s : statuses()) {
            if (rank(s) > 0 && (APPROVAL_WORDS.contains(firstWord(s)) || namesImplementation(s))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The first words of a status that approves a spec: {@link #approvalPoint()}. */
    private static final Set<String> APPROVAL_WORDS = Set.of("approved", "accepted");

    private static boolean namesImplementation(String status) {
        for (String word : status.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            // Implemented is the work done, not leave to begin it: in Open, In Progress,
            // Implemented the code is written In Progress, which is not early
            if (word.startsWith("implement") && !word.equals("implemented")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a spec whose status is written {@code status} stands before the {@linkplain
     * #approvalPoint() approval point}: a draft-like status or one after it and before that point
     * (Draft and Review in the built-in lifecycle). False for a value that is no status, an exit,
     * and a lifecycle without an approval point: what cannot be placed is not called early.
     */
    public boolean beforeApproval(String status) {
        requireNonNull(status, "status must not be null");
        Optional<String> known = status(status);
        Optional<String> point = approvalPoint();
        if (known.isEmpty() || point.isEmpty()) {
            return false;
        }
        int rank = rank(known.get());
        return rank >= 0 && rank < rank(point.get());
    }

    /**
     * Whether a spec whose status is written {@code status} stands at or past the {@linkplain
     * #approvalPoint() approval point} and is taken forward from there: the point itself (Approved
     * in the built-in lifecycle, an ADR's Accepted, a KEP's implementable) or a status after it in
     * order (Implementation, a team's Shipped, Implemented), not a retirement ({@code Deprecated},
     * {@code Superseded}). False for a value that is no status, a draft, an exit, and a lifecycle
     * without an approval point. What {@link Strictness#forStatus} holds as Approved, so that what
     * holds at Approved (a named Reviewer, open decisions, guarded edits) holds there too; the
     * counterpart of {@link #beforeApproval}, which {@code layout-early} asks.
     */
    public boolean pastApproval(String status) {
        requireNonNull(status, "status must not be null");
        Optional<String> known = status(status);
        Optional<String> point = approvalPoint();
        if (known.isEmpty() || point.isEmpty()) {
            return false;
        }
        return rank(known.get()) >= rank(point.get())
                && retiredStatuses().stream().noneMatch(known.get()::equalsIgnoreCase);
    }

    /**
     * Why a spec's status is not in a {@value #STATUS_FIELD} field written from this template
     * ({@code has no Document Status field}, {@code keeps its status in the 'Stage' field, not in
     * Document Status}), or empty when it is.
     */
    public Optional<String> notDocumentStatus() {
        if (field(STATUS_FIELD).isEmpty()) {
            return Optional.of("has no " + STATUS_FIELD + " field");
        }
        if (!statusField().equalsIgnoreCase(STATUS_FIELD)) {
            return Optional.of(
                    "keeps its status in the '"
                            + statusField()
                            + "' field, not in "
                            + STATUS_FIELD);
        }
        return Optional.empty();
    }

    /**
     * The first line after {@code after} (0-based) of this template's closing fields among {@code
     * fields}: a field it writes outside its header (the Document Status block after its sections,
     * {@code **Document Status:**}), written outside a list; {@link Integer#MAX_VALUE} when none
     * follows. Where a section's own text ends ({@code SectionBodies.end}) and where a section
     * missing at the end belongs ({@code section-missing}).
     */
    public int closingFieldLine(List<Field> fields, int after) {
        int first = Integer.MAX_VALUE;
        for (Field f : fields) {
            int line = f.labelRange().startLine();
            if (line > after
                    && line < first
                    && !f.inListItem()
                    && field(f.label()).filter(t -> !t.inHeader()).isPresent()) {
                first = line;
            }
        }
        return first;
    }

    /**
     * Whether this is the bundled Rigour Vibe template (as a project's configuration shapes it).
     */
    public boolean isBuiltin() {
        return source == BuiltinSchema.TEXT || source.equals(BuiltinSchema.TEXT);
    }

    /**
     * Whether the template guides with prose of its own: a paragraph (or a block quote's) in one of
     * its sections that holds none of its placeholders ({@code One paragraph explanation of the
     * feature.}), which a spec must replace ({@code placeholder-guidance}). The bundled template
     * has none; nor has a template whose guidance is all bracketed placeholders.
     */
    public boolean hasGuidance() {
        return !guidance().isEmpty();
    }

    /**
     * Whether {@code text}, a spec's paragraph of prose as {@link
     * dev.specgate.core.model.Prose#text()} reads it, is word for word one of the template's own
     * guidance paragraphs of {@code section}: one hash lookup.
     */
    public boolean isGuidance(SectionSpec section, String text) {
        Set<String> known = guidance().get(section.index());
        return known != null && known.contains(text);
    }

    /**
     * The template's guidance paragraphs by section index, read from its Markdown on first use
     * (none for the bundled template, which a test holds to its derivation).
     */
    private Map<Integer, Set<String>> guidance() {
        Map<Integer, Set<String>> known = guidance;
        if (known == null) {
            known = isBuiltin() ? Map.of() : guidanceOf(new SpecParser(true, true).parse(source));
            guidance = known;
        }
        return known;
    }

    /**
     * The paragraphs of prose of {@code template} (the template's Markdown, parsed with prose) by
     * the index of the template section they stand in, leaving out what specs keep on purpose or
     * what another rule reports: a paragraph before the first section or under the title; one that
     * holds a placeholder (a spec that keeps it is told of the placeholder); a lead-in that ends
     * with a colon ({@code **Implementation Files:**}, {@code For each step:}), which introduces
     * the list or table a spec fills in; and any paragraph of a section that holds a checklist of
     * the template, whose words go with the fixed checklist ({@code Items marked with (R) are
     * required...}).
     */
    Map<Integer, Set<String>> guidanceOf(SpecDocument template) {
        Set<Integer> withChecklist = new HashSet<>();
        for (ChecklistItem item : template.checklist()) {
            withChecklist.add(item.sectionIndex());
        }
        Map<Integer, Integer> specIndex = new HashMap<>();
        int next = 0;
        for (Section s : template.sections()) {
            if (next < sections.size()
                    && sections.get(next).level() == s.level()
                    && sections.get(next).title().equals(s.title())) {
                specIndex.put(s.index(), next++);
            }
        }
        Map<Integer, Set<String>> found = new HashMap<>();
        for (dev.specgate.core.model.Prose p : template.prose()) {
            Integer at = specIndex.get(p.sectionIndex());
            if (at != null
                    && !withChecklist.contains(p.sectionIndex())
                    && !isLeadIn(p.text())
                    && !holdsPlaceholder(p.text())) {
                found.computeIfAbsent(at, k -> new HashSet<>()).add(p.text());
            }
        }
        Map<Integer, Set<String>> frozen = new HashMap<>();
        found.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /** Whether a paragraph ends with a colon, emphasis marks after it aside. */
    private static boolean isLeadIn(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == '_')) {
            end--;
        }
        return end > 0 && text.charAt(end - 1) == ':';
    }

    private boolean holdsPlaceholder(String text) {
        for (String p : placeholders) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #guidance()}, once read: derived from the immutable source, a race reads it twice. */
    private volatile Map<Integer, Set<String>> guidance;

    /**
     * The template's checklists: the titles of its sections that hold a task box ({@code - [ ]}) of
     * their own, in template order, as the template writes them.
     */
    public List<String> checklists() {
        List<String> known = checklists;
        if (known == null) {
            SpecDocument doc = new SpecParser(true).parse(source);
            Set<String> keys = new HashSet<>();
            for (ChecklistItem item : doc.checklist()) {
                int i = item.sectionIndex();
                if (i >= 0 && i < doc.sections().size()) {
                    keys.add(HeadingKey.of(doc.sections().get(i).title()));
                }
            }
            known =
                    sections.stream()
                            .filter(s -> keys.contains(s.key()))
                            .map(SectionSpec::title)
                            .distinct()
                            .toList();
            checklists = known;
        }
        return known;
    }

    /**
     * The checklists a project names as worked through after approval ({@code working-checklists:}
     * in {@code .specgate.yml}), as the template writes their headings; empty when it names none.
     * An approval's fingerprint leaves their boxes out ({@code approval.ApprovalBoxes}).
     */
    public Optional<List<String>> workingChecklists() {
        return workingChecklists;
    }

    /**
     * The checklists a project names as gating moves ({@code gates:} in {@code .specgate.yml}): for
     * each status (as the template spells it) the headings (as the template writes them) every item
     * under which must be ticked before a spec moves to it; empty when it names none.
     */
    public Map<String, List<String>> checklistGates() {
        return checklistGates;
    }

    /**
     * Why no move to the status written {@code status} is held to a gate ({@code a draft-like
     * status}, {@code an exit}, {@code a retirement}: lifecycle.md's table of places), or empty
     * when a move there is gated; empty too for a value that is no status. Read as every reading of
     * a status reads it ({@link #status(String)}: {@code Shipped (v2)} is Shipped, {@code
     * superseded by ADR-0009} a retirement). The one reading of where {@code gates:} may be put
     * ({@code .specgate.yml}'s loading refuses a gate here) and of where one holds ({@link
     * #gatedAt}).
     */
    public Optional<String> ungated(String status) {
        requireNonNull(status, "status must not be null");
        Optional<String> known = status(status);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        int rank = rank(known.get());
        if (rank == 0) {
            return Optional.of("a draft-like status");
        }
        if (rank < 0) {
            return Optional.of("an exit");
        }
        return retiredStatuses().stream().anyMatch(known.get()::equalsIgnoreCase)
                ? Optional.of("a retirement")
                : Optional.empty();
    }

    /**
     * The statuses of {@link #checklistGates()} whose checklists a spec at the status written
     * {@code status} must have done, in the order {@code gates:} names them: the gate of that
     * status and of every gated status before it in the lifecycle ({@link #rank}), as {@code
     * decision-open} holds an Approved spec and every later one to its decisions. None where a move
     * is held to no gate ({@link #ungated}: a draft-like status, an exit, a retirement, whatever
     * was gated before it) and for a value that is no status. The one reading of where a gate
     * holds: the gate of a move there ({@code status}, {@code approve}, MCP's {@code set_status})
     * and {@code gate-open} ask it.
     */
    public List<String> gatedAt(String status) {
        requireNonNull(status, "status must not be null");
        if (checklistGates.isEmpty()) {
            return List.of();
        }
        Optional<String> known = status(status);
        if (known.isEmpty() || ungated(known.get()).isPresent()) {
            return List.of();
        }
        int rank = rank(known.get());
        List<String> held = new ArrayList<>();
        for (String gated : checklistGates.keySet()) {
            if (ungated(gated).isEmpty() && status(gated).isPresent() && rank(gated) <= rank) {
                held.add(gated);
            }
        }
        return List.copyOf(held);
    }

    /**
     * This schema with the checklists that gate moves ({@code gates:}), each status as the template
     * spells it.
     *
     * @throws IllegalArgumentException when a key is not one of this template's statuses or a title
     *     not the heading of one of its sections
     */
    public TemplateSchema withChecklistGates(Map<String, List<String>> gates) {
        for (Map.Entry<String, List<String>> g : gates.entrySet()) {
            if (!statuses().contains(g.getKey())) {
                throw new IllegalArgumentException(
                        "'" + g.getKey() + "' is not a status of " + name);
            }
            for (String t : g.getValue()) {
                if (sectionsWithKey(HeadingKey.of(t)).isEmpty()) {
                    throw new IllegalArgumentException("'" + t + "' is not a section of " + name);
                }
            }
        }
        return shaped(shaping().checklistGates(gates));
    }

    /**
     * This schema with the checklists a project names as worked after approval ({@code
     * working-checklists:}).
     *
     * @throws IllegalArgumentException when a title is not the heading of one of this template's
     *     sections
     */
    public TemplateSchema withWorkingChecklists(List<String> titles) {
        for (String t : titles) {
            if (sectionsWithKey(HeadingKey.of(t)).isEmpty()) {
                throw new IllegalArgumentException("'" + t + "' is not a section of " + name);
            }
        }
        return shaped(shaping().workingChecklists(titles));
    }

    /**
     * The lifecycle statuses in order: the configured {@code lifecycle: order}, else the {@link
     * #statusField()}'s alternatives.
     */
    public List<String> statuses() {
        List<String> known = statuses;
        if (known == null) {
            // found once: the checker reads every spec's status against them, and the field's
            // look-up compares the label with each of the template's
            known =
                    !lifecycle.order().isEmpty()
                            ? lifecycle.order()
                            : field(statusField()).map(FieldSpec::allowedValues).orElse(List.of());
            statuses = known;
        }
        return known;
    }

    /** {@link #statuses()}, once found: derived from immutable fields, a race finds it twice. */
    private volatile List<String> statuses;

    /**
     * The statuses held as drafts (placeholders and empty sections are warnings): the configured
     * {@code lifecycle: draft}, else the first status.
     */
    public List<String> draftStatuses() {
        if (!lifecycle.draft().isEmpty()) {
            return lifecycle.draft();
        }
        List<String> all = statuses();
        return all.isEmpty() ? List.of() : List.of(all.get(0));
    }

    /**
     * The statuses that end a proposal without taking it forward ({@code rejected}, {@code
     * withdrawn}): the configured {@code lifecycle: exits}, else each status outside the built-in
     * lifecycle whose first word is one of {@link Lifecycle#EXIT_WORDS}; never a draft-like status.
     */
    public List<String> exitStatuses() {
        return places().exits();
    }

    /**
     * The statuses that retire a decision already taken forward ({@code deprecated}, {@code
     * superseded by ADR-NNNN}): outside the built-in lifecycle, each status that is neither a draft
     * nor an exit and whose first word is one of {@link Lifecycle#RETIREMENT_WORDS}.
     */
    public List<String> retiredStatuses() {
        return places().retired();
    }

    private static String firstWord(String status) {
        return status.strip().split("[^\\p{L}]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /**
     * A status's place in the lifecycle ({@code status} as {@link #statuses()} spells it, any
     * case): 0 for a draft-like status, -1 for an exit, else its place among the other statuses in
     * order, from 1; -1 too for a value that is not a status.
     */
    public int rank(String status) {
        requireNonNull(status, "status must not be null");
        return places().ranks().getOrDefault(status.toLowerCase(Locale.ROOT), -1);
    }

    /**
     * The statuses' places, worked out once per schema (rules ask for them for every section of
     * every spec): the exits, the retirements, and each status's {@link #rank(String)} by its
     * lowercase spelling.
     */
    private record Places(List<String> exits, List<String> retired, Map<String, Integer> ranks) {}

    /** Derived from the immutable statuses and lifecycle; a race computes the same value twice. */
    private volatile Places places;

    private Places places() {
        Places known = places;
        if (known == null) {
            known = computePlaces();
            places = known;
        }
        return known;
    }

    private Places computePlaces() {
        List<String> all = statuses();
        List<String> drafts = draftStatuses();
        boolean builtin = isBuiltinLifecycle(all);
        List<String> exits = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (String d : drafts) {
            ranks.put(d.toLowerCase(Locale.ROOT), 0);
        }
        int rank = 0;
        for (String s : all) {
            if (drafts.stream().anyMatch(s::equalsIgnoreCase)) {
                continue;
            }
            boolean exit =
                    !builtin
                            && (lifecycle.exits().isPresent()
                                    ? lifecycle.exits().get().stream().anyMatch(s::equalsIgnoreCase)
                                    : Lifecycle.EXIT_WORDS.contains(firstWord(s)));
            if (exit) {
                exits.add(s);
                ranks.putIfAbsent(s.toLowerCase(Locale.ROOT), -1);
                continue;
            }
            if (!builtin && Lifecycle.RETIREMENT_WORDS.contains(firstWord(s))) {
                retired.add(s);
            }
            rank++;
            ranks.putIfAbsent(s.toLowerCase(Locale.ROOT), rank);
        }
        return new Places(List.copyOf(exits), List.copyOf(retired), Map.copyOf(ranks));
    }

    /**
     * Whether a status as written ends with a number placeholder ({@code superseded by ADR-NNNN},
     * {@code SE-XXXX}): the template's example, which a spec must not take as it stands.
     */
    public static boolean endsWithNumberPlaceholder(String status) {
        return StatusNames.endsWithNumberPlaceholder(status);
    }

    /**
     * Whether {@code value} (plain, as {@code FieldValues.plain} gives it) is a value {@code spec},
     * a choice field of this template, accepts: one of its choices ({@link FieldSpec#allows}: with
     * a detail in parentheses where the template lists them in braces, {@code Implemented (5.9)};
     * any value of an open field), or, in the status field a project's {@code lifecycle: order}
     * shapes, one of its statuses as {@code status} reads them ({@link #status(String)}). The one
     * reading {@code field-value} judges a value by and the editor offers values in place of one
     * by: a value this accepts has no quick fix.
     */
    public boolean acceptsChoice(FieldSpec spec, String value) {
        return spec.allows(value)
                || (!lifecycle().order().isEmpty()
                        && spec.label().equalsIgnoreCase(statusField())
                        && status(value).isPresent());
    }

    /**
     * The canonical spelling of a status, if {@code value} is one (case-insensitive). Outside the
     * built-in lifecycle, a value that starts with a status and then a word break is that status
     * ({@code Implemented (Swift 5.9)}, {@code superseded by ADR-0005}), as is one that follows an
     * alternative's example ({@code superseded by ADR-0123}).
     */
    public Optional<String> status(String value) {
        List<String> all = statuses();
        String v = value.trim();
        for (String s : all) {
            if (s.equalsIgnoreCase(v)) {
                return Optional.of(s);
            }
        }
        if (isBuiltinLifecycle(all)) {
            return Optional.empty();
        }
        String best = null;
        for (String s : all) {
            if ((StatusNames.startsWithName(s, v) || StatusNames.followsExample(s, v))
                    && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code statuses} are {@link #BUILTIN_STATUSES}, in any case, in that order. */
    private static boolean isBuiltinLifecycle(List<String> statuses) {
        if (statuses.size() != BUILTIN_STATUSES.size()) {
            return false;
        }
        for (int i = 0; i < statuses.size(); i++) {
            if (!statuses.get(i).equalsIgnoreCase(BUILTIN_STATUSES.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A lowercase, stable description for messages and {@code template show}. */
    @Override
    public String toString() {
        return "TemplateSchema["
                + name.toLowerCase(Locale.ROOT)
                + ", "
                + sections.size()
                + " sections, "
                + fields.size()
                + " fields]";
    }
}
