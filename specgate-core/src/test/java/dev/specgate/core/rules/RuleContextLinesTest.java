package dev.specgate.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import org.junit.jupiter.api.Test;

/**
 * The rules that read the spec's raw lines ({@code field-missing}, {@code section-missing}, {@code
 * task-spec-reference}) share {@link RuleContext#lines()}: the text split once, at every kind of
 * line break, the lines the parser counts.
 */
class RuleContextLinesTest {

    private static RuleContext context(String text) {
        return new RuleContext(
                new SpecParser().parse(text == null ? "" : text),
                TemplateSchema.builtin(),
                null,
                TestSpecs.TODAY,
                Strictness.DRAFT,
                new LinkTargets(),
                RuleLevels.defaults(RuleRegistry.builtin()),
                text,
                false);
    }

    @Test
    void splitsAtEveryLineBreakOnceAndKeepsTheSplit() {
        String text =
                "# Technical Specification: Zoë's Ledger\r\n"
                        + "\r\n"
                        + "- Type: Bug Fix\r"
                        + "```java\n"
                        + "int[] a = new int[] {1, 2};\n"
                        + "```\n";
        RuleContext ctx = context(text);
        String[] lines = ctx.lines();
        assertThat(lines)
                .containsExactly(
                        "# Technical Specification: Zoë's Ledger",
                        "",
                        "- Type: Bug Fix",
                        "```java",
                        "int[] a = new int[] {1, 2};",
                        "```",
                        "");
        assertThat(lines).hasSize(ctx.document().lineCount() + 1); // the empty one after the last
        assertThat(ctx.lines()).isSameAs(lines);
    }

    @Test
    void hasNoLinesWithoutTheText() {
        assertThat(context(null).lines()).isEmpty();
        assertThat(context("").lines()).containsExactly("");
    }
}
