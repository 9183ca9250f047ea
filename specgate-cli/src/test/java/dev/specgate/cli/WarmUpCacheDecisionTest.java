package dev.specgate.cli;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Main}'s start-up warm-up skips what only a check of changed specs needs (SHA-256, NFKC)
 * when the run uses the incremental cache, as the check decides it from its options as parsed and
 * the configuration: before, only a literal {@code --cache} argument counted, so {@code
 * --cache=true}, an {@code @argfile} and {@code cache: true} warmed up for nothing, and a {@code
 * --cache} run the cache cannot serve ({@code --trace}) went without the warm-up.
 */
class WarmUpCacheDecisionTest {

    @TempDir Path root;

    /** What the check told the warm-up, for the command line {@code args}. */
    private Boolean told(String... args) throws Exception {
        return told(0, args);
    }

    /** What the check told the warm-up, for {@code args}, whose run ends with {@code exit}. */
    private Boolean told(int exit, String... args) throws Exception {
        CompletableFuture<Boolean> usesCache = new CompletableFuture<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code;
        try (PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            System.setOut(quiet);
            System.setErr(quiet);
            code = Main.run(args, usesCache);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(code).as(sink.toString(StandardCharsets.UTF_8)).isEqualTo(exit);
        return usesCache.getNow(null);
    }

    @Test
    void theWarmUpFollowsTheCacheDecisionOfTheParsedOptionsAndTheConfiguration() throws Exception {
        writeSpec(
                root, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec().replace("\n", "\r\n"));
        String dir = root.toString();
        Path argFile = root.resolve("args.txt");
        Files.write(argFile, List.of("--cache", dir));

        // a plain check, read without picocli
        assertThat(told("check", "--today", "2026-11-25", dir)).isFalse();
        assertThat(told("check", "--cache", "--today", "2026-11-25", dir)).isTrue();
        // picocli's forms of the same option
        assertThat(told("check", "--cache=true", "--today", "2026-11-25", dir)).isTrue();
        assertThat(told("check", "--cache=false", "--today", "2026-11-25", dir)).isFalse();
        assertThat(told("check", "--today", "2026-11-25", "@" + argFile)).isTrue();
        // a run the cache cannot serve (a JSON report uses it too; a trace does not)
        assertThat(told("check", "--cache", "--trace", "--today", "2026-11-25", dir)).isFalse();

        // the configuration turns it on, --no-cache off again
        Files.writeString(root.resolve(".specgate.yml"), "cache: true\n");
        assertThat(told("check", "--today", "2026-11-25", dir)).isTrue();
        assertThat(told("check", "--no-cache", "--today", "2026-11-25", dir)).isFalse();
        assertThat(told("check", "--today", "2026-11-25", "-f", "json", dir)).isTrue();
    }

    /**
     * {@code --prune-baseline} reads a baseline as {@code --baseline} does, and a run with one is
     * never served by the cache: the check read the cache's file ahead for nothing and told the
     * warm-up it was cached, so the fingerprints the prune works out waited for SHA-256 and NFKC.
     */
    @Test
    void aPruneOfTheBaselineIsNoCachedRun() throws Exception {
        String spec = "2026-10-02_spec_webhook-retry-queue.md";
        String legacy =
                cleanSpec()
                        .replace("- **Duration:** 2 weeks", "- **Duration:** [Time estimate]")
                        .replace("\n", "\r\n");
        writeSpec(root, spec, "\uFEFF" + legacy);
        String dir = root.toString();
        Path baseline = root.resolve(".specgate-baseline.json");
        assertThat(
                        told(
                                "check",
                                "--cache",
                                "--today",
                                "2026-11-25",
                                "--write-baseline",
                                baseline.toString(),
                                dir))
                .isFalse();
        assertThat(Files.readString(baseline)).contains("[Time estimate]");
        // the estimate filled in; a cached check leaves its cache beside the specs
        writeSpec(root, spec, "\uFEFF" + legacy.replace("[Time estimate]", "3 weeks"));
        assertThat(told("check", "--cache", "--today", "2026-11-25", dir)).isTrue();
        assertThat(root.resolve(".specgate-cache")).isDirectory();

        assertThat(
                        told(
                                "check",
                                "--cache",
                                "--today",
                                "2026-11-25",
                                "--prune-baseline",
                                baseline.toString(),
                                dir))
                .isFalse();
        assertThat(Files.readString(baseline)).doesNotContain("[Time estimate]");
    }

    @Test
    void aCheckThatEndsBeforeItKnowsLeavesNoWarmUpWaitingForIt() throws Exception {
        writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
        String dir = root.toString();
        Set<Thread> before = warmUps();

        // a usage error, a folder that is not there, a configuration that cannot be read, help
        assertThat(told(2, "check", "--no-such-option", dir)).isTrue();
        assertThat(told(2, "check", "--today", "2026-11-25", root.resolve("gone").toString()))
                .isTrue();
        assertThat(told(0, "check", "--help")).isTrue();
        Files.writeString(root.resolve(".specgate.yml"), "cache: [true\n");
        assertThat(told(2, "check", "--today", "2026-11-25", dir)).isTrue();

        // each run's warm-up went on and ended (it waited for ever, a parked thread per run)
        Set<Thread> left = warmUps();
        left.removeAll(before);
        for (Thread t : left) {
            t.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(left).noneMatch(Thread::isAlive);
    }

    /** The warm-up threads of this JVM still alive. */
    private static Set<Thread> warmUps() {
        Set<Thread> found = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("specgate-warm-up")) {
                found.add(t);
            }
        }
        return found;
    }
}
