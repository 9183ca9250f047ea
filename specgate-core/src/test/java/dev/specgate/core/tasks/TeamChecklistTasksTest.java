package dev.specgate.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own template without Implementation Steps: the checklists it works through after
 * approval (its Rollout; {@code working-checklists:} when named) are the task list's tasks. Before,
 * the list said "The spec's Implementation Plan lists no steps." and held no task.
 */
class TeamChecklistTasksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @TempDir Path dir;

    /** The team-yaml family's invoice spec, written with CRLF and a byte order mark. */
    @Test
    void theTeamsRolloutBecomesTheTasksAndItsOpenQuestionsDoNot() throws Exception {
        Path root = family();
        Path spec = root.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        byte[] bytes =
                ("\uFEFF" + Files.readString(spec).replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(spec, bytes);
        SpecProject project = open(root, "");

        TaskListPlan plan = project.taskList(spec, SpecSource.of(bytes), TODAY);

        assertThat(plan.markdown())
                .contains(
                        "## Tasks\n"
                                + "- [ ] 1.0 Rollout\n"
                                + "  - [x] 1.1 Feature flag created\n"
                                + "  - [ ] 1.2 Enabled in staging\n"
                                + "  - [ ] 1.3 10% of production traffic\n"
                                + "  - [ ] 1.4 100% of production traffic\n"
                                + "\n## Quality Gates\n")
                .contains("- **Spec status:** In Review\n")
                // the questions are the reviewer's to settle before approval, not tasks
                .doesNotContain("Who signs off")
                .doesNotContain("Implementation Plan lists no steps");
    }

    /** {@code working-checklists:} names them: a named checklist without items says so. */
    @Test
    void theNamedWorkingChecklistsAreTheTasks() throws Exception {
        Path root = family();
        Path template = root.resolve("template/design-spec.md");
        Files.writeString(
                template,
                Files.readString(template)
                        .replace(
                                "## Open Questions (optional)",
                                "## Acceptance Criteria\n\n- [ ] [Criterion]\n\n"
                                        + "## Open Questions (optional)"));
        Path spec = root.resolve("docs/specs/2026-06-01-invoice-pdf.md");
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "## Open Questions",
                                "## ✅ Acceptance Criteria\n\n"
                                        + "- [ ] An Arabic invoice renders right to left"
                                        + " (`dir=\"rtl\"`)\n"
                                        + "- [x] p95 under 800 ms [bench](https://x.example/b)\n\n"
                                        + "## Open Questions"));
        SpecProject project = open(root, "working-checklists: [acceptance criteria]\n");

        TaskListPlan plan = project.taskList(spec, SpecSource.of(Files.readAllBytes(spec)), TODAY);

        assertThat(plan.markdown())
                .contains(
                        "## Tasks\n"
                                + "- [ ] 1.0 Acceptance Criteria\n"
                                + "  - [ ] 1.0.T1 Write a failing test for: An Arabic invoice"
                                + " renders right to left (`dir=\"rtl\"`)\n")
                .contains("  - [x] 1.2 p95 under 800 ms [bench](https://x.example/b)\n")
                .doesNotContain("Rollout")
                .doesNotContain("Feature flag created");

        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace(
                                "- [ ] An Arabic invoice renders right to left (`dir=\"rtl\"`)\n",
                                "")
                        .replace("- [x] p95 under 800 ms [bench](https://x.example/b)\n", ""));
        TaskListPlan none = project.taskList(spec, SpecSource.of(Files.readAllBytes(spec)), TODAY);
        assertThat(none.markdown())
                .contains("## Tasks\nThe spec's Acceptance Criteria lists no items.\n");
    }

    private Path family() throws Exception {
        Path from = Path.of(getClass().getResource("/families/team-yaml").toURI());
        Path to = dir.resolve("team-yaml");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static SpecProject open(Path root, String extra) throws Exception {
        Path config = root.resolve(SpecgateConfig.FILE_NAME);
        Files.writeString(config, Files.readString(config) + extra);
        return SpecProject.open(root, ConfigChoice.file(config));
    }
}
