package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.SpecgateConfig;
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
 * {@code field-file} reads the File field's path, not only its last segment: in a project whose
 * specs live in {@code docs/specs/}, the template's {@code ../directives/spec/NAME.md} names
 * another file, and {@code ../docs/specs/NAME.md} (the template's style from the project's root) or
 * a path from the spec's own folder names this one. Checked through the façade, with a {@code
 * .specgate.yml} as a team writes it.
 */
class FieldFilePathTest {

    private static final String NAME = "2026-11-02_spec_invoice-export-timeouts.md";

    @TempDir Path dir;

    private List<String> findings(String fileValue, String config) throws Exception {
        Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), config);
        Path folder = Files.createDirectories(dir.resolve("docs/specs/billing"));
        Path spec = folder.resolve(NAME);
        // CRLF and a BOM, as a spec saved on Windows: the path is read from the value alone
        String text =
                "\uFEFF# Technical Specification: Invoice Export Timeouts\r\n\r\n"
                        + "**File:** "
                        + fileValue
                        + "\r\n**Created:** 2026-11-02\r\n**Type:** Bug Fix\r\n\r\n"
                        + "## Executive Summary\r\nExports of more than 50 000 invoices time out.\r\n";
        Files.write(spec, text.getBytes(StandardCharsets.UTF_8));
        SpecProject project =
                SpecProject.open(dir, ConfigChoice.file(dir.resolve(SpecgateConfig.FILE_NAME)));
        return project
                .inspect(spec, CheckOptions.asOf(LocalDate.of(2026, 11, 25)))
                .result()
                .diagnostics()
                .stream()
                .filter(d -> d.ruleId().equals(RuleIds.FIELD_FILE))
                .map(Diagnostic::message)
                .toList();
    }

    @Test
    void theTemplatesDefaultFolderNamesAnotherFileInAProjectWithItsOwnSpecsFolder()
            throws Exception {
        assertThat(findings("`../directives/spec/" + NAME + "`", "specs: [docs/specs/**/*.md]\n"))
                .containsExactly(
                        "'File' names '../directives/spec/"
                                + NAME
                                + "' but the file is '../docs/specs/billing/"
                                + NAME
                                + "' (from the project's root, after the leading '../')");
    }

    @Test
    void thePathInTheTemplatesStyleFromTheProjectsRootNamesTheFile() throws Exception {
        String config = "specs: [docs/specs/**/*.md]\n";
        assertThat(findings("`../docs/specs/billing/" + NAME + "`", config)).isEmpty();
        assertThat(findings("docs/specs/billing/" + NAME, config)).isEmpty();
        // from the spec's own folder, as a Markdown link reads it
        assertThat(findings("[" + NAME + "](./" + NAME + ")", config)).isEmpty();
        assertThat(findings("`../billing/" + NAME + "`", config)).isEmpty();
        // a bare name is still the name alone
        assertThat(findings(NAME, config)).isEmpty();
    }

    @Test
    void aPathToAnotherFolderIsReportedWithThePathTheFileHas() throws Exception {
        assertThat(findings("`docs/specs/" + NAME + "`", "rules: {section-missing: off}\n"))
                .containsExactly(
                        "'File' names 'docs/specs/"
                                + NAME
                                + "' but the file is 'docs/specs/billing/"
                                + NAME
                                + "' (from the project's root)");
    }

    @Test
    void anotherFileNameIsReportedAsBefore() throws Exception {
        assertThat(
                        findings(
                                "`../docs/specs/billing/2026-11-02_spec_other.md`",
                                "specs: [docs/specs/**/*.md]\n"))
                .containsExactly(
                        "'File' names '2026-11-02_spec_other.md' but the file is '" + NAME + "'");
    }
}
