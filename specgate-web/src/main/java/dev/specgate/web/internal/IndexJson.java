package dev.specgate.web.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.web.view.Portfolio;
import dev.specgate.web.view.SpecView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes {@code index.json}, the portfolio for other tools: {@code {"version", "generator",
 * "project", "asOf", "specs":[...], "summary"}}, each spec in core's one summary shape (the same as
 * {@code list --format json}) plus its {@code page}; streamed, one spec at a time.
 */
public final class IndexJson {

    /** The file name in the site. */
    public static final String FILE = "index.json";

    /** The version of core's summary shape, which each spec's object follows. */
    public static final int VERSION = SpecSummary.JSON_VERSION;

    private static final JsonFactory FACTORY = new JsonFactory();

    private IndexJson() {}

    /** Writes the portfolio as JSON to {@code out} (which stays open). */
    public static void write(Portfolio portfolio, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("generator", "specgate");
            g.writeStringField("project", portfolio.project());
            g.writeStringField("asOf", portfolio.today().toString());
            g.writeArrayFieldStart("specs");
            for (SpecView s : portfolio.specs()) {
                g.writeRaw('\n');
                g.writeStartObject();
                for (Map.Entry<String, Object> f : s.json().entrySet()) {
                    g.writeFieldName(f.getKey());
                    writeValue(g, f.getValue());
                }
                g.writeStringField("page", s.page());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.writeObjectFieldStart("summary");
            g.writeNumberField("specs", portfolio.specs().size());
            g.writeNumberField("errors", portfolio.errors());
            g.writeNumberField("warnings", portfolio.warnings());
            g.writeNumberField("overdue", portfolio.overdue().size());
            // the task lists check checks beside the specs: not listed, their findings counted
            // here, so that summary's errors plus theirs are check's total
            g.writeObjectFieldStart("taskLists");
            g.writeNumberField("files", portfolio.taskLists().files());
            g.writeNumberField("errors", portfolio.taskLists().errors());
            g.writeNumberField("warnings", portfolio.taskLists().warnings());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** A summary field's value: a string, a number or null. */
    static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString(value.toString());
        }
    }
}
