package dev.specgate.core.rules;

import dev.specgate.core.diagnostic.Severity;

/** Holds a rule's identity so that each rule class is only its check. */
public abstract class BaseRule implements Rule {

    private final String id;
    private final RuleCategory category;
    private final Severity defaultSeverity;
    private final String summary;

    protected BaseRule(String id, RuleCategory category, Severity defaultSeverity, String summary) {
        this.id = id;
        this.category = category;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final RuleCategory category() {
        return category;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return id;
    }
}
