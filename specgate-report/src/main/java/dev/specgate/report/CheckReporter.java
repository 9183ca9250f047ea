package dev.specgate.report;

import dev.specgate.core.check.CheckRun;
import java.io.PrintWriter;

/** Writes a check run in one output format. */
public interface CheckReporter {

    /** Writes the whole report of {@code run} to {@code out}. */
    void write(CheckRun run, PrintWriter out);
}
