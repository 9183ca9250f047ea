package dev.specgate.core.schema;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.PlaceholderStyle;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives a {@link TemplateSchema} from a template's Markdown, so that the template stays the
 * single source of truth: headings give sections, bold-label lines give fields, {@code [A | B]}
 * gives allowed values, {@code [Date]} gives a date field, bracketed text gives placeholders. Any
 * template works the same way; placeholders may also be written {@code {text}} or {@code {{text}}}.
 */
final class SchemaDeriver {

    private static final String[] OPTIONAL_MARKS = {
        "if applicable", "if needed", "optional", "if changed"
    };

    private SchemaDeriver() {}

    static TemplateSchema derive(String name, String markdown) {
        SpecDocument doc = new SpecParser(true).parse(markdown);
        String[] lines = markdown.split("\\R", -1);
        // the title is the first heading when it is level 1 and the template's first block: an
        // RFC template's "# Summary" after a metadata list is a section
        Optional<Section> titleSection =
                doc.sections().isEmpty()
                                || !doc.sections().get(0).leading()
                                || doc.sections().get(0).level() != 1
                        ? Optional.empty()
                        : Optional.of(doc.sections().get(0));
        String title = titleSection.map(Section::title).orElse(null);
        int titleIndex = titleSection.map(Section::index).orElse(-1);

        List<SectionSpec> sections = new ArrayList<>();
        Map<Integer, Integer> specIndexOfDocSection = new HashMap<>();
        for (Section s : doc.sections()) {
            if (s.index() == titleIndex) {
                continue;
            }
            int parent = -1;
            for (int p = s.parentIndex(); p >= 0; p = doc.sections().get(p).parentIndex()) {
                Integer mapped = specIndexOfDocSection.get(p);
                if (mapped != null) {
                    parent = mapped;
                    break;
                }
            }
            boolean repeats = repeats(doc, s);
            boolean optional =
                    repeats
                            || isMarkedOptional(s.title())
                            || firstPlaceholderMarksOptional(doc, s, lines)
                            || commentMarksOptional(doc, s, lines);
            SectionSpec spec =
                    new SectionSpec(
                            sections.size(),
                            s.level(),
                            s.title(),
                            HeadingKey.of(s.title()),
                            parent,
                            optional,
                            repeats);
            specIndexOfDocSection.put(s.index(), spec.index());
            sections.add(spec);
        }

        int firstSectionLine =
                doc.sections().stream()
                        .filter(s -> s.index() != titleIndex)
                        .mapToInt(Section::line)
                        .findFirst()
                        .orElse(Integer.MAX_VALUE);
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> seenLabels = new LinkedHashSet<>();
        Map<Field, FrontMatter.Entry> yaml = new HashMap<>();
        doc.frontMatter().ifPresent(fm -> fm.entries().forEach(e -> yaml.put(e.field(), e)));
        for (Field f : doc.fields()) {
            if (f.inListItem()
                    || (f.value().isBlank() && f.form() == FieldForm.BOLD_LINE)
                    || quotedGuidance(f, lines, doc.brackets())
                    || !seenLabels.add(f.label().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean inHeader = f.labelRange().startLine() < firstSectionLine;
            FieldSpec spec = fieldSpec(f, inHeader);
            if (f.form() != FieldForm.BOLD_LINE) {
                spec = typed(spec, f, yaml.get(f));
            }
            if (!spec.optional() && isMarkedOptional(f.value())) {
                // a value that says so: a PEP's '- Sponsor: [Core developer name] (optional)'
                spec =
                        new FieldSpec(
                                spec.label(),
                                spec.kind(),
                                spec.allowedValues(),
                                spec.templateValue(),
                                spec.inHeader(),
                                spec.form(),
                                true,
                                spec.open());
            }
            fields.add(spec);
        }
        FieldForm form =
                doc.frontMatter().filter(fm -> !fm.entries().isEmpty()).isPresent()
                        ? FieldForm.FRONT_MATTER
                        : doc.fields().stream().anyMatch(f -> f.form() == FieldForm.LIST_ITEM)
                                ? FieldForm.LIST_ITEM
                                : FieldForm.BOLD_LINE;

        Set<String> placeholders = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        // a front matter list of placeholders (reviewers: - "[Reviewer name]") asks for values
        // of the author's own, each item a placeholder the spec must replace
        doc.frontMatter()
                .ifPresent(
                        fm ->
                                fm.entries().stream()
                                        .flatMap(e -> e.items().stream())
                                        .filter(i -> PlaceholderStyle.of(i).isPresent())
                                        .forEach(i -> placeholders.add(Placeholders.fold(i))));
        for (BracketText b : doc.brackets()) {
            if (b.isReference() || (b.headingLevel() > 0 && HeadingKey.isOptionalMark(b.inner()))) {
                continue; // a link, or a heading's [optional] marker: not a placeholder
            }
            if (isListLabel(b, lines)) {
                labels.add(Placeholders.fold(b.text()).toLowerCase(Locale.ROOT));
            } else {
                placeholders.add(Placeholders.fold(b.text()));
            }
        }
        return new TemplateSchema(name, markdown, title, sections, fields, placeholders, form)
                .withListLabels(labels);
    }

    /**
     * Whether a bold label in a block quote is the template's advice to the author ({@code >
     * **Tip:** keep it short}), not a field a spec must have: its value is prose, neither
     * alternatives, a date, a file nor a placeholder. A quoted label whose value is one of those
     * ({@code > **Status:** Draft | Accepted}, {@code > **Owner:** [Name]}) is the template's
     * metadata, written in a quote, and stays a field.
     */
    private static boolean quotedGuidance(Field f, String[] lines, List<BracketText> brackets) {
        int line = f.labelRange().startLine();
        if (f.form() != FieldForm.BOLD_LINE || line >= lines.length) {
            return false;
        }
        String before =
                lines[line].substring(
                        0, Math.min(f.labelRange().startColumn(), lines[line].length()));
        if (before.indexOf('>') < 0 || !before.replace('>', ' ').isBlank()) {
            return false;
        }
        if (fieldSpec(f, false).kind() != FieldKind.TEXT) {
            return false;
        }
        SourceRange value = f.valueRange();
        for (BracketText b : brackets) {
            if (!b.isReference()
                    && b.range().startLine() == value.startLine()
                    && b.range().startColumn() >= value.startColumn()) {
                return false; // a placeholder to fill in: a field
            }
        }
        return true;
    }

    /**
     * Whether a YAML list of the template holds a placeholder ({@code reviewers: ["[First
     * reviewer]", "[Second reviewer]"]}): a list the author fills with values of their own, not the
     * alternatives a value must be one of.
     */
    private static boolean holdsPlaceholder(List<String> items) {
        for (String item : items) {
            if (PlaceholderStyle.of(item).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A front matter or leading-list field's spec: its form, a YAML list's items as allowed values,
     * a YAML date or a placeholder that starts with {@code YYYY-MM-DD} as a date, a trailing {@code
     * …} as an open list, a YAML comment's "optional".
     */
    private static FieldSpec typed(FieldSpec spec, Field f, FrontMatter.Entry entry) {
        FieldKind kind = spec.kind();
        List<String> allowed = spec.allowedValues();
        if (entry != null && entry.items().size() >= 2 && !holdsPlaceholder(entry.items())) {
            kind = FieldKind.CHOICE;
            allowed = entry.items();
        } else if (entry != null && entry.date()) {
            kind = FieldKind.DATE;
        } else if (kind == FieldKind.TEXT && f.value().contains("YYYY-MM-DD")) {
            kind = FieldKind.DATE;
        }
        boolean open = false;
        if (kind == FieldKind.CHOICE) {
            List<String> kept = new ArrayList<>();
            for (String a : allowed) {
                if (a.equals("…") || a.equals("...")) {
                    open = true;
                } else {
                    kept.add(a);
                }
            }
            allowed = kept;
        }
        boolean optional = entry != null && entry.markedOptional();
        return new FieldSpec(
                spec.label(),
                kind,
                allowed,
                spec.templateValue(),
                spec.inHeader(),
                f.form(),
                optional,
                open);
    }

    /** Alternatives written as a sidecar template value: {@code provisional|implementable}. */
    private static final Pattern SIDECAR_CHOICES =
            Pattern.compile("[^|\\s]+(?:\\s*\\|\\s*[^|\\s]+)+");

    /**
     * The typed fields of a template's sidecar file ({@code kep.yaml}): {@code a|b|c} a choice,
     * {@code yyyy-mm-dd} (any case) a date; other keys say nothing to check.
     *
     * @throws IllegalArgumentException when the text is not valid YAML
     */
    static List<FieldSpec> sidecarFields(String yamlText, String name) {
        List<dev.specgate.core.model.MetadataProblem> problems = new ArrayList<>();
        List<Field> read = SpecParser.metadataFile(yamlText, name, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
        List<FieldSpec> typed = new ArrayList<>();
        for (Field f : read) {
            String v = FieldValues.plain(f.value());
            FieldKind kind;
            List<String> allowed = List.of();
            if (v.equalsIgnoreCase("yyyy-mm-dd")) {
                kind = FieldKind.DATE;
            } else if (SIDECAR_CHOICES.matcher(v).matches()) {
                kind = FieldKind.CHOICE;
                allowed = Arrays.stream(v.split("\\|")).map(String::trim).toList();
            } else {
                continue;
            }
            typed.add(
                    new FieldSpec(
                            f.label(),
                            kind,
                            allowed,
                            f.value(),
                            true,
                            FieldForm.SIDECAR,
                            true,
                            false));
        }
        return typed;
    }

    private static final Pattern LIST_MARKER = Pattern.compile("\\s*(?:[-*+]|\\d{1,9}[.)])\\s+");

    /**
     * Whether a bracketed text opens a list item and is followed by more text ({@code - [Optional]
     * Aggregation method:}): a label that stays when the item is filled in, not a placeholder.
     */
    static boolean isListLabel(BracketText b, String[] lines) {
        int line = b.range().startLine();
        if (b.style() != PlaceholderStyle.SQUARE
                || line != b.range().endLine()
                || line >= lines.length
                || b.inner().contains(" ")) {
            return false;
        }
        String text = lines[line];
        int open = b.range().startColumn();
        int close = b.range().endColumn();
        if (open > text.length() || close + 1 >= text.length()) {
            return false;
        }
        return LIST_MARKER.matcher(text.substring(0, open)).matches()
                && text.charAt(close) == ' '
                && Character.isLetter(text.charAt(close + 1));
    }

    /** Words in an HTML comment next to a heading that make its section optional. */
    private static final Pattern OPTIONAL_COMMENT =
            Pattern.compile(
                    "(?i)^optional\\b|\\boptional\\s+(?:element|section|part|heading)\\b"
                            + "|\\b(?:is|are)\\s+optional\\b|\\(optional\\b");

    /**
     * Whether an HTML comment right before the heading (on the line above it, or above a blank line
     * above it) or right after it (the first thing in the section) says the section is optional, as
     * MADR's {@code <!-- This is an optional element. Feel free to remove. -->} does.
     */
    static boolean commentMarksOptional(SpecDocument doc, Section s, String[] lines) {
        for (HtmlComment c : doc.comments()) {
            if (!OPTIONAL_COMMENT.matcher(c.text()).find()) {
                continue;
            }
            int first = c.line();
            int last = first + (int) c.text().chars().filter(ch -> ch == '\n').count();
            if (last < s.line()) {
                int between = s.line() - last - 1;
                if (between == 0 || (between == 1 && blank(lines, last + 1))) {
                    return true;
                }
            } else if (first > s.line()) {
                int between = first - s.line() - 1;
                if (between == 0 || (between == 1 && blank(lines, s.line() + 1))) {
                    return first < s.endLine();
                }
            } else if (first == s.line()) {
                return true; // on the heading's own line: ## Validation <!-- optional -->
            }
        }
        return false;
    }

    private static boolean blank(String[] lines, int line) {
        return line < lines.length && lines[line].isBlank();
    }

    /**
     * Whether a template heading stands for any number of headings a spec writes there, none
     * required: it is a placeholder ({@link #isPlaceholderHeading}) or holds one beside its words
     * ({@link #holdsPlaceholder}).
     */
    private static boolean repeats(SpecDocument doc, Section s) {
        return isPlaceholderHeading(s.title()) || holdsPlaceholder(doc, s);
    }

    /**
     * Whether a template heading is itself a placeholder ({@code ### {title of option 1}}, {@code
     * ### [Option name]}): it stands for any number of headings a spec writes there, none required.
     */
    static boolean isPlaceholderHeading(String title) {
        String t = HeadingKey.withoutDecoration(title);
        Optional<PlaceholderStyle> style = PlaceholderStyle.of(t);
        if (style.isEmpty()) {
            return false;
        }
        String inner = style.get().inner(t);
        return !inner.contains(style.get().open())
                && !inner.contains(style.get().close())
                && inner.chars().anyMatch(Character::isLetter);
    }

    /**
     * Whether a template heading holds a placeholder beside words of its own ({@code #### Decision:
     * [Short title]}, {@code ### Phase {n}: {name}}): each spec fills it with its own title, as
     * many times as it needs, so like a heading that is a placeholder it requires none. An optional
     * mark ({@code [optional]}) or a link in the heading is no placeholder.
     */
    private static boolean holdsPlaceholder(SpecDocument doc, Section s) {
        for (BracketText b : doc.brackets()) {
            if (b.sectionIndex() == s.index()
                    && b.headingLevel() > 0
                    && b.range().startLine() == s.line()
                    && !b.isReference()
                    && !HeadingKey.isOptionalMark(b.inner())
                    && b.inner().chars().anyMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a template field's value says: {@code [A | B]} (or {@code {A | B}}, {@code {{A | B}}},
     * or bare {@code A | B}) gives allowed values; {@code [Date]} or {@code [YYYY-MM-DD]} in any
     * placeholder style, or a bare {@code YYYY-MM-DD}, a date; a {@code .md} path, or a link to
     * one, the spec's own file name; anything else free text.
     */
    private static FieldSpec fieldSpec(Field f, boolean inHeader) {
        String value = f.value().trim();
        String unquoted = value.replace("`", "").trim();
        // Emphasis around a placeholder ({@code **{A | B}**}) is decoration, not part of it.
        String bare =
                value.startsWith("*") || value.startsWith("_") ? FieldValues.plain(value) : value;
        Optional<PlaceholderStyle> style = PlaceholderStyle.of(bare);
        String inner = style.map(s -> s.inner(bare)).orElse(value);
        if (inner.contains("|") && (style.isPresent() || !inner.contains("`"))) {
            List<String> choices =
                    Arrays.stream(inner.split("\\|"))
                            .map(String::trim)
                            .filter(c -> !c.isEmpty())
                            .toList();
            if (choices.size() >= 2) {
                return new FieldSpec(f.label(), FieldKind.CHOICE, choices, value, inHeader);
            }
        }
        if ((style.isPresent() && inner.equalsIgnoreCase("date"))
                || inner.equalsIgnoreCase("YYYY-MM-DD")) {
            return new FieldSpec(f.label(), FieldKind.DATE, List.of(), value, inHeader);
        }
        if (unquoted.toLowerCase(Locale.ROOT).endsWith(".md") || linksMarkdownFile(unquoted)) {
            return new FieldSpec(f.label(), FieldKind.FILE, List.of(), value, inHeader);
        }
        return new FieldSpec(f.label(), FieldKind.TEXT, List.of(), value, inHeader);
    }

    /**
     * Whether a template value is a link to a Markdown file beside it ({@code
     * [SE-NNNN](NNNN-filename.md)}, as Swift Evolution's {@code Proposal:} links the proposal to
     * itself): the spec's own file name, like a bare {@code .md} path.
     */
    private static boolean linksMarkdownFile(String value) {
        if (!value.startsWith("[") || !value.endsWith(")") || !value.contains("](")) {
            return false;
        }
        String target = value.substring(value.indexOf("](") + 2, value.length() - 1).trim();
        return !target.contains("://")
                && !target.contains(" ")
                && target.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /**
     * Whether a heading says its section is optional: {@code (optional)}, {@code [optional]},
     * {@code (Optional, but recommended)}, {@code (if applicable)}, {@code (if needed)}, {@code (if
     * changed)}.
     */
    static boolean isMarkedOptional(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String mark : OPTIONAL_MARKS) {
            if (lower.contains("(" + mark + ")")
                    || lower.contains("[" + mark + "]")
                    || lower.contains("(" + mark + ",")) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstPlaceholderMarksOptional(
            SpecDocument doc, Section s, String[] lines) {
        for (BracketText b : doc.brackets()) {
            if (b.sectionIndex() == s.index() && b.headingLevel() == 0 && !isListLabel(b, lines)) {
                if (b.range().startLine() != s.line() + 1
                        && b.range().startLine() != s.line() + 2) {
                    return false;
                }
                String lower = b.inner().toLowerCase(Locale.ROOT);
                for (String mark : OPTIONAL_MARKS) {
                    if (lower.endsWith(mark) || lower.contains(mark + ")")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
