package dev.specgate.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pathological input: each must finish quickly with diagnostics, never a crash, a {@link
 * StackOverflowError} or a hang. Quickly is 20 s of CPU on the test's thread ({@link
 * CpuTimeLimit}): generous, but far below what a quadratic scan or a runaway regex would need at
 * these sizes, and the same at any load. The wall-clock {@code @Timeout} only ends a test that
 * never returns: 600 s, what 20 s of CPU can take on a shared 2-core machine at load 40.
 */
@CpuTimeLimit(seconds = 20)
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {

    private static final SpecChecker CHECKER = SpecChecker.standard();
    private static final CheckOptions OPTIONS = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    /** Just under the reader's limit, as characters of one byte each. */
    private static final int JUST_UNDER = (int) SpecFileReader.MAX_BYTES - 1;

    static Stream<Arguments> longLines() {
        return Stream.of(
                Arguments.of("plain text", "a"),
                Arguments.of("unclosed inline links", "[x]("),
                Arguments.of("unclosed comments", "<!--"),
                Arguments.of("autolink starts", "<ab:"),
                Arguments.of("open brackets", "["),
                Arguments.of("close brackets", "]"),
                Arguments.of("bracket pairs", "[a]"),
                Arguments.of("reference-style pairs", "[a][b]"),
                Arguments.of("placeholders and date tokens", "[Tbd] YYYY-MM-DD "),
                Arguments.of("date tokens", "YYYY-MM-DD"),
                Arguments.of("backtick runs", "` `` ``` "),
                Arguments.of("bold labels", "**a:** b "),
                Arguments.of("bold openers", "**"),
                Arguments.of("emphasis", "*_"),
                Arguments.of("escapes", "\\["),
                Arguments.of("pipes", "|a"),
                Arguments.of("parentheses", "(()"),
                Arguments.of("html ids", "<a id=\"x\">"),
                Arguments.of("task boxes", "- [ ] "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void aLongLineOfRepeatedSyntaxIsChecked(String name, String unit) {
        // a quadratic scan or a backtracking regex would need hours at this size
        String line = repeatTo(unit, 500_000);

        assertChecked("# T\n\n## Executive Summary\n" + line + "\n");
        assertChecked("# " + line + "\n");
        assertChecked("- " + line + "\n");
        assertChecked("| a | b |\n|---|---|\n| " + line + " | c |\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "[x](", "<!--", "` `` "})
    void aSingleLineJustUnderTheSizeLimitIsChecked(String unit) {
        assertChecked(repeatTo(unit, JUST_UNDER));
    }

    @Test
    void aHeadingFullOfParenthesesIsChecked() {
        assertChecked("## Executive Summary" + " ()".repeat(300_000) + "\n");
        assertChecked("## " + "(".repeat(1_000_000) + "\n");
        assertChecked("## " + "[".repeat(1_000_000) + "\n");
    }

    @Test
    void aTenMegabyteSingleLineFileIsRefusedByTheReader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2026-01-01_spec_huge.md");
        Files.write(file, repeatTo("a", 10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));

        CheckResult result = CHECKER.checkFile(file, OPTIONS);

        assertThat(result.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.ruleId()).isEqualTo(RuleIds.UNREADABLE_FILE);
                            assertThat(d.message()).contains("over the limit");
                        });
    }

    @Test
    void aFileJustUnderTheLimitIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2026-01-01_spec_big.md");
        Files.write(
                file,
                repeatTo("word ", (int) SpecFileReader.MAX_BYTES)
                        .getBytes(StandardCharsets.US_ASCII));

        CheckResult result = CHECKER.checkFile(file, OPTIONS);

        assertThat(result.diagnostics())
                .isNotEmpty()
                .noneMatch(d -> d.ruleId().equals(RuleIds.UNREADABLE_FILE));
    }

    @Test
    void aHundredThousandHeadings() {
        StringBuilder sb = new StringBuilder("# Title\n\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 3 == 0 ? "## Executive Summary\n" : "### Heading " + i + "\n");
        }
        assertChecked(sb.toString());
        assertChecked("#\n".repeat(100_000));
        assertChecked("Setext\n===\n".repeat(100_000));
    }

    static Stream<Arguments> deepNesting() {
        int depth = 5_000;
        StringBuilder indented = new StringBuilder();
        StringBuilder indentedQuotes = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            // 2,000 levels by indentation alone already take 4 MB of spaces
            if (i < 2_000) {
                indented.append("  ".repeat(i)).append("- item ").append(i).append('\n');
            }
            indentedQuotes.append(">".repeat(i + 1)).append(" quote ").append(i).append('\n');
        }
        return Stream.of(
                Arguments.of("bullet lists on one line", "- ".repeat(depth) + "x\n"),
                Arguments.of("task lists on one line", "- [ ] ".repeat(depth) + "x\n"),
                Arguments.of("ordered lists on one line", "1. ".repeat(depth) + "x\n"),
                Arguments.of("block quotes on one line", "> ".repeat(depth) + "x\n"),
                Arguments.of("quotes and lists", "> - ".repeat(depth) + "**Type:** x\n"),
                Arguments.of("indented lists (2,000 levels)", indented.toString()),
                Arguments.of("quotes growing line by line", indentedQuotes.toString()));
    }

    @ParameterizedTest(name = "5,000-deep {0}")
    @MethodSource("deepNesting")
    void deepNestingIsChecked(String name, String markdown) {
        assertChecked(markdown);
        assertChecked(TemplateSchema.builtinTemplateText() + "\n" + markdown);
    }

    @Test
    void nestingBeyondTheLimitIsReadAsText() {
        int limit = SpecParser.MAX_NESTING_DEPTH;
        String deep = "> ".repeat(limit * 3) + "[Time estimate]\n";
        SpecDocument doc = CHECKER.parser().parse(deep);
        assertThat(doc.brackets()).extracting(b -> b.text()).containsExactly("[Time estimate]");
        assertThat(CHECKER.parser().parse("- ".repeat(limit + 5) + "**Type:** x\n").fields())
                .isNotNull();
    }

    @Test
    void unterminatedFences() {
        String template = TemplateSchema.builtinTemplateText();
        assertChecked("```\n" + template);
        assertChecked("~~~~\n" + template + "\n```\n");
        assertChecked(template.replace("## Technical Details", "## Technical Details\n```java"));
        assertChecked("```\n".repeat(50_000));
        assertChecked("<!--\n" + template);
        assertChecked("<!--\n".repeat(50_000));
        assertChecked("<div>\n".repeat(50_000));
    }

    @Test
    void nulBytesInTextAndInFiles(@TempDir Path dir) throws IOException {
        String template = TemplateSchema.builtinTemplateText();
        assertChecked(template.replace("## Proposed Solution", "## Proposed\0 Solution"));
        assertChecked("\0".repeat(100_000));

        Path file = dir.resolve("2026-01-01_spec_nul.md");
        Files.write(file, (template + "\0").getBytes(StandardCharsets.UTF_8));
        assertThat(CHECKER.checkFile(file, OPTIONS).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("NUL"));
    }

    @Test
    void invalidUtf8IsRefusedByTheReader(@TempDir Path dir) throws IOException {
        byte[][] bad = {
            {(byte) 0xC3, (byte) 0x28}, // bad continuation
            {(byte) 0xFF}, // never valid
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // truncated at the end
            {(byte) 0xC0, (byte) 0xAF} // overlong
        };
        for (int i = 0; i < bad.length; i++) {
            byte[] text = "# T\n\nsome text ".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[text.length + bad[i].length];
            System.arraycopy(text, 0, bytes, 0, text.length);
            System.arraycopy(bad[i], 0, bytes, text.length, bad[i].length);
            Path file = Files.write(dir.resolve("2026-01-01_spec_bad-" + i + ".md"), bytes);

            assertThat(CHECKER.checkFile(file, OPTIONS).diagnostics())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.ruleId()).isEqualTo(RuleIds.UNREADABLE_FILE);
                                assertThat(d.message()).contains("UTF-8");
                            });
        }
    }

    static Stream<Arguments> lineSeparators() {
        return Stream.of(
                Arguments.of("LINE SEPARATOR U+2028", "\u2028"),
                Arguments.of("PARAGRAPH SEPARATOR U+2029", "\u2029"),
                Arguments.of("NEXT LINE U+0085", "\u0085"),
                Arguments.of("vertical tab", "\u000B"),
                Arguments.of("form feed", "\f"),
                Arguments.of("lone CR", "\r"),
                Arguments.of("CR LF", "\r\n"),
                Arguments.of("LF CR", "\n\r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineSeparators")
    void everyUnicodeLineSeparator(String name, String separator) {
        String template = TemplateSchema.builtinTemplateText();
        assertChecked(template.replace("\n", separator));
        assertChecked(template.replace(" ", separator));
        assertChecked(template.replace("\n", "\n" + separator));
        assertChecked(separator.repeat(200_000));
    }

    @Test
    void aLoneCarriageReturnEndsALineLikeLf() {
        String template = TemplateSchema.builtinTemplateText();
        CheckResult lf = CHECKER.check(null, template, OPTIONS);
        CheckResult cr = CHECKER.check(null, template.replace("\n", "\r"), OPTIONS);
        assertThat(cr.diagnostics()).isEqualTo(lf.diagnostics());
    }

    private static void assertChecked(String markdown) {
        CheckResult result =
                CHECKER.check(Path.of("2026-01-01_spec_hostile.md"), markdown, OPTIONS);
        assertThat(result.diagnostics()).as("diagnostics").isNotEmpty();
        Invariants.assertRangesValid(result, markdown);
    }

    static String repeatTo(String unit, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() + unit.length() <= length) {
            sb.append(unit);
        }
        while (sb.length() < length) {
            sb.append('a');
        }
        return sb.toString();
    }
}
