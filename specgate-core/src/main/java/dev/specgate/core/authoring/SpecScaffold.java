package dev.specgate.core.authoring;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.FieldKind;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.FileNamePattern;
import dev.specgate.core.schema.Placeholders;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a new spec from a template: the title, the File, the date field (Created, else the
 * template's first date field, such as an ADR's Date), Type, status (the template's first status,
 * in its Document Status or Status field), Last Updated and the template's other dates of writing
 * ({@link TemplateSchema#writingDateFields}: {@code updated:}, {@code - Last reviewed:}) and
 * Assigned to values filled in where the template has them, a front matter list of values to choose
 * from written empty ({@code labels: []}), everything else exactly as the template has it. The
 * result has no errors under {@code check}, only the Draft warnings for what the author must still
 * write. Immutable and thread-safe.
 */
public final class SpecScaffold {

    /** The label of the field that names who implements the spec. */
    public static final String ASSIGNED_TO_FIELD = "Assigned to";

    private final TemplateSchema schema;
    private final SpecParser parser;

    public SpecScaffold(TemplateSchema schema) {
        this.schema = requireNonNull(schema, "schema must not be null");
        // the template read as its specs are: a leading Label: value list is its metadata
        this.parser = new SpecParser(schema.readsListMetadata());
    }

    /** A scaffold for the built-in template. */
    public static SpecScaffold standard() {
        return new SpecScaffold(TemplateSchema.builtin());
    }

    /** The template the spec is made from. */
    public TemplateSchema schema() {
        return schema;
    }

    /** The template's Type values, in template order ({@link TemplateSchema#types}). */
    public List<String> types() {
        return schema.types();
    }

    /** The template's spelling of a Type value given in any case, if it is one. */
    public Optional<String> type(String value) {
        return schema.type(value);
    }

    /**
     * Why a new spec cannot be titled {@code title}: {@code the title must be one non-empty line};
     * empty when it can (a title that gives no file name is refused by {@link #fileNameRefusal},
     * where the caller has no other name for the file: a {@code --slug} may name it).
     */
    public static Optional<String> titleRefusal(String title) {
        requireNonNull(title, "title must not be null");
        return title.isBlank() || title.contains("\n") || title.contains("\r")
                ? Optional.of("the title must be one non-empty line")
                : Optional.empty();
    }

    /**
     * Why a new spec's file cannot be named from {@code title} ({@link TitleSlug#of} gives no
     * slug): {@code title '監査ログ' gives no file name: it needs at least one ASCII letter or digit
     * (accents are folded)}, in the one wording of {@code new} and the MCP tool {@code new_spec},
     * each adding its own advice ({@code new}: name the file with {@code --slug}). Empty when it
     * can.
     */
    public static Optional<String> fileNameRefusal(String title) {
        requireNonNull(title, "title must not be null");
        return TitleSlug.of(title).isPresent()
                ? Optional.empty()
                : Optional.of(
                        "title '"
                                + title
                                + "' gives no file name: it needs at least one ASCII letter or"
                                + " digit (accents are folded)");
    }

    /**
     * Why {@code slug} cannot name a new spec's file, in the one wording of {@code new --slug} and
     * the MCP tool {@code new_spec}: {@code --slug 'Audit Log' is not a slug: use lowercase ASCII
     * letters and digits, ...}. Empty when it can.
     *
     * @param named the argument as the caller knows it ({@code --slug}, {@code slug})
     */
    public static Optional<String> slugRefusal(String slug, String named) {
        requireNonNull(slug, "slug must not be null");
        requireNonNull(named, "named must not be null");
        return TitleSlug.isSlug(slug)
                ? Optional.empty()
                : Optional.of(
                        named
                                + " '"
                                + slug
                                + "' is not a slug: use lowercase ASCII letters and digits, words"
                                + " joined by single hyphens, at most "
                                + TitleSlug.MAX_LENGTH
                                + " characters (e.g. audit-log-export)");
    }

    /**
     * Why {@code assignee} cannot fill a new spec's {@value #ASSIGNED_TO_FIELD}, in the one wording
     * of {@code new --assignee} and the MCP tool {@code new_spec}: a value that names nobody (empty
     * or only spaces of any kind: a script's empty variable, which must not leave the placeholder
     * in silence), one that is not one line, or a template with no such field. Empty when it can.
     *
     * @param named the argument as the caller knows it ({@code --assignee}, {@code assignee})
     */
    public Optional<String> assigneeRefusal(String assignee, String named) {
        requireNonNull(assignee, "assignee must not be null");
        requireNonNull(named, "named must not be null");
        // spaces of any kind, a no-break space too, name nobody
        if (assignee.codePoints()
                .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of(
                    named + " names nobody: give a name, or leave it out to keep the placeholder");
        }
        if (assignee.contains("\n") || assignee.contains("\r")) {
            return Optional.of(named + " must be one line");
        }
        if (schema.field(ASSIGNED_TO_FIELD).isEmpty()) {
            return Optional.of(
                    named
                            + ": the template '"
                            + schema.name()
                            + "' has no '"
                            + ASSIGNED_TO_FIELD
                            + "' field to fill");
        }
        return Optional.empty();
    }

    /**
     * Makes the spec, its file named after the title's slug.
     *
     * @param title the feature or problem name; must give a {@link TitleSlug}
     * @param date the creation date, used for the file name, the date field and Last Updated
     * @param type a Type value of the template, or empty to leave the placeholder
     * @param assignee who implements it, or empty to leave the placeholder
     * @throws IllegalArgumentException if the title gives no slug or holds a line break, or the
     *     type is not one of {@link #types()}
     */
    public NewSpec create(
            String title, LocalDate date, Optional<String> type, Optional<String> assignee) {
        requireNonNull(title, "title must not be null");
        String slug =
                TitleSlug.of(title)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "title '" + title + "' gives no file-name slug"));
        return create(title, slug, date, type, assignee);
    }

    /**
     * Makes the spec, its file named with {@code slug} (for a title that gives none, such as one in
     * Japanese, or to choose another), in {@code directives/spec/}.
     *
     * @param slug the file name's slug; must be one ({@link TitleSlug#isSlug})
     * @throws IllegalArgumentException if the slug is not one, the title holds a line break, or the
     *     type is not one of {@link #types()}
     */
    public NewSpec create(
            String title,
            String slug,
            LocalDate date,
            Optional<String> type,
            Optional<String> assignee) {
        return create(
                title,
                slug,
                date,
                type,
                assignee,
                Path.of(SpecDiscovery.DIRECTIVES, SpecDiscovery.SPEC_FOLDER));
    }

    /**
     * Makes the spec, its file named with {@code slug}, to be written in {@code folder}: the File
     * field names its path as the template writes it (the template's leading {@code ../}, then the
     * path from the project's root: {@code ../docs/specs/NAME.md}), or only its name when the
     * template's File value is a bare name or the folder lies outside the root.
     *
     * @param folder the folder the spec goes in, relative to the project's root
     * @throws IllegalArgumentException if the slug is not one, the title holds a line break, the
     *     type is not one of {@link #types()}, or the folder is absolute
     */
    public NewSpec create(
            String title,
            String slug,
            LocalDate date,
            Optional<String> type,
            Optional<String> assignee,
            Path folder) {
        requireNonNull(slug, "slug must not be null");
        requireNonNull(date, "date must not be null");
        return create(title, slug, date, type, assignee, folder, fileName(date, slug));
    }

    /**
     * Makes the spec as {@link #create(String, String, LocalDate, Optional, Optional, Path)} does,
     * its file named {@code fileName} (a project's {@code new-file-name:}), which the File field
     * names too.
     *
     * @throws IllegalArgumentException as that method, or if the file name holds a folder
     */
    public NewSpec create(
            String title,
            String slug,
            LocalDate date,
            Optional<String> type,
            Optional<String> assignee,
            Path folder,
            String fileName) {
        requireNonNull(folder, "folder must not be null");
        requireNonNull(fileName, "fileName must not be null");
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("'" + fileName + "' must be a file name");
        }
        if (folder.isAbsolute()) {
            throw new IllegalArgumentException(
                    "folder " + folder + " must be relative to the project's root");
        }
        requireNonNull(title, "title must not be null");
        requireNonNull(slug, "slug must not be null");
        requireNonNull(date, "date must not be null");
        if (!TitleSlug.isSlug(slug)) {
            throw new IllegalArgumentException(
                    "'" + slug + "' is not a slug of lowercase ASCII letters, digits and hyphens");
        }
        SpecSource template = SpecSource.of(schema.source());
        SpecDocument doc = parser.parse(template.text());
        SpecEdit edit = titleEdit(template.edit(), doc, oneLine(title.strip()), schema);
        edit = titleFields(edit, doc, oneLine(title.strip()));
        edit = addStatusField(edit, doc);
        String dateField = schema.dateField();
        edit = fill(edit, doc, dateField, date.toString());
        if (!dateField.equalsIgnoreCase(TemplateSchema.LAST_UPDATED_FIELD)) {
            edit = fill(edit, doc, TemplateSchema.LAST_UPDATED_FIELD, date.toString());
        }
        // the team's own dates of writing (updated:, - Last reviewed:); Next Review stays
        for (String label : schema.writingDateFields()) {
            if (!label.equalsIgnoreCase(dateField)
                    && !label.equalsIgnoreCase(TemplateSchema.LAST_UPDATED_FIELD)) {
                edit = fill(edit, doc, label, date.toString());
            }
        }
        if (!schema.statuses().isEmpty()) {
            edit = fill(edit, doc, schema.statusField(), schema.statuses().get(0));
        }
        if (type.isPresent()) {
            String canonical =
                    type(type.get())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "type '"
                                                            + type.get()
                                                            + "' is not one of "
                                                            + String.join(", ", types())));
            edit = fill(edit, doc, TemplateSchema.TYPE_FIELD, canonical);
        }
        if (assignee.isPresent()) {
            edit = fill(edit, doc, ASSIGNED_TO_FIELD, escape(oneLine(assignee.get().strip())));
        }
        edit = emptyLists(edit, doc, type.isPresent());
        for (FieldSpec f : schema.fields()) {
            if (f.kind() == FieldKind.FILE) {
                Optional<Field> field = doc.metadata(f.label());
                if (field.isPresent()) {
                    String value = FieldValues.plain(field.get().value());
                    String path = FieldValues.filePath(value);
                    String base = FieldValues.fileBaseName(value);
                    String written = filePath(path, folder, fileName);
                    // the path, then the name where a link's text repeats it
                    edit =
                            edit.fieldValue(
                                    field.get(),
                                    value.replace(path, written).replace(base, fileName));
                }
            }
        }
        return new NewSpec(folder.resolve(fileName), edit.text(), schema.hasByteOrderMark());
    }

    /**
     * The File value for a spec named {@code fileName} in {@code folder} (from the project's root),
     * in the form of the template's {@code templatePath}: a bare name stays a bare name; a path
     * keeps its leading {@code ../} and names the folder from the root.
     */
    private static String filePath(String templatePath, Path folder, String fileName) {
        String dir = folder.normalize().toString().replace('\\', '/');
        if (!templatePath.replace('\\', '/').contains("/") || folder.normalize().startsWith("..")) {
            return fileName;
        }
        return FieldValues.leadingParents(templatePath)
                + (dir.isEmpty() ? "" : dir + "/")
                + fileName;
    }

    /** The spec's file name, after the template's File convention. */
    public String fileName(LocalDate date, String slug) {
        return FileNamePattern.of(schema).format(date.toString(), slug);
    }

    /**
     * Writes the title: in the template's title heading; for a template without one, in its title
     * field when it has one (front matter's {@code title:}, a PEP's {@code - Title:}), else (its
     * first level-1 heading, such as an RFC's {@code # Summary}, being a section) as a new {@code
     * #} heading that opens the spec (after any front matter): where {@link
     * TemplateSchema#shownTitle} reads a spec's title. The template's own headings stay as written.
     */
    private static SpecEdit titleEdit(
            SpecEdit edit, SpecDocument doc, String title, TemplateSchema schema) {
        Optional<Section> heading = schema.titleOf(doc);
        if (heading.isEmpty()) {
            SpecSource source = edit.source();
            String nl = source.newline();
            String status = statusLineAfterNewTitle(doc, schema);
            Optional<Field> named = titleField(doc);
            if (named.isPresent() && status.isEmpty()) {
                // the template titles its specs with a field: the title goes there, as
                // TemplateSchema.shownTitle reads it, and no heading the template lacks is added
                return named.get().form() == FieldForm.FRONT_MATTER
                        ? writeScalar(edit, named.get(), title)
                        : edit.replace(named.get().valueRange(), escape(title));
            }
            String line =
                    "# " + escape(title) + nl + nl + (status.isEmpty() ? "" : status + nl + nl);
            if (doc.frontMatter().isPresent()) {
                int close = doc.frontMatter().get().endLine();
                String lineBreak = source.lineBreak(close);
                return lineBreak.isEmpty()
                        ? edit.insert(source.lineEnd(close), nl + nl + line)
                        : edit.insert(source.lineEnd(close) + lineBreak.length(), nl + line);
            }
            return edit.insert(0, line);
        }
        Optional<BracketText> placeholder = titlePlaceholder(doc, schema);
        if (placeholder.isPresent()) {
            return edit.replace(placeholder.get().range(), escape(title));
        }
        return edit.replace(heading.get().range(), "# " + escape(title));
    }

    /**
     * The template's title field ({@link TemplateSchema#TITLE_FIELD}): a front matter {@code
     * title:} whose value is a scalar, or a leading list's {@code - Title:} or a bold line's.
     */
    private static Optional<Field> titleField(SpecDocument doc) {
        Optional<Field> field = doc.metadata(TemplateSchema.TITLE_FIELD);
        if (field.isEmpty() || field.get().form() != FieldForm.FRONT_MATTER) {
            return field.filter(f -> f.form() != FieldForm.SIDECAR);
        }
        return doc.frontMatter().stream()
                .flatMap(fm -> fm.entries().stream())
                .filter(e -> e.field() == field.get() && e.scalar().isPresent())
                .map(e -> e.field())
                .findFirst();
    }

    /**
     * The placeholder of the template's title heading that the title replaces: its last one, {@code
     * {{Short title}}} in {@code ADR-{{number}}: {{Short title}}}; empty when the template has no
     * title or its title holds no placeholder.
     */
    private static Optional<BracketText> titlePlaceholder(SpecDocument doc, TemplateSchema schema) {
        Optional<Section> heading = schema.titleOf(doc);
        if (heading.isEmpty()) {
            return Optional.empty();
        }
        // The last by position: the document lists brackets of each style apart.
        BracketText last = null;
        for (BracketText b : doc.brackets()) {
            if (b.sectionIndex() == heading.get().index()
                    && b.headingLevel() == 1
                    && (last == null || startsAfter(b, last))) {
                last = b;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Writes the title into every front matter key whose value is the title heading's placeholder,
     * such as {@code title: "[Feature name]"} beside {@code # Design: [Feature name]}: the same
     * text the author would otherwise copy by hand. A bold or list field holding that placeholder
     * ({@code **Assigned to:** [Name]} beside {@code # Runbook: [Name]}) keeps it, as does a field
     * a later step fills (dates, status, Type, Assigned to, File): the title is not its value, and
     * two edits of one value would overlap. The value is written as a quoted YAML scalar whose text
     * between the quotes is the title itself, as the front matter reader reads it back (in the
     * template's quotes when the title allows them).
     */
    private SpecEdit titleFields(SpecEdit edit, SpecDocument doc, String title) {
        Optional<BracketText> placeholder = titlePlaceholder(doc, schema);
        if (placeholder.isEmpty()) {
            return edit;
        }
        String wanted = Placeholders.fold(placeholder.get().text());
        for (FieldSpec f : schema.fields()) {
            if (filledLater(f)) {
                continue;
            }
            Optional<Field> field =
                    doc.metadata(f.label())
                            .filter(m -> m.form() == FieldForm.FRONT_MATTER)
                            .filter(m -> Placeholders.fold(m.value()).equals(wanted));
            if (field.isEmpty()) {
                continue;
            }
            edit = writeScalar(edit, field.get(), title);
        }
        return edit;
    }

    /**
     * Writes {@code text} as the value of a front matter key, a quoted YAML scalar whose text
     * between the quotes is {@code text} itself, as the front matter reader reads it back (in the
     * template's quotes when the text allows them).
     */
    private static SpecEdit writeScalar(SpecEdit edit, Field field, String text) {
        SpecSource source = edit.source();
        int start = source.startOffset(field.valueRange());
        int end = source.endOffset(field.valueRange());
        char open = start > 0 ? source.text().charAt(start - 1) : ' ';
        boolean quoted =
                (open == '"' || open == '\'')
                        && end < source.text().length()
                        && source.text().charAt(end) == open;
        boolean plain = text.indexOf('"') < 0 && text.indexOf('\\') < 0;
        if (quoted && open == '"' && plain) {
            return edit.replace(start, end, text);
        } else if (quoted && open == '\'' && text.indexOf('\'') < 0) {
            return edit.replace(start, end, text);
        }
        return edit.replace(
                quoted ? start - 1 : start,
                quoted ? end + 1 : end,
                plain ? '"' + text + '"' : "'" + text.replace("'", "''") + "'");
    }

    /** Whether {@link #create} fills the field after the title (or from the file's name). */
    private boolean filledLater(FieldSpec f) {
        String label = f.label();
        return f.kind() == FieldKind.FILE
                || schema.writingDateFields().stream().anyMatch(label::equalsIgnoreCase)
                || TemplateSchema.listsChoices(f)
                || label.equalsIgnoreCase(schema.dateField())
                || label.equalsIgnoreCase(TemplateSchema.LAST_UPDATED_FIELD)
                || label.equalsIgnoreCase(schema.statusField())
                || label.equalsIgnoreCase(TemplateSchema.TYPE_FIELD)
                || label.equalsIgnoreCase(ASSIGNED_TO_FIELD);
    }

    /**
     * Empties every front matter key whose template value is a YAML list of choices ({@code labels:
     * [api, web, mobile]}, or one {@code - api} a line), which says what a spec may list, not what
     * it does: a copy would claim every value. It is written {@code []}, a trailing comment kept
     * ({@code labels: [] # optional: the areas it touches}); {@code check} then says nothing of an
     * optional key and, of a required one, that it lists nothing yet. The status and a given Type
     * are filled instead.
     */
    private SpecEdit emptyLists(SpecEdit edit, SpecDocument doc, boolean typeGiven) {
        if (doc.frontMatter().isEmpty()) {
            return edit;
        }
        SpecSource source = edit.source();
        String text = source.text();
        for (FrontMatter.Entry e : doc.frontMatter().get().entries()) {
            Field field = e.field();
            Optional<FieldSpec> spec = schema.field(field.label());
            if (spec.isEmpty()
                    || !TemplateSchema.listsChoices(spec.get())
                    || field.label().equalsIgnoreCase(schema.statusField())
                    || (typeGiven && field.label().equalsIgnoreCase(TemplateSchema.TYPE_FIELD))) {
                continue;
            }
            int start = source.startOffset(field.valueRange());
            int end = source.endOffset(field.valueRange());
            int keyLine = field.labelRange().endLine();
            if (field.valueRange().startLine() == keyLine) {
                edit = edit.replace(start, end, "[]"); // a flow list: [api, web, mobile]
            } else {
                // a block list: [] after the key's colon, the items' lines gone
                int colon = text.indexOf(':', source.endOffset(field.labelRange()));
                int lineEnd = source.lineEnd(keyLine);
                int last = field.valueRange().endLine();
                edit =
                        colon + 1 == lineEnd
                                ? edit.replace(lineEnd, source.lineEnd(last), " []")
                                : edit.insert(colon + 1, " []")
                                        .replace(lineEnd, source.lineEnd(last), "");
            }
        }
        return edit;
    }

    /**
     * Writes the status field with the first status when the project's lifecycle names a status
     * field ({@code lifecycle: status-field}) that the template does not write: a front matter key
     * or a leading-list item after the template's last one, else a bold line after the title (a new
     * title carries it, see {@link #statusLineAfterNewTitle}). A sidecar's is the author's to
     * write.
     */
    private SpecEdit addStatusField(SpecEdit edit, SpecDocument doc) {
        Optional<FieldSpec> spec = missingStatusField(doc, schema);
        if (spec.isEmpty()) {
            return edit;
        }
        String label = spec.get().label();
        String status = schema.statuses().get(0);
        SpecSource source = edit.source();
        Optional<Field> last = doc.lastOfForm(spec.get().form());
        if (spec.get().form() == FieldForm.BOLD_LINE || last.isEmpty()) {
            Optional<Section> heading = schema.titleOf(doc);
            if (heading.isEmpty()) {
                return edit; // titleEdit writes a new title, which carries the line
            }
            String nl = source.newline();
            String line = "**" + label + ":** " + status;
            int end = heading.get().range().endLine();
            String lineBreak = source.lineBreak(end);
            return lineBreak.isEmpty()
                    ? edit.insert(source.lineEnd(end), nl + nl + line + nl)
                    : edit.insert(source.lineEnd(end) + lineBreak.length(), nl + line + nl);
        }
        String item = label + ": " + status;
        if (spec.get().form() == FieldForm.LIST_ITEM) {
            // the template's own list marker and label style: "- Label:" or "* **Label:**"
            int line = last.get().labelRange().startLine();
            String text = source.text().substring(source.lineStart(line), source.lineEnd(line));
            Matcher marker = LIST_MARKER.matcher(text);
            String prefix = marker.lookingAt() ? marker.group() : "- ";
            boolean bold = text.startsWith("**", prefix.length());
            item = prefix + (bold ? "**" + label + ":** " + status : item);
        }
        return edit.insertLineAfter(last.get().valueRange().endLine(), item);
    }

    private static final Pattern LIST_MARKER = Pattern.compile("\\s*(?:[-*+]|\\d{1,9}[.)])\\s+");

    /**
     * The bold status line a new title heading carries, for a template without a title whose status
     * field the lifecycle adds and no other field of its form stands to follow; empty otherwise.
     */
    private static String statusLineAfterNewTitle(SpecDocument doc, TemplateSchema schema) {
        Optional<FieldSpec> spec = missingStatusField(doc, schema);
        if (spec.isEmpty()
                || (spec.get().form() != FieldForm.BOLD_LINE
                        && doc.lastOfForm(spec.get().form()).isPresent())) {
            return "";
        }
        return "**" + spec.get().label() + ":** " + schema.statuses().get(0);
    }

    /**
     * The status field the schema has but the template does not write (one {@code lifecycle:
     * status-field} names), when there are statuses to fill it with and it is not a sidecar's.
     */
    private static Optional<FieldSpec> missingStatusField(SpecDocument doc, TemplateSchema schema) {
        String label = schema.statusField();
        return schema.field(label)
                .filter(f -> !schema.statuses().isEmpty())
                .filter(f -> f.form() != FieldForm.SIDECAR)
                .filter(f -> doc.metadata(label).isEmpty());
    }

    private static boolean startsAfter(BracketText b, BracketText other) {
        return b.range().startLine() != other.range().startLine()
                ? b.range().startLine() > other.range().startLine()
                : b.range().startColumn() > other.range().startColumn();
    }

    private static SpecEdit fill(SpecEdit edit, SpecDocument doc, String label, String value) {
        Optional<Field> field = doc.metadata(label);
        return field.isPresent() ? edit.fieldValue(field.get(), value) : edit;
    }

    /** Keeps brackets in names from reading as placeholders. */
    private static String escape(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    private static String oneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("'" + text + "' must be one line");
        }
        return text;
    }
}
