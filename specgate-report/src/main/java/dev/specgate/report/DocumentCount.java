package dev.specgate.report;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.model.DocumentKind;
import java.nio.file.Path;
import java.util.Collection;

/**
 * How many specs and task lists a report counts, in words: {@code 5 specs}, {@code 4 specs and 1
 * task list}, {@code 1 task list}. Task lists are never counted as specs.
 */
public final class DocumentCount {

    private DocumentCount() {}

    /** The count of {@code files}, each a spec or a task list by its name. */
    public static String of(Collection<Path> files) {
        long taskLists =
                files.stream().filter(f -> DocumentKind.of(f) == DocumentKind.TASK_LIST).count();
        return of(files.size() - taskLists, taskLists);
    }

    /**
     * The specs and task lists a run checked, in words: its results less the folders its search
     * could not read ({@link CheckResult#unsearchedFolder()}), which are no specs.
     */
    public static String of(CheckRun run) {
        return of(
                run.results().stream()
                        .filter(r -> !r.unsearchedFolder())
                        .map(CheckResult::path)
                        .toList());
    }

    /** {@code specs} specs and {@code taskLists} task lists; no task lists, no mention of them. */
    public static String of(long specs, long taskLists) {
        if (taskLists == 0) {
            return plural(specs, "spec");
        }
        if (specs == 0) {
            return plural(taskLists, "task list");
        }
        return plural(specs, "spec") + " and " + plural(taskLists, "task list");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
