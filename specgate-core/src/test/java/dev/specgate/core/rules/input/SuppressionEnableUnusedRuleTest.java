package dev.specgate.core.rules.input;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.rules.RuleIds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code suppression-enable-unused} beyond its fixtures: an enable written where it is no directive
 * (in a fenced block, an indented block or a code span, as a spec that documents the comments
 * writes it) is not reported, a disable-next-line is not a disable an enable ends, and the pair in
 * the right order and the wrong one, in a CRLF spec.
 */
class SuppressionEnableUnusedRuleTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();

    private static final String UNDER = "## Problem Analysis\n";

    @Test
    void anEnableInCodeIsNoDirectiveAndIsNotReported() {
        String spec =
                withUnder(
                        "Write `<!-- specgate-enable -->` to end a silenced block:\n"
                                + "\n"
                                + "```markdown\n"
                                + "<!-- specgate-enable -->\n"
                                + "```\n"
                                + "\n"
                                + "    <!-- specgate-enable placeholder -->\n"
                                + "\n");
        assertThat(unused(spec)).isEmpty();
        assertThat(unused(spec.replace("\n", "\r\n"))).isEmpty();
    }

    @Test
    void anEnableEndsADisableAboveItAndNotADisableNextLineNorOneBelow() {
        String pair =
                "<!-- specgate-disable placeholder -->\n"
                        + "text\n"
                        + "<!-- specgate-enable placeholder -->\n"
                        + "\n";
        assertThat(unused(withUnder(pair))).isEmpty();
        assertThat(unused(withUnder(pair).replace("\n", "\r\n"))).isEmpty();

        String afterNextLine =
                "<!-- specgate-disable-next-line placeholder -->\n"
                        + "text\n"
                        + "<!-- specgate-enable placeholder -->\n"
                        + "\n";
        String spec = withUnder(afterNextLine);
        List<String> lines = spec.lines().toList();
        assertThat(unused(spec))
                .extracting(d -> lines.get(d.range().startLine()))
                .containsExactly("<!-- specgate-enable placeholder -->");

        String reversed =
                "<!-- specgate-enable -->\n"
                        + "text\n"
                        + "<!-- specgate-disable -- until the rewrite -->\n"
                        + "\n";
        spec = withUnder(reversed);
        List<String> reversedLines = spec.lines().toList();
        assertThat(unused(spec))
                .extracting(d -> reversedLines.get(d.range().startLine()))
                .containsExactly("<!-- specgate-enable -->");
    }

    private static String withUnder(String block) {
        String clean = TestSpecs.clean();
        assertThat(clean).contains(UNDER);
        return clean.replace(UNDER, UNDER + "\n" + block);
    }

    private static List<Diagnostic> unused(String spec) {
        CheckResult result = CHECKER.check(Path.of(TestSpecs.CLEAN_NAME), spec, OPTIONS);
        return result.diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.SUPPRESSION_ENABLE_UNUSED))
                .toList();
    }
}
