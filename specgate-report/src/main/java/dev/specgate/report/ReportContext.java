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
 * @param fixing whether the run fixed specs ({@code check --fix}): the formats that carry fixes
 *     (JSON, SARIF) then say which were written and which withheld, also when there were none
 * @param errorsOnly whether the run reports its errors alone ({@code check --errors-only}): the
 *     summary lines of text and GitHub then count errors and say nothing of warnings they do not
 *     show ({@code No errors found}, not {@code No problems found})
 */
public record ReportContext(
        boolean color, List<Rule> rules, String toolVersion, boolean fixing, boolean errorsOnly) {

    public ReportContext {
        requireNonNull(rules, "rules must not be null");
        requireNonNull(toolVersion, "toolVersion must not be null");
        rules = List.copyOf(rules);
    }

    /** The context of a run that fixed nothing. */
    public ReportContext(boolean color, List<Rule> rules, String toolVersion) {
        this(color, rules, toolVersion, false, false);
    }
}
