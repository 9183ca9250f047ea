package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specgate-start.jar, which the launchers put before the shaded jar on the class path, holds every
 * class and resource that {@code check} loads: run alone, without the shaded jar behind it, it
 * gives the same output and exit code as {@code java -jar specgate.jar}, for the text, JSON and
 * SARIF reports, a configuration file, front matter and the incremental cache. (With the shaded jar
 * behind it, a class it lacked would still be found, but the JVM would open the shaded jar's
 * 12,000-entry directory, which is what the small jar is there to avoid.) Also runs {@link
 * StartupTraining}, the launchers' training run, the way they run it.
 */
class StartJarIT {

    private static final Path JAR = Path.of("target", "specgate.jar");
    private static final Path START_JAR = Path.of("target", "specgate-start.jar");
    private static final Path DEMO =
            Path.of(System.getProperty("specgate.repoRoot", ".."), "examples", "demo");

    @TempDir static Path dir;

    @BeforeAll
    static void jarsAreBuilt() {
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        assertThat(START_JAR).as("specgate-start.jar, built by package").isRegularFile();
    }

    @Test
    void isSmallAndHoldsNoSecondCopyOfAService() throws IOException {
        try (ZipFile start = new ZipFile(START_JAR.toFile());
                ZipFile shaded = new ZipFile(JAR.toFile())) {
            assertThat(start.size()).isLessThan(shaded.size() / 5);
            assertThat(start.stream().map(e -> e.getName()))
                    .contains(
                            "dev/specgate/cli/Main.class",
                            "dev/specgate/core/template/rigour-vibe.md",
                            "dev/specgate/report/version.properties")
                    .noneMatch(name -> name.startsWith("META-INF/services/"))
                    .noneMatch(name -> name.endsWith("/")); // no directory entries
            // the same bytes as the shaded jar's copy
            var main = start.getEntry("dev/specgate/cli/Main.class");
            assertThat(start.getInputStream(main).readAllBytes())
                    .isEqualTo(
                            shaded.getInputStream(shaded.getEntry(main.getName())).readAllBytes());
        }
    }

    @Test
    void checksAsTheShadedJarDoesWithoutIt() throws Exception {
        Path project = copyOfDemo("project");
        Files.writeString(project.resolve(".specgate.yml"), "strict: true\n");
        Path spec =
                Files.list(project.resolve("directives/spec"))
                        .filter(p -> p.toString().endsWith(".md"))
                        .sorted()
                        .findFirst()
                        .orElseThrow();
        Files.writeString(spec, "---\nowner: payments-team\n---\n" + Files.readString(spec));

        for (List<String> args :
                List.of(
                        List.of("check", "--today", "2026-11-25", "."),
                        List.of("check", "--today", "2026-11-25", "--format", "json", "."),
                        List.of("check", "--today", "2026-11-25", "--format", "sarif", "."),
                        List.of("check", "--today", "2026-11-25", spec.toString()),
                        List.of("--version"))) {
            Result shaded = run(project, List.of("-jar", JAR.toAbsolutePath().toString()), args);
            Result start = run(project, startJarAlone(), args);
            assertThat(start).as("%s", args).isEqualTo(shaded);
            assertThat(start.err).as("%s", args).doesNotContain("Exception", "Error:");
        }
        // the incremental cache: filled by one run, read by the next, as with the shaded jar
        List<String> cached = List.of("check", "--cache", "--today", "2026-11-25", ".");
        Path other = copyOfDemo("other");
        Files.copy(project.resolve(".specgate.yml"), other.resolve(".specgate.yml"));
        Files.copy(spec, other.resolve(project.relativize(spec)), REPLACE);
        for (int i = 0; i < 2; i++) {
            Result shaded = run(other, List.of("-jar", JAR.toAbsolutePath().toString()), cached);
            Result start = run(project, startJarAlone(), cached);
            assertThat(start).as("run %d with --cache", i + 1).isEqualTo(shaded);
        }
        assertThat(project.resolve(".specgate-cache")).isDirectory();
    }

