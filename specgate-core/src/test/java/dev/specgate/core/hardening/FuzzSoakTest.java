package dev.specgate.core.hardening;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time-bounded fuzzing of the parser and every rule with the generators of {@link
 * MarkdownArbitraries}: {@value #DEFAULT_SECONDS} s in {@code mvn verify}, longer on demand with
 * {@code -Dspecgate.fuzz.seconds=600}.
 *
 * <p>The inputs come from a seeded random source, and the seed is printed: in {@code mvn verify} it
 * is the fixed {@link TestSeed#FIXED}, so every build tries the same inputs (how many depends on
 * the machine's speed). {@code -Dspecgate.fuzz.seed=random} draws a new seed, {@code
 * -Dspecgate.fuzz.seed=<number>} replays a given one, e.g. {@code mvn -pl specgate-core test
 * -Dtest=FuzzSoakTest -Dspecgate.fuzz.seed=random -Dspecgate.fuzz.seconds=600}. A failing input is
 * also written to {@code target/fuzz-failures/} so that it can be replayed.
 */
class FuzzSoakTest {

    static final int DEFAULT_SECONDS = 20;

    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fuzzTheCheckForABoundedTime() throws IOException {
        Duration budget =
                Duration.ofSeconds(Long.getLong("specgate.fuzz.seconds", DEFAULT_SECONDS));
        long seed = TestSeed.value();
        // a session seeds the source that sampleStream draws from, on this thread
        JqwikSession.start(Long.toString(seed));
        try {
            fuzz(seed, budget);
        } finally {
            JqwikSession.finish();
        }
    }

    private static void fuzz(long seed, Duration budget) throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        Iterator<String> soups = MarkdownArbitraries.markdown().sampleStream().iterator();
        Iterator<String> edits = MarkdownArbitraries.editedTemplate().sampleStream().iterator();
        long inputs = 0;
        while (System.nanoTime() < deadline) {
            String markdown = inputs % 3 == 2 ? edits.next() : soups.next();
            inputs++;
            try {
                FuzzProperties.checkTwice(markdown);
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
                Path saved =
                        dir.resolve("input-" + Integer.toHexString(markdown.hashCode()) + ".md");
                Files.writeString(saved, markdown, StandardCharsets.UTF_8);
                fail(
                        "input "
                                + inputs
                                + " of seed "
                                + seed
                                + " failed (saved to "
                                + saved.toAbsolutePath()
                                + "): "
                                + e
                                // the input itself, so that a CI log alone can replay it
                                + "\ninput (Java-escaped, first 4000 chars): \""
                                + escaped(markdown, 4000)
                                + "\"",
                        e);
            }
        }
        System.out.println(
                "fuzz: seed "
                        + seed
                        + ", "
                        + inputs
                        + " inputs in "
                        + budget.toSeconds()
                        + " s, no failure");
    }

    static String escaped(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), max); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
