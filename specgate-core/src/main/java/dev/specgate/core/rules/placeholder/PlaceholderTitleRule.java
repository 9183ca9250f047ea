package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.List;

/**
 * The title still holds a placeholder, such as {@code [Feature/Problem Name]}, or one of the
 * project's extra placeholders ({@code # KEP-NNNN: Title}).
 */
public final class PlaceholderTitleRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_TITLE;

    public PlaceholderTitleRule() {
        super(ID, RuleCategory.PLACEHOLDER, Severity.ERROR, "The title still holds a placeholder.");
    }

    @Override
    public void check(RuleContext ctx) {
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.TITLE,
                b ->
                        ctx.report(
                                ctx.draftLenient(),
                                b.range(),
                                "title still holds the placeholder '"
                                        + PlaceholderRuleSupport.shorten(b.text())
                                        + "': name the feature or problem"));
        List<ExtraPlaceholders.Found> found = ExtraPlaceholders.find(ctx);
        int title = found.isEmpty() ? -1 : ExtraPlaceholders.titleLine(ctx);
        for (ExtraPlaceholders.Found f : found) {
            if (f.range().startLine() == title) {
                ctx.report(
                        ctx.draftLenient(),
                        f.range(),
                        "title still holds the placeholder '"
                                + PlaceholderRuleSupport.shorten(f.text())
                                + "' (listed under 'placeholders' in .specgate.yml)");
            }
        }
    }
}
