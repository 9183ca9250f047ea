package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.rules.SectionRename;
import dev.specgate.core.schema.SectionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A section the template requires is absent. When a heading that matches no template section is a
 * near miss of it ({@code ## Exective Summary}), reported at that heading with "did you mean";
 * otherwise at the heading it should precede (or at its parent, or the title, when nothing follows
 * it). The children of a missing section are not reported again. A missing title is reported at
 * line 1. When another heading is probably the section renamed ({@link SectionRename}), the message
 * names it and the {@code aliases:} line that accepts it.
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
        List<String> unmatchedKeys = new ArrayList<>(unmatched.size());
        for (Section s : unmatched) {
            unmatchedKeys.add(match.key(s)); // computed once, by the match
        }
        // near misses first, so that no heading is taken for a rename that is a misspelling
        int[] nearOf = null;
        for (int i = 0; i < sections.size() && !unmatched.isEmpty(); i++) {
            SectionSpec t = sections.get(i);
            if (reported(t, doc, sections, match, ctx)) {
                int nearIndex = nearMiss(t, unmatched, unmatchedKeys);
                if (nearIndex >= 0) {
                    if (nearOf == null) {
                        nearOf = new int[sections.size()];
                        Arrays.fill(nearOf, -1);
                    }
                    nearOf[i] = nearIndex;
                    unmatchedKeys.set(nearIndex, null); // suggested once
                }
            }
        }
        for (int i = 0; i < sections.size(); i++) { // by index: no iterator per spec under C1
            SectionSpec t = sections.get(i);
            if (!reported(t, doc, sections, match, ctx)) {
                continue;
            }
            int nearIndex = nearOf == null ? -1 : nearOf[i];
            if (nearIndex >= 0) {
                Section near = unmatched.get(nearIndex);
                ctx.report(
                        near.range(),
                        "missing section '"
                                + ReadableHeading.markdown(t)
                                + "': did you mean '"
                                + ReadableHeading.of(t)
                                + "'? The heading '"
                                + ReadableHeading.of(near)
                                + "' here matches no section of the template");
                continue;
            }
            int renamedIndex = renamed(t, doc, sections, match, unmatched, unmatchedKeys);
            String hint = "";
            if (renamedIndex >= 0) {
                unmatchedKeys.set(renamedIndex, null); // suggested once
                hint = SectionRename.hint(t, unmatched.get(renamedIndex));
            }
            Optional<Section> next = nextPresent(t, sections, match);
            if (next.isPresent()) {
                ctx.report(
                        next.get().range(),
                        "missing section '"
                                + ReadableHeading.markdown(t)
                                + "' (expected before '"
                                + ReadableHeading.of(next.get())
                                + "')"
                                + hint);
                continue;
            }
            Optional<Section> anchor =
                    t.parent() >= 0
                            ? match.specSection(sections.get(t.parent()))
                            : doc.section(match.titleIndex());
            int scopeStart = anchor.map(Section::line).orElse(0);
            int scopeEnd =
                    Math.min(
                            anchor.map(Section::endLine).orElse(doc.lineCount()),
                            ctx.schema().closingFieldLine(ctx.metadataFields(), scopeStart));
            int at =
                    lastContentLine(
                            ctx.lines(), scopeStart, Math.min(scopeEnd, doc.lineCount()) - 1);
            ctx.report(
                    at <= scopeStart
                            ? anchor.map(Section::range).orElse(SourceRange.fileStart())
                            : SourceRange.ofLine(at, 0, 0),
                    "missing section '"
                            + ReadableHeading.markdown(t)
                            + "'"
                            + anchor.map(
                                            a ->
                                                    " (expected at the end of '"
                                                            + ReadableHeading.of(a)
                                                            + "')")
                                    .orElse(" (expected at the end of the spec)")
                            + hint);
        }
    }

    /**
     * The index of the unmatched heading that is probably {@code t} renamed, or -1: the one heading
     * of its level between its present neighbours when {@code t} is the one section missing there
     * (a top-level section after the last one present has no neighbour after it: not by place),
     * else the one heading of its level anywhere that names it ({@link SectionRename#namesIt}).
     * Keys already suggested are null.
     */
    private static int renamed(
            SectionSpec t,
            SpecDocument doc,
            List<SectionSpec> sections,
            SectionMatch match,
            List<Section> unmatched,
            List<String> keys) {
        if (unmatched.isEmpty()) {
            return -1;
        }
        int prev = -1;
        for (int i = t.index() - 1; i >= 0 && prev < 0; i--) {
            SectionSpec s = sections.get(i);
            if (s.parent() == t.parent() && match.specIndex(s) >= 0) {
                prev = i;
            }
        }
        int next = -1;
        for (int i = t.index() + 1; i < sections.size() && next < 0; i++) {
            SectionSpec s = sections.get(i);
            if (s.parent() == t.parent() && match.specIndex(s) >= 0) {
                next = i;
            }
        }
        int missingThere = 0;
        for (int i = prev + 1; i < (next < 0 ? sections.size() : next); i++) {
            SectionSpec s = sections.get(i);
            if (s.parent() == t.parent() && !s.repeats() && match.specIndex(s) < 0) {
                missingThere++;
            }
        }
        Optional<Section> parent =
                t.parent() >= 0
                        ? match.specSection(sections.get(t.parent()))
                        : doc.section(match.titleIndex());
        int from =
                prev >= 0
                        ? match.specSection(sections.get(prev)).orElseThrow().line()
                        : parent.map(Section::line).orElse(-1);
        int to =
                next >= 0
                        ? match.specSection(sections.get(next)).orElseThrow().line()
                        : t.parent() >= 0
                                ? parent.map(Section::endLine).orElse(Integer.MAX_VALUE)
                                : Integer.MAX_VALUE;
        int inPlace = -1;
        int inPlaceCount = 0;
        int named = -1;
        int namedCount = 0;
        for (int i = 0; i < unmatched.size(); i++) {
            Section s = unmatched.get(i);
            if (keys.get(i) == null || s.level() != t.level()) {
                continue;
            }
            if (s.line() > from && s.line() < to) {
                inPlace = i;
                inPlaceCount++;
            }
            if (SectionRename.namesIt(t, s)) {
                named = i;
                namedCount++;
            }
        }
        // after the last present section of the top level the place is open (an appendix, the
        // references): a heading there is taken by its name only
        if (missingThere == 1 && inPlaceCount == 1 && (next >= 0 || t.parent() >= 0)) {
            return inPlace;
        }
        return namedCount == 1 ? named : -1;
    }

    /** Whether {@code t} is missing and reported: required, and its parent present. */
    private static boolean reported(
            SectionSpec t,
            SpecDocument doc,
            List<SectionSpec> sections,
            SectionMatch match,
            RuleContext ctx) {
        if (match.specIndex(t) >= 0 || !ctx.schema().requires(t, doc)) {
            return false;
        }
        return t.parent() < 0 || match.specIndex(sections.get(t.parent())) >= 0; // else the parent
    }

    /**
     * Where a section missing at the end of a scope belongs: after the scope's last line that is
     * not blank (not line 1, where findings would pile up).
     */
    private static int lastContentLine(String[] lines, int first, int last) {
        if (lines.length == 0 || last < first) {
            return last;
        }
        int line = Math.min(last, lines.length - 1);
        while (line > first && (lines[line].isBlank() || SpecParser.isThematicBreak(lines[line]))) {
            line--;
        }
        return line;
    }

    /** The headings that match no template section (nor the title), in document order. */
    private static List<Section> unmatched(SpecDocument doc, SectionMatch match) {
        List<Section> out = new ArrayList<>();
        int title = match.titleIndex();
        List<Section> sections = doc.sections();
        List<Section> duplicates = match.duplicates();
        boolean[] duplicate = duplicates.isEmpty() ? null : new boolean[sections.size()];
        for (int i = 0; i < duplicates.size(); i++) {
            duplicate[duplicates.get(i).index()] = true;
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.index() != title
                    && match.templateIndex(s) < 0
                    && (duplicate == null || !duplicate[s.index()])) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The index of the unmatched heading closest to {@code t}'s, when it is a likely misspelling: a
     * few edits apart relative to its length, the same level preferred; -1 when there is none. Keys
     * already suggested are null.
     */
    private static int nearMiss(SectionSpec t, List<Section> unmatched, List<String> keys) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, t.key().length() / 6));
        for (int i = 0; i < unmatched.size(); i++) {
            String key = keys.get(i);
            if (key == null
                    || key.equals(t.key()) // a deeper namesake, left alone on purpose
                    || Math.abs(key.length() - t.key().length()) > limit) {
                continue;
            }
            int d = EditDistance.levenshtein(key, t.key(), limit);
            if (d > limit) {
                continue;
            }
            int score = d * 10 + Math.abs(unmatched.get(i).level() - t.level());
            if (score < bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
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
