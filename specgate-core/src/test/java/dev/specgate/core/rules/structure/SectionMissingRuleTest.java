package dev.specgate.core.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A section missing at the end of a scope is reported after the scope's last content, past blank
 * lines and thematic breaks as Markdown reads them: a line of dashes indented as code is content.
 */
class SectionMissingRuleTest {

    private static final SpecChecker CHECKER =
            SpecChecker.builder()
                    .schema(
                            TemplateSchema.derive(
                                    "export.md",
                                    "# [Title]\n\n## Overview\n[What]\n\n## Format\n[How]\n\n"
                                            + "## Rollback\n[Undo]\n"))
                    .build();

    private static List<Diagnostic> missing(String markdown) {
        return CHECKER
                .check(
                        Path.of("2026-11-20_spec_ledger-export.md"),
                        markdown,
                        CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(RuleIds.SECTION_MISSING))
                .toList();
    }

    @Test
    void aLineOfDashesInAnIndentedCodeBlockIsTheLastContentNotABreak() {
        List<Diagnostic> found =
                missing(
                        "# Ledger export für Zoë\r\n\r\n## Overview\r\nOne file a day.\r\n\r\n"
                                + "## Format\r\nEach batch ends with a separator line:\r\n\r\n"
                                + "    ----\r\n\r\n- - -\r\n");

        assertThat(found)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.message())
                                    .isEqualTo(
                                            "missing section '## Rollback' (expected at the end of 'Ledger"
                                                    + " export für Zoë')");
                            assertThat(d.range().startLine())
                                    .isEqualTo(8); // '    ----', after the break
                        });
    }

    @Test
    void theRulesThematicBreakIsTheParsersOwn() {
        for (String line : List.of("---", " * * *", "   ___", "-\t-\t-", "***   ")) {
            assertThat(SpecParser.isThematicBreak(line)).as("'%s'", line).isTrue();
        }
        for (String line : List.of("    ---", "\t---", "--", "-*-", "--- x", "", "> ---")) {
            assertThat(SpecParser.isThematicBreak(line)).as("'%s'", line).isFalse();
        }
    }
}
