package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * Placeholder-like bracketed prose that is not the template's, such as {@code [to be filled in]}:
 * not a link, task box, footnote, reference or anything inside code.
 */
public final class PlaceholderBracketRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_BRACKET;

    public PlaceholderBracketRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "Bracketed placeholder-like text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.GENERIC,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "placeholder-like text '"
                                        + PlaceholderRuleSupport.shorten(b.text())
                                        + "' left in ("
                                        + PlaceholderRuleSupport.escapeHint(b)
                                        + " if it is meant literally)"));
    }
}
