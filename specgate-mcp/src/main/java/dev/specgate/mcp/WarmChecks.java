package dev.specgate.mcp;

import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.catalog.SpecSummary;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.project.WarmResults;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a warm server remembers between calls: for each spec, its check result and summary (never
 * its parse tree), kept in core's {@link WarmResults} while core's one rule says it holds (as
 * {@code check --cache} reuses results), and checked again through the project otherwise.
 * Thread-safe.
 */
final class WarmChecks {

    /** A spec's verdict and summary. */
    record Checked(CheckResult result, SpecSummary summary) {}

    private final WarmResults<Checked> memory =
            WarmResults.checked((p, c) -> new Checked(c.result().withoutDocument(), c.summary()));

    /** How many specs are remembered. */
    int size() {
        return memory.size();
    }

    /**
     * Checks {@code files} of {@code project} as {@link SpecProject#run} would (without a
     * baseline), reusing what is still valid; sorted by path as a run sorts them.
     */
    List<Checked> check(SpecProject project, List<Path> files, CheckOptions options) {
        List<Checked> out = files.parallelStream().map(f -> one(project, f, options)).toList();
        return out.stream()
                .sorted(Comparator.comparing(c -> String.valueOf(c.result().path())))
                .toList();
    }

    /** Forgets the specs under {@code root} that are not among {@code kept}. */
    void retainOnly(Path root, Set<Path> kept) {
        memory.retainOnly(p -> !p.startsWith(root) || kept.contains(p));
    }

    private Checked one(SpecProject project, Path file, CheckOptions options) {
        try {
            return memory.get(project, file, options);
        } catch (BaselineException e) {
            throw new IllegalStateException("no baseline is read for results kept without it", e);
        }
    }
}
