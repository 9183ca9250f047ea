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
 * A suppression comment names a rule a spec cannot silence itself ({@code <!-- specgate-disable
 * approval-stale -->}): the approval rules hold an approval to the text it approved, so a comment
 * added to that text silences nothing, and the finding stays. Naming {@code suppression-blanket} is
 * refused too: that finding is about the spec's own comments. Said, so the author knows why.
 */
public final class SuppressionRefusedRule extends BaseRule {

    public static final String ID = RuleIds.SUPPRESSION_REFUSED;

    public SuppressionRefusedRule() {
        super(
                ID,
                RuleCategory.INPUT,
                Severity.WARNING,
                "A suppression comment names a rule a spec cannot silence itself.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Suppressions.RuleName named :
                ctx.derived(Suppressions.class, Suppressions::of).ruleNames()) {
            if (Suppressions.ABOUT_THE_COMMENTS.contains(named.ruleId())) {
                ctx.report(
                        SourceRange.ofLine(named.line(), 0, 0),
                        "'"
                                + named.directive()
                                + "' cannot silence "
                                + named.ruleId()
                                + ": it is about the suppression comments, and a comment cannot"
                                + " vouch for itself (a project turns the rule off in"
                                + " .specgate.yml)");
            } else if (Suppressions.NOT_SILENCED_BY_THE_SPEC.contains(named.ruleId())) {
                ctx.report(
                        SourceRange.ofLine(named.line(), 0, 0),
                        "'"
                                + named.directive()
                                + "' cannot silence "
                                + named.ruleId()
                                + ": an approval is bound to the spec's text, which this comment"
                                + " is part of (a project that does not bind approvals turns the"
                                + " rule off in .specgate.yml)");
            }
        }
    }
}
