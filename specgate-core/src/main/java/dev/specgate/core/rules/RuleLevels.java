package dev.specgate.core.rules;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which rules a check runs and the levels forced on their findings: the one reading of a project's
 * {@code rules:}, made once by the checker ({@code SpecChecker#levels}) and handed to every check's
 * {@link RuleContext}, so that the checker's filter and a rule that leaves a cause to another
 * ({@link RuleContext#reports}) read it alike. A context cannot be made without one: one made
 * without a checker read every rule as reported, and at error. Immutable.
 */
public final class RuleLevels {

    /** The ids of the rules run: among the checker's rules, not turned off. */
    private final Set<String> run;

    /** The levels forced on a rule's findings whatever the rule says. */
    private final Map<String, Severity> overrides;

    private RuleLevels(Set<String> run, Map<String, Severity> overrides) {
        this.run = run;
        this.overrides = overrides;
    }

    /**
     * The levels of {@code rules} with {@code overrides} forced on some and {@code off} turned off
     * (a rule both overridden and turned off is off).
     */
    public static RuleLevels of(
            List<? extends Rule> rules, Map<String, Severity> overrides, Set<String> off) {
        requireNonNull(rules, "rules must not be null");
        requireNonNull(overrides, "overrides must not be null");
        requireNonNull(off, "off must not be null");
        Set<String> run = new HashSet<>();
        Map<String, Severity> forced = new HashMap<>();
        for (Rule r : rules) {
            if (off.contains(r.id())) {
                continue;
            }
            run.add(r.id());
            Severity override = overrides.get(r.id());
            if (override != null) {
                forced.put(r.id(), override);
            }
        }
        return new RuleLevels(Set.copyOf(run), Map.copyOf(forced));
    }

    /** Every rule of {@code rules} run at the levels it reports at itself. */
    public static RuleLevels defaults(List<? extends Rule> rules) {
        return of(rules, Map.of(), Set.of());
    }

    /**
     * Whether rule {@code ruleId}'s findings are reported: it is among the rules run, not turned
     * off.
     */
    public boolean reports(String ruleId) {
        return run.contains(ruleId);
    }

    /** The level forced on rule {@code ruleId}'s findings, if the configuration sets one. */
    public Optional<Severity> override(String ruleId) {
        return Optional.ofNullable(overrides.get(ruleId));
    }

    /**
     * {@code found} at these levels: the findings of a rule not run dropped, those of a rule with
     * an override forced to it, the others as their rule reported them.
     */
    public List<Diagnostic> apply(List<Diagnostic> found) {
        List<Diagnostic> kept = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            if (!run.contains(d.ruleId())) {
                continue;
            }
            Severity override = overrides.get(d.ruleId());
            kept.add(override == null ? d : d.withSeverity(override));
        }
        return kept;
    }
}
