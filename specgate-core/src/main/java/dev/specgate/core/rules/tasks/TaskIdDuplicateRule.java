package dev.specgate.core.rules.tasks;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.tasks.NumberedTask;
import dev.specgate.core.tasks.TaskId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Two items of a task list carry the same id. */
public final class TaskIdDuplicateRule extends BaseRule {

    public static final String ID = RuleIds.TASK_ID_DUPLICATE;

    public TaskIdDuplicateRule() {
        super(ID, RuleCategory.TASKS, Severity.ERROR, "Two task-list items carry the same id.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        Map<TaskId, NumberedTask> seen = new HashMap<>();
        for (NumberedTask t : NumberedTask.of(ctx.document())) {
            NumberedTask first = seen.putIfAbsent(t.id(), t);
            if (first != null) {
                ctx.report(
                        t.item().range(),
                        "task "
                                + t.id()
                                + " is numbered twice (first on line "
                                + (first.item().line() + 1)
                                + ")");
            }
        }
    }
}
