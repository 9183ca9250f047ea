package dev.specgate.core.rules.approval;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import java.util.Optional;

/**
 * A spec that says Approved or later must record its approval (a warning by default; a team that
 * wants every approval bound to its content sets it to error).
 */
public final class ApprovalMissingRule extends BaseRule {

    public static final String ID = RuleIds.APPROVAL_MISSING;

    public ApprovalMissingRule() {
        super(
                ID,
                RuleCategory.APPROVAL,
                Severity.WARNING,
                "An Approved spec has no approval record.");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Approvals.askedAt(ctx.schema(), ctx.strictness())
                || ctx.metadata(ctx.approvals().field()).isPresent()) { // its recordField
            return;
        }
        Optional<Field> status = ctx.metadata(ctx.schema().statusField());
        if (status.isEmpty()) {
            status = ctx.metadata(TemplateSchema.STATUS_FIELD);
        }
        String written = StatusReading.plain(ctx.document(), ctx.schema()).orElse("Approved");
        ctx.report(
                status.map(Field::labelRange).orElse(SourceRange.fileStart()),
                "the spec says "
                        + written
                        + " but records no approval: no '"
                        // as approve writes it, in the status field's form: '**Approval:**', a
                        // team's front matter 'approval:'
                        + status.map(Field::form)
                                .orElse(FieldForm.BOLD_LINE)
                                .markdown(ctx.approvals().field())
                        + "' field"
                        + advice(ctx));
    }

    /** What to do, after the finding: where an approval under an earlier name is, it is said. */
    private static String advice(RuleContext ctx) {
        Optional<String> stray = ctx.approvals().strayNote(ctx.document());
        if (stray.isPresent()) {
            // an approval under the field's earlier name is no approval here: said, not ignored
            return "; "
                    + stray.get()
                    + (ctx.approvals().field().equals(Approvals.DEFAULT_FIELD)
                            ? " (the default: approval-field in .specgate.yml names another)"
                            : " (approval-field in .specgate.yml)")
                    + (ctx.approvals().strayInSidecar(ctx.document())
                            // Specgate does not write the metadata file: the key is renamed there
                            ? ": rename that key to '"
                                    + ctx.approvals().field()
                                    + "' in "
                                    + ctx.schema().sidecar().orElse("the metadata file")
                                    + " (the record then holds if the content is the one"
                                    + " approved)"
                            // the rule asks only where a move records (Approvals.appliesTo)
                            : ": review the spec again, then specgate approve SPEC --refresh"
                                    + " records the approval under that name in place of the old"
                                    + " line");
        }
        // the spec is at Approved or later already: a plain approve refuses to approve it again
        return " (once it is reviewed, record the approval with specgate approve SPEC --refresh"
                + " --by NAME, which binds it to the content)";
    }
}
