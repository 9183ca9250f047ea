package dev.specgate.core.rules.checklist;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.GatedChecklists;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.StatusReading;
import dev.specgate.core.schema.TemplateSchema;
import java.util.Optional;

/**
 * A spec at a status {@code gates:} in {@code .specgate.yml} guards (or a later one) has an open
 * item in a gated checklist, or lacks the gated section: what the move there refuses ({@link
 * GatedChecklists}, the reading the gate takes too), reported when the status was written by hand,
 * as {@code decision-open} reports an Approved spec with an open decision. A gated section the spec
 * lacks is named here whatever {@code section-missing} says of a required one (an error, a warning,
 * turned off, silenced by a comment or hidden by a baseline), as the move names it: only this
 * rule's own name silences the gate. So is a task box under it that Markdown does not read as one
 * ({@code -[ ]}), whatever silences {@code task-box}: no item is read of it, so none is ticked. A
 * gated section left with no task item at all is reported on its heading, as the move refuses it.
 */
public final class GateOpenRule extends BaseRule {

    public static final String ID = RuleIds.GATE_OPEN;

    public GateOpenRule() {
        super(
                ID,
                RuleCategory.CHECKLIST,
                Severity.ERROR,
                "A spec at a status 'gates:' guards has an open item in, or lacks, a gated"
                        + " checklist.");
    }

    @Override
    public void check(RuleContext ctx) {
        TemplateSchema schema = ctx.schema();
        if (schema.checklistGates().isEmpty()) {
            return;
        }
        Optional<String> status = StatusReading.plain(ctx.document(), schema);
        if (status.isEmpty()) {
            return;
        }
        // read as every other reading of the status reads it (Strictness, the gates): a
        // 'Shipped (v2)' written by hand is held at Shipped
        Optional<String> known = schema.status(status.get());
        if (known.isEmpty()) {
            return; // a value that is no status: field-value reports it
        }
        String held = known.get();
        for (GatedChecklists.Gated g :
                GatedChecklists.heldAt(
                        schema, ctx.document(), Checklist.of(ctx.document()), held)) {
            if (!g.present()) {
                ctx.report(where(ctx), g.missingMessage() + ", and the spec is " + held);
                continue;
            }
            if (g.emptied()) {
                ctx.report(
                        g.at(),
                        g.emptiedMessage()
                                + ", and the spec is "
                                + held
                                + ": keep its items, ticked when done (a step that does not apply"
                                + " as '- [x] ... (not needed: why)')");
            }
            for (ChecklistEntry e : g.open()) {
                String text = DecisionOpenRule.said(e);
                ctx.report(
                        e.item().range(),
                        g.heading()
                                + " item "
                                + e.id()
                                + (text.isEmpty() ? " (no text)" : " '" + text + "'")
                                + " is still open while the spec is "
                                + held
                                + ", and 'gates:' asks every "
                                + g.heading()
                                + " item ticked before "
                                + g.status()
                                + ": tick it when done, or set the status back");
            }
            for (TextMark box : g.malformed()) {
                ctx.report(
                        box.range(),
                        Checklist.unreadBox(g.heading(), box)
                                + " while the spec is "
                                + held
                                + ", and 'gates:' asks every "
                                + g.heading()
                                + " item ticked before "
                                + g.status()
                                + ": write it '- [x] ' when done, or set the status back");
            }
        }
    }

    /** The status field's line, which asks for the section. */
    private static SourceRange where(RuleContext ctx) {
        return ctx.metadata(ctx.schema().statusField())
                .map(Field::labelRange)
                .orElse(SourceRange.fileStart());
    }
}
