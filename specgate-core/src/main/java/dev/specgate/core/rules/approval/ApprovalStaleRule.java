package dev.specgate.core.rules.approval;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.ApprovalRecord;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;

/**
 * From Approved on, the content approved must be the content now: the approval field's fingerprint
 * must match the spec's. The message names the sections that changed (from the section digests the
 * record keeps). An approval field that is not a record Specgate can read is reported too: it
 * proves nothing.
 */
public final class ApprovalStaleRule extends BaseRule {

    public static final String ID = RuleIds.APPROVAL_STALE;

    public ApprovalStaleRule() {
        super(
                ID,
                RuleCategory.APPROVAL,
                Severity.ERROR,
                "The approved content changed since the approval.");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Approvals.appliesTo(ctx.schema())
                || !ctx.strictness().atLeast(Strictness.APPROVED)
                || !ctx.hasSource()) {
            return;
        }
        if (ctx.approvalCheck().isEmpty()) {
            return; // no approval field: approval-missing says so
        }
        ApprovalCheck check = ctx.approvalCheck().get();
        Field field = check.field().get();
        if (!check.readable()) {
            ctx.report(
                    field.labelRange(),
                    "'"
                            + ctx.approvals().field()
                            + "'"
                            + " is not an approval record ('"
                            + ApprovalRecord.SHAPE
                            + "'): approve the spec with "
                            + Approvals.REFRESH_COMMAND
                            + " "
                            + Approvals.refreshWord(ctx.file()));
            return;
        }
        if (check.stale()) {
            ApprovalRecord r = check.record().get();
            ctx.report(
                    field.labelRange(),
                    "the approved content changed since the approval of "
                            + r.date()
                            + " by "
                            + r.by()
                            + " (sha256:"
                            + r.hash()
                            + ", now sha256:"
                            + check.current().hash()
                            + "): "
                            + check.changes()
                            + " (review it again, then "
                            + Approvals.REFRESH_COMMAND
                            + " "
                            + Approvals.refreshWord(ctx.file())
                            + ")");
        }
    }
}
