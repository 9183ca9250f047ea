package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.List;

/** {@code [Date]} or {@code YYYY-MM-DD} left in prose (never inside code). */
public final class PlaceholderDateRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_DATE;

    public PlaceholderDateRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "A date placeholder ([Date] or YYYY-MM-DD) is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.DATE,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "date placeholder '"
                                        + b.text()
                                        + "' left in: write a date as YYYY-MM-DD"));
        List<SourceRange> braces = PlaceholderRuleSupport.activeBraces(ctx);
        for (TextMark mark : ctx.document().marks()) {
            if (!braces.isEmpty() && PlaceholderRuleSupport.inside(braces, mark.range())) {
                continue; // the braced date placeholder itself was reported above
            }
            ctx.report(
                    ctx.draftLenient(),
                    mark.range(),
                    "date placeholder 'YYYY-MM-DD' left in: write a real date");
        }
    }
}
