package dev.specgate.core.rules;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;

/**
 * One diagnostic a fixture expects on one line.
 *
 * @param line the 0-based line the diagnostic starts on
 * @param severity its severity
 * @param ruleId its rule
 * @param messagePart text its message must contain, or null
 */
public record Expectation(int line, Severity severity, String ruleId, String messagePart) {

    /** The part every diagnostic is matched on: {@code 12 error section-missing} (1-based). */
    public String key() {
        return key(line, severity, ruleId);
    }

    public static String key(Diagnostic d) {
        return key(d.range().startLine(), d.severity(), d.ruleId());
    }

    private static String key(int line, Severity severity, String ruleId) {
        return (line + 1) + " " + severity.label() + " " + ruleId;
    }
}
