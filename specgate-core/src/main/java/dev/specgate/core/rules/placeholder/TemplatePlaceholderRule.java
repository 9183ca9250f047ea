package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;

/** A placeholder of the template left in, such as {@code [Time estimate]} (exact text). */
public final class TemplatePlaceholderRule extends BaseRule {

    public static final String ID = "placeholder-template";

    public TemplatePlaceholderRule() {
        super(ID, "placeholder", Severity.ERROR, "Template placeholder text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.TEMPLATE,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "template placeholder '"
                                        + PlaceholderRuleSupport.shorten(b.text())
                                        + "' left in"));
    }
}
