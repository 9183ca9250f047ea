package dev.specgate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Teams' own templates, each shaped differently (an ADR in {@code {{text}}} style, a design doc in
 * {@code {text}} style with bare alternatives, an RFC in the built-in's {@code [text]} style, a
 * post-mortem mixing both with a table): every template's derived schema is pinned in a golden
 * file, its {@code pass-*} specs have no finding, its {@code warn-*} specs only warnings, and its
 * {@code fail-*} specs the errors recorded beside them, among them the one their name says. {@code
 * -Dspecgate.regenerate=true} rewrites the golden files.
 */
class TemplateFixturesTest {

    private static final String DIR = "/templates";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Stream<Arguments> specs() throws IOException {
        return templates()
                .flatMap(
                        t -> {
                            try (Stream<Path> files = Files.list(dir().resolve(t))) {
                                return files
                                        .map(p -> p.getFileName().toString())
                                        .filter(n -> n.endsWith(".md") && !n.equals("template.md"))
                                        .sorted()
                                        .map(n -> Arguments.of(t, n))
                                        .toList()
                                        .stream();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
    }

    static Stream<String> templates() throws IOException {
        try (Stream<Path> dirs = Files.list(dir())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void derivedSchemaIsAsRecorded(String template) throws IOException {
        TemplateSchema schema = schema(template);
        StringBuilder sb = new StringBuilder();
        sb.append("title: ").append(schema.title().orElse("-")).append('\n');
        sb.append("status field: ").append(schema.statusField()).append(' ');
        sb.append(schema.statuses()).append('\n');
        sb.append("styles: ").append(schema.placeholderStyles()).append('\n');
        for (SectionSpec s : schema.sections()) {
            sb.append("section ").append(s).append('\n');
        }
        for (FieldSpec f : schema.fields()) {
            sb.append("field ").append(f).append('\n');
        }
        for (String p : schema.placeholders().stream().sorted().toList()) {
            sb.append("placeholder ").append(p).append('\n');
        }
        assertGolden(template + "/template.schema.expected", sb.toString());
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("specs")
    void specsGetTheFindingsTheirNameSays(String template, String spec) throws IOException {
        SpecChecker checker = SpecChecker.builder().schema(schema(template)).build();
        Path file = dir().resolve(template).resolve(spec);

        CheckResult result = checker.checkFile(file, CheckOptions.asOf(TODAY));

        List<Diagnostic> found = result.diagnostics();
        if (spec.startsWith("pass-")) {
            assertThat(found).isEmpty();
            return;
        }
        if (spec.startsWith("warn-")) {
            assertThat(found).isNotEmpty().allMatch(d -> d.severity() == Severity.WARNING);
        } else {
            List<String> errorRules =
                    found.stream()
                            .filter(d -> d.severity() == Severity.ERROR)
                            .map(Diagnostic::ruleId)
                            .toList();
            String kind = spec.substring("fail-".length(), spec.length() - ".md".length());
            switch (kind) {
                case "missing-section" -> assertThat(errorRules).contains("section-missing");
                case "bad-value" -> assertThat(errorRules).contains("field-value");
                case "placeholder" ->
                        assertThat(errorRules).anyMatch(r -> r.startsWith("placeholder-"));
                default -> throw new AssertionError("unknown fixture kind " + kind);
            }
        }
        String actual =
                found.stream()
                        .map(
                                d ->
                                        (d.range().startLine() + 1)
                                                + ":"
                                                + (d.range().startColumn() + 1)
                                                + " "
                                                + d.severity().label()
                                                + " ["
                                                + d.ruleId()
                                                + "] "
                                                + d.message())
                        .collect(Collectors.joining("\n", "", "\n"));
        assertGolden(template + "/" + spec.replace(".md", ".expected"), actual);
    }

    static TemplateSchema schema(String template) throws IOException {
        String text =
                Files.readString(
                        dir().resolve(template).resolve("template.md"), StandardCharsets.UTF_8);
        return TemplateSchema.derive(template, text);
    }

    private static void assertGolden(String goldenName, String actual) throws IOException {
        if (Boolean.getBoolean("specgate.regenerate")) {
            Path source = Path.of("src/test/resources" + DIR).resolve(goldenName);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        Path golden = dir().resolve(goldenName);
        assertThat(Files.exists(golden)).as("golden file %s exists", goldenName).isTrue();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static Path dir() {
        try {
            return Path.of(TemplateFixturesTest.class.getResource(DIR).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
