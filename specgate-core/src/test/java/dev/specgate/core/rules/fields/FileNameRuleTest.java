package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code file-name} says what keeps a name from the convention: a spec saved as {@code .markdown}
 * (which discovery checks, as it checks {@code .md}) is told its extension is all that differs, not
 * given the date-and-slug advice that does not apply; a name whose parts are wrong still gets it.
 * Checked through the façade, on a spec saved with CRLF and a BOM.
 */
class FileNameRuleTest {

    @TempDir Path dir;

    private List<String> findings(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("directives/spec"));
        Path spec = folder.resolve(name);
        String text =
                "\uFEFF# Technical Specification: Señal Retry Budget\r\n\r\n"
                        + "**Created:** 2026-11-02\r\n**Type:** Bug Fix\r\n\r\n"
                        + "## Executive Summary\r\nRetries of the Señal gateway are unbounded.\r\n";
        Files.write(spec, text.getBytes(StandardCharsets.UTF_8));
        SpecProject project = SpecProject.open(dir, ConfigChoice.none());
        return project
                .inspect(spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .result()
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(RuleIds.FILE_NAME))
                .map(Diagnostic::message)
                .toList();
    }

    @Test
    void aMarkdownExtensionIsToldItIsTheOnlyDifference() throws Exception {
        assertThat(findings("2026-11-02_spec_senal-retry-budget.markdown"))
                .containsExactly(
                        "file name '2026-11-02_spec_senal-retry-budget.markdown' does not follow"
                                + " YYYY-MM-DD_spec_<slug>.md: only its extension differs"
                                + " ('.markdown' where it has '.md')");
    }

    @Test
    void wrongPartsStillGetTheDateAndSlugAdvice() throws Exception {
        assertThat(findings("2026-11-02_spec_Senal_Retry.markdown"))
                .containsExactly(
                        "file name '2026-11-02_spec_Senal_Retry.markdown' does not follow"
                                + " YYYY-MM-DD_spec_<slug>.md (a real date, then a slug of"
                                + " lowercase letters, digits and hyphens)");
        assertThat(findings("2026-11-02_spec_senal-retry-budget.md")).isEmpty();
    }
}
