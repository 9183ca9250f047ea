package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskListRulesTest {

    private static final String HEADER =
            "# Task List: Retry Queue\n\n"
                    + "**Spec:** [2026-01-02_spec_retry-queue.md](../spec/2026-01-02_spec_retry-queue.md)\n"
                    + "**Created:** 2026-01-05\n\n## Tasks\n";

    @TempDir Path root;
    private Path tasks;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(root.resolve("directives/spec"));
        Files.writeString(root.resolve("directives/spec/2026-01-02_spec_retry-queue.md"), "# S\n");
        tasks = Files.createDirectories(root.resolve("directives/tasks"));
    }

    private List<String> check(String markdown) throws IOException {
        Path file = Files.writeString(tasks.resolve("2026-01-05_task_retry-queue.md"), markdown);
        CheckResult r =
                SpecChecker.standard().checkFile(file, CheckOptions.asOf(LocalDate.of(2026, 1, 6)));
        return r.diagnostics().stream()
                .map(
                        d ->
                                (d.range().startLine() + 1)
                                        + " "
                                        + d.severity().label()
                                        + " "
                                        + d.ruleId())
                .toList();
    }

    @Test
    void aWellNumberedTaskListIsCleanAndSpecRulesDoNotApply() throws IOException {
        String md =
                HEADER
                        + "- [ ] 1.0 Prerequisites\n"
                        + "  - [x] 1.1 Flag created\n"
                        + "- [ ] 2.0 Core\n"
                        + "  - [ ] 2.0.T1 Write a failing test for: writer\n"
                        + "  - [ ] 2.1 Writer\n"
                        + "  * [ ] 2.2 Dispatcher\n"
                        + "  - [ ] 2.0.V1 Functional Verification: delivered\n"
                        + "\n## Quality Gates\n- [ ] Functional Success: all done\n";

        assertThat(check(md)).isEmpty();
    }

    @Test
    void reportsSkippedDuplicateAndMisplacedIdsAtTheirLines() throws IOException {
        String md =
                HEADER
                        + "- [ ] 1.0 One\n" // 7
                        + "  - [ ] 1.2 Skips 1.1\n" // 8
                        + "  - [ ] 2.1 Wrong parent\n" // 9
                        + "- [ ] 3.0 Skips 2.0\n" // 10
                        + "  - [ ] 3.1 Fine\n" // 11
                        + "  - [ ] 3.1 Twice\n" // 12
                        + "  - [ ] 3.0.T2 Skips T1\n" // 13
                        + "- [ ] 3.2 Subtask at top level\n" // 14
                        + "- [ ] 4.0 Four\n" // 15
                        + "  - [ ] 5.0 Nested parent\n" // 16
                        + "- [] 6.0 Malformed box\n"; // 17

        assertThat(check(md))
                .containsExactly(
                        "8 error task-id-sequence",
                        "9 error task-id-parent",
                        "10 error task-id-sequence",
                        "12 error task-id-duplicate",
                        "13 error task-id-sequence",
                        "14 error task-id-parent",
                        "16 error task-id-parent",
                        "17 error task-box");
    }

    @Test
    void aTaskListMustLinkAnExistingSpec() throws IOException {
        assertThat(check("# Task List: X\n\n## Tasks\n- [ ] 1.0 One\n"))
                .containsExactly("1 error task-spec-reference");
        assertThat(check("# Task List: X\n\n**Spec:** the retry one\n\n## Tasks\n- [ ] 1.0 One\n"))
                .containsExactly("3 error task-spec-reference");
        assertThat(
                        check(
                                HEADER.replace(
                                                "2026-01-02_spec_retry-queue.md)",
                                                "2026-01-03_spec_gone.md)")
                                        + "- [ ] 1.0 One\n"))
                .containsExactly("3 error link-broken");
    }

    /**
     * A task list's own Created date is read as a spec's is: a date after tomorrow, or one that is
     * no real date, is reported (both passed in silence); today's and tomorrow's (an author a time
     * zone ahead) are not, nor a Created later than the file name's date, which {@code tasks
     * --force} writes into a list of an earlier day.
     */
    @Test
    void aTaskListsCreatedDateIsCheckedAsASpecsIs() throws IOException {
        String body = "- [ ] 1.0 One\n  - [ ] 1.1 Writer\n";
        assertThat(check(HEADER.replace("2026-01-05", "2026-01-08") + body))
                .containsExactly("4 warning created-date");
        assertThat(check(HEADER.replace("2026-01-05", "2027-05-01") + body))
                .containsExactly("4 warning created-date");
        assertThat(check(HEADER.replace("2026-01-05", "2026-13-45") + body))
                .containsExactly("4 error field-date");
        assertThat(check(HEADER.replace("2026-01-05", "yesterday") + body))
                .containsExactly("4 error field-date");
        assertThat(check(HEADER.replace("2026-01-05", "[Date]") + body))
                .containsExactly("4 error field-date");
        assertThat(check(HEADER.replace("2026-01-05", "2026-01-07") + body)).isEmpty();
        assertThat(check(HEADER.replace("2026-01-05", "2026-01-06") + body)).isEmpty();
    }

    @Test
    void aTaskListsFutureCreatedDateIsSaidAsATaskListsInCrlfWithABom() throws IOException {
        String md =
                "\uFEFF"
                        + (HEADER.replace("2026-01-05", "2026-02-01") + "- [ ] 1.0 Über\n")
                                .replace("\n", "\r\n");
        Path file = Files.writeString(tasks.resolve("2026-01-05_task_retry-queue.md"), md);
        CheckResult r =
                SpecChecker.standard().checkFile(file, CheckOptions.asOf(LocalDate.of(2026, 1, 6)));
        assertThat(r.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.ruleId()).isEqualTo("created-date");
                            assertThat(d.range().startLine()).isEqualTo(3);
                            assertThat(d.range().startColumn()).isEqualTo(13);
                            assertThat(d.message())
                                    .isEqualTo(
                                            "'Created' is 2026-02-01, more than a day after today"
                                                    + " (2026-01-06): a task list cannot be created"
                                                    + " in the future");
                        });
    }

    @Test
    void idsParseInEveryForm() {
        assertThat(TaskId.parse("1.0 Setup")).hasValue(TaskId.parent(1));
        assertThat(TaskId.parse("12.3 Thing")).hasValue(TaskId.subtask(12, 3));
        assertThat(TaskId.parse("2.0.T1 Test")).hasValue(TaskId.testFirst(2, 1));
        assertThat(TaskId.parse("2.0.V4 Check")).hasValue(TaskId.verification(2, 4));
        assertThat(TaskId.parse("2.1.T1 Bad")).isEmpty();
        assertThat(TaskId.parse("1.5x Not an id")).isEmpty();
        assertThat(TaskId.parse("Set up 1.0")).isEmpty();
        assertThat(TaskId.testFirst(3, 2)).hasToString("3.0.T2");
    }
}
