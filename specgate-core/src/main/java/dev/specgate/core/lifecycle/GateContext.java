package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spec one set of gates is evaluated on, with what the conditions share: the checker, the date
 * and, computed once each, the check results per strictness and the checklist. Not thread-safe: one
 * per evaluation.
 */
public final class GateContext {

    private final SpecDocument document;
    private final Path file;
    private final SpecChecker checker;
    private final LocalDate today;
    private final Map<Strictness, CheckResult> checks = new EnumMap<>(Strictness.class);
    private Checklist checklist;

    /**
     * @param file where the spec lives (may be null), for the rules that look at the file name
     */
    public GateContext(SpecDocument document, Path file, SpecChecker checker, LocalDate today) {
        this.document = requireNonNull(document, "document must not be null");
        this.file = file;
        this.checker = requireNonNull(checker, "checker must not be null");
        this.today = requireNonNull(today, "today must not be null");
    }

    public SpecDocument document() {
        return document;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public LocalDate today() {
        return today;
    }

    /** The spec's status as written, if it names one. */
    public Optional<SpecStatus> status() {
        return document.metadata(TemplateSchema.STATUS_FIELD)
                .flatMap(f -> SpecStatus.of(f.value()));
    }

    /** The check of the spec held at {@code strictness}, whatever its own status says. */
    public CheckResult check(Strictness strictness) {
        return checks.computeIfAbsent(
                strictness,
                s -> checker.check(file, document, CheckOptions.asOf(today).withStrictness(s)));
    }

    /** The spec's checklist. */
    public Checklist checklist() {
        if (checklist == null) {
            checklist = Checklist.of(document);
        }
        return checklist;
    }
}
