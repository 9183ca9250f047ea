package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several PATHs, each with its own configuration; and paths that give nothing to check. */
class ProjectsTest {

    private static final String NAME = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String TODAY = "2026-11-25";

    @TempDir Path root;

    private Path project(String name, String config, String spec) throws Exception {
        Path p = Files.createDirectories(root.resolve(name));
        Files.writeString(p.resolve(".specgate.yml"), config);
        SpecFixtures.writeSpec(p, NAME, spec);
        return p;
    }

    @Test
    void eachPathIsCheckedWithItsOwnNearestConfiguration() throws Exception {
        String wrongType =
                SpecFixtures.cleanSpec()
                        .replace("**Type:** Architecture Change", "**Type:** Refactoring");
        Path a = project("a", "rules:\n  field-value: off\n", wrongType);
        Path b = project("b", "rules:\n  field-value: warning\n", wrongType);

        CliRun run = CliRun.of("check", a.toString(), b.toString(), "--today", TODAY);

        // before, b's spec was dropped silently: "No problems found in 1 spec"
        assertThat(run.out())
                .doesNotContain("a/directives/spec/" + NAME)
                .contains("b/directives/spec/" + NAME + ":5:11: warning [field-value]")
                .contains("Checked 2 specs");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aPathWithNothingToCheckIsNamedEvenBesideOneWithSpecs() throws Exception {
        Path a = project("a", "strict: false\n", SpecFixtures.cleanSpec());
        Path empty = Files.createDirectories(root.resolve("empty"));

        CliRun run = CliRun.of("check", a.toString(), empty.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no specs found under " + empty);
    }

    @Test
    void aFileTheConfigurationLeavesOutIsSaidToBeExcludedNeverZeroSpecsPassed() throws Exception {
        Path a = project("a", "specs:\n  - directives/spec/**/*.md\n", SpecFixtures.cleanSpec());
        Path tasks = Files.createDirectories(a.resolve("directives/tasks"));
        Path taskList =
                Files.writeString(
                        tasks.resolve("2026-10-03_task_webhook-retry-queue.md"), "# Tasks\n");

        CliRun run = CliRun.of("check", taskList.toString(), "--today", TODAY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "2026-10-03_task_webhook-retry-queue.md is not checked: no specs: glob matches directives/tasks/2026-10-03_task_webhook-retry-queue.md")
                .contains(".specgate.yml")
                .contains("nothing to check");
        assertThat(run.out()).doesNotContain("No problems found");
    }
}
