package dev.specgate.report;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Human output: one {@code path:line:col: severity [rule] message} line per finding (1-based
 * positions), sorted by file and line, then, when more than one file has findings, a line that
 * counts them by rule ({@code By rule: section-missing 120, field-date 14.}), and last one summary
 * line that counts specs and task lists apart.
 */
public final class TextReporter implements CheckReporter {

    private final Style style;
    private final boolean errorsOnly;

    public TextReporter(boolean color) {
        this(color, false);
    }

    /**
     * @param errorsOnly whether the run shows its errors alone ({@code check --errors-only}): the
     *     summary then counts errors only, since the warnings and infos it leaves out were found
     *     all the same ({@code No errors found in 1 spec.}, {@code Checked 2 specs: 1 error in 1
     *     file.})
     */
    public TextReporter(boolean color, boolean errorsOnly) {
        this.style = new Style(color);
        this.errorsOnly = errorsOnly;
    }

    @Override
    public void write(CheckRun run, PrintWriter out) {
        for (CheckResult result : run.results()) {
            if (result.diagnostics().isEmpty()) {
                continue; // most files of a large run: no path to write for them
            }
            String path = DisplayPath.of(result.path());
            for (Diagnostic d : result.diagnostics()) {
                out.println(line(path, d));
            }
        }
        if (run.tally().filesWithFindings() > 1) {
            out.println(byRule(run));
        }
        out.println(summary(run));
    }

    /**
     * {@code By rule: section-missing 120, field-date 14.}: how many findings the report shows of
     * each rule, the most first (ties by rule id), so that a large run says where its work lies.
     */
    static String byRule(CheckRun run) {
        Map<String, Integer> counts = new HashMap<>();
        for (CheckResult result : run.results()) {
            for (Diagnostic d : result.diagnostics()) {
                counts.merge(d.ruleId(), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> rules = new ArrayList<>(counts.entrySet());
        rules.sort(
                Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        StringBuilder b = new StringBuilder("By rule: ");
        for (int i = 0; i < rules.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(rules.get(i).getKey())
                    .append(' ')
                    .append(rules.get(i).getValue());
        }
        return b.append('.').toString();
    }

    private String line(String path, Diagnostic d) {
        return style.bold(escape(path))
                + ":"
                + (d.range().startLine() + 1)
                + ":"
                + (d.range().startColumn() + 1)
                + ": "
                + style.severity(d.severity())
                + " ["
                + d.ruleId()
                + "] "
                + escape(d.message());
    }

    /**
     * Writes one line of a command's text output that quotes specs or commits, with {@link
     * #escape}: the one way text output keeps their control characters off the terminal.
     */
    public static void println(PrintWriter out, Object line) {
        out.println(escape(String.valueOf(line)));
    }

    /**
     * {@code text} with its control characters written out as backslash escapes (tab, line feed and
     * carriage return as {@code \\t}, {@code \\n}, {@code \\r}; others as {@code \\xHH}, or {@code
     * \\u} and four hex digits above ASCII), so that text quoted from a spec (an escape sequence, a
     * carriage return) cannot move the cursor, recolour or rewrite the terminal. JSON and SARIF
     * escape them already. Bidirectional formatting controls (U+202A to U+202E, U+2066 to U+2069),
     * which reorder how the rest of the line is shown, are written as {@code \\u} escapes too.
     */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                b.append(c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x80) {
                b.append(String.format("\\x%02X", (int) c));
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }

    /** Whether {@link #escape} writes {@code c} out. */
    static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The summary line (without colour when this reporter has none), for formats ending with one.
     */
    String summary(CheckRun run) {
        CheckRun.Tally t = run.tally();
        String specs = DocumentCount.of(t.specs(), t.taskLists());
        String where = withFindings(t);
        if (errorsOnly) {
            return t.errors() == 0
                    ? style.ok("No errors found") + " in " + specs + "."
                    : "Checked "
                            + specs
                            + ": "
                            + style.severity(Severity.ERROR, plural(t.errors(), "error"))
                            + " in "
                            + where
                            + ".";
        }
        if (t.diagnostics() == 0) {
            return style.ok("No problems found") + " in " + specs + ".";
        }
        long infos = t.infos();
        return "Checked "
                + specs
                + ": "
                + style.severity(Severity.ERROR, plural(t.errors(), "error"))
                + ", "
                + style.severity(Severity.WARNING, plural(t.warnings(), "warning"))
                + (infos > 0 ? ", " + plural(infos, "info") : "")
                + " in "
                + where
                + ".";
    }

    /**
     * {@code 3 files}: the files with findings; and apart from them the folders that could not be
     * searched ({@code 3 files and 2 folders that could not be searched}), which are no files.
     */
    private static String withFindings(CheckRun.Tally t) {
        long folders = t.foldersWithFindings();
        if (folders == 0) {
            return plural(t.filesWithFindings(), "file");
        }
        long files = t.filesWithFindings() - folders;
        return (files == 0 ? "" : plural(files, "file") + " and ")
                + folders
                + (folders == 1 ? " folder" : " folders")
                + " that could not be searched";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
    }

    /** ANSI styling, or none. */
    private static final class Style {
        private static final String RESET = "\u001b[0m";
        private final boolean on;

        Style(boolean on) {
            this.on = on;
        }

        String bold(String s) {
            return wrap("\u001b[1m", s);
        }

        String ok(String s) {
            return wrap("\u001b[32m", s);
        }

        String severity(Severity s) {
            return severity(s, s.label());
        }

        String severity(Severity s, String text) {
            return switch (s) {
                case ERROR -> wrap("\u001b[1;31m", text);
                case WARNING -> wrap("\u001b[33m", text);
                case INFO -> wrap("\u001b[36m", text);
            };
        }

        private String wrap(String code, String s) {
            return on ? code + s + RESET : s;
        }
    }
}
