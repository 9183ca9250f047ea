package dev.specgate.report;

import dev.specgate.core.check.CheckRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run that reports its errors alone says what it left out: one wording for {@code check
 * --errors-only} (stderr), the Maven plugin's {@code errorsOnly} (the build log) and the MCP {@code
 * check} tool's {@code errorsOnly} (its notices), each naming its own switch. The report itself
 * takes {@link CheckRun#errorsOnly} (or {@code ProjectRun.errorsOnly}); the verdict stays the whole
 * run's.
 */
public final class ErrorsOnly {

    private ErrorsOnly() {}

    /**
     * What was left out of the report of the whole run {@code all}, when anything was: {@code 3
     * warnings and 1 info not shown (--errors-only)}, then {@code ; the warnings fail the run
     * (strict)} when the run fails without an error, so a failed run with an empty report is never
     * unexplained.
     *
     * @param all the whole run, before {@link CheckRun#errorsOnly}
     * @param failed whether the whole run fails
     * @param option the switch as the surface names it ({@code --errors-only}, {@code errorsOnly})
     */
    public static Optional<String> notShown(CheckRun all, boolean failed, String option) {
        long warnings = all.warnings();
        long infos = all.infos();
        if (warnings + infos == 0) {
            return Optional.empty();
        }
        List<String> left = new ArrayList<>();
        if (warnings > 0) {
            left.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        if (infos > 0) {
            left.add(infos + " info");
        }
        return Optional.of(
                String.join(" and ", left)
                        + " not shown ("
                        + option
                        + ")"
                        + (failed && all.errors() == 0
                                ? "; the warnings fail the run (strict)"
                                : ""));
    }
}
