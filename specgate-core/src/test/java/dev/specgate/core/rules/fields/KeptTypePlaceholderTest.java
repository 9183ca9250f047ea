package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A Type field that still holds the template's placeholder is the placeholder rules' finding, not
 * field-value's, whatever spaces it is written with: a no-break space at its end (a value pasted
 * from a word processor) too, which {@code String.trim} does not cut but the fold of spaces does.
 */
class KeptTypePlaceholderTest {

    private static final String PLACEHOLDER =
            "[Bug Fix | Performance Optimization | Architecture Change | Integration | Security"
                    + " Enhancement]";

    @Test
    void aKeptPlaceholderWithANoBreakSpaceIsNoFieldValueError() throws Exception {
        Path clean =
                Path.of("src/test/resources/clean/directives/spec")
                        .resolve("2026-03-02_spec_invoice-export-timeouts.md");
        String text = Files.readString(clean, StandardCharsets.UTF_8);
        for (String end : new String[] {"", "\u00A0", "  \u202F"}) {
            String spec =
                    text.replaceFirst(
                                    "(?m)^\\*\\*Type:\\*\\* .*$",
                                    java.util.regex.Matcher.quoteReplacement(
                                            "**Type:** " + PLACEHOLDER + end))
                            .replace("\n", "\r\n");
            CheckResult result =
                    SpecChecker.standard()
                            .check(clean, spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)));

            assertThat(result.diagnostics())
                    .as(
                            "Type written as the template's placeholder + %s",
                            end.codePoints().boxed().toList())
                    .noneMatch(d -> d.ruleId().equals("field-value"))
                    .anyMatch(d -> d.ruleId().equals("placeholder-template"));
        }
    }
}
