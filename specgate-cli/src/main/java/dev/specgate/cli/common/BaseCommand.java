package dev.specgate.cli.common;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: picocli's model of it, the common options ({@code --today}, {@code
 * --stacktrace}), its output streams, and what each of its exit codes means. The codes themselves
 * come from the one {@link ExitCode} table; {@code Main} writes every command's "Exit codes" help
 * section from {@link #exitCodeMeanings()}.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec protected CommandSpec spec;

    @Mixin protected CommonOptions common;

    /**
     * Starts picocli's model of this command built in code (see {@link CodeModel}): its name and
     * description, bound to this object, with the common options. The command adds its own options,
     * then {@link CodeModel#withStandardHelpOptions}.
     */
    protected final CommandSpec codeModel(String name, String... description) {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(name);
        spec.usageMessage().description(description);
        common = new CommonOptions();
        spec.addMixin("common", common.mixin());
        return spec;
    }

    /** The writers of a command run without picocli ({@link #useStreams}), else {@code null}. */
    private PrintWriter plainOut;

    private PrintWriter plainErr;

    /**
     * Runs this command without picocli (a plain {@code check}: see {@code Main}): its report goes
     * to {@code out} and its messages to {@code err}, the writers picocli would have given it.
     */
    public final void useStreams(PrintWriter out, PrintWriter err) {
        plainOut = out;
        plainErr = err;
    }

    /** Where the command's report goes (standard output, or what a test captures). */
    protected final PrintWriter out() {
        return plainOut != null ? plainOut : spec.commandLine().getOut();
    }

    /** Where messages go (standard error, or what a test captures). */
    protected final PrintWriter err() {
        return plainErr != null ? plainErr : spec.commandLine().getErr();
    }

    /**
     * What each exit code means for this command, in its own words; a code left out is one the
     * command does not use, except {@link ExitCode#INTERNAL}, which every command may end with.
     */
    public abstract Map<ExitCode, String> exitCodeMeanings();

    /** A map of meanings in {@link ExitCode} order, for {@link #exitCodeMeanings()}. */
    protected static Map<ExitCode, String> meanings(Object... codeThenText) {
        Map<ExitCode, String> m = new EnumMap<>(ExitCode.class);
        for (int i = 0; i < codeThenText.length; i += 2) {
            m.put((ExitCode) codeThenText[i], (String) codeThenText[i + 1]);
        }
        return m;
    }
}
