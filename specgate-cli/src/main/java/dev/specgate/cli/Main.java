package dev.specgate.cli;

import dev.specgate.cli.check.CheckCommand;
import dev.specgate.cli.common.CoreErrors;
import dev.specgate.cli.common.EnumValueConverter;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.PathArgument;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.cli.common.UsageError;
import dev.specgate.cli.common.VersionProvider;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.TextReporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point. Builds the command line, and maps every failure to one line on stderr and an
 * {@link ExitCode}, in this one place.
 */
public final class Main {

    /** picocli's switch for Groovy closures in annotations: see {@link #main}. */
    private static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

    private Main() {}

    /**
     * Commands that end with {@link Runtime#halt} instead of {@link System#exit}: see {@link
     * #main}. Only commands that register no shutdown hook and no {@code deleteOnExit} file, and
     * whose libraries do not either (the dashboard's server does, and JGit may: so not {@code check
     * --changed-since}, which reads git).
     */
    static final Set<String> HALT_AT_EXIT = Set.of("check");

    /** The option by which {@code check} reads git (JGit), which may register a shutdown hook. */
    private static final String READS_GIT = "--changed-since";

    public static void main(String[] args) {
        int code = run(args);
        if (haltsAtExit(args)) {
            // System.exit (Java 21+) first asks the system logger whether to log the exit at
            // debug level: finding the logging back end asks every jar on the class path for a
            // LoggerFinder service, which opens the 12,000-entry shaded jar (~10-15 ms of CPU in
            // cold code), only to log nothing. halt ends the JVM the same way (the JVM's own
            // exit work, a CDS archive written at exit included) without the lookup and without
            // shutdown hooks, of which a check has none. The report is written and flushed by
            // then; these flushes only repeat what System.exit would not do either.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /**
     * Whether the command line {@code args} ends the JVM by {@link Runtime#halt}: a command of
     * {@link #HALT_AT_EXIT} that reads no git, unless java.util.logging is configured (a
     * configuration may log the exit, as System.exit does).
     */
    static boolean haltsAtExit(String[] args) {
        if (args.length == 0
                || !HALT_AT_EXIT.contains(args[0])
                || System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith(READS_GIT)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line {@code args} as {@link #main} does, and returns its exit code. */
    static int run(String[] args) {
        return run(args, new CompletableFuture<>());
    }

    /**
     * {@link #run(String[])}, with {@code usesCache} completed by a {@code check} once it knows
     * whether it uses the incremental cache ({@link CheckCommand#onCacheDecided}): from its options
     * as parsed, in whatever form ({@code --cache}, {@code --cache=true}, an {@code @argfile}), and
     * the configuration's {@code cache:}. The warm-up waits for it.
     */
    static int run(String[] args, CompletableFuture<Boolean> usesCache) {
        // picocli's default factory looks for Groovy's Closure class when first made (for
        // closures in annotations, which Specgate has none of). That lookup fails, and a failed
        // lookup makes the class loader open every jar on the class path to be sure: with the
        // launchers' small specgate-start.jar first, the 12,000-entry shaded jar too (~6-12 ms).
        if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
            System.setProperty(NO_GROOVY_CLOSURES, "true");
        }
        warmUpInBackground(args, usesCache);
        try {
            CheckCommand plain = CheckCommand.plain(args);
            if (plain != null) {
                plain.onCacheDecided(usesCache::complete);
                return runPlain(plain);
            }
            CommandLine cl = commandLine(args);
            CommandLine check = cl.getSubcommands().get("check");
            if (check != null && check.getCommand() instanceof CheckCommand command) {
                command.onCacheDecided(usesCache::complete);
            }
            return cl.execute(args);
        } finally {
            // a check that ended before it knew (a usage error, a missing folder, --help) told
            // nothing: the warm-up would wait for it for ever, a parked thread per run
            usesCache.complete(true);
        }
    }

    /**
     * Runs a plain check ({@link CheckCommand#plain}) as picocli's {@code execute} would run it,
     * without building picocli's model: the same command object and fields, the writers picocli
     * makes for standard output and standard error, its exit code, and a failure mapped as {@link
     * #onExecutionError} maps it (a plain check has no {@code --stacktrace}).
     */
    private static int runPlain(CheckCommand check) {
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        check.useStreams(out, err);
        try {
            return check.call();
        } catch (Exception e) {
            return onExecutionError(e, err, false);
        }
    }

    /**
     * The writer picocli's {@code CommandLine.getOut()} and {@code getErr()} make for {@code
     * stream}: the encoding the JVM names in the system property {@code encodingProperty} (code
     * page 65001 being UTF-8), else the default charset, buffered, flushed at each line.
     */
    static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        if (name != null) {
            try {
                charset = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
            } catch (RuntimeException e) {
                // picocli falls back to the default charset too
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /**
     * Reads the annotations of the command about to run on a second core (unless its model is built
     * in code), then derives the built-in template's schema (which loads the parser and the rules)
     * and, for {@code check}, looks up SHA-256, loads the JDK's NFKC data (not for a run that uses
     * the incremental cache, which checks only the specs that changed: told by the check once it
     * has read its options and configuration, {@code usesCache}) and reads Specgate's version (each
     * the first use of something a check needs later), and last, for a command that ends by {@code
     * System.exit}, the logger that asks for, while the main thread builds picocli's model of the
     * command (or reads a plain check's command line) and starts the run: on a cold JVM each of
     * these takes a few milliseconds of the main thread's time otherwise. Reading an annotation
     * type for the first time generates its proxy class (most of picocli's cost on a cold JVM); the
     * JVM keeps what was read, so picocli then finds the command's annotations ready. A daemon
     * thread: a command that never needs the schema does not wait for it. Arguments that name no
     * command (--version, --help, a typo) start none.
     */
    private static void warmUpInBackground(String[] args, Future<Boolean> usesCache) {
        String first = args.length > 0 ? args[0] : "";
        Supplier<Object> command = SpecgateCommand.COMMANDS.get(first);
        if (command == null) {
            return; // --version, --help, a typo: no command runs, none needs the template
        }
        Thread warmUp =
                new Thread(
                        () -> {
                            try {
                                if (!SpecgateCommand.BUILT_IN_CODE.contains(first)) {
                                    readAnnotations(command.get().getClass(), 0);
                                }
                            } catch (RuntimeException | LinkageError e) {
                                // only a head start: picocli reads them again and reports
                            }
                            SpecProject.builtin();
                            if (first.equals("check")) {
                                // a run with the cache checks only the specs that changed, none
                                // when nothing did: those look SHA-256 and NFKC up themselves
                                // (the security providers' and normalisation data's loading was
                                // ~2 % of a run of 10,000 unchanged specs, on a core the walk
                                // needs); whether it does is the check's own decision, told once
                                // its options and configuration are read
                                if (!cached(usesCache)) {
                                    warmUpSha256();
                                    warmUpNormalizer();
                                }
                                // the version for the report: read from a resource, the first
                                // the run reads from a jar, which opens that jar (~7 ms of cold
                                // zip code at the end of the main thread otherwise)
                                VersionProvider.version();
                            }
                            if (!haltsAtExit(args)) {
                                warmUpExitLogger();
                            }
                        },
                        "specgate-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Whether the check uses the incremental cache, as it tells {@code usesCache}; waits for it (a
     * check tells it once its configuration is read, before the first spec is), and takes a check
     * that ended before it knew ({@link #run(String[], CompletableFuture)} then tells {@code
     * true}), or a thread interrupted, as one that does (no warm-up needed).
     */
    private static boolean cached(Future<Boolean> usesCache) {
        try {
            return usesCache.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * Looks up SHA-256 once, which loads the security providers: an approved spec's fingerprint
     * (issue 16) is the first use otherwise, 9 ms into a one-spec check's main thread.
     */
    private static void warmUpSha256() {
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java has it; the check reports it if not
        }
    }

    /**
     * Normalises a string to NFKC once, which loads the JDK's normalisation data: the rules' test
     * of whether a reviewer names a person ({@code Reviewers}) is the first use otherwise, ~3 ms
     * into a one-spec check's main thread.
     */
    private static void warmUpNormalizer() {
        Normalizer.normalize("Specgate", Normalizer.Form.NFKC);
    }

    /**
     * Looks up the logger that {@code System.exit} asks on Java 21 and later (it logs the exit at
     * debug level). The first lookup finds the logging back end, by asking every jar on the class
     * path for a {@code LoggerFinder} service: that opens the shaded jar (its 12,000-entry
     * directory), ~7 ms at the end of the main thread, here on the second core. The logger is lazy:
     * nothing is configured or logged.
     */
    private static void warmUpExitLogger() {
        if (Runtime.version().feature() >= 21) {
            System.getLogger("java.lang.Runtime");
        }
    }

    /**
     * Reads the annotations of {@code type}, its methods, its superclasses and the mixins among its
     * fields.
     */
    private static void readAnnotations(Class<?> type, int depth) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            c.getDeclaredAnnotations();
            for (Method m : c.getDeclaredMethods()) {
                m.getDeclaredAnnotations(); // picocli looks for options on methods too
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.getDeclaredAnnotations().length > 0
                        && depth < 3
                        && f.getType().getName().startsWith("dev.specgate.")) {
                    readAnnotations(f.getType(), depth + 1); // a mixin's own options
                }
            }
        }
    }

    /** The configured command line with every command, for tests that capture its output. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured command line for {@code args}: when they start with a command's name, only
     * that command is built (picocli's model of all of them takes longer than a one-file check);
     * otherwise (--help, a typo, and the help and completion commands) all of them, so that help
     * lists them and picocli can suggest the right one. {@code --version} alone needs none of them.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(SpecgateCommand.model());
        String first = args.length > 0 ? args[0] : "";
        if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            return configure(cl); // the version alone needs no command
        }
        if (SpecgateCommand.COMMANDS.containsKey(first)
                && !SpecgateCommand.NEED_EVERY_COMMAND.contains(first)) {
            cl.addSubcommand(first, SpecgateCommand.COMMANDS.get(first).get());
        } else {
            SpecgateCommand.COMMANDS.forEach(
                    (name, command) -> cl.addSubcommand(name, command.get()));
        }
        return configure(cl);
    }

    /** Exit codes, converters and error handlers, for {@code cl} and the commands it has. */
    static CommandLine configure(CommandLine cl) {
        ExitCode.describe(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        EnumValueConverter.registerAll(cl);
        // an empty path is refused; one the locale cannot read is taken as its bytes
        cl.registerConverter(Path.class, PathArgument::of);
        cl.setExecutionExceptionHandler(Main::onExecutionError);
        cl.setParameterExceptionHandler(Main::onUsageError);
        return cl;
    }

    /**
     * Prints a usage error in one line ({@link UsageError#line}) and returns {@link
     * ExitCode#USAGE}: the one handler of every command's usage errors, picocli's and those a
     * command throws ({@code help nope}).
     */
    private static int onUsageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(TextReporter.escape(UsageError.line(e, args)));
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static int onExecutionError(Exception e, CommandLine cl, ParseResult parsed) {
        return onExecutionError(e, cl.getErr(), wantsStackTrace(parsed));
    }

    /** Maps a command's failure to one line on {@code err} (and the trace) and an exit code. */
    private static int onExecutionError(Exception e, PrintWriter err, boolean stackTrace) {
        ExitCode code;
        Exception mapped = CoreErrors.translate(e).map(Exception.class::cast).orElse(e);
        if (mapped instanceof SpecgateException known) {
            err.println("specgate: " + TextReporter.escape(known.getMessage()));
            for (String detail : known.details()) {
                err.println("  " + TextReporter.escape(detail));
            }
            code = known.exitCode();
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            // a file that vanished or cannot be written mid-command: the user's problem, not ours
            IOException io = ioFailure(e);
            String file =
                    io instanceof FileSystemException fse && fse.getFile() != null
                            ? fse.getFile() + ": "
                            : "";
            err.println("specgate: " + TextReporter.escape(file + IoFailure.reason(io)));
            code = ExitCode.USAGE;
        } else {
            err.println(
                    "specgate: internal error: "
                            + TextReporter.escape(String.valueOf(e))
                            + (stackTrace ? "" : " (run with --stacktrace for details)"));
            code = ExitCode.INTERNAL;
        }
        if (stackTrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static IOException ioFailure(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        return e instanceof UncheckedIOException u ? u.getCause() : null;
    }

    private static boolean wantsStackTrace(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }
}
