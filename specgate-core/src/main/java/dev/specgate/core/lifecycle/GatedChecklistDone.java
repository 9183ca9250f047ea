package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.GatedChecklists;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklists {@code gates:} names for a status, and for every status before it, are in the
 * spec, with every item ticked ({@link GatedChecklists#heldAt}). A gated section the spec lacks is
 * a reason naming it: unlike {@link ChecklistDone}'s decision checklists, which {@code check} holds
 * to the template, a gated section deleted from the spec would otherwise let the move through with
 * its work undone.
 */
public final class GatedChecklistDone implements GateCondition {

    private final String status;
    private final Strictness checkedAt;

    /**
     * @param status the status moved to, as the template spells it
     * @param checkedAt the strictness the gate's {@link NoCheckErrors} checks the spec at
     */
    public GatedChecklistDone(String status, Strictness checkedAt) {
        this.status = requireNonNull(status, "status must not be null");
        this.checkedAt = requireNonNull(checkedAt, "checkedAt must not be null");
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        List<GateReason> reasons = new ArrayList<>();
        for (GatedChecklists.Gated g :
                GatedChecklists.heldAt(
                        context.schema(), context.document(), context.checklist(), status)) {
            if (!g.present() && !statedBySectionMissing(context, g.heading())) {
                reasons.add(GateReason.ofSpec(g.missingMessage()));
            }
            for (ChecklistEntry e : g.open()) {
                reasons.add(
                        new GateReason(
                                e.line(),
                                g.heading() + " item " + e.id() + " is not checked: " + e.text()));
            }
        }
        return reasons;
    }

    /**
     * Whether the gate's check already refuses the move for the missing section: {@code
     * section-missing} reports it as an error ({@link GatedChecklists#leftToSectionMissing}, what
     * {@code gate-open} asks too; not when the rule is turned off or a warning, or the section is
     * optional).
     */
    private static boolean statedBySectionMissing(GateContext context, String heading) {
        return GatedChecklists.leftToSectionMissing(
                context.schema(),
                context.document(),
                heading,
                context.level(RuleIds.SECTION_MISSING));
    }
}
