package dev.specgate.core.lifecycle;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.util.List;

/**
 * The spec's approval still holds: {@code check} at Approved strictness finds no approval-stale
 * error, so the content is the content approved (or the rule is turned off or down to a warning in
 * the configuration). The reason is the rule's message, which names the sections that changed. A
 * spec without an approval record passes: approval-missing is a warning unless configured as an
 * error, and then the check's own gate states it. Judged only when the context has the spec's text,
 * as every move does ({@link Lifecycle#evaluate(java.nio.file.Path,
 * dev.specgate.core.edit.SpecSource, dev.specgate.core.model.SpecDocument, SpecStatus,
 * java.time.LocalDate)}); a report of the moves open from a document alone does not judge it.
 */
public final class ApprovalHolds implements GateCondition {

    @Override
    public List<GateReason> reasons(GateContext context) {
        return context.checkText(Strictness.APPROVED)
                .map(
                        r ->
                                r.diagnostics().stream()
                                        .filter(d -> d.severity() == Severity.ERROR)
                                        .filter(d -> d.ruleId().equals(RuleIds.APPROVAL_STALE))
                                        .map(ApprovalHolds::reason)
                                        .toList())
                .orElse(List.of());
    }

    private static GateReason reason(Diagnostic d) {
        return new GateReason(d.range().startLine(), "[" + d.ruleId() + "] " + d.message());
    }
}
