package dev.specgate.core.rules;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code src/test/resources/rules/<rule-id>/} and compares the exact
 * multiset of (line, severity, rule) diagnostics with the expectations written inline in the
 * fixture (see {@link InlineExpectations}): a missing diagnostic fails, and so does a false
 * positive. Every fixture runs twice: as committed (LF) and rewritten with a byte order mark and
 * CRLF line endings, which must change nothing.
 */
class RuleFixtureTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    @TempDir static Path bomCrlfCopy;

    /** Every fixture, named by its path below {@code rules/}. */
    static Stream<Named<Path>> fixtures() {
        Path root = rulesRoot();
        return TestSpecs.markdownBelow(root).stream()
                .map(f -> Named.of(root.relativize(f).toString().replace('\\', '/'), f));
    }

    static Path rulesRoot() {
        return TestSpecs.resource("rules");
    }

    /** Copies the fixture tree once, with a BOM and CRLF endings in every readable fixture. */
    @BeforeAll
    static void copyWithBomAndCrlf() throws IOException {
        Path root = rulesRoot();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = bomCrlfCopy.resolve(root.relativize(f).toString());
                Files.createDirectories(target.getParent());
                byte[] bytes = Files.readAllBytes(f);
                Files.write(target, isReadableMarkdown(f, bytes) ? withBomAndCrlf(bytes) : bytes);
            }
        }
    }

    /**
     * Fixtures of rules that need a check option run with it: layout-missing and layout-early need
     * --trace.
     */
    static CheckOptions optionsFor(Path fixture) {
        Path relative = rulesRoot().relativize(fixture);
        boolean layout = relative.getName(0).toString().startsWith("layout-");
        return layout ? OPTIONS.withTrace(true) : OPTIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedDiagnostics(Path fixture) throws Exception {
        assertMatchesExpectations(
                fixture, checkerFor(fixture).checkFile(fixture, optionsFor(fixture)));
    }

    /**
     * The standard checker, or for a fixture beside a {@code .specgate.yml} (a rule that only a
     * project's configuration turns on, such as gate-open's {@code gates:}) the checker of the
     * project that configuration opens, with its own template.
     */
    static SpecChecker checkerFor(Path fixture) throws Exception {
        Path config = fixture.resolveSibling(SpecgateConfig.FILE_NAME);
        if (!Files.exists(config)) {
            return CHECKER;
        }
        return SpecProject.open(fixture.getParent(), ConfigChoice.file(config)).checker();
    }

    @ParameterizedTest(name = "{0} (BOM, CRLF)")
    @MethodSource("fixtures")
    void bomAndCrlfChangeNoDiagnostic(Path fixture) throws Exception {
        Path copy = bomCrlfCopy.resolve(rulesRoot().relativize(fixture).toString());
        CheckResult result = checkerFor(copy).checkFile(copy, optionsFor(fixture));
        assertMatchesExpectations(fixture, result);
        assertThat(ranges(result))
                .as("positions with BOM and CRLF")
                .isEqualTo(ranges(checkerFor(fixture).checkFile(fixture, optionsFor(fixture))));
    }

    private static void assertMatchesExpectations(Path fixture, CheckResult result)
            throws IOException {
        List<Expectation> expected = InlineExpectations.of(Files.readAllBytes(fixture));
        List<Diagnostic> actual = result.diagnostics();
        assertThat(actual.stream().map(Expectation::key).sorted().toList())
                .as("diagnostics of %s:%s", fixture.getFileName(), describe(actual))
                .isEqualTo(expected.stream().map(Expectation::key).sorted().toList());
        for (Expectation e : expected) {
            if (e.messagePart() == null) {
                continue;
            }
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
        for (Diagnostic d : actual) {
            assertThat(d.message()).as("message of %s", d.ruleId()).isNotBlank();
        }
    }

    private static List<String> ranges(CheckResult result) {
        List<String> ranges = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            ranges.add(d.ruleId() + "@" + d.range());
        }
        return ranges;
    }

    private static boolean isReadableMarkdown(Path file, byte[] bytes) {
        if (!file.getFileName().toString().endsWith(".md")) {
            return false;
        }
        try {
            SpecFileReader.decode(bytes);
            return true;
        } catch (UnreadableSpecException e) {
            return false;
        }
    }

    static byte[] withBomAndCrlf(byte[] lf) {
        String text = new String(lf, StandardCharsets.UTF_8);
        if (text.indexOf('\r') >= 0) {
            throw new UncheckedIOException(new IOException("fixture already has CR bytes"));
        }
        return ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }
}
