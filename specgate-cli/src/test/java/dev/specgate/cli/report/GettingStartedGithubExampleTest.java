package dev.specgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md section 11 shows the first lines of {@code check --format github} for the
 * Draft a reader made in sections 3 to 5 ({@code specgate new "Refund webhooks"}, its Type set to
 * Integration): the lines shown are the lines a reader following the page gets, and a spec straight
 * from {@code new} starts with its Type placeholder instead, as the page says.
 */
class GettingStartedGithubExampleTest {

    private static final String NAME = "2026-12-06_spec_refund-webhooks.md";
    private static final String COMMAND = "$ specgate check --format github | head -n 2";

    @TempDir Path root;

    /** The two lines the page shows under its {@code --format github} command. */
    private static List<String> pageLines() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", "."));
        Path doc = moduleDir.toAbsolutePath().getParent().resolve("docs/getting-started.md");
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(COMMAND)) {
                at = i;
            }
        }
        assertThat(at).as("the page's '%s' line", COMMAND).isNotNegative();
        return List.of(lines.get(at + 1).strip(), lines.get(at + 2).strip());
    }

    /** The first two annotations, their paths as the page's (from the project's folder). */
    private List<String> firstTwo() {
        Path specs = root.resolve("directives/spec");
        CliRun run =
                CliRun.of("check", specs.toString(), "--format", "github", "--today", "2026-12-06");
        assertThat(run.exitCode()).as(run.err()).isZero(); // a Draft: warnings only
        String prefix = "file=" + root + "/";
        return run.out().lines().limit(2).map(l -> l.replace(prefix, "file=")).toList();
    }

    @Test
    void theLinesShownAreWhatTheReadersDraftGives() throws IOException {
        CliRun made =
                CliRun.of(
                        "new",
                        "Refund webhooks",
                        "--root",
                        root.toString(),
                        "--date",
                        "2026-12-06");
        assertThat(made.exitCode()).as(made.err()).isZero();
        Path spec = root.resolve("directives/spec/" + NAME);
        String fresh = Files.readString(spec, StandardCharsets.UTF_8);

        List<String> straightFromNew = firstTwo();
        assertThat(straightFromNew.get(0))
                .contains("line=5,col=11,")
                .contains("template placeholder '[Bug Fix | Performance Optimization");

        // sections 4 and 5: Type set to Feature, then to Integration
        String typed = fresh.replaceFirst("(?m)^\\*\\*Type:\\*\\* .*$", "**Type:** Integration");
        assertThat(typed).isNotEqualTo(fresh);
        Files.writeString(spec, typed, StandardCharsets.UTF_8);

        assertThat(firstTwo()).isEqualTo(pageLines());
    }
}