    /**
     * {@code check} ends the JVM by {@code Runtime.halt} (no system-logger lookup at exit); with
     * java.util.logging configured it ends by {@code System.exit} as every other command does. Both
     * give the same report, messages and exit code: clean, with findings, and a usage error.
     */
    @Test
    void checkEndsTheSameByHaltAsByExit() throws Exception {
        Path project = copyOfDemo("halt");
        Path clean = project.resolve("directives/spec/2026-10-14_spec_webhook-retry-backoff.md");
        for (List<String> args :
                List.of(
                        List.of("check", "--today", "2026-11-25", "."),
                        List.of("check", "--today", "2026-11-25", "--format", "json", "."),
                        List.of("check", "--today", "2026-11-25", clean.toString()),
                        List.of("check", "--today", "2026-11-25", "no-such-folder"),
                        List.of("check", "--bogus"))) {
            Result halted = run(project, startJarAlone(), args);
            List<String> exiting = new ArrayList<>();
            exiting.add("-Djava.util.logging.config.file=/dev/null");
            exiting.addAll(startJarAlone());
            Result exited = run(project, exiting, args);
            assertThat(halted).as("%s", args).isEqualTo(exited);
            assertThat(halted.out + halted.err).as("%s", args).isNotEmpty();
        }
    }

    /**
     * A plain check ({@code CheckCommand.plain}: PATHs and a few options) runs without picocli's
     * model; the same check written so that picocli parses it ({@code --today=D}, {@code --format
     * text}) gives the same report, messages and exit code, non-ASCII text included.
     */
    @Test
    void aPlainCheckRunsAsPicocliRunsIt() throws Exception {
        Path project = copyOfDemo("plain");
        Path spec = project.resolve("directives/spec/2026-11-09_spec_refund-idempotency-keys.md");
        Files.writeString(spec, Files.readString(spec).replace("Feature", "Fonctionnalité"));
        String specPath = spec.toString();
        List<List<List<String>>> pairs =
                List.of(
                        List.of(
                                List.of("check", "--today", "2026-11-25", "."),
                                List.of("check", "--today=2026-11-25", ".")),
                        List.of(
                                List.of("check", "--today", "2026-11-25", "--strict", specPath),
                                List.of(
                                        "check",
                                        "--format",
                                        "text",
                                        "--today",
                                        "2026-11-25",
                                        "--strict",
                                        specPath)),
                        List.of(
                                List.of("check", "--cache", "--today", "2026-11-25", "."),
                                List.of("check", "--cache", "--today=2026-11-25", ".")),
                        List.of(
                                List.of("check", "--today", "2026-11-25", "no-such-folder"),
                                List.of("check", "--today=2026-11-25", "no-such-folder")));
        for (List<List<String>> pair : pairs) {
            Result plain = run(project, startJarAlone(), pair.get(0));
            Result picocli = run(project, startJarAlone(), pair.get(1));
            assertThat(plain).as("%s", pair).isEqualTo(picocli);
        }
        Result findings = run(project, startJarAlone(), pairs.get(0).get(0));
        assertThat(findings.code).isEqualTo(1);
        assertThat(findings.out).contains("'Fonctionnalité'");
    }

    @Test
    void trainingRunsEachCommandLineInOneJvm() throws Exception {
        Path project = copyOfDemo("training");
        List<String> args =
                List.of(
                        "check",
                        "--today",
                        "2026-11-25",
                        ".",
                        StartupTraining.THEN,
                        "check",
                        "--cache",
                        "--today",
                        "2026-11-25",
                        ".",
                        StartupTraining.THEN,
                        "--version");
        List<String> java = new ArrayList<>(startJarAlone());
        java.set(java.size() - 1, StartupTraining.class.getName());

        Result r = run(project, java, args);
        Result check = run(project, startJarAlone(), args.subList(0, 4));
        Result version = run(project, startJarAlone(), List.of("--version"));

        assertThat(r.code).as(r.err).isZero(); // the last command's: --version
        assertThat(r.out).isEqualTo(check.out + check.out + version.out);
        assertThat(project.resolve(".specgate-cache")).isDirectory();
    }

    private static final java.nio.file.CopyOption REPLACE =
            java.nio.file.StandardCopyOption.REPLACE_EXISTING;

    private static List<String> startJarAlone() {
        return List.of("-cp", START_JAR.toAbsolutePath().toString(), Main.class.getName());
    }

    private static Path copyOfDemo(String name) throws IOException {
        Path target = dir.resolve(name);
        try (var all = Files.walk(DEMO)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private record Result(int code, String out, String err) {}

    private static Result run(Path workDir, List<String> java, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java);
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
