package dev.specgate.core.rules;

import static dev.specgate.core.TestSpecs.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Teams' templates in the shapes real ones take, each in a folder under {@code
 * src/test/resources/shapes/} with its own {@code .specgate.yml} (section aliases, sections
 * required from a status, extra placeholders) and specs that carry their expectations inline as
 * rule fixtures do ({@link InlineExpectations}): every spec is checked through the project facade,
 * as {@code specgate check} checks it, and must give exactly the expected findings.
 */
class TemplateShapeFixtureTest {

    static Stream<Named<Path>> specs() throws IOException {
        Path root = TestSpecs.resource("shapes");
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals("template.md"))
                    .sorted()
                    .map(f -> Named.of(root.relativize(f).toString().replace('\\', '/'), f))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reportsExactlyTheExpectedDiagnostics(Path spec) throws Exception {
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());
        assertThat(project.configFile()).as("the shape's own .specgate.yml").isPresent();

        ProjectRun run = project.run(List.of(spec), RunOptions.of(TestSpecs.OPTIONS));

        CheckResult result = run.files().get(0).result();
        List<Diagnostic> actual = result.diagnostics();
        List<Expectation> expected = InlineExpectations.of(Files.readAllBytes(spec));
        assertThat(actual.stream().map(Expectation::key).sorted().toList())
                .as("diagnostics of %s:%s", spec.getFileName(), describe(actual))
                .isEqualTo(expected.stream().map(Expectation::key).sorted().toList());
        for (Expectation e : expected) {
            if (e.messagePart() != null) {
                assertThat(actual)
                        .as(
                                "line %d: a %s message containing '%s'",
                                e.line() + 1, e.ruleId(), e.messagePart())
                        .anySatisfy(
                                d -> {
                                    assertThat(Expectation.key(d)).isEqualTo(e.key());
                                    assertThat(d.message()).contains(e.messagePart());
                                });
            }
        }
    }
}
