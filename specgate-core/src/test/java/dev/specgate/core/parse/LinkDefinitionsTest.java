package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.specgate.core.model.LinkDefinition;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Link reference definitions wherever Markdown reads them (top level, block quotes, list items, the
 * destination on the next line), none inside code or a paragraph, each with where its destination
 * stands as written: what the language server rewrites when a heading is renamed.
 */
class LinkDefinitionsTest {

    private static final Path FIXTURE =
            Path.of("src/test/resources/parse/link-definitions/definitions.md");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LF", "CRLF", "BOM and CRLF"})
    void everyDefinitionIsFoundWithItsDestinationAsWritten(String form) throws IOException {
        String lf = Files.readString(FIXTURE);
        String text =
                switch (form) {
                    case "LF" -> lf;
                    case "CRLF" -> lf.replace("\n", "\r\n");
                    default -> "\uFEFF" + lf.replace("\n", "\r\n");
                };

        SpecDocument doc = new SpecParser().parse(text);

        assertThat(doc.linkDefinitions())
                .extracting(
                        LinkDefinition::label,
                        LinkDefinition::destination,
                        d -> written(text, d.destinationRange()))
                .containsExactly(
                        tuple(
                                "db",
                                "2026-11-09_spec_refund-idempotency-keys.md#database-changes",
                                "2026-11-09_spec_refund-idempotency-keys.md#database-changes"),
                        tuple(
                                "tests",
                                "2026-11-09_spec_refund-idempotency-keys.md#test-types-required",
                                "2026-11-09_spec_refund-idempotency-keys.md#test-types-required"),
                        tuple("retries", "retries.md#backoff(2)", "retries.md#backoff(2)"),
                        tuple("rollout", "rollout.md#phase-1", "rollout.md#phase-1"),
                        tuple("gl", "glossar.md#%C3%BCberblick", "glossar.md#%C3%BCberblick"),
                        tuple("Table \\[1\\]", "tables.md#table-1", "tables.md#table-1"),
                        tuple("item", "items.md#first", "items.md#first"));
        // the lines are the file's (front matter counted), the columns after the quote markers
        assertThat(doc.linkDefinitions())
                .extracting(d -> d.destinationRange().startLine())
                .containsExactly(12, 13, 15, 20, 21, 25, 26);
        assertThat(doc.linkDefinitions().get(4).destinationRange())
                .isEqualTo(SourceRange.ofLine(21, 10, 10 + "glossar.md#%C3%BCberblick".length()));
        // every reference link resolves through them
        assertThat(doc.links())
                .extracting(l -> l.destination())
                .containsExactly(
                        "2026-11-09_spec_refund-idempotency-keys.md#database-changes",
                        "retries.md#backoff(2)",
                        "2026-11-09_spec_refund-idempotency-keys.md#test-types-required",
                        "rollout.md#phase-1",
                        "glossar.md#%C3%BCberblick");
    }

    /** The text a range covers, counted as core counts columns (after a byte order mark). */
    private static String written(String text, SourceRange r) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = body.lines().toList();
        assertThat(r.endLine()).isEqualTo(r.startLine());
        return lines.get(r.startLine()).substring(r.startColumn(), r.endColumn());
    }
}
