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
import java.util.Optional;

/** A template section written at another heading level than the template's. */
public final class SectionLevelRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_LEVEL;

    public SectionLevelRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A section stands at the wrong heading level.");
    }

    @Override
    public void check(RuleContext ctx) {
        SectionMatch match = ctx.sectionMatch();
        for (Section s : ctx.document().sections()) {
            Optional<SectionSpec> t = match.templateSection(s);
            if (t.isPresent() && t.get().level() != s.level()) {
                ctx.report(
                        s.range(),
                        "section '"
                                + ReadableHeading.of(s)
                                + "' should be a level-"
                                + t.get().level()
                                + " heading ('"
                                + "#".repeat(t.get().level())
                                + "'), found level "
                                + s.level());
            }
        }
    }
}
