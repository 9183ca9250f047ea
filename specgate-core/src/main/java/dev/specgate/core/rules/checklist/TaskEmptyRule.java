package dev.specgate.core.rules.checklist;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Section;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.ReadableHeading;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checklist item with a box and no text ({@code - [ ]}, {@code - [x]}, or only an HTML comment
 * after the box), or, in a task list, with only its number ({@code - [ ] 3.4}): it counts in the
 * progress and can be ticked, yet says nothing that was done or decided. A warning in a Draft, an
 * error from Review on (and in a task list, which has no status).
 */
public final class TaskEmptyRule extends BaseRule {

    public static final String ID = RuleIds.TASK_EMPTY;

    /** A task list item's number as written, {@code 3.4} or {@code 3.0.T1} (as {@code TaskId}). */
    private static final Pattern TASK_NUMBER =
            Pattern.compile("^\\s*(\\d{1,6}\\.\\d{1,6}(?:\\.[TV]\\d{1,6})?)(?=\\s|$|<!--)");

    public TaskEmptyRule() {
        super(
                ID,
                RuleCategory.CHECKLIST,
                Severity.ERROR,
                "A checklist item has a box but no text.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        boolean taskList = ctx.kind() == DocumentKind.TASK_LIST;
        List<Section> sections = ctx.document().sections();
        for (ChecklistItem item : ctx.document().checklist()) {
            String number = null;
            if (!item.showsNoText()) {
                if (!taskList) {
                    continue;
                }
                Matcher m = TASK_NUMBER.matcher(item.text());
                if (!m.find() || !ChecklistItem.showsNoText(item.text(), m.end())) {
                    continue;
                }
                number = m.group(1);
            }
            int index = item.sectionIndex();
            String where =
                    index >= 0 && index < sections.size()
                            ? " under '" + ReadableHeading.of(sections.get(index)) + "'"
                            : "";
            String what =
                    number != null
                            ? "task " + number + where + " has only its number"
                            : (item.checked() ? "ticked" : "open")
                                    + " checklist item"
                                    + where
                                    + " has no text";
            ctx.report(
                    ctx.draftLenient(),
                    item.range(),
                    what + ": write what is to be done or decided, or remove the item");
        }
    }
}
