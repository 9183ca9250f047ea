package dev.specgate.core;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic, finished specs give no diagnostic at all, whatever their line endings and encoding
 * details; a fresh Draft with only placeholders left gives warnings and no error.
 */
class CleanSpecTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final String BOM_CRLF_SPEC = "2026-07-20_spec_search-index-rebuild.md";
    private static final String DRAFT = "draft/2026-11-20_spec_audit-log-export.md";

    static Stream<Named<Path>> cleanSpecs() {
        return TestSpecs.markdownBelow(specFolder()).stream()
                .map(f -> Named.of(f.getFileName().toString(), f));
    }

    private static Path specFolder() {
        return TestSpecs.resource("clean/directives/spec");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanSpecs")
    void finishedSpecHasNoDiagnostic(Path spec) {
        CheckResult result = CHECKER.checkFile(spec, OPTIONS);

        assertThat(result.diagnostics())
                .as("diagnostics:%s", describe(result.diagnostics()))
                .isEmpty();
        assertThat(result.parsed()).isPresent();
    }

    @Test
    void cleanSetCoversEveryStatusFromReviewOn() {
        Set<String> statuses =
                cleanSpecs()
                        .map(named -> CHECKER.checkFile(named.getPayload(), OPTIONS).status())
                        .collect(Collectors.toSet());

        assertThat(statuses).containsExactlyInAnyOrder("Review", "Approved", "Implementation");
    }

    static Stream<Arguments> lineEndingVariants() {
        List<Named<UnaryOperator<String>>> variants =
                List.of(
                        Named.of("CRLF", t -> t.replace("\n", "\r\n")),
                        Named.of("CR", t -> t.replace("\n", "\r")),
                        Named.of("BOM and CRLF", t -> "\uFEFF" + t.replace("\n", "\r\n")),
                        Named.of("no final newline", String::stripTrailing));
        return cleanSpecs()
                .filter(spec -> !spec.getPayload().endsWith(BOM_CRLF_SPEC))
                .flatMap(spec -> variants.stream().map(v -> Arguments.of(spec, v)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("lineEndingVariants")
    void lineEndingsAndBomChangeNothing(Path spec, UnaryOperator<String> variant) throws Exception {
        String lf = TestSpecs.read(spec);
        byte[] bytes = variant.apply(lf).getBytes(StandardCharsets.UTF_8);

        String decoded = SpecFileReader.decode(bytes).text();
        CheckResult result = CHECKER.check(spec, decoded, OPTIONS);

        assertThat(result.diagnostics())
                .as("diagnostics:%s", describe(result.diagnostics()))
                .isEmpty();
        assertThat(result.document().lineCount())
                .isEqualTo(CHECKER.check(spec, lf, OPTIONS).document().lineCount());
    }

    @Test
    void committedBomCrlfSpecKeepsItsBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(specFolder().resolve(BOM_CRLF_SPEC));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFF# Technical Specification:");
        assertThat(text).contains("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void rawTemplateDraftGivesWarningsButNoError() {
        CheckResult result = CHECKER.checkFile(TestSpecs.resource(DRAFT), OPTIONS);

        assertThat(result.status()).isEqualTo("Draft");
        assertThat(result.errors()).as("errors:%s", describe(result.diagnostics())).isZero();
        assertThat(result.warnings()).isGreaterThan(90);
        assertThat(result.diagnostics())
                .extracting(Diagnostic::ruleId)
                .containsOnly(RuleIds.PLACEHOLDER_TEMPLATE, RuleIds.PLACEHOLDER_DATE);
    }

    @Test
    void sameDraftUnderReviewTurnsEveryWarningIntoAnError() {
        Path draft = TestSpecs.resource(DRAFT);
        CheckResult asDraft = CHECKER.checkFile(draft, OPTIONS);
        String underReview =
                TestSpecs.read(draft)
                        .replace("**Document Status:** Draft", "**Document Status:** Review");

        CheckResult asReview = CHECKER.check(draft, underReview, OPTIONS);

        assertThat(asReview.status()).isEqualTo("Review");
        assertThat(asReview.warnings()).isZero();
        assertThat(asReview.errors()).isEqualTo(asDraft.warnings());
        assertThat(asReview.diagnostics())
                .extracting(d -> d.range())
                .isEqualTo(asDraft.diagnostics().stream().map(Diagnostic::range).toList());
    }

    @Test
    void fixedStrictnessOverridesTheWrittenStatus() {
        Path draft = TestSpecs.resource(DRAFT);

        CheckResult gated = CHECKER.checkFile(draft, OPTIONS.withStrictness(Strictness.APPROVED));

        // held as Approved, a Draft records no approval: the one warning
        assertThat(gated.diagnostics())
                .filteredOn(d -> d.severity() == dev.specgate.core.diagnostic.Severity.WARNING)
                .extracting(d -> d.ruleId())
                .containsExactly("approval-missing");
        // its warnings become errors, and its six open decisions and questions are errors too
        assertThat(gated.diagnostics())
                .filteredOn(d -> d.ruleId().equals("decision-open"))
                .extracting(d -> d.range().startLine())
                .containsExactly(268, 269, 270, 273, 274, 275);
        assertThat(gated.errors()).isEqualTo(CHECKER.checkFile(draft, OPTIONS).warnings() + 6);
    }
}
