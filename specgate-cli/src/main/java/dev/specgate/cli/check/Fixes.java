package dev.specgate.cli.check;

import dev.specgate.cli.SpecgateException;
import dev.specgate.cli.report.DisplayPath;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.edit.StaleSpecException;
import dev.specgate.core.fix.SpecFixer;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.input.UnreadableSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code check --fix}: applies {@link SpecFixer}'s fixes to each spec through the safe-edit writer
 * (atomic replace, refused if the file changed meanwhile) and prints each change as {@code
 * path:line:col: fixed [rule] 'before' -> 'after'} on stderr.
 */
final class Fixes {

    private final SpecChecker checker;
    private final CheckOptions options;
    private final PrintWriter err;
    private final SpecFixer fixer = new SpecFixer();
    private final SpecFileWriter writer = new SpecFileWriter();

    Fixes(SpecChecker checker, CheckOptions options, PrintWriter err) {
        this.checker = checker;
        this.options = options;
        this.err = err;
    }

    /** Fixes every spec; returns how many fixes were made. */
    int apply(List<Path> files) {
        int fixed = 0;
        int specs = 0;
        for (Path file : files) {
            SpecSource source;
            try {
                source = SpecSource.read(file);
            } catch (UnreadableSpecException e) {
                continue; // reported by the check that follows
            }
            CheckResult result = checker.check(file, source.text(), options);
            SpecFixer.Result fixes =
                    fixer.fix(
                            source,
                            result.document(),
                            checker.schema(),
                            file,
                            result.diagnostics());
            if (fixes.isEmpty()) {
                continue;
            }
            try {
                writer.write(fixes.edit());
            } catch (StaleSpecException e) {
                throw SpecgateException.refused(e.getMessage());
            } catch (IOException e) {
                throw SpecgateException.usage("cannot fix " + file + ": " + IoFailure.reason(e));
            }
            String path = DisplayPath.of(file);
            for (SpecFixer.Fix f : fixes.fixes()) {
                err.println(
                        path
                                + ":"
                                + (f.range().startLine() + 1)
                                + ":"
                                + (f.range().startColumn() + 1)
                                + ": fixed ["
                                + f.ruleId()
                                + "] '"
                                + f.before()
                                + "' -> '"
                                + f.after()
                                + "'");
            }
            fixed += fixes.fixes().size();
            specs++;
        }
        if (fixed > 0) {
            err.println(
                    "specgate: fixed "
                            + fixed
                            + (fixed == 1 ? " problem" : " problems")
                            + " in "
                            + specs
                            + (specs == 1 ? " spec" : " specs"));
        }
        err.flush();
        return fixed;
    }
}
