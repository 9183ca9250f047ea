package dev.specgate.core.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import java.util.Arrays;
import java.util.List;

/**
 * The results of checking a set of specs, one per file, sorted by path. Results hold no parse
 * trees, so a run over thousands of specs stays small.
 *
 * @param results one result per file, sorted by path
 */
public record CheckRun(List<CheckResult> results) {

    public CheckRun {
        requireNonNull(results, "results must not be null");
        CheckResult[] sorted = results.toArray(new CheckResult[0]);
        // a run's results mostly come sorted (ProjectRun's are): told in one pass, without the
        // stream's passes of a sort (three runs of this constructor were ~5 % of what a cached run
        // of 10,000 unchanged specs spent; a loop run once is interpreted code)
        if (!inOrder(sorted)) {
            Arrays.sort(sorted, CheckRun::byPath);
        }
        results = List.of(sorted);
    }

    /** By the paths' text (not Comparator.comparing: see Diagnostic.compareTo). */
    private static int byPath(CheckResult a, CheckResult b) {
        return String.valueOf(a.path()).compareTo(String.valueOf(b.path()));
    }

    private static boolean inOrder(CheckResult[] results) {
        for (int i = 1; i < results.length; i++) {
            if (byPath(results[i - 1], results[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a report's summary counts, in one pass over the results (a pass per count was a tenth of
     * what a cached run of 10,000 unchanged specs spent on its main thread).
     *
     * @param specs the files checked that are specs (not task lists, not unsearched folders)
     * @param taskLists the files checked that are task lists ({@link DocumentKind#TASK_LIST})
     * @param errors {@link #errors()}
     * @param warnings {@link #warnings()}
     * @param diagnostics {@link #diagnostics()}
     * @param filesWithFindings {@link #filesWithFindings()}, unsearched folders included
     * @param foldersWithFindings the unsearched folders among them
     */
    public record Tally(
            long specs,
            long taskLists,
            long errors,
            long warnings,
            long diagnostics,
            long filesWithFindings,
            long foldersWithFindings) {

        /** Number of info diagnostics. */
        public long infos() {
            return diagnostics - errors - warnings;
        }
    }

    /** {@link Tally}: the run's counts, in one pass. */
    public Tally tally() {
        long specs = 0;
        long taskLists = 0;
        long errors = 0;
        long warnings = 0;
        long diagnostics = 0;
        long withFindings = 0;
        long foldersWithFindings = 0;
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            int found = r.diagnostics().size();
            if (found > 0) {
                errors += r.errors();
                warnings += r.warnings();
                diagnostics += found;
                withFindings++;
            }
            if (r.unsearchedFolder()) {
                foldersWithFindings += found > 0 ? 1 : 0;
            } else if (DocumentKind.of(r.path()) == DocumentKind.TASK_LIST) {
                taskLists++;
            } else {
                specs++;
            }
        }
        return new Tally(
                specs, taskLists, errors, warnings, diagnostics, withFindings, foldersWithFindings);
    }

    public long errors() {
        return results.stream().mapToLong(CheckResult::errors).sum();
    }

    public long warnings() {
        return results.stream().mapToLong(CheckResult::warnings).sum();
    }

    /** Number of info diagnostics. */
    public long infos() {
        return results.stream()
                .flatMap(r -> r.diagnostics().stream())
                .filter(d -> d.severity() == Severity.INFO)
                .count();
    }

    /** Number of diagnostics of any severity. */
    public long diagnostics() {
        return results.stream().mapToLong(r -> r.diagnostics().size()).sum();
    }

    /**
     * Number of files checked: the results less the folders the search could not read ({@link
     * CheckResult#unsearchedFolder()}), which are reported but are no files.
     */
    public long checkedFiles() {
        return results.size() - unsearchedFolders();
    }

    /** Number of folders the search could not read, each reported as an unreadable-file result. */
    public long unsearchedFolders() {
        return results.stream().filter(CheckResult::unsearchedFolder).count();
    }

    /** Number of files that have at least one diagnostic. */
    public long filesWithFindings() {
        return results.stream().filter(r -> !r.diagnostics().isEmpty()).count();
    }

    /**
     * The same run with only the errors of each file ({@link CheckResult#errorsOnly}), for the
     * errors-only reports of {@code check}, the Maven plugin and the MCP {@code check} tool:
     * whether the run fails is still judged on this whole run.
     */
    public CheckRun errorsOnly() {
        return new CheckRun(results.stream().map(CheckResult::errorsOnly).toList());
    }
}
