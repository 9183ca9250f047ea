package dev.specgate.core.rules;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import java.util.Set;

/**
 * One check of a spec against its template. Implementations are stateless and thread-safe; all
 * per-file state lives in the {@link RuleContext}.
 */
public interface Rule {

    /**
     * The stable id used in output, configuration and suppressions, e.g. {@code section-missing}.
     */
    String id();

    /** The category the rule belongs to (and the package it lives in). */
    RuleCategory category();

    /** The severity of its findings unless the status or configuration says otherwise. */
    Severity defaultSeverity();

    /** One line saying what the rule finds. */
    String summary();

    /** The kinds of document the rule checks; specs only unless it says otherwise. */
    default Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.SPEC);
    }

    /** Reports every finding in the context's document. */
    void check(RuleContext context);
}
