package dev.specgate.core.catalog;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Summarizes many specs for an overview. Immutable and thread-safe; files are checked in parallel
 * and no parsed document is kept.
 */
public final class SpecCatalog {

    private final SpecChecker checker;

    public SpecCatalog(SpecChecker checker) {
        this.checker = requireNonNull(checker, "checker must not be null");
    }

    /** A catalog with the standard checker. */
    public static SpecCatalog standard() {
        return new SpecCatalog(SpecChecker.standard());
    }

    /** One summary per file, in {@link SpecSummary#listOrder} of the checker's template. */
    public List<SpecSummary> summarize(List<Path> files, LocalDate today) {
        requireNonNull(files, "files must not be null");
        CheckOptions options = CheckOptions.asOf(requireNonNull(today, "today must not be null"));
        return files.parallelStream()
                .map(f -> SpecSummary.of(checker.checkFile(f, options), checker.schema()))
                .sorted(SpecSummary.listOrder(checker.schema()))
                .toList();
    }
}
