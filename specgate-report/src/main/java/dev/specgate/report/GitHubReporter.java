package dev.specgate.report;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;

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
        String workspace = System.getenv("GITHUB_WORKSPACE");
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (CheckResult result : run.results()) {
            String path = annotationPath(result.path(), workspace, workingDirectory);
            for (Diagnostic d : result.diagnostics()) {
                out.println(command(path, d));
            }
        }
        out.println(new TextReporter(false, errorsOnly).summary(run));
    }

    /**
     * The path an annotation names: the runner places it relative to the repository's checkout
     * ({@code GITHUB_WORKSPACE}), so a spec found from a run in a subfolder of it ({@code
     * working-directory: docs}) or given as an absolute path is named from the checkout's root;
     * outside a runner, or for a path outside the checkout, as every report shows it ({@link
     * DisplayPath}).
     */
    public static String annotationPath(Path path, String workspace, Path workingDirectory) {
        if (path == null || workspace == null || workspace.isBlank()) {
            return DisplayPath.of(path);
        }
        try {
            Path root = Path.of(workspace).toAbsolutePath().normalize();
            Path file = workingDirectory.resolve(path).normalize();
            if (!file.startsWith(root)) {
                return DisplayPath.of(path); // outside the checkout: as found
            }
            return DisplayPath.of(root.relativize(file));
        } catch (IllegalArgumentException e) { // an invalid path, another root (a Windows drive)
            return DisplayPath.of(path);
        }
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

    /**
     * Escapes a command's message as the runner reads it back ({@code %25}, {@code %0D}, {@code
     * %0A}), and writes every other control character, and the bidirectional formatting controls
     * {@link TextReporter#escape} writes out, as {@code %} and the hex of its UTF-8 bytes ({@code
     * %1B} for ESC): the runner does not decode those, so the annotation shows them, and an escape
     * sequence in a spec's text or file name can neither colour the log nor start a command of its
     * own.
     */
    public static String data(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%' && !TextReporter.needsEscape(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                b.append('%').append(String.format("%02X", x & 0xFF));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Escapes a command property value: as {@link #data} plus {@code :} and {@code ,}. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
