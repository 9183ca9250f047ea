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
    private final String text;
    private final Path file;
    private final SpecChecker checker;
    private final LocalDate today;
    private final Map<Strictness, CheckResult> checks = new EnumMap<>(Strictness.class);
    private Checklist checklist;

    /**
     * @param file where the spec lives (may be null), for the rules that look at the file name
     */
    public GateContext(SpecDocument document, Path file, SpecChecker checker, LocalDate today) {
        this(document, null, file, checker, today);
    }

    /**
     * @param text the text {@code document} was parsed from (without a byte order mark), for the
     *     conditions that read it (whether the approval still holds); may be null when unknown
     * @param file where the spec lives (may be null), for the rules that look at the file name
     */
    public GateContext(
            SpecDocument document, String text, Path file, SpecChecker checker, LocalDate today) {
        this.document = requireNonNull(document, "document must not be null");
        this.text = text;
        this.file = file;
        this.checker = requireNonNull(checker, "checker must not be null");
        this.today = requireNonNull(today, "today must not be null");
    }

    /** The text the document was parsed from, when the caller gave it. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * The check of the spec's text held at {@code strictness}, with the rules that read the source
     * (such as approval-stale); empty when the context has no text.
     */
    public Optional<CheckResult> checkText(Strictness strictness) {
        return text == null ? Optional.empty() : Optional.of(check(strictness));
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

    /** The spec's built-in status (its Document Status) as written, if it names one. */
    public Optional<SpecStatus> status() {
        return document.metadata(TemplateSchema.STATUS_FIELD)
                .flatMap(f -> SpecStatus.of(f.value()));
    }

    /** The template the spec is checked against. */
    public TemplateSchema schema() {
        return checker.schema();
    }

    /**
     * The check of the spec held at {@code strictness}, whatever its own status says: from its text
     * when the context has it, as {@code check} reads the spec (the rules that read the source,
     * such as a project's own {@code placeholders:} or a bracket's context, judge exactly as
     * there), else from the document alone.
     */
    public CheckResult check(Strictness strictness) {
        return checks.computeIfAbsent(
                strictness,
                s ->
                        checker.check(
                                file, document, text, CheckOptions.asOf(today).withStrictness(s)));
    }

    /** The spec's checklist. */
    public Checklist checklist() {
        if (checklist == null) {
            checklist = Checklist.of(document);
        }
        return checklist;
    }
}
