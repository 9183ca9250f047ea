package dev.specgate.core.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Severity;
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
        results =
                results.stream()
                        // not Comparator.comparing: see Diagnostic.compareTo
                        .sorted(
                                (a, b) ->
                                        String.valueOf(a.path())
                                                .compareTo(String.valueOf(b.path())))
                        .toList();
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
