package dev.specgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line with captured output, as a test sees it. */
public record CliRun(int exitCode, String out, String err) {

    /**
     * Runs {@code specgate args...} with {@code stdin} as standard input (swapped in for the run:
     * CLI tests run one at a time).
     */
    public static synchronized CliRun withInput(byte[] stdin, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin));
        try {
            return of(args);
        } finally {
            System.setIn(before);
        }
    }

    /** Runs {@code specgate args...} in-process through picocli's {@code execute()}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
