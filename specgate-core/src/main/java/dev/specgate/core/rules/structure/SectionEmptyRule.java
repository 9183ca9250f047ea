package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * A section with neither content nor subsections. Any content counts as filled, including "N/A",
 * "None" or "Not applicable"; HTML comments do not. A warning in a Draft, an error from Review on.
 */
public final class SectionEmptyRule extends BaseRule {

    public static final String ID = RuleIds.SECTION_EMPTY;

    public SectionEmptyRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A section has no content (write N/A when it does not apply).");
    }

    @Override
    public void check(RuleContext ctx) {
        int title = ctx.sectionMatch().titleIndex();
        for (Section s : ctx.document().sections()) {
            if (s.index() != title && s.isEmpty()) {
                ctx.report(
                        ctx.draftLenient(),
                        s.range(),
                        "section '"
                                + ReadableHeading.of(s)
                                + "' is empty (write 'N/A' if it does not apply)");
            }
        }
    }
}
