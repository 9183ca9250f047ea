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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code created-date} compares the Created field with the date in the name of every spec discovery
 * takes, whatever the case or spelling of its Markdown extension: a {@code .MD} or {@code
 * .markdown} spec is held to its date as a {@code .md} one is. Checked through the façade, on a
 * spec saved with CRLF and a BOM.
 */
class CreatedDateRuleTest {

    @TempDir Path dir;

    private List<String> findings(String name, String created) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("directives/spec"));
        Path spec = folder.resolve(name);
        String text =
                "\uFEFF# Technical Specification: Señal Retry Budget\r\n\r\n"
                        + "**Created:** "
                        + created
                        + "\r\n**Type:** Bug Fix\r\n\r\n"
                        + "## Executive Summary\r\nRetries of the Señal gateway are unbounded.\r\n";
        Files.write(spec, text.getBytes(StandardCharsets.UTF_8));
        SpecProject project = SpecProject.open(dir, ConfigChoice.none());
        return project
                .inspect(spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .result()
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(RuleIds.CREATED_DATE))
                .map(Diagnostic::message)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {".md", ".MD", ".Md", ".markdown", ".MARKDOWN", ".Markdown"})
    void aCreatedDateOtherThanTheNamesIsFoundWhateverTheExtension(String extension)
            throws Exception {
        assertThat(findings("2026-11-02_spec_senal-retry-budget" + extension, "2026-11-05"))
                .containsExactly("'Created' is 2026-11-05 but the file name says 2026-11-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {".md", ".MD", ".markdown"})
    void theNamesOwnDateIsNoFinding(String extension) throws Exception {
        assertThat(findings("2026-11-02_spec_senal-retry-budget" + extension, "2026-11-02"))
                .isEmpty();
    }

    @Test
    void aNameWithoutTheConventionsDateIsNotReadForOne() throws Exception {
        assertThat(findings("senal-retry-budget.MD", "2026-11-05")).isEmpty();
        assertThat(findings("2026-11-02_spec_senal-retry-budget.txt.MD", "2026-11-05")).isEmpty();
    }
}
