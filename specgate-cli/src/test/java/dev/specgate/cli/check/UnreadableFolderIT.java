package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A folder under a spec root that cannot be read is an error naming it, never a silent pass. Runs
 * the shaded jar as a process; as root (who can read anything) it runs it as {@code nobody} through
 * {@code setpriv}, since a permission check only bites a normal user.
 */
class UnreadableFolderIT {

    private static final Path JAR = Path.of("target", "specgate.jar");
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        // world-readable, so that nobody can reach the jar and the project
        dir = Files.createTempDirectory("specgate-unreadable");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void anUnreadableFolderIsAnErrorNamingItAndTheReason() throws Exception {
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        Path jar = Files.copy(JAR, dir.resolve("specgate.jar"));
        Path project = dir.resolve("project");
        Path specs = Files.createDirectories(project.resolve("directives/spec"));
        Files.writeString(specs.resolve(NAME), SpecFixtures.cleanSpec());
        Path secret = Files.createDirectories(specs.resolve("secret"));
        Files.writeString(secret.resolve(NAME), SpecFixtures.cleanSpec());
        for (Path p : List.of(project, project.resolve("directives"), specs)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(
                specs.resolve(NAME), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Result r = run(jar, "check", project.toString(), "--today", "2026-11-25");

        assertThat(r.code).as(r.err).isEqualTo(1);
        assertThat(r.out)
                .contains("directives/spec/secret:1:1: error [unreadable-file]")
                .contains("cannot search this folder for specs: permission denied")
                // the folder is no spec: counted apart, never as a spec checked
                .endsWith(
                        "\nChecked 1 spec: 1 error, 0 warnings in 1 folder that could not be"
                                + " searched.\n");
    }

    @Test
    void traceListsASpecItCannotReadAndTracesTheOthers() throws Exception {
        // trace once stopped at the unreadable spec: exit 2, nothing traced for the rest
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        Path jar = Files.copy(JAR, dir.resolve("specgate.jar"));
        Path project = dir.resolve("project");
        Path specs = Files.createDirectories(project.resolve("directives/spec"));
        Files.writeString(specs.resolve(NAME), SpecFixtures.cleanSpec());
        Path secret = specs.resolve("2026-10-03_spec_secret-rotation.md");
        Files.writeString(secret, SpecFixtures.cleanSpec());
        for (Path p : List.of(project, project.resolve("directives"), specs)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(
                specs.resolve(NAME), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Result check = run(jar, "check", project.toString(), "--today", "2026-11-25");
        Result trace = run(jar, "trace", project.toString(), "--today", "2026-11-25");

        assertThat(check.out)
                .contains(
                        "2026-10-03_spec_secret-rotation.md:1:1: error [unreadable-file] cannot"
                                + " check this file: permission denied");
        assertThat(trace.code).as(trace.err).isEqualTo(1).isEqualTo(check.code);
        assertThat(trace.err).isEmpty();
        assertThat(trace.out)
                .contains(NAME + " (Approved)\n  missing  directory src/core/webhook-retry-queue/")
                .contains(
                        "2026-10-03_spec_secret-rotation.md\n"
                                + "  not traced: cannot check this file: permission denied\n");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            assumeTrue(Files.isExecutable(setpriv), "setpriv is needed to run as a normal user");
            command.addAll(
                    List.of(
                            setpriv.toString(),
                            "--reuid=65534",
                            "--regid=65534",
                            "--clear-groups"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Process p =
                new ProcessBuilder(command)
                        .directory(jar.getParent().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
