package dev.specgate.report;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.rules.Rule;
import java.util.List;

/**
 * What a reporter may need beyond the run itself.
 *
 * @param color whether a format for terminals may use ANSI colour
 * @param rules the rules that ran, in registry order (SARIF rule metadata, JUnit test cases)
 * @param toolVersion Specgate's version, as {@code specgate --version} prints it
 */
public record ReportContext(boolean color, List<Rule> rules, String toolVersion) {

    public ReportContext {
        requireNonNull(rules, "rules must not be null");
        requireNonNull(toolVersion, "toolVersion must not be null");
        rules = List.copyOf(rules);
    }
}
