package dev.specgate.cli.checklist;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many {@code done} runs on one spec at once, each ticking its own item through the real command:
 * every run either reports success and its tick is in the file, or is refused as stale and changed
 * nothing. Before edits took a lock, a run could report success while another one's rename replaced
 * its tick (a lost update).
 */
class ConcurrentDoneTest {

    private static final String CLEAN = "2026-10-02_spec_webhook-retry-queue.md";
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    @TempDir Path root;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentDoneRunsNeverLoseATick() throws Exception {
        Path spec = writeSpec(root, CLEAN, cleanSpec());
        byte[] original = Files.readAllBytes(spec);
        List<JsonNode> open = openItems(spec).subList(0, THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int succeeded = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Files.write(spec, original);
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<CompletableFuture<CliRun>> runs = new ArrayList<>();
                for (JsonNode item : open) {
                    runs.add(
                            CompletableFuture.supplyAsync(
                                    () -> {
                                        await(start);
                                        return CliRun.of(
                                                "done", spec.toString(), item.get("id").asText());
                                    },
                                    pool));
                }
                List<String> lines =
                        new ArrayList<>(
                                List.of(
                                        new String(original, StandardCharsets.UTF_8)
                                                .split("\n", -1)));
                for (int i = 0; i < THREADS; i++) {
                    CliRun run = runs.get(i).get();
                    if (run.exitCode() == 0) {
                        succeeded++;
                        int line = open.get(i).get("line").asInt() - 1;
                        lines.set(line, lines.get(line).replaceFirst("\\[ \\]", "[x]"));
                    } else {
                        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
                        assertThat(run.err())
                                .contains("changed on disk since it was read; nothing was written");
                    }
                }
                assertThat(Files.readString(spec))
                        .as("round %d: the tick of every successful run, and nothing else", round)
                        .isEqualTo(String.join("\n", lines));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(succeeded).as("at least one run per round").isGreaterThanOrEqualTo(ROUNDS);
    }

    private static List<JsonNode> openItems(Path spec) throws Exception {
        CliRun progress = CliRun.of("progress", spec.toString(), "--format", "json");
        assertThat(progress.exitCode()).isZero();
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode section : new ObjectMapper().readTree(progress.out()).get("sections")) {
            for (JsonNode item : section.get("items")) {
                if (!item.get("checked").asBoolean()) {
                    open.add(item);
                }
            }
        }
        assertThat(open).hasSizeGreaterThanOrEqualTo(THREADS);
        return open;
    }

    private static void await(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
