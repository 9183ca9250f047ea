package dev.specgate.core.rules;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    private List<Section> duplicates = List.of();
    private final int titleIndex;

    /** Each document section's parent index ({@link Section#parentIndex}), read once. */
    private final int[] parents;

    /** The {@link HeadingKey} of each document section (null for the title). */
    private final String[] keys;

    /** The template's sections as {@link #match} reads them, for the schema last matched. */
    private static volatile Plan lastPlan;

    private SectionMatch(SpecDocument document, TemplateSchema schema) {
        this.document = document;
        this.schema = schema;
        int headings = document.sections().size();
        this.specOfTemplate = new int[schema.sections().size()];
        this.templateOfSpec = new int[headings];
        Arrays.fill(specOfTemplate, -1);
        Arrays.fill(templateOfSpec, -1);
        this.titleIndex = schema.titleOf(document).map(Section::index).orElse(-1);
        this.keys = new String[headings];
        this.parents = new int[headings];
    }

    /** Matches a document against a schema. */
    public static SectionMatch of(SpecDocument document, TemplateSchema schema) {
        SectionMatch m = new SectionMatch(document, schema);
        m.match();
        return m;
    }

    /**
     * A template's sections as arrays, with each section's namesakes ({@link
     * TemplateSchema#sectionsWithKeyOf}) as indexes: made once per schema, so that matching a
     * spec's headings reads arrays rather than lists and records.
     */
    private static final class Plan {
        final TemplateSchema schema;
        final String[] titles;
        final String[] keys;
        final int[] levels;
        final int[] parents;

        /** The indexes of {@code sectionsWithKeyOf(i)}, for each template section {@code i}. */
        final int[][] ownKey;

        Plan(TemplateSchema schema) {
            this.schema = schema;
            List<SectionSpec> template = schema.sections();
            int n = template.size();
            titles = new String[n];
            keys = new String[n];
            levels = new int[n];
            parents = new int[n];
            ownKey = new int[n][];
            for (int i = 0; i < n; i++) {
                SectionSpec c = template.get(i);
                titles[i] = c.title();
                keys[i] = c.key();
                levels[i] = c.level();
                parents[i] = c.parent();
                ownKey[i] = indexes(schema.sectionsWithKeyOf(i));
            }
        }

        static int[] indexes(List<SectionSpec> sections) {
            int[] out = new int[sections.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = sections.get(k).index();
            }
            return out;
        }

        static Plan of(TemplateSchema schema) {
            Plan p = lastPlan;
            if (p == null || p.schema != schema) {
                p = new Plan(schema);
                lastPlan = p;
            }
            return p;
        }
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
        Plan plan = Plan.of(schema);
        int sections = plan.titles.length;
        int count = headings.size();
        int[] levels = new int[count];
        boolean[] duplicate = null;
        int next = 0; // the template section after the last one matched: the likeliest heading
        // by index here and below: C1 allocates an iterator per for-each, per heading
        for (int h = 0; h < count; h++) {
            Section s = headings.get(h);
            int level = s.level();
            levels[h] = level;
            parents[h] = s.parentIndex();
            if (h == titleIndex) {
                continue;
            }
            // a spec mostly writes the template's headings as the template does, in its order: a
            // heading whose title is that of template section `next` (or of one just after it,
            // when the spec leaves a section out) has that section's key (SectionSpec.key is its
            // title's key) and its sections with the key, found by a comparison or two instead of
            // hashing the heading and looking it up
            String title = s.title();
            int templateParent = templateParentOf(h);
            int same = sameTitle(plan, next, title);
            if (same >= 0) {
                keys[h] = plan.keys[same];
                int[] withKey = plan.ownKey[same];
                for (int k = 0; k < withKey.length; k++) {
                    int c = withKey[k];
                    if (plan.levels[c] == level && plan.parents[c] == templateParent) {
                        if (specOfTemplate[c] < 0) {
                            specOfTemplate[c] = h;
                            templateOfSpec[h] = c;
                            next = c + 1;
                        } else {
                            duplicate = marked(duplicate, h);
                        }
                        break;
                    }
                }
                continue;
            }
            String key = HeadingKey.of(title);
            keys[h] = key;
            List<SectionSpec> withKey = schema.sectionsWithKey(key);
            for (int k = 0; k < withKey.size(); k++) {
                int c = withKey.get(k).index();
                if (plan.levels[c] == level && plan.parents[c] == templateParent) {
                    if (specOfTemplate[c] < 0) {
                        specOfTemplate[c] = h;
                        templateOfSpec[h] = c;
                        next = c + 1;
                    } else {
                        duplicate = marked(duplicate, h);
                    }
                    break;
                }
            }
        }
        List<Section> repeated = null;
        for (int h = 0; h < count; h++) {
            if (h == titleIndex || templateOfSpec[h] >= 0) {
                continue;
            }
            if (duplicate != null && duplicate[h]) {
                repeated = added(repeated, headings.get(h));
                continue;
            }
            List<SectionSpec> candidates = plausible(h, levels[h], schema.sectionsWithKey(keys[h]));
            if (candidates.isEmpty()) {
                continue;
            }
            SectionSpec chosen = pick(candidates, templateParentOf(h));
            if (specOfTemplate[chosen.index()] < 0) {
                specOfTemplate[chosen.index()] = h;
                templateOfSpec[h] = chosen.index();
            } else if (levels[h] <= chosen.level()) {
                repeated = added(repeated, headings.get(h));
            }
        }
        if (repeated != null) {
            // a plain lambda, not Comparator.comparingInt: see Diagnostic.compareTo
            repeated.sort((a, b) -> Integer.compare(a.index(), b.index()));
            duplicates = Collections.unmodifiableList(repeated);
        }
    }

    /** How many template sections after {@code next} {@link #sameTitle} also compares. */
    private static final int LOOK_AHEAD = 2;

    /**
     * The template section from {@code next} to {@value #LOOK_AHEAD} after it whose title is {@code
     * title}, or -1.
     */
    private static int sameTitle(Plan plan, int next, String title) {
        int last = Math.min(next + LOOK_AHEAD, plan.titles.length - 1);
        int length = title.length();
        for (int c = next; c <= last; c++) {
            String t = plan.titles[c];
            // compareTo, not equals: under C1 (the launcher's JIT) equals compares byte by byte,
            // compareTo through the word-at-a-time mismatch stub (~40 % less for a heading's title)
            if (t.length() == length && t.compareTo(title) == 0) {
                return c;
            }
        }
        return -1;
    }

    /** {@code marks} with {@code h} marked, made when first needed (most specs repeat nothing). */
    private boolean[] marked(boolean[] marks, int h) {
        boolean[] m = marks != null ? marks : new boolean[templateOfSpec.length];
        m[h] = true;
        return m;
    }

    private static List<Section> added(List<Section> list, Section s) {
        List<Section> l = list != null ? list : new ArrayList<>();
        l.add(s);
        return l;
    }

    /** The candidates a heading that stands elsewhere than the template says may still be. */
    private List<SectionSpec> plausible(int h, int level, List<SectionSpec> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<SectionSpec> kept = new ArrayList<>(candidates.size());
        for (SectionSpec c : candidates) {
            boolean ok =
                    level <= c.level()
                            || directlyUnder(h, c.parent())
                            || (level == c.level() + 1 && inside(h, c.parent()));
            if (ok) {
                kept.add(c);
            }
        }
        return kept;
    }

    private boolean directlyUnder(int h, int templateParent) {
        int p = parents[h];
        if (templateParent < 0) {
            return p < 0 || p == titleIndex;
        }
        return p >= 0 && templateOfSpec[p] == templateParent;
    }

    private boolean inside(int h, int templateParent) {
        if (templateParent < 0) {
            return true;
        }
        for (int p = parents[h]; p >= 0; p = parents[p]) {
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

    /** The template section matched by heading {@code h}'s nearest matched ancestor, or -1. */
    private int templateParentOf(int h) {
        for (int p = parents[h]; p >= 0 && p != titleIndex; p = parents[p]) {
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
        return duplicates; // unmodifiable
    }

    /**
     * The {@link HeadingKey} of a document section, as the match computed it (the title's on first
     * use, then kept: a title is unique to its spec, so {@code HeadingKey}'s cache never has it).
     */
    public String key(Section section) {
        String key = keys[section.index()];
        if (key == null) {
            // not kept in HeadingKey's cache: a title would only push out the template's headings
            key = HeadingKey.ofUnique(section.title());
            keys[section.index()] = key;
        }
        return key;
    }

    /** The document's title heading index, or -1. */
    public int titleIndex() {
        return titleIndex;
    }
}
