package dev.specgate.core.schema;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.Field;
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
        SpecDocument doc = new SpecParser().parse(markdown);
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
        for (Field f : doc.fields()) {
            if (f.inListItem()
                    || f.value().isBlank()
                    || !seenLabels.add(f.label().toLowerCase(Locale.ROOT))) {
                continue;
            }
            fields.add(fieldSpec(f, f.labelRange().startLine() < firstSectionLine));
        }

        Set<String> placeholders = new LinkedHashSet<>();
        for (BracketText b : doc.brackets()) {
            placeholders.add(Placeholders.fold(b.text()));
        }
        return new TemplateSchema(name, markdown, title, sections, fields, placeholders);
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
