package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval hash through libcrypto ({@code approval/Sha256}, Java 22 or later) gives the
 * verdicts the JDK's digest gives: the shaded jar, run on a Java 22+ with the digest forced to
 * libcrypto, to the JDK's, and left to switch at its first hash, reports what this JVM's in-process
 * run reports, byte for byte, on approvals that hold, one made stale by an edit, CRLF with a byte
 * order mark, non-ASCII text and a spec of a megabyte; and the JVM prints no restricted-method
 * warning (the jar's manifest enables native access). Skipped when no Java 22+ or no libcrypto is
 * found: set {@code SPECGATE_TEST_JAVA22} to a {@code java} command to run it elsewhere.
 */
class NativeDigestIT {

    private static final Path JAR = Path.of("target", "specgate.jar");
    private static final String TODAY = "2026-11-25";
    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";

    @TempDir Path dir;

    @Test
    void libcryptoAndTheJdkGiveTheSameVerdicts() throws Exception {
        Optional<String> java22 = java22();
        assumeTrue(java22.isPresent(), "no Java 22 or later found");
        assumeTrue(
                Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64")
                        .anyMatch(d -> Files.exists(Path.of(d, "libcrypto.so.3"))),
                "no libcrypto.so.3 found");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();

        String clean = SpecFixtures.cleanSpec();
        write("plain", clean);
        write("crlf-with-bom", "\uFEFF" + clean.replace("\n", "\r\n"));
        write(
                "non-ascii",
                clean.replace(
                        "## Executive Summary",
                        "## Executive Summary\n\nÉquipe Zürich → 東京: café, naïve, 🚀 — «guillemets»."));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            big.append("Ligne ").append(i).append(": données réparties → nœud ").append(i % 7);
            big.append(i % 5 == 0 ? "   \n" : "\n");
        }
        write("megabyte", clean.replace("## Executive Summary", "## Executive Summary\n\n" + big));
        Path stale = write("changed-after", clean);
        Files.writeString(
                stale,
                Files.readString(stale)
                        .replace(
                                "## Executive Summary",
                                "## Executive Summary\n\nA sentence added after approval."));

        CliRun here = CliRun.of("check", dir.toString(), "--format", "json", "--today", TODAY);
        assertThat(here.exitCode()).as(here.err()).isEqualTo(1);
        assertThat(here.out()).contains("approval-stale").contains("changed-after");
        assertThat(here.out().split("approval-stale", -1)).hasSize(2);

        // "auto" with the switch line at 0 links at the first hash, as a big run does after 16 MB
        for (String mode : List.of("libcrypto", "nss", "java", "auto")) {
            Run r = run(java22.get(), mode);
            assertThat(r.err).as(mode).isEmpty();
            assertThat(r.code).as(mode + ": " + r.err).isEqualTo(1);
            assertThat(r.out).as(mode).isEqualTo(here.out());
        }
    }

    /**
     * Writes {@code text}, approved as it stands (the fixture's record follows the text), as the
     * spec of a folder of its own under the spec root.
     */
    private Path write(String folder, String text) throws Exception {
        String approved = SpecFixtures.reapproved(text.replace("\r\n", "\n").replace("\uFEFF", ""));
        if (text.contains("\r\n")) {
            approved = approved.replace("\n", "\r\n");
        }
        if (text.startsWith("\uFEFF")) {
            approved = "\uFEFF" + approved;
        }
        Path spec = dir.resolve("directives/spec").resolve(folder).resolve(NAME);
        Files.createDirectories(spec.getParent());
        return Files.write(spec, approved.getBytes(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {}

    private Run run(String java, String mode) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Dspecgate.sha256=" + (mode.equals("libcrypto") ? "native" : mode));
        if (mode.equals("auto")) {
            command.add("-Dspecgate.sha256.after=0");
        }
        command.addAll(
                List.of(
                        "-jar",
                        JAR.toString(),
                        "check",
                        dir.toString(),
                        "--format",
                        "json",
                        "--today",
                        TODAY));
        Path out = dir.resolve("out-" + mode);
        Path err = dir.resolve("err-" + mode);
        Process p =
                new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A Java 22 or later to run the jar with, if this machine has one. */
    private static Optional<String> java22() throws Exception {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("SPECGATE_TEST_JAVA22");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        candidates.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c)) && feature(c) >= 22) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static int feature(String java) throws Exception {
        Process p =
                new ProcessBuilder(java, "-XshowSettings:properties", "-version")
                        .redirectErrorStream(true)
                        .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("java.specification.version = ")) {
                return Integer.parseInt(t.substring(t.indexOf('=') + 1).strip());
            }
        }
        return 0;
    }
}
