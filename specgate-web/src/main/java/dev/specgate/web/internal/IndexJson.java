package dev.specgate.web.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.web.view.Portfolio;
import dev.specgate.web.view.SpecView;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@code index.json}, the portfolio for other tools: {@code {"specs":[{"path", "title",
 * "type", "status", "checked", "total", "errors", "warnings", "overdue", "nextReview", "created",
 * "page"}]}}, streamed, one spec at a time.
 */
public final class IndexJson {

    /** The file name in the site. */
    public static final String FILE = "index.json";

    /** Bumped when a field changes meaning or goes away. */
    public static final int VERSION = 1;

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
                g.writeStringField("path", s.path());
                g.writeStringField("title", s.title());
                g.writeStringField("type", s.type());
                g.writeStringField("status", s.status());
                g.writeNumberField("checked", s.checked());
                g.writeNumberField("total", s.total());
                g.writeNumberField("errors", s.errors());
                g.writeNumberField("warnings", s.warnings());
                g.writeNumberField("overdue", s.overdue().size());
                g.writeStringField("nextReview", s.nextReview());
                g.writeStringField("created", s.created());
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
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
