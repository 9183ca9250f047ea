package dev.specgate.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.input.SpecFileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that was never a file (standard input, an editor's buffer) is checked as a file is. */
class TextRunTest {

    private static final SpecProject PROJECT = SpecProject.builtin();

    @TempDir Path dir;

    private static CheckResult only(ProjectRun run) {
        assertThat(run.files()).hasSize(1);
        return run.files().get(0).result();
    }

    @Test
    void givesTheFindingsTheSameFileGives() throws Exception {
        String text =
                TestSpecs.clean().replace("**Type:** Architecture Change", "**Type:** Feature");
        Path file =
                Files.createDirectories(dir.resolve("directives/spec"))
                        .resolve(TestSpecs.CLEAN_NAME);
        Files.writeString(file, text);
        RunOptions options = RunOptions.of(TestSpecs.OPTIONS).withSummaries(true);

        ProjectRun fromFile = PROJECT.run(List.of(file), options);
        ProjectRun fromText = PROJECT.run(file, text.getBytes(StandardCharsets.UTF_8), options);

        assertThat(only(fromText).path()).isEqualTo(file);
        assertThat(only(fromText).diagnostics()).isEqualTo(only(fromFile).diagnostics());
        assertThat(fromText.summaries()).hasSize(1);
    }

    @Test
    void textThatNamesNoFileSkipsTheRulesAboutItsName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = TestSpecs.clean().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);

        CheckResult result = only(PROJECT.run(null, withBom, RunOptions.of(TestSpecs.OPTIONS)));

        assertThat(result.path()).isNull();
        assertThat(result.diagnostics())
                .extracting(Diagnostic::ruleId)
                .doesNotContain("file-name", "field-file", "unreadable-file");
    }

    @Test
    void bytesThatAreNoSpecGiveOneUnreadableFileError() {
        byte[] latin1 = "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tooBig = new byte[(int) SpecFileReader.MAX_BYTES + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');

        CheckResult bad = only(PROJECT.run(null, latin1, RunOptions.of(TestSpecs.OPTIONS)));
        CheckResult big = only(PROJECT.run(null, tooBig, RunOptions.of(TestSpecs.OPTIONS)));

        assertThat(bad.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.ruleId()).isEqualTo("unreadable-file");
                            assertThat(d.message()).contains("not UTF-8");
                        });
        assertThat(big.diagnostics())
                .singleElement()
                .satisfies(
                        d -> assertThat(d.message()).contains("over the limit of 8388608 bytes"));
    }

    @Test
    void textCannotBeFixed() {
        assertThatThrownBy(
                        () ->
                                PROJECT.run(
                                        null,
                                        new byte[0],
                                        RunOptions.of(TestSpecs.OPTIONS).withFix(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
