package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionMatch;

/** A template section that appears twice under the same parent. */
public final class SectionDuplicateRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_DUPLICATE;

    public SectionDuplicateRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A template section appears more than once.");
    }

    @Override
    public void check(RuleContext ctx) {
        SectionMatch match = ctx.sectionMatch();
        for (Section dup : match.duplicates()) {
            ctx.report(dup.range(), "duplicate section '" + ReadableHeading.of(dup) + "'");
        }
    }
}
