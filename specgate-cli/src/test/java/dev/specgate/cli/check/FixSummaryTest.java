package dev.specgate.cli.check;

import static dev.specgate.cli.SpecFixtures.cleanSpec;
import static dev.specgate.cli.SpecFixtures.writeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line that closes --fix counts what it fixed as every summary counts: task lists apart. */
class FixSummaryTest {

    private static final String TODAY = "2026-11-25";

    @TempDir Path root;

    @Test
    void aFixedTaskListIsCountedAsATaskListNotAsASpec() throws IOException {
        Path spec = writeSpec(root, "2026-10-02_spec_webhook-retry-queue.md", cleanSpec());
        CliRun tasks = CliRun.of("tasks", spec.toString(), "--today", TODAY);
        assertThat(tasks.exitCode()).as(tasks.err()).isZero();
        Path taskList = Path.of(tasks.out().strip());
        // a malformed box, in a list saved with CRLF line endings
        String text = Files.readString(taskList).replaceFirst("- \\[[ x]\\] 1\\.1 ", "- [ x] 1.1 ");
        Files.write(taskList, text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        CliRun fix = CliRun.of("check", taskList.toString(), "--fix", "--today", TODAY);

        assertThat(fix.err())
                .contains("fixed [task-box] '[ x]' -> '[x]'")
                .contains("specgate: fixed 1 problem in 1 task list")
                .doesNotContain("in 1 spec");
        assertThat(Files.readString(taskList)).contains("- [x] 1.1 ").doesNotContain("[ x]");
        assertThat(Files.readString(taskList).replace("\r\n", "")).doesNotContain("\n");
    }
}
