package dev.specgate.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

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
}
