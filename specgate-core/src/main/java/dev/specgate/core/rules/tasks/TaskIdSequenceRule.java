package dev.specgate.core.rules.tasks;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.tasks.NumberedTask;
import dev.specgate.core.tasks.TaskId;
import dev.specgate.core.tasks.TaskId.Kind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Task ids skip a number: parents run 1.0, 2.0, …; under each parent, subtasks run .1, .2, … and
 * test-first and verification items T1, T2, … and V1, V2, … A repeated id is left to {@code
 * task-id-duplicate}.
 */
public final class TaskIdSequenceRule extends BaseRule {

    public static final String ID = RuleIds.TASK_ID_SEQUENCE;

    public TaskIdSequenceRule() {
        super(ID, RuleCategory.TASKS, Severity.ERROR, "Task ids skip a number or run backwards.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        int lastParent = 0;
        Map<Kind, Integer> last = new EnumMap<>(Kind.class);
        Set<TaskId> seen = new HashSet<>();
        for (NumberedTask t : NumberedTask.of(ctx.document())) {
            TaskId id = t.id();
            if (!seen.add(id)) {
                continue; // reported by task-id-duplicate
            }
            if (id.kind() == Kind.PARENT) {
                if (t.enclosing() != null) {
                    continue; // a nested parent is task-id-parent's to report
                }
                if (id.parent() != lastParent + 1) {
                    ctx.report(
                            t.item().range(),
                            "task "
                                    + id
                                    + " follows "
                                    + (lastParent == 0 ? "no parent task" : lastParent + ".0")
                                    + ": expected "
                                    + TaskId.parent(lastParent + 1));
                }
                lastParent = id.parent();
                last.clear();
                continue;
            }
            if (id.parent() != lastParent) {
                continue; // reported by task-id-parent
            }
            int previous = last.getOrDefault(id.kind(), 0);
            int number = id.kind() == Kind.SUBTASK ? id.sub() : id.n();
            if (number != previous + 1) {
                TaskId expected =
                        switch (id.kind()) {
                            case SUBTASK -> TaskId.subtask(id.parent(), previous + 1);
                            case TEST_FIRST -> TaskId.testFirst(id.parent(), previous + 1);
                            default -> TaskId.verification(id.parent(), previous + 1);
                        };
                ctx.report(
                        t.item().range(),
                        "task " + id + " is out of sequence: expected " + expected);
            }
            last.put(id.kind(), number);
        }
    }
}
