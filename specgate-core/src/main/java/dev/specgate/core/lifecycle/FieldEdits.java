package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.IsoDates;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sets one metadata field of a spec (its Reviewer, Next Review, Type, a team template's own
 * fields), written as the spec writes its fields: a bold line, a leading list's item or a front
 * matter key. The one edit {@code specgate field} and the MCP tool {@code set_field} make, refused
 * in one line for the status field (which {@code status} moves through its gates), the approval
 * field (which {@code approve} writes), a name the template has no field for, and a value the field
 * cannot hold. A front matter YAML list ({@code labels: [api, web]}, or one {@code - item} a line)
 * is set as a list, written as the spec writes it, each item checked as check checks it. A field
 * the template has and the spec lacks is added next to the template's field before it (or after it)
 * that the spec has, in the same form. Whether an agent may make the change ({@link
 * #personsDecision}) is asked here too, so the MCP server and the language server answer alike.
 * Nothing else of the file changes: the edit is a {@link SpecEdit} of the spec as read, written by
 * the caller through {@code SpecFileWriter}.
 */
public final class FieldEdits {

    /** What {@link #set} or {@link #read} answers: a refusal or the field. */
    public sealed interface Outcome permits Refused, Change, Reading {}

    /**
     * A refusal, in one line; the file is to stay as it is.
     *
     * @param reason why, and what to do instead
     * @param bySpec whether the spec as written refuses it (a field kept in a metadata file, a
     *     value over several lines, nowhere to add the field), rather than the name or value given
     */
    public record Refused(String reason, boolean bySpec) implements Outcome {

        /** A refusal of the name or value given. */
        public Refused(String reason) {
            this(reason, false);
        }
    }

    /**
     * A field's value as the spec writes it.
     *
     * @param label the template's label of the field
     * @param values a front matter YAML list's items as YAML reads them; else the one plain value,
     *     or none when the spec lacks the field
     * @param list whether the spec writes the field as a YAML list
     */
    public record Reading(String label, List<String> values, boolean list) implements Outcome {

        public Reading {
            requireNonNull(label, "label must not be null");
            values = List.copyOf(values);
            if (!list && values.size() > 1) {
                throw new IllegalArgumentException(
                        "a field that is no list has one value, found " + values.size());
            }
        }

        /**
         * Its value as check names it (a YAML list's items joined with {@code ", "}), empty when
         * the spec lacks the field.
         */
        public Optional<String> value() {
            return list ? Optional.of(String.join(", ", values)) : values.stream().findFirst();
        }
    }

    /**
     * The edit that sets a field.
     *
     * @param label the template's label of the field
     * @param values the items written when the field is a YAML list, else the one value written (a
     *     Type or choice in the template's spelling)
     * @param valuesBefore the items before (the one value before, of a field that was no list),
     *     empty when the spec lacked the field
     * @param edit the edit of the spec as read (the identity when the value is already there)
     * @param added whether the field's line is new
     * @param approved whether the field is part of the content an approval binds (its fingerprint):
     *     a Reviewer is, a Next Review is not
     * @param approvalNote when the spec's approval held and the change makes it stale: which
     *     approval, and what a person does about it
     * @param list whether the field is written as a YAML list
     */
    public record Change(
            String label,
            List<String> values,
            List<String> valuesBefore,
            SpecEdit edit,
            boolean added,
            boolean approved,
            Optional<String> approvalNote,
            boolean list)
            implements Outcome {

        public Change {
            requireNonNull(label, "label must not be null");
            values = List.copyOf(values);
            valuesBefore = List.copyOf(valuesBefore);
            requireNonNull(edit, "edit must not be null");
            requireNonNull(approvalNote, "approvalNote must not be null");
            if (!list && (values.size() != 1 || valuesBefore.size() > 1)) {
                throw new IllegalArgumentException(
                        "a field that is no list is set to one value from at most one, found "
                                + values
                                + " from "
                                + valuesBefore);
            }
            if (added && !valuesBefore.isEmpty()) {
                throw new IllegalArgumentException("an added field had no value before");
            }
        }

        /** A change of one value, not a list; {@code before} empty when the field is added. */
        Change(
                String label,
                Optional<String> before,
                String value,
                SpecEdit edit,
                boolean approved,
                Optional<String> approvalNote) {
            this(
                    label,
                    List.of(value),
                    before.map(List::of).orElse(List.of()),
                    edit,
                    before.isEmpty(),
                    approved,
                    approvalNote,
                    false);
        }

        /** The value written as check names it: a YAML list's items joined with {@code ", "}. */
        public String value() {
            return String.join(", ", values);
        }

        /** The value before, as {@link #value()} names it; empty when the spec lacked the field. */
        public Optional<String> before() {
            return added ? Optional.empty() : Optional.of(String.join(", ", valuesBefore));
        }

        /** Whether the edit changes the file. */
        public boolean changed() {
            return !edit.isIdentity();
        }

        /**
         * The value as a message says it: a YAML list's items in brackets ({@code [api, web]}), as
         * check names them; the one value as it is.
         */
        public String shown() {
            return list ? "[" + value() + "]" : value();
        }

        /**
         * What the change does, as {@code specgate field}, the editor's {@code specgate.setField}
         * and the agents' {@code set_field} say it: {@code Set Labels of SPEC to [api] (was [api,
         * web]).}, without {@code of SPEC} when {@code spec} is empty; {@code (added).} for a field
         * the spec lacked. The approval note is the caller's to add, with its path.
         */
        public String said(Optional<String> spec) {
            return "Set "
                    + label
                    + spec.map(s -> " of " + s).orElse("")
                    + " to "
                    + shown()
                    + before().map(b -> " (was " + (list ? "[" + b + "]" : b) + ").")
                            .orElse(" (added).");
        }

        /**
         * What a change that changes nothing says: {@code Labels is already [api]; nothing
         * changed}.
         */
        public String saidUnchanged() {
            return label + " is already " + shown() + "; nothing changed";
        }
    }

    /**
     * How the surface says the commands the refusals point to.
     *
     * @param status how the status is moved ({@code specgate status SPEC TARGET}, {@code
     *     set_status})
     * @param approve what records an approval ({@code specgate approve SPEC})
     */
    public record Words(String status, String approve) {
        public Words {
            requireNonNull(status, "status must not be null");
            requireNonNull(approve, "approve must not be null");
        }
    }

    private final SpecChecker checker;

    /**
     * The template parsed, on the first front matter field set: {@link #writesList} asks it of
     * every set, and the editor's field actions set one field once per value offered. Immutable
     * once made; a race parses it twice to the same document.
     */
    private volatile SpecDocument template;

    private final String statusField;
    private final Approvals approvals;
    private final Function<SpecDocument, Optional<SpecStatus>> status;

    /** How a spec is read back after an edit, as check reads it. */
    private final BiFunction<Path, String, SpecDocument> parser;

    FieldEdits(
            SpecChecker checker,
            String statusField,
            Function<SpecDocument, Optional<SpecStatus>> status) {
        this(checker, statusField, status, checker::parse);
    }

    /** As above, the spec read back after an edit by {@code parser} (a test counts them). */
    FieldEdits(
            SpecChecker checker,
            String statusField,
            Function<SpecDocument, Optional<SpecStatus>> status,
            BiFunction<Path, String, SpecDocument> parser) {
        this.checker = requireNonNull(checker, "checker must not be null");
        this.statusField = requireNonNull(statusField, "statusField must not be null");
        this.approvals = checker.approvals();
        this.status = requireNonNull(status, "status must not be null");
        this.parser = requireNonNull(parser, "parser must not be null");
    }

    private TemplateSchema schema() {
        return checker.schema();
    }

    /**
     * The fields a spec of this template has, by label, in template order (the approval's last).
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (FieldSpec f : schema().fields()) {
            if (names.stream().noneMatch(f.label()::equalsIgnoreCase)) {
                names.add(f.label());
            }
        }
        if (Approvals.appliesTo(schema())
                && names.stream().noneMatch(approvals.field()::equalsIgnoreCase)) {
            names.add(approvals.field());
        }
        return List.copyOf(names);
    }

    /**
     * The field {@code name} names (any case), or why none: a {@link Reading} or {@link Refused}.
     */
    public Outcome read(SpecDocument document, String name) {
        requireNonNull(document, "document must not be null");
        Optional<String> label = label(name);
        if (label.isEmpty()) {
            return new Refused(unknown(name, ""));
        }
        Optional<Field> field = document.metadata(label.get());
        Optional<List<String>> list = field.flatMap(f -> listItems(document, f));
        if (list.isPresent()) {
            return new Reading(label.get(), list.get(), true);
        }
        return new Reading(
                label.get(),
                field.map(f -> List.of(FieldValues.plain(f.value()).strip())).orElse(List.of()),
                false);
    }

    /**
     * The edit that sets the field {@code name} (any case) of the spec read as {@code source},
     * parsed into {@code document}, to {@code value}, or why it is refused ({@link Refused}; the
     * file is then to stay as it is).
     */
    public Outcome set(
            Path file,
            SpecSource source,
            SpecDocument document,
            String name,
            String value,
            Words words) {
        requireNonNull(value, "value must not be null");
        return set(file, source, document, name, List.of(value), words, Optional.empty());
    }

    /**
     * The edit that sets the field {@code name} (any case) to {@code values}: a front matter YAML
     * list's items (written as the spec writes the list, flow {@code [a, b]} or one {@code - a} a
     * line; as a flow list where the spec lacks the field or writes one value and the template
     * writes a list), each checked as check checks a list's items, or the one value of any other
     * field; or why it is refused ({@link Refused}; the file is then to stay as it is).
     */
    public Outcome set(
            Path file,
            SpecSource source,
            SpecDocument document,
            String name,
            List<String> values,
            Words words) {
        return set(file, source, document, name, values, words, Optional.empty());
    }

    /**
     * What {@link #set(Path, SpecSource, SpecDocument, String, String, Words)} answers for each of
     * {@code values} in turn (the field set to that one value, each an edit of the spec as read),
     * in their order: the values an editor offers for one field. The spec with the first value set
     * is read back as check reads it, and that reading stands for each other value made of the same
     * kind of characters (words of letters and digits), which edits the same line in the same way:
     * one parse for a field's choices, not one a value.
     */
    public List<Outcome> setEach(
            Path file,
            SpecSource source,
            SpecDocument document,
            String name,
            List<String> values,
            Words words) {
        requireNonNull(values, "values must not be null");
        List<Outcome> out = new ArrayList<>();
        Optional<Change> readBack = Optional.empty();
        for (String value : values) {
            requireNonNull(value, "a value must not be null");
            Outcome o = set(file, source, document, name, List.of(value), words, readBack);
            if (readBack.isEmpty()
                    && o instanceof Change c
                    && c.changed()
                    && !c.list()
                    && readsAlike(c.value())) {
                readBack = Optional.of(c);
            }
            out.add(o);
        }
        return out;
    }

    /**
     * As {@link #set(Path, SpecSource, SpecDocument, String, List, Words)}; {@code readBack}, a
     * change of the same field to one value of words ({@link #readsAlike}) read back already: its
     * reading stands for a value of words, which is not parsed again.
     */
    private Outcome set(
            Path file,
            SpecSource source,
            SpecDocument document,
            String name,
            List<String> values,
            Words words,
            Optional<Change> readBack) {
        requireNonNull(source, "source must not be null");
        requireNonNull(document, "document must not be null");
        requireNonNull(values, "values must not be null");
        requireNonNull(words, "words must not be null");
        Optional<String> found = label(name);
        if (found.isEmpty()) {
            return new Refused(unknown(name, " (the file is unchanged)"));
        }
        String label = found.get();
        if (label.equalsIgnoreCase(statusField)) {
            return new Refused(
                    "'"
                            + label
                            + "' is the spec's status: move it with "
                            + words.status()
                            + ", which runs its gate; the file is unchanged");
        }
        if (label.equalsIgnoreCase(approvals.field())) {
            return new Refused(
                    "'"
                            + label
                            + "' holds the approval record, which "
                            + words.approve()
                            + " writes, bound to the content approved; the file is unchanged");
        }
        Optional<FieldSpec> spec = schema().field(label);
        Optional<Field> written = document.metadata(label);
        FieldForm form = written.map(Field::form).or(() -> spec.map(FieldSpec::form)).orElseThrow();
        if (form == FieldForm.SIDECAR) {
            return new Refused(
                    "the spec's '"
                            + label
                            + "' is kept in the metadata file beside it, which Specgate does not"
                            + " write: change it there; the file is unchanged",
                    true);
        }
        Optional<FrontMatter.Entry> listed =
                written.flatMap(f -> entry(document, f)).filter(FieldEdits::isYamlList);
        boolean templateList = form == FieldForm.FRONT_MATTER && writesList(spec.orElseThrow());
        if (listed.isPresent() || (templateList && (written.isEmpty() || values.size() > 1))) {
            return setList(file, source, document, spec.get(), written, listed, values);
        }
        if (values.size() != 1) {
            return new Refused(
                    values.isEmpty()
                            ? "give '" + label + "' a value; the file is unchanged"
                            : "'"
                                    + label
                                    + "' holds one value, not a list: give one value (quote a"
                                    + " value with spaces); the file is unchanged");
        }
        String v = values.get(0).strip();
        Optional<String> problem = valueProblem(spec.orElseThrow(), form, v);
        if (problem.isPresent()) {
            return new Refused(problem.get() + "; the file is unchanged");
        }
        String shown = spelled(spec.get(), v);
        Optional<String> before = written.map(f -> FieldValues.plain(f.value()).strip());
        SpecEdit edit;
        if (written.isPresent()) {
            Field f = written.get();
            if (before.get().equals(shown)) {
                return new Change(
                        label, before, shown, source.edit(), approved(label), Optional.empty());
            }
            if (!oneLine(f)) {
                return severalLines(f);
            }
            edit = valueEdit(source, f, shown);
        } else {
            Optional<SpecEdit> inserted = insertion(source, document, spec.get(), shown, false);
            if (inserted.isEmpty()) {
                return nowhere(spec.get(), spec.get().markdown() + " " + shown);
            }
            edit = inserted.get();
        }
        Optional<Change> alike = readBack.filter(c -> c.label().equals(label) && readsAlike(shown));
        if (alike.isPresent()) {
            // the same line edited the same way, words for words: it reads back as that one did,
            // and changes the approved content (or leaves it) as that one did
            return new Change(
                    label, before, shown, edit, approved(label), alike.get().approvalNote());
        }
        // read back as check will read it: the field holds the value, nothing else moved
        Optional<SpecDocument> after =
                readBack(
                        file,
                        document,
                        edit,
                        label,
                        written.isEmpty(),
                        (doc, now) -> FieldValues.plain(now.value()).strip().equals(shown));
        if (after.isEmpty()) {
            return new Refused(
                    "'"
                            + shown
                            + "' would not read back as the value of '"
                            + label
                            + "' (Markdown or YAML in it?): write it by hand; the file is"
                            + " unchanged");
        }
        return new Change(
                label,
                before,
                shown,
                edit,
                approved(label),
                staleNote(source, document, edit, after.get(), label));
    }

    /**
     * Whether a value is words of letters and digits, one space between them, that YAML reads plain
     * as a string: every such value set in a field's place reads back as any other does (no
     * Markdown or YAML mark in it, nothing YAML reads as a null, boolean or number).
     */
    private static boolean readsAlike(String value) {
        return WORDS.matcher(value).matches() && plainYaml(value);
    }

    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]+(?: [\\p{L}\\p{N}]+)*");

    /**
     * The spec as check will read it after {@code edit}, when the field {@code label} reads back as
     * {@code holds} says and nothing else moved (the status as it was, one field more only when the
     * edit adds it); empty when not.
     */
    private Optional<SpecDocument> readBack(
            Path file,
            SpecDocument document,
            SpecEdit edit,
            String label,
            boolean adds,
            BiPredicate<SpecDocument, Field> holds) {
        SpecDocument after = parser.apply(file, edit.text());
        Optional<Field> now = after.metadata(label);
        if (now.isEmpty()
                || !holds.test(after, now.get())
                || !sameStatus(document, after)
                || after.fields().size() != document.fields().size() + (adds ? 1 : 0)) {
            return Optional.empty();
        }
        return Optional.of(after);
    }

    /** The refusal of a field whose value the spec writes over several lines. */
    private static Refused severalLines(Field f) {
        return new Refused(
                "the spec's '"
                        + f.form().markdown(f.label())
                        + "' value spans several lines: write it on one line to set it;"
                        + " the file is unchanged",
                true);
    }

    /**
     * The refusal of a field the spec lacks and has no neighbour for: {@code line}, the field's
     * line as it would be written.
     */
    private static Refused nowhere(FieldSpec spec, String line) {
        return new Refused(
                "the spec has no '"
                        + spec.markdown()
                        + "' field, nor another of the template's fields next to where the"
                        + " template has it: add '"
                        + line
                        + "' there; the file is unchanged",
                true);
    }

    /**
     * The items of {@code field} of {@code document} when the spec writes it as a front matter YAML
     * list ({@code labels: [api, web]}, {@code reviewers: []}, one {@code - item} a line), as YAML
     * reads them; empty for any other field. The one reading of a list field, which {@code specgate
     * field}, the MCP tools {@code set_field} and {@code get_spec} share.
     */
    public static Optional<List<String>> listItems(SpecDocument document, Field field) {
        requireNonNull(document, "document must not be null");
        requireNonNull(field, "field must not be null");
        return entry(document, field).filter(FieldEdits::isYamlList).map(FrontMatter.Entry::items);
    }

    /** The front matter key that writes {@code f}, if {@code f} is one. */
    private static Optional<FrontMatter.Entry> entry(SpecDocument document, Field f) {
        if (f.form() != FieldForm.FRONT_MATTER) {
            return Optional.empty();
        }
        return document.frontMatter().stream()
                .flatMap(fm -> fm.entries().stream())
                .filter(e -> e.field().labelRange().equals(f.labelRange()))
                .findFirst();
    }

    /**
     * Whether a front matter key is a YAML list ({@code labels: [api, web]}, {@code reviewers: []},
     * one {@code - item} a line): one value set in its place would turn the list into one string,
     * which YAML tools reading the front matter no longer read as a list.
     */
    private static boolean isYamlList(FrontMatter.Entry e) {
        return !e.items().isEmpty()
                || (e.field().value().strip().startsWith("[") && e.scalar().isEmpty());
    }

    private SpecDocument template() {
        SpecDocument parsed = template;
        if (parsed == null) {
            parsed = checker.parse(Path.of("template.md"), schema().source());
            template = parsed;
        }
        return parsed;
    }

    /**
     * Whether the template writes {@code field} as a front matter YAML list ({@code labels: [api,
     * web, mobile]}, {@code reviewers:} one {@code - "[First reviewer]"} a line), as YAML reads the
     * template: a quoted {@code "[Owner name]"} is one value.
     */
    private boolean writesList(FieldSpec field) {
        if (field.form() != FieldForm.FRONT_MATTER) {
            return false;
        }
        SpecDocument template = template();
        return template.metadata(field.label())
                .flatMap(f -> entry(template, f))
                .filter(FieldEdits::isYamlList)
                .isPresent();
    }

    /**
     * The edit that sets a front matter YAML list to {@code values}: in its own form (a flow list
     * on its line, one {@code - item} a line with the first item's indent), a flow list where the
     * spec writes one value or none; each item plain where YAML reads it so, else quoted.
     */
    private Outcome setList(
            Path file,
            SpecSource source,
            SpecDocument document,
            FieldSpec spec,
            Optional<Field> written,
            Optional<FrontMatter.Entry> listed,
            List<String> values) {
        String label = spec.label();
        if (values.isEmpty()) {
            return new Refused("give '" + label + "' at least one value; the file is unchanged");
        }
        List<String> items = new ArrayList<>();
        for (String raw : values) {
            String v = raw.strip();
            Optional<String> problem = valueProblem(spec, FieldForm.FRONT_MATTER, v);
            if (problem.isPresent()) {
                return new Refused(problem.get() + "; the file is unchanged");
            }
            items.add(spelled(spec, v));
        }
        List<String> before =
                listed.map(FrontMatter.Entry::items)
                        .or(() -> written.map(f -> List.of(FieldValues.plain(f.value()).strip())))
                        .orElse(List.of());
        if (listed.isPresent() && before.equals(items)) {
            return new Change(
                    label,
                    items,
                    before,
                    source.edit(),
                    false,
                    approved(label),
                    Optional.empty(),
                    true);
        }
        boolean block = listed.filter(e -> !e.field().value().strip().startsWith("[")).isPresent();
        SpecEdit edit;
        if (written.isPresent()) {
            Field f = written.get();
            if (block) {
                Optional<SpecEdit> lines = blockEdit(source, f, listed.get(), items);
                if (lines.isEmpty()) {
                    return new Refused(
                            "the spec's '"
                                    + label
                                    + "' list is not one '- item' a line (an item over several"
                                    + " lines, a comment or a nested value): edit it by hand; the"
                                    + " file is unchanged",
                            true);
                }
                edit = lines.get();
            } else if (!oneLine(f)) {
                return severalLines(f);
            } else if (listed.isPresent()) {
                edit =
                        source.edit()
                                .replace(
                                        source.startOffset(f.valueRange()),
                                        source.endOffset(f.valueRange()),
                                        flow(items));
            } else {
                int line = f.labelRange().startLine();
                int colon =
                        source.text().indexOf(':', source.offset(line, f.labelRange().endColumn()));
                edit = source.edit().replace(colon + 1, source.lineEnd(line), " " + flow(items));
            }
        } else {
            Optional<SpecEdit> inserted = insertion(source, document, spec, flow(items), true);
            if (inserted.isEmpty()) {
                return nowhere(spec, label + ": " + flow(items));
            }
            edit = inserted.get();
        }
        Optional<SpecDocument> after =
                readBack(
                        file,
                        document,
                        edit,
                        label,
                        written.isEmpty(),
                        (doc, now) ->
                                entry(doc, now)
                                        .filter(FieldEdits::isYamlList)
                                        .filter(e -> e.items().equals(items))
                                        .isPresent());
        if (after.isEmpty()) {
            return new Refused(
                    "["
                            + String.join(", ", items)
                            + "] would not read back as the items of '"
                            + label
                            + "' (YAML in them?): write them by hand; the file is unchanged");
        }
        return new Change(
                label,
                items,
                before,
                edit,
                written.isEmpty(),
                approved(label),
                staleNote(source, document, edit, after.get(), label),
                true);
    }

    /** Whether a field's label and value stand on one line. */
    private static boolean oneLine(Field f) {
        return f.valueRange().startLine() == f.valueRange().endLine()
                && f.labelRange().startLine() == f.valueRange().startLine();
    }

    /** {@code items} as a YAML flow list: {@code [api, "a, b"]}. */
    private static String flow(List<String> items) {
        List<String> written = new ArrayList<>();
        for (String item : items) {
            written.add(
                    plainYaml(item) && item.indexOf(',') < 0 ? item : Approvals.yamlScalar(item));
        }
        return "[" + String.join(", ", written) + "]";
    }

    /**
     * The lines of a block list ({@code - item} one a line) replaced by one line per item, each
     * with the first item's indent and dash; empty when the list is not one plain item a line.
     */
    private static Optional<SpecEdit> blockEdit(
            SpecSource source, Field f, FrontMatter.Entry entry, List<String> items) {
        int first = f.valueRange().startLine();
        int last = f.valueRange().endLine();
        if (last - first + 1 != entry.items().size()) {
            return Optional.empty();
        }
        String text = source.text();
        for (int line = first; line <= last; line++) {
            String l = text.substring(source.lineStart(line), source.lineEnd(line)).strip();
            if (!l.startsWith("- ") || l.contains(" #")) {
                return Optional.empty();
            }
        }
        String line = text.substring(source.lineStart(first), source.lineEnd(first));
        int dash = line.indexOf('-');
        int itemAt = dash + 1;
        while (itemAt < line.length() && line.charAt(itemAt) == ' ') {
            itemAt++;
        }
        String lead = line.substring(0, itemAt);
        String lineBreak = source.lineBreak(first);
        List<String> lines = new ArrayList<>();
        for (String item : items) {
            lines.add(lead + (plainYaml(item) ? item : Approvals.yamlScalar(item)));
        }
        return Optional.of(
                source.edit()
                        .replace(
                                source.lineStart(first),
                                source.lineEnd(last),
                                String.join(lineBreak, lines)));
    }

    /** {@code value} in the template's spelling (a Type, or a choice), else as given. */
    private String spelled(FieldSpec spec, String value) {
        return spec.label().equalsIgnoreCase(TemplateSchema.TYPE_FIELD)
                ? schema().type(value).orElse(value)
                : spec.allowedValues().stream()
                        .filter(value::equalsIgnoreCase)
                        .findFirst()
                        .orElse(value);
    }

    /**
     * Why setting the field is a person's decision, when it is: the change touches the content an
     * approval binds (a Reviewer, not a Next Review) of a spec whose status holds approved content
     * (Approved, Implementation, or a template's own statuses of that strictness). The MCP tool
     * {@code set_field} refuses it unless the project allows agents to approve, and the language
     * server's field actions are shown disabled with it; {@code specgate field}, a person's own
     * command, does not ask (it says the approval goes stale). {@code spec} is the spec as the
     * surface names it, {@code byHand} how a person makes the change there.
     */
    public Optional<String> personsDecision(
            Change change, SpecDocument document, String spec, String byHand) {
        requireNonNull(change, "change must not be null");
        requireNonNull(document, "document must not be null");
        Optional<SpecStatus> now = status.apply(document);
        if (!change.changed()
                || !change.approved()
                || now.filter(SpecStatus::holdsApprovedContent).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "cannot set '"
                        + change.label()
                        + "' of "
                        + spec
                        + ": it is "
                        + now.get().spelling()
                        + ", and '"
                        + change.label()
                        + "' is part of the approved content, whose change is a person's"
                        + " decision ("
                        + byHand
                        + ")");
    }

    /** Whether the field is part of the content an approval binds. */
    private boolean approved(String label) {
        return approvals.excludedFields().stream().noneMatch(label::equalsIgnoreCase);
    }

    /** The template's label {@code name} names, ignoring case and surrounding space. */
    private Optional<String> label(String name) {
        requireNonNull(name, "name must not be null");
        String n = name.strip();
        return names().stream().filter(l -> Field.sameLabel(l, n)).findFirst();
    }

    /** {@code name} is no field of the template; {@code unchanged}, what a refused set adds. */
    private String unknown(String name, String unchanged) {
        List<String> names = names();
        return "'"
                + name.strip()
                + "' is not a field of the template"
                + unchanged
                + ": its fields are "
                + String.join(", ", names)
                + EditDistance.nearestValue(name.strip(), names)
                        .map(EditDistance::didYouMean)
                        .orElse("");
    }

    /** Why {@code value} cannot stand in {@code field} written in {@code form}, if it cannot. */
    private Optional<String> valueProblem(FieldSpec field, FieldForm form, String value) {
        String label = field.label();
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("the value of '" + label + "' must be one line, found a line break");
        }
        if (value.isEmpty()) {
            return Optional.of("give '" + label + "' a value (an empty one is not set)");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(
                    "the value of '" + label + "' must be one line without control characters");
        }
        if (form != FieldForm.FRONT_MATTER && value.contains("**")) {
            return Optional.of(
                    "'"
                            + value
                            + "' holds '**', which check would read as a field's bold label"
                            + " ('**Note:**'): write the value without it");
        }
        if (value.contains("<!--") || value.contains("-->")) {
            return Optional.of(
                    "'" + value + "' holds an HTML comment mark, which would hide the line");
        }
        if (schema().isPlaceholderValue(value)) {
            return Optional.of(
                    "'"
                            + value
                            + "' would be read as a placeholder left in: give '"
                            + label
                            + "' its real value");
        }
        if (field.kind() == FieldKind.DATE && IsoDates.parse(value).isEmpty()) {
            return Optional.of(
                    "'" + value + "' is not a date for '" + label + "': write it as YYYY-MM-DD");
        }
        if (field.kind() == FieldKind.CHOICE && label.equalsIgnoreCase(TemplateSchema.TYPE_FIELD)) {
            return schema().typeRefusal(value);
        }
        if (field.kind() == FieldKind.CHOICE
                && !field.allowedValues().isEmpty()
                && !field.allows(value)) {
            return Optional.of(
                    "'"
                            + value
                            + "' is not a value of '"
                            + label
                            + "': use one of "
                            + String.join(", ", field.allowedValues())
                            + EditDistance.didYouMeanValue(value, field.allowedValues()));
        }
        return Optional.empty();
    }

    /** The edit of a field the spec writes on one line. */
    private static SpecEdit valueEdit(SpecSource source, Field f, String value) {
        if (f.form() != FieldForm.FRONT_MATTER || plainYaml(value)) {
            // quotes, emphasis and code marks around the old value kept
            return source.edit().fieldValue(f, value);
        }
        // the whole value after the key's colon, quoted so that YAML reads it back as written
        int line = f.labelRange().startLine();
        int labelEnd = source.offset(line, f.labelRange().endColumn());
        int colon = source.text().indexOf(':', labelEnd);
        return source.edit()
                .replace(colon + 1, source.lineEnd(line), " " + Approvals.yamlScalar(value));
    }

    /**
     * What YAML reads written plain as no string: a null or a boolean (YAML 1.1's words too, as
     * many front matter readers speak it). A number is any value starting with a digit.
     */
    private static final Pattern NOT_A_STRING =
            Pattern.compile("null|true|false|yes|no|on|off|y|n", Pattern.CASE_INSENSITIVE);

    /**
     * Whether YAML reads {@code value} written plain, or inside the quotes a value has, as itself:
     * letters, digits, spaces and a few marks that start and mean nothing, and not a null, a
     * boolean or a number ({@code owner: null} would read as no owner, {@code 123} as a number); an
     * ISO date stays plain, as a date key writes it.
     */
    private static boolean plainYaml(String value) {
        if (!Character.isLetterOrDigit(value.codePointAt(0))
                || NOT_A_STRING.matcher(value).matches()
                || (Character.isDigit(value.charAt(0)) && !IsoDates.looksLikeIsoDate(value))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c) && " .,-_/()".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The insertion of {@code field}'s line next to the nearest of the template's fields of the
     * same form and place (the header, or the closing fields) that the spec has: after the one
     * before it in the template, else before the one after it.
     */
    private Optional<SpecEdit> insertion(
            SpecSource source, SpecDocument document, FieldSpec field, String value, boolean yaml) {
        List<FieldSpec> fields = schema().fields();
        int at = fields.indexOf(field);
        for (int i = at - 1; i >= 0; i--) {
            // a front matter key after a YAML list over several lines goes after its last item
            Optional<Field> before =
                    neighbour(
                            document, field, fields.get(i), field.form() == FieldForm.FRONT_MATTER);
            if (before.isPresent()) {
                Field b = before.get();
                return Optional.of(
                        source.edit()
                                .insertLineAfter(
                                        b.valueRange().endLine(),
                                        Lifecycle.fieldLine(
                                                source, b, field.label(), value, yaml)));
            }
        }
        for (int i = at + 1; i < fields.size(); i++) {
            Optional<Field> after = neighbour(document, field, fields.get(i), false);
            if (after.isPresent()) {
                Field a = after.get();
                int line = a.labelRange().startLine();
                String lineBreak = source.lineBreak(line);
                return Optional.of(
                        source.edit()
                                .insert(
                                        source.lineStart(line),
                                        Lifecycle.fieldLine(source, a, field.label(), value, yaml)
                                                + lineBreak));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code other} as the spec writes it, when it can stand beside {@code field}: on one line,
     * unless {@code severalLines} (a front matter key, added after the last line of the value).
     */
    private static Optional<Field> neighbour(
            SpecDocument document, FieldSpec field, FieldSpec other, boolean severalLines) {
        if (other.form() != field.form() || other.inHeader() != field.inHeader()) {
            return Optional.empty();
        }
        return document.metadata(other.label())
                .filter(f -> f.form() == field.form())
                .filter(
                        f ->
                                severalLines
                                        || (f.labelRange().startLine() == f.valueRange().endLine()
                                                && f.valueRange().startLine()
                                                        == f.valueRange().endLine()));
    }

    private boolean sameStatus(SpecDocument before, SpecDocument after) {
        return before.metadata(statusField)
                .map(Field::value)
                .equals(after.metadata(statusField).map(Field::value));
    }

    /**
     * When the spec's approval held before the edit and does not after: the approval of DATE by
     * NAME and what a person does about it.
     */
    private Optional<String> staleNote(
            SpecSource source,
            SpecDocument document,
            SpecEdit edit,
            SpecDocument after,
            String label) {
        Optional<ApprovalRecord> record = approvals.record(source.text(), document);
        if (record.isEmpty() || !approvals.check(source.text(), document).valid()) {
            return Optional.empty();
        }
        ApprovalCheck now = approvals.check(edit.text(), after);
        if (now.valid()) {
            return Optional.empty();
        }
        Optional<SpecStatus> held = status.apply(document);
        // check reports approval-stale from Approved on; before it (a Review spec whose move back
        // kept its record) nothing reports it, and the move to Approved records a new approval
        String todo =
                held.filter(s -> !s.holdsApprovedContent())
                        .map(
                                s ->
                                        "the spec is "
                                                + s.spelling()
                                                + ", so check does not report it; its move to"
                                                + " Approved records a new approval")
                        .orElse(
                                "check reports approval-stale; a person re-approves with "
                                        + Approvals.REFRESH_COMMAND
                                        + " "
                                        + Approvals.refreshWord(source.file()));
        return Optional.of(
                "The approval of "
                        + record.get().date()
                        + " by "
                        + record.get().by()
                        + " no longer holds: '"
                        + label
                        + "' is part of the approved content ("
                        + todo
                        + ").");
    }
}
