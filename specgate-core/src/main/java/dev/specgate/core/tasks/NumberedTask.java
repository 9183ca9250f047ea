package dev.specgate.core.tasks;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.SpecDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A task-list item with an id, and the numbered item it is nested under.
 *
 * @param item the checklist item
 * @param id its id
 * @param enclosing the nearest numbered item of lower depth before it, or null at the top
 */
public record NumberedTask(ChecklistItem item, TaskId id, NumberedTask enclosing) {

    /** The numbered items of a task list, in document order. */
    public static List<NumberedTask> of(SpecDocument document) {
        List<NumberedTask> tasks = new ArrayList<>();
        List<NumberedTask> open = new ArrayList<>();
        for (ChecklistItem item : document.checklist()) {
            var id = TaskId.parse(item.text());
            if (id.isEmpty()) {
                continue;
            }
            while (!open.isEmpty() && open.get(open.size() - 1).item().depth() >= item.depth()) {
                open.remove(open.size() - 1);
            }
            NumberedTask task =
                    new NumberedTask(
                            item, id.get(), open.isEmpty() ? null : open.get(open.size() - 1));
            tasks.add(task);
            open.add(task);
        }
        return List.copyOf(tasks);
    }
}
