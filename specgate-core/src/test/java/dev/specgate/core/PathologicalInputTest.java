package dev.specgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.hardening.CpuTimeLimit;
import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.RuleIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to make a careless parser slow or crash. Each must be checked within the limit of 5
 * s of CPU on the test's thread ({@link CpuTimeLimit}: far below what a quadratic scan needs at
 * these sizes, and the same at any load) and without an exception. The wall-clock {@code @Timeout}
 * only ends a test that never returns: 300 s, what 5 s of CPU can take on a 2-core machine at load
 * 40 with room to spare. (After commonmark-java's {@code PathologicalTest}.)
 */
@CpuTimeLimit(seconds = 5)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PathologicalInputTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final int MEGABYTE = 1024 * 1024;

    @BeforeAll
    static void warmUp() {
        CHECKER.check(
                null,
                TestSpecs.read(TestSpecs.resource("draft/2026-11-20_spec_audit-log-export.md")),
                TestSpecs.OPTIONS);
    }

    private static CheckResult check(String markdown) {
        return CHECKER.check(null, markdown, TestSpecs.OPTIONS);
    }

    @Test
    void oneMegabyteSingleLine() {
        String unit = "word [to be filled] `code` **Label:** value [link](a.md) YYYY-MM-DD ";
        String line = unit.repeat(MEGABYTE / unit.length() + 1);

        CheckResult result = check("# T\n\n## Executive Summary\n" + line + "\n");

        assertThat(result.document().lineCount()).isEqualTo(4);
        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.PLACEHOLDER_BRACKET))
                .hasSize(MEGABYTE / unit.length() + 1);
    }

    @Test
    void frontMatterOfManyKeysOverTheLimitAndNeverClosed() {
        StringBuilder sb = new StringBuilder("---\n");
        for (int i = 0; i < 6_000; i++) {
            sb.append("key").append(i).append(": [alpha, beta, \"gamma\"] # a note on this key\n");
        }
        String keys = sb.toString();
        String fewer = keys.substring(0, keys.indexOf("key1000:"));

        CheckResult read = check(fewer + "---\n# T\n");
        CheckResult tooLong = check(keys + "---\n# T\n");
        CheckResult open = check(keys + "# T\n");

        assertThat(read.document().frontMatter().orElseThrow().entries()).hasSize(1_000);
        assertThat(tooLong.diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                .singleElement()
                .extracting(d -> d.message())
                .asString()
                .contains("over the limit of 262144");
        assertThat(tooLong.document().sections()).extracting(s -> s.title()).containsExactly("T");
        assertThat(open.diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                .singleElement()
                .extracting(d -> d.message())
                .asString()
                .contains("never closed");
    }

    @Test
    void tenThousandHeadings() {
        StringBuilder sb = new StringBuilder("# T\n\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i % 2 == 0 ? "## Executive Summary\n" : "### Team note " + i + "\n")
                    .append("text\n\n");
        }

        CheckResult result = check(sb.toString());

        assertThat(result.document().sections()).hasSize(10_001);
        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.SECTION_DUPLICATE))
                .hasSize(4_999);
    }

    @Test
    void thousandDeepNestedLists() {
        StringBuilder sb = new StringBuilder("# T\n\n");
        for (int i = 0; i < 1_000; i++) {
            sb.append("  ".repeat(i))
                    .append("- [ ] step ")
                    .append(i)
                    .append(" - **Decision by:** 2020-01-01\n");
        }

        CheckResult result = check(sb.toString());

        // commonmark stops nesting at some depth and folds deeper lines into the last item as
        // lazy continuation lines; every deadline must still be seen exactly once
        SpecDocument doc = result.document();
        assertThat(doc.checklist()).extracting(ChecklistItem::depth).contains(0, 40);
        assertThat(doc.checklist().get(doc.checklist().size() - 1).text())
                .endsWith("step 999 - **Decision by:** 2020-01-01");
        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals("decision-overdue"))
                .hasSize(1_000);
    }

    @Test
    void thousandDeepNestedPlainLists() {
        StringBuilder sb = new StringBuilder("# T\n\n## Executive Summary\n");
        for (int i = 0; i < 1_000; i++) {
            sb.append("  ".repeat(i)).append("- [Time estimate]\n");
        }

        assertThat(check(sb.toString()).document().brackets()).hasSize(1_000);
    }

    @Test
    void thousandDeepBlockQuotes() {
        String quotes = ">".repeat(1_000) + " [Time estimate] deep\n";

        CheckResult result = check("# T\n\n## Executive Summary\n" + quotes);

        assertThat(result.document().brackets()).hasSize(1);
    }

    @Test
    void hundredThousandDeepBlockQuotesDoNotOverflowTheStack() {
        SpecDocument doc = check("# T\n\n" + ">".repeat(100_000) + " [Time estimate]\n").document();

        assertThat(doc.sections()).hasSize(1);
        assertThat(doc.brackets()).hasSize(1);
    }

    @Test
    void thousandBlockQuotesOfGrowingDepth() {
        StringBuilder sb = new StringBuilder("# T\n\n");
        for (int i = 1; i <= 1_000; i++) {
            sb.append(">".repeat(i)).append(" line\n");
        }

        assertThat(check(sb.toString()).document().sections()).hasSize(1);
    }

    @Test
    void unterminatedCodeFenceHidesEverythingAfterIt() {
        String body =
                "- [] [Time estimate] YYYY-MM-DD [to be filled in] [x](missing.md)\n"
                        .repeat(10_000);

        CheckResult result = check("# T\n\n## Executive Summary\n```java\n" + body);

        SpecDocument doc = result.document();
        assertThat(doc.brackets()).isEmpty();
        assertThat(doc.marks()).isEmpty();
        assertThat(doc.malformedTaskBoxes()).isEmpty();
        assertThat(doc.links()).isEmpty();
    }

    @Test
    void aHundredThousandFencesOpenedAndClosed() {
        // each opening fence once scanned the rest of the file for a backtick: quadratic
        CheckResult result = check("# T\n\n" + "```\ncode\n```\n".repeat(100_000) + "```\n");

        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals("fence-unclosed"))
                .hasSize(1);
    }

    @Test
    void unterminatedHtmlCommentBlock() {
        SpecDocument doc = check("# T\n\n" + "<!-- [Time estimate]\n".repeat(100_000)).document();

        assertThat(doc.lineCount()).isEqualTo(100_002);
        assertThat(doc.comments()).hasSize(1);
        assertThat(doc.brackets()).isEmpty();
        assertThat(doc.sections().get(0).hasBody()).isFalse();
    }

    @Test
    void manyUnclosedInlineComments() {
        SpecDocument doc = check("# T\n\ntext " + "<!--[Date]".repeat(100_000) + "\n").document();

        assertThat(doc.comments()).isEmpty();
        assertThat(doc.brackets()).hasSize(100_000);
    }

    @Test
    void megabyteOfOpeningBrackets() {
        assertThat(check("# T\n\n" + "[".repeat(MEGABYTE) + "\n").document().brackets()).isEmpty();
    }

    @Test
    void megabyteOfClosingBrackets() {
        assertThat(check("# T\n\n" + "]".repeat(MEGABYTE) + "\n").document().brackets()).isEmpty();
    }

    @Test
    void manyNestedBrackets() {
        assertThat(check("# T\n\n" + "[[[[a]]]] ".repeat(100_000) + "\n").document().brackets())
                .hasSize(100_000);
    }

    @Test
    void manyUnclosedLinks() {
        SpecDocument doc = check("# T\n\n" + "[a](".repeat(200_000) + "\n").document();

        assertThat(doc.links()).isEmpty();
        assertThat(doc.brackets()).hasSize(200_000);
    }

    @Test
    void manyUnclosedLinkTitles() {
        assertThat(check("# T\n\n" + "[a]( \"".repeat(100_000) + "\n").document().links())
                .isEmpty();
    }

    @Test
    void megabyteOfParenthesesInALinkDestination() {
        SpecDocument doc = check("# T\n\n[a](" + "(".repeat(MEGABYTE) + "\n").document();

        assertThat(doc.links()).isEmpty();
        assertThat(doc.brackets()).hasSize(1);
    }

    @Test
    void manyBracketsWithDateTokens() {
        CheckResult result = check("# T\n\n" + "[a] YYYY-MM-DD ".repeat(50_000) + "\n");

        assertThat(result.document().marks()).hasSize(50_000);
    }

    @Test
    void backtickRunsOfEveryLength() {
        StringBuilder runs = new StringBuilder();
        for (int i = 1; i < 1_500; i++) {
            runs.append("`".repeat(i)).append(" [Time estimate] ");
        }

        assertThat(check("# T\n\n" + runs + "\n").document().brackets()).hasSize(1_499);
    }

    @Test
    void megabyteOfEmphasisMarks() {
        assertThat(check("# T\n\n" + "**".repeat(MEGABYTE / 2) + "\n").document().fields())
                .isEmpty();
    }

    @Test
    void manyLabelsOnOneLine() {
        assertThat(check("# T\n\n" + "**a:**".repeat(100_000) + "\n").document().fields())
                .hasSize(100_000);
    }

    @Test
    void manyUnclosedTags() {
        assertThat(check("# T\n\n" + "<a id=\"x\" ".repeat(100_000) + "\n").document().anchors())
                .containsOnly("t");
        assertThat(check("# T\n\n" + "<a:".repeat(200_000) + "[b]\n").document().brackets())
                .hasSize(1);
    }

    @Test
    void hugeTable() {
        StringBuilder sb = new StringBuilder("# T\n\n| a | b |\n|---|---|\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("| [Time estimate] | [x](#t) |\n");
        }

        assertThat(check(sb.toString()).document().brackets()).hasSize(20_000);
    }

    @Test
    void fileOverTheSizeLimitIsOneDiagnostic(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("2026-01-01_spec_big.md"), "x".repeat(1_001));
        SpecChecker small =
                SpecChecker.builder()
                        .reader(new dev.specgate.core.input.SpecFileReader(1_000))
                        .build();

        CheckResult result = small.checkFile(big, TestSpecs.OPTIONS);

        assertThat(result.diagnostics()).hasSize(1);
        assertThat(result.diagnostics().get(0).ruleId()).isEqualTo("unreadable-file");
    }
}
