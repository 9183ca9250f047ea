package dev.specgate.report;

import dev.specgate.core.diagnostic.ShellWord;
import dev.specgate.core.fix.SpecFixer;
import java.nio.file.Path;

/**
 * How {@code check --fix} words what it wrote and withheld, one wording for stderr, the JSON report
 * and SARIF's notifications alike.
 */
public final class FixesSaid {

    private FixesSaid() {}

    /**
     * A fix written, without its place: {@code fixed [field-date] 'Oct 20, 2026' -> '2026-10-20'}.
     */
    public static String fixed(SpecFixer.Fix fix) {
        return "fixed [" + fix.ruleId() + "] '" + fix.before() + "' -> '" + fix.after() + "'";
    }

    /**
     * The one line that says why the fixes of the spec at {@code path} were withheld ({@link
     * SpecFixer.Withheld#message}), the path shown as every report shows it ({@link DisplayPath})
     * and quoted for the shell in the command it suggests.
     */
    public static String withheld(Path path, SpecFixer.Withheld withheld) {
        String shown = DisplayPath.of(path);
        return withheld.message(shown, ShellWord.of(shown));
    }
}
