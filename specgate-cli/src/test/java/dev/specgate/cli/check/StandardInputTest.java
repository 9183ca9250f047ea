package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check -}: one spec on standard input, as an editor or an agent holds it. */
class StandardInputTest {

    private static final String TODAY = "2026-11-25";
    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String BROKEN =
            dev.specgate.cli.SpecFixtures.reapproved(
                    cleanSpec().replace("**Type:** Architecture Change", "**Type:** Refactoring"));

    @TempDir Path root;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checksTheTextOnStandardInputAsStdin() {
        CliRun run = CliRun.withInput(utf8(BROKEN), "check", "-", "--today", TODAY, "--no-config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("<stdin>:5:11: error [field-value] 'Type' is 'Refactoring'")
                .endsWith("Checked 1 spec: 1 error, 0 warnings in 1 file.\n");
        // no file name to compare the File field and the file-name convention with
        assertThat(run.out()).doesNotContain("[field-file]").doesNotContain("[file-name]");
    }

    @Test
    void stdinFilenameNamesItInTheReportAndForTheRulesAboutItsName() {
        Path spec = root.resolve("directives/spec/2026-10-02_spec_other-name.md");

        CliRun run =
                CliRun.withInput(
                        utf8(cleanSpec()),
                        "check",
                        "-",
                        "--stdin-filename",
                        spec.toString(),
                        "--today",
                        TODAY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith(spec + ":3:11: error [field-file] 'File' names '" + CLEAN + "'")
                .contains("Checked 1 spec: 1 error");
    }

    @Test
    void theFileOnDiskIsNotRead() throws Exception {
        Path spec = writeSpec(root, CLEAN, BROKEN);

        CliRun run =
                CliRun.withInput(
                        utf8(cleanSpec()),
                        "check",
                        "-",
                        "--stdin-filename",
                        spec.toString(),
                        "--today",
                        TODAY,
                        "--format",
                        "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode file = new ObjectMapper().readTree(run.out()).get("files").get(0);
        assertThat(file.get("path").asText()).isEqualTo(spec.toString());
        assertThat(file.get("diagnostics")).isEmpty();
        assertThat(Files.readString(spec)).isEqualTo(BROKEN);
    }

    @Test
    void theConfigurationIsFoundFromTheNamedFileAndMustSelectIt() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(
                project.resolve(".specgate.yml"),
                "specs:\n  - directives/spec/*.md\nrules:\n  field-value: off\n");
        Path spec = project.resolve("directives/spec/" + CLEAN);
        Path notes = project.resolve("notes/" + CLEAN);

        CliRun selected =
                CliRun.withInput(
                        utf8(BROKEN),
                        "check",
                        "-",
                        "--stdin-filename",
                        spec.toString(),
                        "--today",
                        TODAY);
        CliRun leftOut =
                CliRun.withInput(utf8(BROKEN), "check", "-", "--stdin-filename", notes.toString());

        assertThat(selected.exitCode()).as(selected.out()).isZero(); // field-value is off there
        assertThat(selected.out()).isEqualTo("No problems found in 1 spec.\n");
        assertThat(leftOut.exitCode()).isEqualTo(2);
        assertThat(leftOut.err())
                .contains(notes + " is not checked: no specs: glob matches notes/" + CLEAN)
                .contains("nothing to check");
    }

    @Test
    void aByteOrderMarkIsFineAndBadUtf8IsAnUnreadableFileError() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = utf8(cleanSpec());
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);

        CliRun clean = CliRun.withInput(withBom, "check", "-", "--today", TODAY, "--no-config");
        CliRun latin1 =
                CliRun.withInput(
                        "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                        "check",
                        "-",
                        "--no-config");

        assertThat(clean.exitCode()).as(clean.out()).isZero();
        assertThat(latin1.exitCode()).isEqualTo(1);
        assertThat(latin1.out())
                .startsWith(
                        "<stdin>:1:6: error [unreadable-file] cannot check this file: not UTF-8"
                                + " (byte 0xE9 at offset 5); save the file as UTF-8\n");
    }

    @Test
    void optionsThatWorkOnFilesAreRefused() {
        CliRun fix = CliRun.withInput(utf8(BROKEN), "check", "-", "--fix");
        CliRun two = CliRun.withInput(utf8(BROKEN), "check", "-", root.toString());
        CliRun nameWithoutDash = CliRun.of("check", root.toString(), "--stdin-filename", "a.md");
        CliRun intoFolder =
                CliRun.withInput(utf8(BROKEN), "check", "-", "--no-config", "-o", root.toString());

        assertThat(fix.exitCode()).isEqualTo(2);
        assertThat(fix.err()).contains("--fix works on files");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("must be the only PATH");
        assertThat(nameWithoutDash.exitCode()).isEqualTo(2);
        assertThat(nameWithoutDash.err()).contains("give the PATH - too");
        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err())
                .contains("cannot write the report to " + root + ": " + root + " is a folder");
    }
}
