package dev.specgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the built-in template's behaviour fixed while the schema deriver learns other templates:
 * the derived schema and the findings on a corpus of specs (curly braces in prose, every kind of
 * defect, CRLF with BOM) must stay exactly as recorded before custom templates were supported. Run
 * with {@code -Dspecgate.regenerate=true} to rewrite the golden files after an intended change.
 */
class BuiltinTemplateRegressionTest {

    private static final String DIR = "/builtin-regression";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Stream<String> specs() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void findingsOnTheBuiltinTemplateAreUnchanged(String name) throws IOException {
        Path spec = dir().resolve(name);
        CheckResult result = SpecChecker.standard().checkFile(spec, CheckOptions.asOf(TODAY));
        String actual =
                result.diagnostics().stream()
                        .map(
                                d ->
                                        (d.range().startLine() + 1)
                                                + ":"
                                                + (d.range().startColumn() + 1)
                                                + "-"
                                                + (d.range().endLine() + 1)
                                                + ":"
                                                + (d.range().endColumn() + 1)
                                                + " "
                                                + d.severity().label()
                                                + " ["
                                                + d.ruleId()
                                                + "] "
                                                + d.message())
                        .collect(Collectors.joining("\n", "", "\n"));
        assertGolden(name.replace(".md", ".expected"), actual);
    }

    @Test
    void builtinSchemaIsUnchanged() throws IOException {
        TemplateSchema schema = TemplateSchema.builtin();
        StringBuilder sb = new StringBuilder();
        sb.append("title: ").append(schema.title().orElse("-")).append('\n');
        for (SectionSpec s : schema.sections()) {
            sb.append("section ").append(s).append('\n');
        }
        for (FieldSpec f : schema.fields()) {
            sb.append("field ").append(f).append('\n');
        }
        List<String> placeholders = schema.placeholders().stream().sorted().toList();
        for (String p : placeholders) {
            sb.append("placeholder ").append(p).append('\n');
        }
        assertGolden("builtin-schema.expected", sb.toString());
    }

    private static void assertGolden(String goldenName, String actual) throws IOException {
        Path golden = dir().resolve(goldenName);
        if (Boolean.getBoolean("specgate.regenerate")) {
            Path source = Path.of("src/test/resources" + DIR).resolve(goldenName);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(golden)).as("golden file %s exists", goldenName).isTrue();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static Path dir() {
        try {
            return Path.of(BuiltinTemplateRegressionTest.class.getResource(DIR).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
