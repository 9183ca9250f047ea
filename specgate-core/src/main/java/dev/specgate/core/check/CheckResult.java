package dev.specgate.core.check;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.SpecDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one spec.
 *
 * @param path the file checked (may be null for text checked in memory)
 * @param status the spec's Document Status as written, or null when it has none
 * @param diagnostics the findings, sorted by position then rule
 * @param document the parsed document, or null when the file could not be read
 * @param approval whether its approval still holds, as the check computed it ({@code
 *     approval-stale}, which runs from Approved on, also when the configuration turns it off), or
 *     null when it computed none: no approval field, a spec before Approved, a template without
 *     approvals, or a result kept without its document
 * @param unsearchedFolder whether {@code path} is no spec but a folder the search for specs could
 *     not read, reported as its unreadable-file error: counted as a folder, never as a spec
 */
public record CheckResult(
        Path path,
        String status,
        List<Diagnostic> diagnostics,
        SpecDocument document,
        ApprovalCheck approval,
        boolean unsearchedFolder) {

    /** The result of checking a spec (not an {@link #unsearchedFolder()}). */
    public CheckResult(
            Path path,
            String status,
            List<Diagnostic> diagnostics,
            SpecDocument document,
            ApprovalCheck approval) {
        this(path, status, diagnostics, document, approval, false);
    }

    /** A result with no approval check. */
    public CheckResult(
            Path path, String status, List<Diagnostic> diagnostics, SpecDocument document) {
        this(path, status, diagnostics, document, null);
    }

    public CheckResult {
        requireNonNull(diagnostics, "diagnostics must not be null");
        if (diagnostics.size() > 1) {
            Diagnostic[] sorted = diagnostics.toArray(new Diagnostic[0]);
            Arrays.sort(sorted);
            diagnostics = List.of(sorted);
        } else {
            diagnostics = List.copyOf(diagnostics); // no stream per result: 10,000 cost ~10 ms
        }
    }

    /**
     * The same result with only its errors: what {@code check --errors-only} reports (the rest is
     * left out of the report, not of the verdict, which the caller takes from the whole result).
     */
    public CheckResult errorsOnly() {
        if (count(Severity.ERROR) == diagnostics.size()) {
            return this;
        }
        return new CheckResult(
                path,
                status,
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList(),
                document,
                approval,
                unsearchedFolder);
    }

    /** The same result, of a folder the search for specs could not read: no spec. */
    public CheckResult asUnsearchedFolder() {
        return new CheckResult(path, status, diagnostics, document, approval, true);
    }

    /** The same result without the parsed document, for callers that keep many results. */
    public CheckResult withoutDocument() {
        return new CheckResult(path, status, diagnostics, null, null, unsearchedFolder);
    }

    public Optional<SpecDocument> parsed() {
        return Optional.ofNullable(document);
    }

    /** The approval check the check computed, if it computed one (see {@link #approval()}). */
    public Optional<ApprovalCheck> approvalCheck() {
        return Optional.ofNullable(approval);
    }

    /** Whether a finding of rule {@code ruleId} is among the findings. */
    public boolean reports(String ruleId) {
        for (Diagnostic d : diagnostics) {
            if (d.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity severity) {
        long n = 0;
        // by index: an iterator per call is most of the cost of counting 10,000 results under C1
        for (int i = 0; i < diagnostics.size(); i++) {
            if (diagnostics.get(i).severity() == severity) {
                n++;
            }
        }
        return n;
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }
}
