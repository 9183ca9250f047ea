package dev.specgate.core.rules.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
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
 * {@code field-file} reads a File field written as a link as Markdown reads the link's destination
 * ({@code <...>}, a title, a {@code #fragment}, percent-encoding), and {@code check --fix} writes a
 * value the rule accepts, in the author's form, or claims no fix. Through the façade, in a project
 * whose specs live in {@code docs/specs/}.
 */
class FieldFileLinkTest {

    private static final String NAME = "2026-11-25_spec_invoice-export.md";
    private static final CheckOptions TODAY = CheckOptions.asOf(LocalDate.of(2026, 11, 25));

    @TempDir Path dir;

    private Path spec(String fileValue) throws Exception {
        Files.writeString(dir.resolve(SpecgateConfig.FILE_NAME), "specs: [docs/specs/**/*.md]\n");
        Path spec = Files.createDirectories(dir.resolve("docs/specs")).resolve(NAME);
        // a BOM, CRLF and a non-ASCII title, as a spec saved on Windows
        String text =
                "\uFEFF# Technical Specification: Rechnungsexport (Überarbeitung)\r\n\r\n"
                        + "**File:** "
                        + fileValue
                        + "\r\n**Created:** 2026-11-25\r\n**Type:** Feature\r\n\r\n"
                        + "## Executive Summary\r\nExports of `a[0](b)` invoices [time out](#top).\r\n";
        Files.write(spec, text.getBytes(StandardCharsets.UTF_8));
        return spec;
    }

    private SpecProject project() throws Exception {
        return SpecProject.open(dir, ConfigChoice.file(dir.resolve(SpecgateConfig.FILE_NAME)));
    }

    private List<String> findings(Path spec) throws Exception {
        return project().inspect(spec, TODAY).result().diagnostics().stream()
                .filter(d -> d.ruleId().equals(RuleIds.FIELD_FILE))
                .map(Diagnostic::message)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](<./" + NAME + ">)",
                "[x](../specs/" + NAME + " \"t\")",
                "[x](../specs/" + NAME + "#top)",
                "[x](./2026-11-25_spec_invoice%2Dexport.md)",
                "[x](<../../docs/specs/" + NAME + "> 'the spec')",
                "`../docs/specs/" + NAME + "`",
                "`../docs/specs/" + NAME + "#x`",
                "[the spec][f]\r\n\r\n[f]: ../specs/" + NAME + "#top\r\n",
                "*" + NAME + "*",
                "[x](/docs/specs/" + NAME + ")",
                "`/docs/specs/" + NAME + "`",
                "_../docs/specs/" + NAME + "_",
                "**`../docs/specs/" + NAME + "`**",
            })
    void aLinkDestinationIsReadAsMarkdownReadsIt(String value) throws Exception {
        assertThat(findings(spec(value))).isEmpty();
    }

    @Test
    void aLinkToAnotherFileIsStillReportedWithItsDecodedName() throws Exception {
        assertThat(findings(spec("[x](<./2026-11-25_spec_other%20one.md> \"t\")")))
                .containsExactly(
                        "'File' names '2026-11-25_spec_other one.md' but the file is '"
                                + NAME
                                + "'");
    }

    private String fixed(Path spec) throws Exception {
        ProjectRun run = project().run(List.of(spec), RunOptions.of(TODAY).withFix(true));
        assertThat(run.files()).hasSize(1);
        return new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
    }

    @Test
    void fixingAWrongFolderWritesThePathFromTheProjectsRoot() throws Exception {
        Path spec = spec("`../directives/spec/2026-11-25_spec_wrong.md`");
        assertThat(fixed(spec))
                .contains("**File:** `../docs/specs/" + NAME + "`\r\n")
                .startsWith("\uFEFF# Technical Specification: Rechnungsexport");
        assertThat(findings(spec)).isEmpty();
    }

    @Test
    void fixingAPathWithTheRightNameInTheWrongFolder() throws Exception {
        Path spec = spec("../directives/spec/" + NAME);
        assertThat(fixed(spec)).contains("**File:** ../docs/specs/" + NAME + "\r\n");
        assertThat(findings(spec)).isEmpty();
    }

    @Test
    void fixingABareNameKeepsItBare() throws Exception {
        Path spec = spec("`2026-11-25_spec_wrong.md`");
        assertThat(fixed(spec)).contains("**File:** `" + NAME + "`\r\n");
        assertThat(findings(spec)).isEmpty();
    }

    @Test
    void fixingALinkRewritesItsDestinationFromTheSpecsFolderKeepingTextAndTitle() throws Exception {
        Path spec = spec("[the spec](<../directives/spec/2026-11-25_spec_wrong.md> \"t\")");
        assertThat(fixed(spec)).contains("**File:** [the spec](<./" + NAME + "> \"t\")\r\n");
        assertThat(findings(spec)).isEmpty();
    }

    @Test
    void aReferenceLinkIsNotClaimedAsFixed() throws Exception {
        Path spec =
                spec("[the spec][f]\r\n\r\n[f]: ../directives/spec/2026-11-25_spec_wrong.md\r\n");
        byte[] before = Files.readAllBytes(spec);
        ProjectRun run = project().run(List.of(spec), RunOptions.of(TODAY).withFix(true));
        assertThat(run.files().get(0).fixes()).isEmpty();
        assertThat(Files.readAllBytes(spec)).isEqualTo(before);
    }
}
