package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.SectionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A section the template requires is absent. When a heading that matches no template section is a
 * near miss of it ({@code ## Exective Summary}), reported at that heading with "did you mean";
 * otherwise at the heading it should precede (or at its parent, or the title, when nothing follows
 * it). The children of a missing section are not reported again. A missing title is reported at
 * line 1.
 */
public final class SectionMissingRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_MISSING;

    public SectionMissingRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A section the template requires is missing.");
    }

    @Override
    public void check(RuleContext ctx) {
        SpecDocument doc = ctx.document();
        if (ctx.schema().title().isPresent() && doc.title().isEmpty()) {
            ctx.report(
                    SourceRange.fileStart(),
                    "missing title: the spec must start with a level-1 heading ('# "
                            + ctx.schema().title().get()
                            + "')");
        }
        SectionMatch match = ctx.sectionMatch();
        List<SectionSpec> sections = ctx.schema().sections();
        List<Section> unmatched = unmatched(doc, match);
        for (SectionSpec t : sections) {
            if (t.optional() || match.specSection(t).isPresent()) {
                continue;
            }
            if (t.parent() >= 0 && match.specSection(sections.get(t.parent())).isEmpty()) {
                continue; // its parent is reported
            }
            Optional<Section> near = nearMiss(t, unmatched);
            if (near.isPresent()) {
                unmatched.remove(near.get());
                ctx.report(
                        near.get().range(),
                        "missing section '"
                                + t.heading()
                                + "': did you mean '"
                                + t.title()
                                + "'? The heading '"
                                + near.get().title()
                                + "' here matches no section of the template");
                continue;
            }
            Optional<Section> next = nextPresent(t, sections, match);
            if (next.isPresent()) {
                ctx.report(
                        next.get().range(),
                        "missing section '"
                                + t.heading()
                                + "' (expected before '"
                                + next.get().title()
                                + "')");
                continue;
            }
            Optional<Section> anchor =
                    t.parent() >= 0 ? match.specSection(sections.get(t.parent())) : doc.title();
            SourceRange at = anchor.map(Section::range).orElse(SourceRange.fileStart());
            ctx.report(
                    at,
                    "missing section '"
                            + t.heading()
                            + "'"
                            + anchor.map(a -> " (expected at the end of '" + a.title() + "')")
                                    .orElse(""));
        }
    }

    /** The headings that match no template section (nor the title), in document order. */
    private static List<Section> unmatched(SpecDocument doc, SectionMatch match) {
        List<Section> out = new ArrayList<>();
        int title = doc.title().map(Section::index).orElse(-1);
        // once, not per heading: a spec of many repeated headings made this quadratic
        Set<Integer> duplicates = new HashSet<>();
        for (Section d : match.duplicates()) {
            duplicates.add(d.index());
        }
        for (Section s : doc.sections()) {
            if (s.index() != title
                    && match.templateSection(s).isEmpty()
                    && !duplicates.contains(s.index())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The unmatched heading closest to {@code t}'s, when it is a likely misspelling: a few edits
     * apart relative to its length, the same level preferred.
     */
    private static Optional<Section> nearMiss(SectionSpec t, List<Section> unmatched) {
        Section best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Section s : unmatched) {
            String key = HeadingKey.of(s.title());
            int limit = Math.max(1, Math.min(3, t.key().length() / 6));
            if (Math.abs(key.length() - t.key().length()) > limit) {
                continue;
            }
            int d = distance(key, t.key(), limit);
            if (d > limit) {
                continue;
            }
            int score = d * 10 + Math.abs(s.level() - t.level());
            if (score < bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Optional<Section> nextPresent(
            SectionSpec t, List<SectionSpec> sections, SectionMatch match) {
        for (int i = t.index() + 1; i < sections.size(); i++) {
            Optional<Section> s = match.specSection(sections.get(i));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }
}
