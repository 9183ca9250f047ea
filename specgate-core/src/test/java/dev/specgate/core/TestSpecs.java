package dev.specgate.core;

import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test specs from the test resources. */
public final class TestSpecs {

    /** The file name of the clean, Approved spec in {@code lifecycle/}. */
    public static final String CLEAN_NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private TestSpecs() {}

    /** A clean, fully filled spec with Document Status Approved and one open prerequisite. */
    public static String clean() {
        return resource("/lifecycle/" + CLEAN_NAME);
    }

    /** A test resource as UTF-8 text. */
    public static String resource(String name) {
        try (InputStream in = TestSpecs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses Markdown. */
    public static SpecDocument parse(String markdown) {
        return new SpecParser().parse(markdown);
    }

    /** The 1-based line of the first line holding {@code needle}. */
    public static int lineOf(String text, String needle) {
        var lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }
}
