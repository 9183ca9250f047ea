package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.SectionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Template sections out of the template's order. Sections are compared with their siblings (the
 * template sections under the same parent), so that a moved section is reported once, not every
 * subsection after it: of each group of siblings, the longest run already in template order stands,
 * and each sibling outside it is reported. A subsection written under another template section than
 * its own is reported as misplaced (unless its own parent is missing, which {@code section-missing}
 * reports).
 */
public final class SectionOrderRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_ORDER;

    /** Heading levels are 1 to 6. */
    private static final int MAX_LEVEL = 6;

    public SectionOrderRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "Sections are not in the template's order.");
    }

    @Override
    public void check(RuleContext ctx) {
        SectionMatch match = ctx.sectionMatch();
        List<SectionSpec> template = ctx.schema().sections();
        List<Section> sections = ctx.document().sections();
        // each heading's group of siblings (its template parent + 1: the top level is parent -1),
        // or -1 when it matches nothing or is misplaced; and the template section last seen in
        // each group, to tell whether every group is in order (most specs) without building them
        int[] groupOf = new int[sections.size()];
        int[] lastInGroup = new int[template.size() + 1];
        Arrays.fill(lastInGroup, -1);
        boolean outOfOrder = false;
        Section[] openAtLevel = new Section[MAX_LEVEL + 2];
        for (int i = 0; i < sections.size(); i++) {
            groupOf[i] = -1;
            Section s = sections.get(i);
            int matched = match.templateIndex(s);
            if (matched < 0) {
                continue;
            }
            SectionSpec t = template.get(matched);
            Section enclosing = enclosing(openAtLevel, t.level());
            openAtLevel[t.level()] = s;
            for (int l = t.level() + 1; l < openAtLevel.length; l++) {
                openAtLevel[l] = null;
            }
            if (t.parent() >= 0 && match.specIndex(template.get(t.parent())) >= 0) {
                int enclosingSpec = enclosing == null ? -1 : match.templateIndex(enclosing);
                if (enclosingSpec != t.parent()) {
                    reportMisplaced(ctx, s, template.get(t.parent()), enclosing);
                    continue;
                }
            }
            int group = t.parent() + 1;
            groupOf[i] = group;
            outOfOrder |= matched <= lastInGroup[group];
            lastInGroup[group] = matched;
        }
        if (!outOfOrder) {
            return; // each group's longest run is all of it: nothing out of order
        }
        // the groups in the order their first sibling appears
        boolean[] done = new boolean[template.size() + 1];
        for (int i = 0; i < sections.size(); i++) {
            int group = groupOf[i];
            if (group < 0 || done[group]) {
                continue;
            }
            done[group] = true;
            List<Section> siblings = new ArrayList<>();
            for (int j = i; j < sections.size(); j++) {
                if (groupOf[j] == group) {
                    siblings.add(sections.get(j));
                }
            }
            reportOutOfOrder(ctx, match, siblings);
        }
    }

    /** The nearest open section of a lower template level: where a reader sees {@code s}. */
    private static Section enclosing(Section[] openAtLevel, int level) {
        for (int l = Math.min(level - 1, openAtLevel.length - 1); l >= 1; l--) {
            if (openAtLevel[l] != null) {
                return openAtLevel[l];
            }
        }
        return null;
    }

    private static void reportMisplaced(
            RuleContext ctx, Section s, SectionSpec parent, Section enclosing) {
        ctx.report(
                s.range(),
                "section '"
                        + ReadableHeading.of(s)
                        + "' belongs under '"
                        + ReadableHeading.of(parent)
                        + "'"
                        + (enclosing == null
                                ? ""
                                : ", not under '" + ReadableHeading.of(enclosing) + "'"));
    }

    /** Reports the siblings outside the longest run in template order. */
    private static void reportOutOfOrder(RuleContext ctx, SectionMatch match, List<Section> group) {
        int n = group.size();
        int[] order = new int[n];
        boolean inOrder = true;
        for (int i = 0; i < n; i++) {
            order[i] = match.templateIndex(group.get(i));
            inOrder &= i == 0 || order[i] > order[i - 1];
        }
        if (inOrder) {
            return; // the longest run is all of them (most specs): nothing out of order
        }
        boolean[] kept = longestIncreasingRun(order);
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                continue;
            }
            Section s = group.get(i);
            Section before = null;
            for (int j = 0; j < i && before == null; j++) {
                if (kept[j] && order[j] > order[i]) {
                    before = group.get(j);
                }
            }
            String where;
            if (before != null) {
                where = "before '" + ReadableHeading.of(before) + "'";
            } else {
                Section after = null;
                for (int j = n - 1; j > i && after == null; j--) {
                    if (kept[j] && order[j] < order[i]) {
                        after = group.get(j);
                    }
                }
                where = after == null ? "elsewhere" : "after '" + ReadableHeading.of(after) + "'";
            }
            ctx.report(
                    s.range(),
                    "section '"
                            + ReadableHeading.of(s)
                            + "' is out of order: the template puts it "
                            + where);
        }
    }

    /**
     * Marks a longest strictly increasing subsequence of {@code order}; among equally long ones,
     * the one that keeps the earliest sections, so that the section that moved later is reported.
     * Quadratic in the number of siblings, which the template bounds.
     */
    static boolean[] longestIncreasingRun(int[] order) {
        int n = order.length;
        int[] longestFrom = new int[n];
        int best = 0;
        for (int i = n - 1; i >= 0; i--) {
            longestFrom[i] = 1;
            for (int j = i + 1; j < n; j++) {
                if (order[j] > order[i] && longestFrom[j] + 1 > longestFrom[i]) {
                    longestFrom[i] = longestFrom[j] + 1;
                }
            }
            best = Math.max(best, longestFrom[i]);
        }
        boolean[] kept = new boolean[n];
        int need = best;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < n && need > 0; i++) {
            if (longestFrom[i] == need && order[i] > last) {
                kept[i] = true;
                last = order[i];
                need--;
            }
        }
        return kept;
    }
}
