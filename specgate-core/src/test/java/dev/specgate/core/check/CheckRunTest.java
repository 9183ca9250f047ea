package dev.specgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's order and counts: the results sorted by their paths' text whether they come sorted or
 * not, and {@link CheckRun#tally()}, the one pass a report's summary reads, counting what the
 * separate counts count.
 */
class CheckRunTest {

    private static final SourceRange AT = new SourceRange(2, 0, 2, 12);

    @Test
    void resultsAreSortedByThePathsTextWhetherTheyComeSortedOrNot() {
        Path gamma = Path.of("directives/spec/2026-01-02_spec_gamma.md");
        Path beta = Path.of("directives/spec/2026-01-02_spec_beta-memo.md");
        Path alpha = Path.of("directives/spec/2026-01-02_spec_alpha.md");
        // a folder sorts by its text ('/' after '.'), not a folder's files first
        Path below = Path.of("directives/spec/2026-01-02_spec_alpha/below.md");
        List<Path> expected = List.of(alpha, below, beta, gamma);

        assertThat(paths(new CheckRun(results(alpha, beta, gamma, below))))
                .containsExactlyElementsOf(expected);
        assertThat(paths(new CheckRun(results(below, gamma, alpha, beta))))
                .containsExactlyElementsOf(expected);
        // sorted but for the last: the one pass that finds them in order must not stop short
        assertThat(paths(new CheckRun(results(alpha, beta, below, gamma))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aSortIsStableForResultsOfOnePath() {
        Path same = Path.of("directives/spec/2026-01-02_spec_alpha.md");
        CheckResult draft = new CheckResult(same, "Draft", List.of(), null);
        CheckResult review = new CheckResult(same, "Review", List.of(), null);
        CheckResult before = new CheckResult(Path.of("a.md"), null, List.of(), null);

        assertThat(new CheckRun(List.of(draft, review, before)).results())
                .containsExactly(before, draft, review);
    }

    @Test
    void theTallyCountsWhatTheSeparateCountsCount() {
        List<CheckResult> results = new ArrayList<>();
        results.add(clean("directives/spec/2026-01-02_spec_clean.md"));
        results.add(
                new CheckResult(
                        Path.of("directives/spec/2026-01-03_spec_mixed.md"),
                        "Draft",
                        List.of(
                                finding("section-missing", Severity.ERROR),
                                finding("placeholder-bracket", Severity.ERROR),
                                finding("section-empty", Severity.WARNING),
                                finding("decision-open", Severity.INFO)),
                        null));
        results.add(
                new CheckResult(
                        Path.of("directives/tasks/2026-01-04_task_rollout.md"),
                        null,
                        List.of(finding("task-spec-reference", Severity.WARNING)),
                        null));
        results.add(clean("directives/tasks/2026-01-05_task_clean.md"));
        results.add(
                new CheckResult(
                                Path.of("directives/spec/locked"),
                                null,
                                List.of(finding("unreadable-file", Severity.ERROR)),
                                null)
                        .asUnsearchedFolder());
        CheckRun run = new CheckRun(results);

        CheckRun.Tally tally = run.tally();

        assertThat(tally.specs()).isEqualTo(2);
        assertThat(tally.taskLists()).isEqualTo(2);
        assertThat(tally.specs() + tally.taskLists()).isEqualTo(run.checkedFiles());
        assertThat(tally.errors()).isEqualTo(run.errors()).isEqualTo(3);
        assertThat(tally.warnings()).isEqualTo(run.warnings()).isEqualTo(2);
        assertThat(tally.infos()).isEqualTo(run.infos()).isEqualTo(1);
        assertThat(tally.diagnostics()).isEqualTo(run.diagnostics()).isEqualTo(6);
        assertThat(tally.filesWithFindings()).isEqualTo(run.filesWithFindings()).isEqualTo(3);
        assertThat(tally.foldersWithFindings()).isEqualTo(run.unsearchedFolders()).isEqualTo(1);
    }

    @Test
    void anEmptyRunTalliesNothing() {
        assertThat(new CheckRun(List.of()).tally())
                .isEqualTo(new CheckRun.Tally(0, 0, 0, 0, 0, 0, 0));
    }

    private static CheckResult clean(String path) {
        return new CheckResult(Path.of(path), "Draft", List.of(), null);
    }

    private static Diagnostic finding(String rule, Severity severity) {
        return new Diagnostic(rule, severity, AT, rule + " found on line 3");
    }

    private static List<CheckResult> results(Path... paths) {
        List<CheckResult> results = new ArrayList<>();
        for (Path p : paths) {
            results.add(new CheckResult(p, "Draft", List.of(), null));
        }
        return results;
    }

    private static List<Path> paths(CheckRun run) {
        return run.results().stream().map(CheckResult::path).toList();
    }
}
