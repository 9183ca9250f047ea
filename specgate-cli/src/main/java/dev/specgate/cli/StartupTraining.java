package dev.specgate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launchers' training run for the JVM's start-up cache: runs several command lines one after
 * the other in one JVM, as {@link Main} runs one, e.g. {@code check --today D ONE.md --then check
 * --cache --today D DIR}. A JDK 25 AOT cache (and an AppCDS archive) records what one JVM loads,
 * links and profiles, so one run of {@code Main} can teach it only one path: a plain check of a
 * spec and a check with the incremental cache run different code (lambdas among it, which the cache
 * keeps only when the training run made them). Not for users: output goes where the commands write
 * it, exit codes are ignored, and the last one is returned.
 */
public final class StartupTraining {

    /** Separates one command line from the next. */
    static final String THEN = "--then";

    private StartupTraining() {}

    public static void main(String[] args) {
        int code = 0;
        for (String[] commandLine : commandLines(args)) {
            code = Main.run(commandLine);
        }
        System.exit(code);
    }

    /** {@code args} split at every {@link #THEN}. */
    static List<String[]> commandLines(String[] args) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(THEN)) {
                lines.add(Arrays.copyOfRange(args, start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}
