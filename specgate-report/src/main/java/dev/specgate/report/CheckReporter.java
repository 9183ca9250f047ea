package dev.specgate.report;

import dev.specgate.core.check.CheckRun;
import dev.specgate.core.project.ProjectRun;
import java.io.PrintWriter;

/** Writes a check run in one output format. */
public interface CheckReporter {

    /** Writes the whole report of {@code run} to {@code out}. */
    void write(CheckRun run, PrintWriter out);

    /**
     * Writes the whole report of a project's run, with what {@code --fix} wrote and withheld
     * ({@link ProjectRun.FileOutcome#fixes()}, {@link ProjectRun.FileOutcome#withheld()}) in the
     * formats that carry them; the others write {@link ProjectRun#checkRun()} alone.
     */
    default void write(ProjectRun run, PrintWriter out) {
        write(run.checkRun(), out);
    }
}
