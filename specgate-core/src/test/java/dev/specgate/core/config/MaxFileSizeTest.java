package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.TestSpecs;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.input.SpecFileReader;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.ProjectRun;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.RuleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code max-file-size:} in {@code .specgate.yml}: how it is written, and that it is the limit the
 * project's checks read spec files with, just inside, at and just over it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MaxFileSizeTest {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final String SPEC = "directives/spec/" + TestSpecs.CLEAN_NAME;

    @TempDir Path root;

    private Path config(String yaml) throws IOException {
        return Files.writeString(root.resolve(SpecgateConfig.FILE_NAME), yaml);
    }

    /** The clean spec, padded with a long appendix to exactly {@code bytes} bytes. */
    private Path specOfSize(long bytes) throws IOException {
        byte[] spec = TestSpecs.clean().getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[Math.toIntExact(bytes)];
        System.arraycopy(spec, 0, padded, 0, spec.length);
        byte[] line = "Measured on the staging queue; see the runbook.\n".getBytes();
        for (int i = spec.length; i < padded.length; i++) {
            padded[i] = line[(i - spec.length) % line.length];
        }
        padded[padded.length - 1] = '\n';
        Path file = root.resolve(SPEC);
        Files.createDirectories(file.getParent());
        return Files.write(file, padded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "16MiB|16777216",
                "16 MiB|16777216",
                "512KiB|524288",
                "4096B|4096",
                "1B|1",
                "1|1",
                "20971520|20971520",
                "'100000'|100000",
                "1024MiB|1073741824",
                "1048576KiB|1073741824",
                "1073741824|1073741824",
                "1073741824B|1073741824",
            })
    void sizesAreReadInBytes(String written, long bytes) throws Exception {
        SpecgateConfig c = SpecProject.configLoader().load(config("max-file-size: " + written));

        assertThat(c.maxFileSize()).isEqualTo(bytes);
    }

    @Test
    void theDefaultIsEightMebibytes() throws Exception {
        SpecgateConfig c = SpecProject.configLoader().load(config("strict: true\n"));

        assertThat(c.maxFileSize())
                .isEqualTo(8 * MIB)
                .isEqualTo(ConfigLoader.DEFAULT_MAX_FILE_SIZE)
                .isEqualTo(SpecFileReader.MAX_BYTES);
        assertThat(SpecProject.builtin().reader().maxBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void aSpecJustOverTheConfiguredLimitIsUnreadableNamingTheLimit() throws Exception {
        Path file = config("max-file-size: 16KiB\n");
        Path spec = specOfSize(16 * KIB + 1);
        SpecProject project = SpecProject.open(root, ConfigChoice.nearest());

        String expected =
                "cannot check this file: file is 16385 bytes, over the limit of 16 KiB"
                        + " (max-file-size in "
                        + file.toAbsolutePath().normalize()
                        + ")";
        assertThat(onlyFinding(run(project, spec)))
                .satisfies(d -> assertThat(d.ruleId()).isEqualTo(RuleIds.UNREADABLE_FILE))
                .satisfies(d -> assertThat(d.message()).isEqualTo(expected));
        assertThat(project.inspect(spec, SpecProject.asOf(TestSpecs.TODAY)).result().diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo(expected));
        assertThat(project.checker().checkFile(spec, TestSpecs.OPTIONS).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo(expected));
    }

    @Test
    void aSpecAtOrJustUnderTheConfiguredLimitIsChecked() throws Exception {
        config("max-file-size: 16384\n");
        SpecProject project = SpecProject.open(root, ConfigChoice.nearest());

        for (long size : List.of(16 * KIB - 1, 16 * KIB)) {
            Path spec = specOfSize(size);
            assertThat(results(run(project, spec)))
                    .singleElement()
                    .satisfies(
                            r ->
                                    assertThat(r.diagnostics())
                                            .noneMatch(
                                                    d ->
                                                            d.ruleId()
                                                                    .equals(
                                                                            RuleIds
                                                                                    .UNREADABLE_FILE)));
        }
    }

    @Test
    void aRaisedLimitLetsAFileOverTheDefaultBeChecked() throws Exception {
        Path spec = specOfSize(8 * MIB + 1);

        SpecProject byDefault = SpecProject.open(root, ConfigChoice.nearest());
        config("max-file-size: 9MiB\n");
        SpecProject raised = SpecProject.open(root, ConfigChoice.nearest());

        assertThat(onlyFinding(run(byDefault, spec)).message())
                .isEqualTo(
                        "cannot check this file: file is 8388609 bytes, over the limit of 8 MiB"
                                + " (the default max-file-size; a .specgate.yml can raise it)");
        assertThat(results(run(raised, spec)).get(0).diagnostics())
                .noneMatch(d -> d.ruleId().equals(RuleIds.UNREADABLE_FILE));
    }

    @Test
    void theProjectReadsASpecArgumentWithItsLimit() throws Exception {
        config("max-file-size: 8KiB\n");
        Path spec = specOfSize(12 * KIB);
        SpecProject project = SpecProject.open(spec, ConfigChoice.nearest());

        assertThatThrownBy(() -> project.read(spec))
                .hasMessageStartingWith("file is 12288 bytes, over the limit of 8 KiB");
        assertThat(SpecProject.open(spec, ConfigChoice.none()).read(spec).text()).startsWith("# ");
    }

    private static ProjectRun run(SpecProject project, Path spec) throws Exception {
        return project.run(List.of(spec), RunOptions.of(SpecProject.asOf(TestSpecs.TODAY)));
    }

    private static List<CheckResult> results(ProjectRun run) {
        return run.checkRun().results();
    }

    private static Diagnostic onlyFinding(ProjectRun run) {
        List<CheckResult> results = results(run);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).diagnostics()).hasSize(1);
        return results.get(0).diagnostics().get(0);
    }
}
