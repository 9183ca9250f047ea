package dev.specgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.project.ProjectRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exactly one JSON document: {@code {"version":1,"files":[...],"summary":{...}}}. Every checked
 * file is listed, clean ones with an empty list. Positions are 1-based; columns count UTF-16 units;
 * end positions are exclusive. A run with {@code --fix} adds to each file {@code fixes} (written)
 * and {@code withheld} (not written: they would void its approval; {@code null} when none were),
 * and to the summary their counts, {@code fixed} and {@code withheld} (docs/check.md). The
 * summary's {@code files} counts files checked; a folder the search could not read is listed with
 * its {@code unreadable-file} error but counted apart, as {@code unsearchedFolders} (only when
 * there is one), as the text summary counts it.
 */
public final class JsonReporter implements CheckReporter {

    /** The version of the JSON shape; raised only on an incompatible change. */
    public static final int SHAPE_VERSION = 1;

    private final boolean fixing;

    /** The report of a run that fixed nothing. */
    public JsonReporter() {
        this(false);
    }

    /**
     * @param fixing whether the run fixed specs: each file then says what was fixed and withheld
     */
    public JsonReporter(boolean fixing) {
        this.fixing = fixing;
    }

    @Override
    public void write(CheckRun run, PrintWriter out) {
        write(run, null, out);
    }

    @Override
    public void write(ProjectRun run, PrintWriter out) {
        write(run.checkRun(), run, out);
    }

    /** The report of {@code run}, with the fixes of {@code fixed} when it is not null. */
    private void write(CheckRun run, ProjectRun fixed, PrintWriter out) {
        Map<Path, ProjectRun.FileOutcome> outcomes = new HashMap<>();
        if (fixing && fixed != null) {
            fixed.files().forEach(f -> outcomes.put(f.path(), f));
        }
        JsonOutput.write(
                out,
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("version", SHAPE_VERSION);
                    g.writeArrayFieldStart("files");
                    long written = 0;
                    long withheld = 0;
                    for (CheckResult result : run.results()) {
                        ProjectRun.FileOutcome o = outcomes.get(result.path());
                        writeFile(g, result, o);
                        if (o != null) {
                            written += o.fixes().size();
                            withheld += o.withheld().map(w -> w.fixes().size()).orElse(0);
                        }
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("summary");
                    g.writeNumberField("files", run.checkedFiles());
                    long folders = run.unsearchedFolders();
                    if (folders > 0) {
                        g.writeNumberField("unsearchedFolders", folders);
                    }
                    g.writeNumberField("errors", run.errors());
                    g.writeNumberField("warnings", run.warnings());
                    g.writeNumberField("infos", run.infos());
                    if (fixing) {
                        g.writeNumberField("fixed", written);
                        g.writeNumberField("withheld", withheld);
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                });
    }

    private void writeFile(JsonGenerator g, CheckResult result, ProjectRun.FileOutcome outcome)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("path", DisplayPath.of(result.path()));
        g.writeStringField("status", result.status());
        if (fixing) {
            g.writeArrayFieldStart("fixes");
            if (outcome != null) {
                for (SpecFixer.Fix x : outcome.fixes()) {
                    writeFix(g, x);
                }
            }
            g.writeEndArray();
            Optional<SpecFixer.Withheld> withheld =
                    outcome == null ? Optional.empty() : outcome.withheld();
            if (withheld.isEmpty()) {
                g.writeNullField("withheld");
            } else {
                SpecFixer.Withheld w = withheld.get();
                g.writeObjectFieldStart("withheld");
                g.writeStringField("message", FixesSaid.withheld(result.path(), w));
                g.writeObjectFieldStart("approval");
                g.writeStringField("date", w.approval().date().toString());
                g.writeStringField("by", w.approval().by());
                g.writeEndObject();
                g.writeArrayFieldStart("fixes");
                for (SpecFixer.Fix x : w.fixes()) {
                    writeFix(g, x);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : result.diagnostics()) {
            g.writeStartObject();
            g.writeStringField("rule", d.ruleId());
            g.writeStringField("severity", d.severity().label());
            g.writeNumberField("line", d.range().startLine() + 1);
            g.writeNumberField("column", d.range().startColumn() + 1);
            g.writeNumberField("endLine", d.range().endLine() + 1);
            g.writeNumberField("endColumn", d.range().endColumn() + 1);
            g.writeStringField("message", d.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A fix at its place in the file as it was read (1-based), with the text it replaces. */
    private static void writeFix(JsonGenerator g, SpecFixer.Fix x) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", x.ruleId());
        g.writeNumberField("line", x.range().startLine() + 1);
        g.writeNumberField("column", x.range().startColumn() + 1);
        g.writeStringField("before", x.before());
        g.writeStringField("after", x.after());
        g.writeEndObject();
    }
}
