package dev.specgate.core.diagnostic;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.SourceRange;

/**
 * One finding of one rule at one place in one spec. Ordered by line, column, then rule id; findings
 * of one rule at one place keep the order the rule reported them in (a sort of them is stable), so
 * the sections an empty spec misses read in the template's order, not the alphabet's.
 */
public record Diagnostic(String ruleId, Severity severity, SourceRange range, String message)
        implements Comparable<Diagnostic> {

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

    /**
     * By range, then rule id; two findings of one rule at one place compare equal, and a sort (a
     * stable one: {@code Arrays.sort}, {@code List.sort}) keeps them in the order reported. Not
     * consistent with {@code equals}. Written out rather than with {@code Comparator.comparing},
     * whose serializable lambdas a JDK 25 AOT cache does not keep: each cost a class generated at
     * run time on every start.
     */
    @Override
    public int compareTo(Diagnostic o) {
        int c = range.compareTo(o.range);
        return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }
}
