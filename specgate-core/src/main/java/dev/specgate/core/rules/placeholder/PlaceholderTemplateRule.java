package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * A placeholder of the template left in, such as {@code [Time estimate]} (exact text), or one of
 * the extra placeholders a project configures ({@code placeholders:} in .specgate.yml, such as
 * {@code KEP-NNNN}), found outside code and comments.
 */
public final class PlaceholderTemplateRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_TEMPLATE;

    public PlaceholderTemplateRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "Template placeholder text is left in.");
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
        if (ctx.schema().extraPlaceholders().isEmpty() || ctx.source().isEmpty()) {
            return;
        }
        for (ExtraPlaceholders.Found f :
                ExtraPlaceholders.find(ctx.source().get(), ctx.schema().extraPlaceholders())) {
            ctx.report(
                    ctx.draftLenient(),
                    f.range(),
                    "placeholder '"
                            + PlaceholderRuleSupport.shorten(f.text())
                            + "' left in (listed under 'placeholders' in .specgate.yml)");
        }
    }
}
