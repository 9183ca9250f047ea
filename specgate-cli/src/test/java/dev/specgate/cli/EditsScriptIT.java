package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/it/edits.sh} against the shaded jar, after package: {@code check --output}
 * through a symbolic link, a FIFO and {@code /dev/fd/N}, and 50 rounds of two concurrent {@code
 * done} processes on one spec without a lost tick. Needs bash and mkfifo (skipped without bash).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EditsScriptIT {

    static final Path JAR = Path.of("target", "specgate.jar");
    static final Path SCRIPT = Path.of("src", "it", "edits.sh");
    static final Path FIXTURE =
            Path.of("src", "test", "resources", "specs", "2026-10-02_spec_webhook-retry-queue.md");

    @TempDir Path tmp;

    @Test
    void editsScriptPasses() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(classDataArchive());
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));

        ProcessBuilder script =
                new ProcessBuilder("/bin/bash", SCRIPT.toString()).redirectErrorStream(true);
        script.environment().put("SPECGATE", String.join(" ", command));
        script.environment().put("ROUNDS", "50");
        Process run = script.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor();
        System.out.print(output);

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("50 rounds of two concurrent done runs")
                .contains("no tick lost");
    }

    private static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
    }

    /**
     * Options for a class-data archive made by one training run (as ./specgate makes one), which
     * takes a good part off each of the script's hundred JVM starts; none if it cannot be made.
     */
    private List<String> classDataArchive() throws Exception {
        Path spec = Files.createDirectories(tmp.resolve("training/directives/spec"));
        Files.copy(FIXTURE, spec.resolve(FIXTURE.getFileName()));
        Path archive = tmp.resolve("specgate.jsa");
        List<String> training = new ArrayList<>(javaCommand());
        training.addAll(
                List.of(
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Xlog:cds=off",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "done",
                        spec.resolve(FIXTURE.getFileName()).toString(),
                        "13.3"));
        Process p =
                new ProcessBuilder(training)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)
                || p.exitValue() != 0
                || !Files.isRegularFile(archive)) {
            p.destroyForcibly();
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
    }
}
