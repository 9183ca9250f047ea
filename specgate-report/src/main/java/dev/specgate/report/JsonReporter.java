package dev.specgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Exactly one JSON document: {@code {"version":1,"files":[...],"summary":{...}}}. Every checked
 * file is listed, clean ones with an empty list. Positions are 1-based; columns count UTF-16 units;
 * end positions are exclusive.
 */
public final class JsonReporter implements CheckReporter {

    /** The version of the JSON shape; raised only on an incompatible change. */
    public static final int SHAPE_VERSION = 1;

    @Override
    public void write(CheckRun run, PrintWriter out) {
        JsonOutput.write(
                out,
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("version", SHAPE_VERSION);
                    g.writeArrayFieldStart("files");
                    for (CheckResult result : run.results()) {
                        writeFile(g, result);
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("summary");
                    g.writeNumberField("files", run.results().size());
                    g.writeNumberField("errors", run.errors());
                    g.writeNumberField("warnings", run.warnings());
                    g.writeNumberField("infos", run.infos());
                    g.writeEndObject();
                    g.writeEndObject();
                });
    }

    private static void writeFile(JsonGenerator g, CheckResult result) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", DisplayPath.of(result.path()));
        g.writeStringField("status", result.status());
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
}
