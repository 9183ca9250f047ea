package dev.specgate.web.view;

/**
 * The task lists ({@code *_task_*.md}) that {@code check} checks beside the specs: the dashboard
 * shows none of them, but its totals count their findings, so they agree with {@code check}.
 *
 * @param files how many task lists were checked
 * @param errors their errors, as {@code check} reports them
 * @param warnings their warnings, as {@code check} reports them
 */
public record TaskListCount(int files, long errors, long warnings) {

    /** No task list. */
    public static TaskListCount none() {
        return new TaskListCount(0, 0, 0);
    }

    /** Whether the task lists have any finding (the overview then says where the rest are). */
    public boolean hasFindings() {
        return errors > 0 || warnings > 0;
    }
}
