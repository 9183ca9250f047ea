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
import dev.specgate.core.schema.TemplateSchema;
import java.util.Optional;

/**
 * From Approved on, the content approved must be the content now: the approval field's fingerprint
 * must match the spec's. The message names the sections that changed (from the section digests the
 * record keeps). A change of the fields under the title is said as such, not as a change of the
 * title, and when they hold the File field, that a rename would change it (the digest cannot tell
 * which field changed): the usual cause after approval, undone by restoring the name. An approval
 * field that is not a record Specgate can read is reported too: it proves nothing.
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
        Optional<ApprovalCheck> state = ctx.approvalState();
        if (state.isEmpty()) {
            return; // before Approved, or no approval field: approval-missing says so
        }
        ApprovalCheck check = state.get();
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
                            + (check.titleFieldsHold(TemplateSchema.FILE_FIELD)
                                    ? " (if the spec was renamed, its "
                                            + TemplateSchema.FILE_FIELD
                                            + " field changed with it: restore the name it was"
                                            + " approved under, or review it again, then "
                                    : " (review it again, then ")
                            + Approvals.REFRESH_COMMAND
                            + " "
                            + Approvals.refreshWord(ctx.file())
                            + ")");
        }
    }
}
