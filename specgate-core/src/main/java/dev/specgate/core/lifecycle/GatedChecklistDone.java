package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.checklist.GatedChecklists;
import dev.specgate.core.model.TextMark;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklists {@code gates:} names for a status, and for every status before it, are in the
 * spec, with every item ticked ({@link GatedChecklists#heldAt}). A gated section the spec lacks is
 * a reason naming it, whatever {@code section-missing} says of it; so is a gated section left with
 * no task item, and a task box under one that Markdown does not read as one, whatever {@code
 * task-box} says of it (the gate's check counts a rule's finding only as its level and the spec's
 * own comments let it): unlike {@link ChecklistDone}'s decision checklists, which {@code check}
 * holds to the template, a gated checklist deleted or emptied would otherwise let the move through
 * with its work undone.
 */
public final class GatedChecklistDone implements GateCondition {

    private final String status;

    /**
     * @param status the status moved to, as the template spells it
     */
    public GatedChecklistDone(String status) {
        this.status = requireNonNull(status, "status must not be null");
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        List<GateReason> reasons = new ArrayList<>();
        for (GatedChecklists.Gated g :
                GatedChecklists.heldAt(
                        context.schema(), context.document(), context.checklist(), status)) {
            if (!g.present()) {
                reasons.add(GateReason.ofSpec(g.missingMessage()));
            }
            if (g.emptied()) {
                reasons.add(new GateReason(g.at().startLine(), g.emptiedMessage()));
            }
            for (ChecklistEntry e : g.open()) {
                reasons.add(
                        new GateReason(
                                e.line(),
                                g.heading() + " item " + e.id() + " is not checked: " + e.text()));
            }
            for (TextMark box : g.malformed()) {
                reasons.add(ChecklistDone.unreadBox(g.heading(), box));
            }
        }
        return reasons;
    }
}
