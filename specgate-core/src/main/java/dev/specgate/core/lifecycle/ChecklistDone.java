package dev.specgate.core.lifecycle;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.model.TextMark;
import java.util.ArrayList;
import java.util.List;

/**
 * Every task-list item under some headings (their sub-headings included) is ticked. Each open item
 * is a reason, and so is each task box there that Markdown does not read as one ({@code -[ ]},
 * {@code - [ x]}), whatever silences {@code task-box}: no item is read of it, so none is ticked. A
 * heading the spec lacks has no items; {@code check} reports the missing section.
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
            for (TextMark box : context.checklist().malformedUnder(heading)) {
                reasons.add(unreadBox(heading, box));
            }
        }
        return reasons;
    }

    /**
     * The reason a task box under {@code heading} that Markdown does not read as one holds a move
     * back, on its line: what this gate and a {@code gates:} checklist's ({@link
     * GatedChecklistDone}) say.
     */
    static GateReason unreadBox(String heading, TextMark box) {
        return new GateReason(
                box.range().startLine(),
                Checklist.unreadBox(heading, box) + ": write it '- [ ] ' or '- [x] '");
    }
}
