package dev.specgate.report;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import java.io.PrintWriter;

/**
 * GitHub Actions workflow commands: one {@code ::error file=…,line=…,col=…::message} (or {@code
 * ::warning}, {@code ::notice}) line per finding, which the runner shows as annotations on the pull
 * request, then the plain summary line. Values are escaped as the runner expects.
 */
public final class GitHubReporter implements CheckReporter {

    private final boolean errorsOnly;

    /** The report of every finding. */
    public GitHubReporter() {
        this(false);
    }

    /**
     * @param errorsOnly whether the run shows its errors alone: the summary then counts errors only
     */
    public GitHubReporter(boolean errorsOnly) {
        this.errorsOnly = errorsOnly;
    }

    @Override
    public void write(CheckRun run, PrintWriter out) {
        for (CheckResult result : run.results()) {
            String path = DisplayPath.of(result.path());
            for (Diagnostic d : result.diagnostics()) {
                out.println(command(path, d));
            }
        }
        out.println(new TextReporter(false, errorsOnly).summary(run));
    }

    static String command(String path, Diagnostic d) {
        String kind =
                switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
        StringBuilder sb = new StringBuilder("::").append(kind);
        sb.append(" file=").append(property(path));
        sb.append(",line=").append(d.range().startLine() + 1);
        sb.append(",col=").append(d.range().startColumn() + 1);
        sb.append(",endLine=").append(d.range().endLine() + 1);
        sb.append(",endColumn=").append(d.range().endColumn() + 1);
        sb.append(",title=").append(property("specgate " + d.ruleId()));
        sb.append("::").append(data(d.message()));
        return sb.toString();
    }

    /** Escapes a command's message: {@code %}, CR and LF. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value: as {@link #data} plus {@code :} and {@code ,}. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
