package dev.specgate.core.schema;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.PlaceholderStyle;
import dev.specgate.core.model.Section;
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
        String title = doc.title().map(Section::title).orElse(null);
        int titleIndex = doc.title().map(Section::index).orElse(-1);

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
            boolean optional = isMarkedOptional(s.title()) || firstPlaceholderMarksOptional(doc, s);
            SectionSpec spec =
                    new SectionSpec(
                            sections.size(),
                            s.level(),
                            s.title(),
                            HeadingKey.of(s.title()),
                            parent,
                            optional);
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
                    || !seenLabels.add(f.label().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean inHeader = f.labelRange().startLine() < firstSectionLine;
            FieldSpec spec = fieldSpec(f, inHeader);
            if (f.form() != FieldForm.BOLD_LINE) {
                spec = typed(spec, f, yaml.get(f));
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
        for (BracketText b : doc.brackets()) {
            placeholders.add(Placeholders.fold(b.text()));
        }
        return new TemplateSchema(name, markdown, title, sections, fields, placeholders, form);
    }

    /**
     * A front matter or leading-list field's spec: its form, a YAML list's items as allowed values,
     * a YAML date or a placeholder that starts with {@code YYYY-MM-DD} as a date, a trailing {@code
     * …} as an open list, a YAML comment's "optional".
     */
    private static FieldSpec typed(FieldSpec spec, Field f, FrontMatter.Entry entry) {
        FieldKind kind = spec.kind();
        List<String> allowed = spec.allowedValues();
        if (entry != null && entry.items().size() >= 2) {
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

    /**
     * What a template field's value says: {@code [A | B]} (or {@code {A | B}}, {@code {{A | B}}},
     * or bare {@code A | B}) gives allowed values; {@code [Date]} or {@code [YYYY-MM-DD]} in any
     * placeholder style, or a bare {@code YYYY-MM-DD}, a date; a {@code .md} path the spec's own
     * file name; anything else free text.
     */
    private static FieldSpec fieldSpec(Field f, boolean inHeader) {
        String value = f.value().trim();
        String unquoted = value.replace("`", "").trim();
        Optional<PlaceholderStyle> style = PlaceholderStyle.of(value);
        String inner = style.map(s -> s.inner(value)).orElse(value);
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
        if (unquoted.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return new FieldSpec(f.label(), FieldKind.FILE, List.of(), value, inHeader);
        }
        return new FieldSpec(f.label(), FieldKind.TEXT, List.of(), value, inHeader);
    }

    static boolean isMarkedOptional(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String mark : OPTIONAL_MARKS) {
            if (lower.contains("(" + mark + ")")) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstPlaceholderMarksOptional(SpecDocument doc, Section s) {
        for (BracketText b : doc.brackets()) {
            if (b.sectionIndex() == s.index() && b.headingLevel() == 0) {
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
