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
 * A suppression comment names a rule that does not exist ({@code <!-- specgate-disable
 * placeholder-tempalte -->}): it silences nothing, and the finding it was meant for stays. The same
 * typo in {@code .specgate.yml} is an error there.
 */
public final class SuppressionUnknownRuleRule extends BaseRule {

    public static final String ID = RuleIds.SUPPRESSION_UNKNOWN_RULE;

    public SuppressionUnknownRuleRule() {
        super(
                ID,
                RuleCategory.INPUT,
                Severity.WARNING,
                "A suppression comment names a rule that does not exist.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Suppressions.RuleName named :
                ctx.derived(Suppressions.class, Suppressions::of).ruleNames()) {
            if (!ctx.knownRuleIds().contains(named.ruleId())) {
                ctx.report(
                        SourceRange.ofLine(named.line(), 0, 0),
                        "'"
                                + named.directive()
                                + "' names no rule '"
                                + named.ruleId()
                                + "', so it silences nothing (rule ids are listed in"
                                + " docs/rules.md)");
            }
        }
    }
}
