package dev.specgate.core.rules;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a document's headings correspond to the template's sections. A heading matches the template
 * section with the same {@link HeadingKey}, preferring the one under the same parent; a second
 * heading for an already matched section is a duplicate. Headings a team adds beyond the template
 * match nothing and are allowed.
 */
public final class SectionMatch {

    private final SpecDocument document;
    private final TemplateSchema schema;
    private final int[] specOfTemplate;
    private final int[] templateOfSpec;
    private final List<Section> duplicates;
    private final int titleIndex;

    private SectionMatch(SpecDocument document, TemplateSchema schema) {
        this.document = document;
        this.schema = schema;
        this.specOfTemplate = new int[schema.sections().size()];
        this.templateOfSpec = new int[document.sections().size()];
        Arrays.fill(specOfTemplate, -1);
        Arrays.fill(templateOfSpec, -1);
        this.duplicates = new ArrayList<>();
        this.titleIndex = document.title().map(Section::index).orElse(-1);
    }

    /** Matches a document against a schema. */
    public static SectionMatch of(SpecDocument document, TemplateSchema schema) {
        SectionMatch m = new SectionMatch(document, schema);
        m.match();
        return m;
    }

    private void match() {
        for (Section s : document.sections()) {
            if (s.index() == titleIndex) {
                continue;
            }
            List<SectionSpec> candidates = schema.sectionsWithKey(HeadingKey.of(s.title()));
            if (candidates.isEmpty()) {
                continue;
            }
            int templateParent = templateParentOf(s);
            SectionSpec chosen = pick(candidates, templateParent);
            if (specOfTemplate[chosen.index()] >= 0) {
                duplicates.add(s);
            } else {
                specOfTemplate[chosen.index()] = s.index();
                templateOfSpec[s.index()] = chosen.index();
            }
        }
    }

    private SectionSpec pick(List<SectionSpec> candidates, int templateParent) {
        for (SectionSpec c : candidates) {
            if (c.parent() == templateParent && specOfTemplate[c.index()] < 0) {
                return c;
            }
        }
        for (SectionSpec c : candidates) {
            if (c.parent() == templateParent) {
                return c;
            }
        }
        for (SectionSpec c : candidates) {
            if (specOfTemplate[c.index()] < 0) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private int templateParentOf(Section s) {
        for (int p = s.parentIndex();
                p >= 0 && p != titleIndex;
                p = document.sections().get(p).parentIndex()) {
            if (templateOfSpec[p] >= 0) {
                return templateOfSpec[p];
            }
        }
        return -1;
    }

    /** The document section matched to a template section. */
    public Optional<Section> specSection(SectionSpec templateSection) {
        int i = specOfTemplate[templateSection.index()];
        return i < 0 ? Optional.empty() : Optional.of(document.sections().get(i));
    }

    /** The template section a document section matches. */
    public Optional<SectionSpec> templateSection(Section section) {
        int i = templateOfSpec[section.index()];
        return i < 0 ? Optional.empty() : Optional.of(schema.sections().get(i));
    }

    /** Headings that repeat an already matched template section, in document order. */
    public List<Section> duplicates() {
        return List.copyOf(duplicates);
    }

    /** The document's title heading index, or -1. */
    public int titleIndex() {
        return titleIndex;
    }
}
