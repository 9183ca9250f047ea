package dev.specgate.core.lifecycle;

import dev.specgate.core.checklist.ChecklistEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every task-list item under some headings (their sub-headings included) is ticked. Each open item
 * is a reason. A heading the spec lacks has no items; {@code check} reports the missing section.
 */
public final class ChecklistDone implements GateCondition {

    private final List<String> headings;

    public ChecklistDone(List<String> headings) {
        if (headings.isEmpty()) {
            throw new IllegalArgumentException("headings must not be empty");
        }
        this.headings = List.copyOf(headings);
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        List<GateReason> reasons = new ArrayList<>();
        for (String heading : headings) {
            for (ChecklistEntry e : context.checklist().under(heading)) {
                if (!e.checked()) {
                    reasons.add(
                            new GateReason(
                                    e.line(),
                                    heading + " item " + e.id() + " is not checked: " + e.text()));
                }
            }
        }
        return reasons;
    }
}
