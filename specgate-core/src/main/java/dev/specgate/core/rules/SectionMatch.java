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

    /** The {@link HeadingKey} of each document section (null for the title). */
    private final String[] keys;

    private SectionMatch(SpecDocument document, TemplateSchema schema) {
        this.document = document;
        this.schema = schema;
        this.specOfTemplate = new int[schema.sections().size()];
        this.templateOfSpec = new int[document.sections().size()];
        Arrays.fill(specOfTemplate, -1);
        Arrays.fill(templateOfSpec, -1);
        this.duplicates = new ArrayList<>();
        this.titleIndex = schema.titleOf(document).map(Section::index).orElse(-1);
        this.keys = new String[document.sections().size()];
    }

    /** Matches a document against a schema. */
    public static SectionMatch of(SpecDocument document, TemplateSchema schema) {
        SectionMatch m = new SectionMatch(document, schema);
        m.match();
        return m;
    }

    /**
     * Two passes. First the headings that stand exactly where the template puts them (its level,
     * under its parent); a repeat of such a heading is a duplicate. Then the rest, for the sections
     * still unmatched: a heading at the template's level or above it anywhere (a misplaced section
     * is still that section), one level deeper inside the section's own parent, or deeper right
     * under it. A deeper namesake inside another section ({@code ##### Alternatives} inside
     * Proposal) is that section's content, and so is a deeper heading whose section already stands
     * where the template puts it.
     */
    private void match() {
        List<Section> headings = document.sections();
        List<SectionSpec> template = schema.sections();
        boolean[] duplicate = new boolean[headings.size()];
        int next = 0; // the template section after the last one matched: the likeliest heading
        // by index here and below: C1 allocates an iterator per for-each, per heading
        for (int h = 0; h < headings.size(); h++) {
            Section s = headings.get(h);
            if (s.index() == titleIndex) {
                continue;
            }
            // a spec mostly writes the template's headings as the template does, in its order: a
            // heading whose title is that of template section `next` has that section's key
            // (SectionSpec.key is its title's key) and its sections with the key, found by one
            // comparison instead of hashing the heading and looking it up
            String key;
            List<SectionSpec> withKey;
            if (next < template.size() && template.get(next).title().equals(s.title())) {
                key = template.get(next).key();
                withKey = schema.sectionsWithKeyOf(next);
            } else {
                key = HeadingKey.of(s.title());
                withKey = schema.sectionsWithKey(key);
            }
            keys[s.index()] = key;
            int templateParent = templateParentOf(s);
            for (int k = 0; k < withKey.size(); k++) {
                SectionSpec c = withKey.get(k);
                if (c.level() == s.level() && c.parent() == templateParent) {
                    if (specOfTemplate[c.index()] < 0) {
                        specOfTemplate[c.index()] = s.index();
                        templateOfSpec[s.index()] = c.index();
                        next = c.index() + 1;
                    } else {
                        duplicate[s.index()] = true;
                    }
                    break;
                }
            }
        }
        for (int h = 0; h < headings.size(); h++) {
            Section s = headings.get(h);
            if (s.index() == titleIndex || templateOfSpec[s.index()] >= 0) {
                continue;
            }
            if (duplicate[s.index()]) {
                duplicates.add(s);
                continue;
            }
            List<SectionSpec> candidates = plausible(s, schema.sectionsWithKey(keys[s.index()]));
            if (candidates.isEmpty()) {
                continue;
            }
            SectionSpec chosen = pick(candidates, templateParentOf(s));
            if (specOfTemplate[chosen.index()] < 0) {
                specOfTemplate[chosen.index()] = s.index();
                templateOfSpec[s.index()] = chosen.index();
            } else if (s.level() <= chosen.level()) {
                duplicates.add(s);
            }
        }
        // a plain lambda, not Comparator.comparingInt: see Diagnostic.compareTo
        duplicates.sort((a, b) -> Integer.compare(a.index(), b.index()));
    }

    /** The candidates a heading that stands elsewhere than the template says may still be. */
    private List<SectionSpec> plausible(Section s, List<SectionSpec> candidates) {
        List<SectionSpec> kept = new ArrayList<>(candidates.size());
        for (SectionSpec c : candidates) {
            boolean ok =
                    s.level() <= c.level()
                            || directlyUnder(s, c.parent())
                            || (s.level() == c.level() + 1 && inside(s, c.parent()));
            if (ok) {
                kept.add(c);
            }
        }
        return kept;
    }

    private boolean directlyUnder(Section s, int templateParent) {
        int p = s.parentIndex();
        if (templateParent < 0) {
            return p < 0 || p == titleIndex;
        }
        return p >= 0 && templateOfSpec[p] == templateParent;
    }

    private boolean inside(Section s, int templateParent) {
        if (templateParent < 0) {
            return true;
        }
        for (int p = s.parentIndex(); p >= 0; p = document.sections().get(p).parentIndex()) {
            if (templateOfSpec[p] == templateParent) {
                return true;
            }
        }
        return false;
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

    /**
     * The index of the template section a document section matches, or -1: {@link #templateSection}
     * without an {@code Optional}, for rules that walk every heading.
     */
    public int templateIndex(Section section) {
        return templateOfSpec[section.index()];
    }

    /**
     * The index of the document section matched to a template section, or -1: {@link #specSection}
     * without an {@code Optional}.
     */
    public int specIndex(SectionSpec templateSection) {
        return specOfTemplate[templateSection.index()];
    }

    /** Headings that repeat an already matched template section, in document order. */
    public List<Section> duplicates() {
        return List.copyOf(duplicates);
    }

    /**
     * The {@link HeadingKey} of a document section, as the match computed it (the title's on first
     * use, then kept: a title is unique to its spec, so {@code HeadingKey}'s cache never has it).
     */
    public String key(Section section) {
        String key = keys[section.index()];
        if (key == null) {
            key = HeadingKey.of(section.title());
            keys[section.index()] = key;
        }
        return key;
    }

    /** The document's title heading index, or -1. */
    public int titleIndex() {
        return titleIndex;
    }
}
