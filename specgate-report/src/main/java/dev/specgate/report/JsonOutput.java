package dev.specgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
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

    /**
     * Writes a map as one JSON object, in its order: strings, numbers, booleans and nulls, and
     * lists and maps of them (as core's JSON shapes are made: {@code SpecSummary.jsonFields},
     * {@code SpecTrace.jsonFields}).
     */
    public static void writeObject(JsonGenerator g, Map<String, ?> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            g.writeFieldName(f.getKey());
            writeValue(g, f.getValue());
        }
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            writeObject(g, (Map<String, ?>) m);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
