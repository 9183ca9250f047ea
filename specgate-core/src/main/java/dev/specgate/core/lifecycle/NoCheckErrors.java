package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.util.List;
import java.util.Set;

/**
 * {@code check} finds no error when the spec is held at a given strictness. Each error is a reason.
 * Findings of rules that another condition of the same gate states itself can be left out, so that
 * a problem is not given twice.
 */
public final class NoCheckErrors implements GateCondition {

    private final Strictness strictness;
    private final Set<String> statedElsewhere;

    /**
     * @param statedElsewhere ids of rules whose findings another condition of the gate reports
     */
    public NoCheckErrors(Strictness strictness, Set<String> statedElsewhere) {
        this.strictness = requireNonNull(strictness, "strictness must not be null");
        this.statedElsewhere = Set.copyOf(statedElsewhere);
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        return context.check(strictness).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> !statedElsewhere.contains(d.ruleId()))
                // gate-open judges the spec at the status it is written with; the gate's own
                // GatedChecklistDone judges the gated checklists at the status moved to
                .filter(d -> !d.ruleId().equals(RuleIds.GATE_OPEN))
                .map(NoCheckErrors::reason)
                .toList();
    }

    private static GateReason reason(Diagnostic d) {
        return new GateReason(d.range().startLine(), "[" + d.ruleId() + "] " + d.message());
    }
}
