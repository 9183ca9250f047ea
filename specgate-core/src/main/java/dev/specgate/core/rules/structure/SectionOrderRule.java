package dev.specgate.core.rules.structure;

import dev.specgate.core.Severity;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.SectionSpec;
import java.util.Optional;

/**
 * A template section that comes after a section the template puts later. Only the section that
 * breaks the order is reported, not every one after it.
 */
public final class SectionOrderRule extends BaseRule {

    public static final String ID = "section-order";

    public SectionOrderRule() {
        super(ID, "structure", Severity.ERROR, "Sections are not in the template's order.");
    }

    @Override
    public void check(RuleContext ctx) {
        SectionMatch match = ctx.sectionMatch();
        SectionSpec previous = null;
        Section previousSection = null;
        for (Section s : ctx.document().sections()) {
            Optional<SectionSpec> t = match.templateSection(s);
            if (t.isEmpty()) {
                continue;
            }
            if (previous != null && t.get().index() < previous.index()) {
                ctx.report(
                        s.range(),
                        "section '"
                                + s.title()
                                + "' is out of order: the template puts it before '"
                                + previousSection.title()
                                + "'");
            }
            previous = t.get();
            previousSection = s;
        }
    }
}
