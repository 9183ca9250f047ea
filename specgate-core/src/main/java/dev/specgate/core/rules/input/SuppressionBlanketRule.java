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
 * A {@code <!-- specgate-disable -->} names no rule, so it silences every rule from there on (or,
 * before the first section heading, in the whole file): one such comment let a spec with missing
 * sections and template placeholders pass {@code check} and the status gates. Warning in a Draft,
 * error from Review on. A spec's comments cannot silence this finding (see {@link Suppressions}). A
 * {@code specgate-disable-next-line} without rule ids is not reported: it covers the one line under
 * it.
 */
public final class SuppressionBlanketRule extends BaseRule {

    public static final String ID = RuleIds.SUPPRESSION_BLANKET;

    public SuppressionBlanketRule() {
        super(
                ID,
                RuleCategory.INPUT,
                Severity.ERROR,
                "A specgate-disable comment names no rule, so it silences every rule.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Suppressions.Blanket blanket :
                ctx.derived(Suppressions.class, Suppressions::of).blankets()) {
            String reach;
            if (blanket.wholeFile() && blanket.ended()) {
                reach = "from the first line to its " + Suppressions.ENABLE;
            } else if (blanket.wholeFile()) {
                reach = "for the whole file";
            } else if (blanket.ended()) {
                reach = "from here to its " + Suppressions.ENABLE;
            } else {
                reach = "from here to the end of the file";
            }
            ctx.report(
                    ctx.draftLenient(),
                    SourceRange.ofLine(blanket.line(), 0, 0),
                    "'"
                            + Suppressions.DISABLE
                            + "' names no rule, so it silences every rule ("
                            + reach
                            + "): name the rules it is for");
        }
    }
}
