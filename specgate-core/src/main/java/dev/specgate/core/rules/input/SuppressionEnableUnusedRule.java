package dev.specgate.core.rules.input;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.suppress.Suppressions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A {@code <!-- specgate-enable -->} ends no {@code specgate-disable} written above it, so it does
 * nothing: there is none, or the disable it was meant to end stands below it (an enable ends only a
 * disable above it, even one before the first section heading that reaches back to the file's first
 * line). Said, so that an author who put the pair the wrong way round learns that the disable is
 * not ended.
 */
public final class SuppressionEnableUnusedRule extends BaseRule {

    public static final String ID = RuleIds.SUPPRESSION_ENABLE_UNUSED;

    public SuppressionEnableUnusedRule() {
        super(
                ID,
                RuleCategory.INPUT,
                Severity.WARNING,
                "A specgate-enable comment ends no specgate-disable above it.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Suppressions.UnusedEnable enable :
                ctx.derived(Suppressions.class, Suppressions::of).unusedEnables()) {
            String named = enable.rules().isEmpty() ? "" : " " + String.join(", ", enable.rules());
            ctx.report(
                    SourceRange.ofLine(enable.line(), 0, 0),
                    "'"
                            + Suppressions.ENABLE
                            + named
                            + "' ends no '"
                            + Suppressions.DISABLE
                            + "'"
                            + (named.isEmpty() ? "" : " of" + named)
                            + " above it, so it does nothing (an enable ends only a disable"
                            + " written above it): remove it, or move it below the disable it is"
                            + " for");
        }
    }
}
