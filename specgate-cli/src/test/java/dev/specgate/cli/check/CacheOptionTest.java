package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --cache} and {@code --no-cache} on a copy of the demo: the same report with and
 * without the cache, before and after an edit; the cache folder with its {@code .gitignore}; the
 * configuration's {@code cache:} key and the flag that overrides it.
 */
class CacheOptionTest {

    @TempDir Path tmp;

    private Path demo() throws IOException {
        Path from = Path.of("..", "examples", "demo");
        Path to = tmp.resolve("demo");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static CliRun check(Path demo, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "check";
        args[1] = demo.toString();
        args[2] = "--today";
        args[3] = "2026-11-25";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void cacheGivesTheSameReportBeforeAndAfterAnEdit() throws Exception {
        Path demo = demo();
        CliRun plain = check(demo);
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(demo.resolve(".specgate-cache")).doesNotExist(); // off by default

        CliRun filling = check(demo, "--cache");
        CliRun reading = check(demo, "--cache");
        assertThat(filling).isEqualTo(plain);
        assertThat(reading).isEqualTo(plain);
        assertThat(demo.resolve(".specgate-cache/.gitignore")).isRegularFile();
        assertThat(demo.resolve(".specgate-cache/results.bin")).isRegularFile();

        // fix the broken link's target: the spec that links to it is checked again
        Files.createDirectories(demo.resolve("docs/dev"));
        Files.writeString(demo.resolve("docs/dev/ledger-export-runbook.md"), "# Runbook\n");
        CliRun after = check(demo, "--cache");
        assertThat(after).isEqualTo(check(demo, "--no-cache"));
        assertThat(after.out()).doesNotContain("link-broken");
        assertThat(plain.out()).contains("link-broken");
    }

    @Test
    void configurationKeyTurnsItOnAndTheFlagWins() throws Exception {
        Path demo = demo();
        Files.writeString(demo.resolve(".specgate.yml"), "cache: true\n");
        CliRun off = check(demo, "--no-cache");
        assertThat(demo.resolve(".specgate-cache")).doesNotExist();
        CliRun on = check(demo);
        assertThat(demo.resolve(".specgate-cache/results.bin")).isRegularFile();
        assertThat(on).isEqualTo(off);
    }
}
