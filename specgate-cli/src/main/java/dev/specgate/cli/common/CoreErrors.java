package dev.specgate.cli.common;

import dev.specgate.core.baseline.BaselineException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.discovery.ChangesException;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.project.FixFailedException;
import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.report.DisplayPath;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one mapping from core's checked exceptions to the user's message and exit code: a bad
 * configuration, baseline, revision or input file, and nothing to check, are usage or input errors
 * (2); a fix refused because the spec changed meanwhile is a refused action (1).
 */
public final class CoreErrors {

    private CoreErrors() {}

    /** The user's error for {@code e}, or empty when it is not one of core's. */
    public static Optional<SpecgateException> translate(Throwable e) {
        if (e instanceof ConfigException
                || e instanceof BaselineException
                || e instanceof ChangesException) {
            return Optional.of(new SpecgateException(ExitCode.USAGE, e.getMessage(), e));
        }
        if (e instanceof UnreadableSpecException) {
            return Optional.of(new SpecgateException(ExitCode.USAGE, e.getMessage(), e));
        }
        if (e instanceof NothingToCheckException none) {
            return Optional.of(
                    new SpecgateException(
                            ExitCode.USAGE,
                            NothingToCheckException.message(
                                            none.roots().stream()
                                                    .map(DisplayPath::of)
                                                    .collect(Collectors.joining(", ")),
                                            none.lookedFor())
                                    + "; specgate new \"TITLE\" writes a spec",
                            e));
        }
        if (e instanceof FixFailedException fix) {
            return Optional.of(
                    new SpecgateException(
                            fix.stale() ? ExitCode.FINDINGS : ExitCode.USAGE, e.getMessage(), e));
        }
        return Optional.empty();
    }
}
