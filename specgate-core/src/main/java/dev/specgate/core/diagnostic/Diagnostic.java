package dev.specgate.core.diagnostic;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.SourceRange;
import java.util.Comparator;

/** One finding of one rule at one place in one spec. Ordered by line, column, then rule id. */
public record Diagnostic(String ruleId, Severity severity, SourceRange range, String message)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER =
            Comparator.comparing(Diagnostic::range)
                    .thenComparing(Diagnostic::ruleId)
                    .thenComparing(Diagnostic::message);

    public Diagnostic {
        requireNonNull(ruleId, "ruleId must not be null");
        requireNonNull(severity, "severity must not be null");
        requireNonNull(range, "range must not be null");
        requireNonNull(message, "message must not be null");
    }

    /** The same finding with another severity. */
    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(ruleId, newSeverity, range, message);
    }

    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }
}
