package dev.specgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes exactly one pretty-printed JSON document, streamed with jackson-core, and a newline. */
public final class JsonOutput {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What goes into the document. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOutput() {}

    /** Writes the document {@code body} generates to {@code out}. */
    public static void write(PrintWriter out, Body body) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON output", e);
        }
        out.println();
        out.flush();
    }

    /** Writes a map of strings, numbers and nulls as one JSON object, in its order. */
    public static void writeObject(JsonGenerator g, Map<String, Object> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            g.writeFieldName(f.getKey());
            Object v = f.getValue();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Number n) {
                g.writeNumber(n.longValue());
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }
}
