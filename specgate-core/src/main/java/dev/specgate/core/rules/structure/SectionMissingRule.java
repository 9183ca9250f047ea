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
import dev.specgate.core.schema.SectionSpec;
import java.util.List;
import java.util.Optional;

/**
 * A section the template requires is absent. Reported at the heading it should precede (or at its
 * parent, or the title, when nothing follows it); the children of a missing section are not
 * reported again. A missing title is reported at line 1.
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
        for (SectionSpec t : sections) {
            if (t.optional() || match.specSection(t).isPresent()) {
                continue;
            }
            if (t.parent() >= 0 && match.specSection(sections.get(t.parent())).isEmpty()) {
                continue; // its parent is reported
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
