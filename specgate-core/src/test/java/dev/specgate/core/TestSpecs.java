package dev.specgate.core;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Shared test settings and access to the fixture tree under {@code src/test/resources}. */
public final class TestSpecs {

    /** The fixed date every check in the tests is measured against. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Options that follow each spec's own status, as of {@link #TODAY}. */
    public static final CheckOptions OPTIONS = CheckOptions.asOf(TODAY);

    /** The file name of the clean, Approved spec in {@code lifecycle/}. */
    public static final String CLEAN_NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private TestSpecs() {}

    /** A clean, fully filled spec with Document Status Approved and one open prerequisite. */
    public static String clean() {
        return text("/lifecycle/" + CLEAN_NAME);
    }

    /** A test resource as UTF-8 text. */
    public static String text(String name) {
        try {
            return Files.readString(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file or folder of the test resources, as a path on disk. */
    public static Path resource(String name) {
        URL url = TestSpecs.class.getResource(name.startsWith("/") ? name : "/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Markdown files below {@code dir}, at any depth, sorted. */
    public static List<Path> markdownBelow(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, read as UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders diagnostics one per line, 1-based, for assertion messages. */
    public static String describe(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append("\n  ")
                    .append(d.range().startLine() + 1)
                    .append(':')
                    .append(d.range().startColumn() + 1)
                    .append(' ')
                    .append(d.severity().label())
                    .append(' ')
                    .append(d.ruleId())
                    .append(": ")
                    .append(d.message());
        }
        return diagnostics.isEmpty() ? " (none)" : sb.toString();
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
