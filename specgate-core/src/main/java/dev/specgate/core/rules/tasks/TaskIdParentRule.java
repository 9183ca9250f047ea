package dev.specgate.core.rules.tasks;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.tasks.NumberedTask;
import dev.specgate.core.tasks.TaskId;
import dev.specgate.core.tasks.TaskId.Kind;
import java.util.Set;

/**
 * A subtask stands under the wrong parent (2.1 nested in 1.0), at the top level, or a parent task
 * is nested in another.
 */
public final class TaskIdParentRule extends BaseRule {

    public static final String ID = RuleIds.TASK_ID_PARENT;

    public TaskIdParentRule() {
        super(
                ID,
                RuleCategory.TASKS,
                Severity.ERROR,
                "A subtask is not nested under its own parent task.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        for (NumberedTask t : NumberedTask.of(ctx.document())) {
            TaskId id = t.id();
            NumberedTask up = t.enclosing();
            if (id.kind() == Kind.PARENT) {
                if (up != null) {
                    ctx.report(
                            t.item().range(),
                            "parent task "
                                    + id
                                    + " is nested under task "
                                    + up.id()
                                    + ": move it to the top level");
                }
                continue;
            }
            TaskId expected = TaskId.parent(id.parent());
            if (up == null) {
                ChecklistItem unnumbered = enclosingItem(ctx.document(), t.item());
                if (unnumbered != null && writesNumber(unnumbered.text(), expected)) {
                    // "- [ ] 1. Create the table": the parent is there, numbered as a list is
                    String text = unnumbered.text().strip();
                    String rest = text.substring(text.indexOf(' ') + 1).strip();
                    ctx.report(
                            t.item().range(),
                            "task "
                                    + id
                                    + " stands under '"
                                    + text
                                    + "' (line "
                                    + (unnumbered.range().startLine() + 1)
                                    + "), whose number is no task id: write it '"
                                    + expected
                                    + " "
                                    + rest
                                    + "'");
                    continue;
                }
                ctx.report(
                        t.item().range(),
                        "task " + id + " must be nested under its parent task " + expected);
            } else if (!up.id().equals(expected)) {
                ctx.report(
                        t.item().range(),
                        "task "
                                + id
                                + " stands under task "
                                + up.id()
                                + " but belongs under "
                                + expected);
            }
        }
    }

    /** The nearest checklist item before {@code item} that it is nested under, or null. */
    private static ChecklistItem enclosingItem(SpecDocument document, ChecklistItem item) {
        ChecklistItem found = null;
        for (ChecklistItem c : document.checklist()) {
            if (c == item) {
                return found;
            }
            // a shallower item is the nearest one above it (a later one at the same or a deeper
            // level never ends what encloses it: found is always shallower than the item)
            if (c.depth() < item.depth()) {
                found = c;
            }
        }
        return null;
    }

    /**
     * Whether {@code text} starts with {@code parent}'s number as a list writes it: {@code 1.},
     * {@code 1)}.
     */
    private static boolean writesNumber(String text, TaskId parent) {
        String number = Integer.toString(parent.parent());
        String t = text.strip();
        return (t.startsWith(number + ". ") || t.startsWith(number + ") "))
                && TaskId.parse(t).isEmpty();
    }
}
