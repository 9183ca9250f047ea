package dev.specgate.cli.web;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecRoots;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.TextReporter;
import dev.specgate.web.DashboardException;
import dev.specgate.web.PreviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code specgate serve [ROOT]}: serves the dashboard live and follows changes to the specs. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the dashboard live; open pages update when a spec is saved.",
            "Serves from memory: a saved spec is checked again and open pages update by"
                    + " themselves.",
            "Binds 127.0.0.1 unless --host says otherwise. Never writes to the specs."
                    + " Stop it with Ctrl+C."
        },
        footer = {
            "",
            "When stopped: 130 for Ctrl+C and 143 for a TERM signal, as for any interrupted command."
        })
public final class ServeCommand extends BaseCommand {

    @Mixin private ConfigOptions configOptions;

    @Parameters(
            paramLabel = "ROOT",
            arity = "0..1",
            description = "The project (default: the current directory).")
    private Path root;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            defaultValue = "" + PreviewServer.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(
            names = "--host",
            paramLabel = "H",
            defaultValue = PreviewServer.DEFAULT_HOST,
            description =
                    "The address to bind (default: ${DEFAULT-VALUE}). Any other address lets"
                            + " other machines read the specs.")
    private String host;

    @Option(names = "--open", description = "Open the dashboard in the default browser.")
    private boolean open;

    @Override
    public Integer call() throws ConfigException {
        // the current directory when absent; one message for a missing path or a broken link
        Path project = SpecRoots.of(root == null ? List.of() : List.of(root)).get(0);
        if (port < 0 || port > 65535) {
            throw SpecgateException.usage("--port " + port + " must be 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SpecProject opened = configOptions.open(project);
        PreviewServer server =
                PreviewServer.builder(project)
                        .project(opened)
                        .reopen(() -> configOptions.open(project))
                        .host(host)
                        .port(port)
                        .today(today())
                        .onProblem(
                                message -> {
                                    synchronized (err) {
                                        err.println("specgate: " + TextReporter.escape(message));
                                        err.flush();
                                    }
                                })
                        .build();
        try {
            server.start();
        } catch (DashboardException e) {
            throw SpecgateException.usage(e.getMessage());
        } catch (IOException e) {
            throw SpecgateException.usage("cannot watch " + project + ": " + IoFailure.reason(e));
        }
        Thread hook = new Thread(server::close, "specgate-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        URI uri = server.uri();
        if (!PreviewServer.isLoopback(host)) {
            // after binding, so that the port named is the one in use (also with --port 0)
            err.println(
                    "specgate: warning: --host "
                            + host
                            + " is not a loopback address; anyone who can reach this machine"
                            + " on port "
                            + uri.getPort()
                            + " can read these specs");
            err.flush();
        }
        configOptions.sayNestedNotFollowed(server.nestedConfigs(), "serve", err);
        int specs = server.specCount();
        out.printf(
                "Serving %d %s from %s at %s (Ctrl+C to stop)%n",
                specs, specs == 1 ? "spec" : "specs", project, uri);
        out.flush();
        if (open) {
            openBrowser(uri, err);
        }
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            // stopped from within the process (an embedding tool or a test): free the port now
            server.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            Thread.currentThread().interrupt();
        }
        return ExitCode.CLEAN.code();
    }

    /** A fixed date with {@code --today}, else the system date each time it is asked. */
    private Supplier<LocalDate> today() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--today")) {
            LocalDate fixed = common.today();
            return () -> fixed;
        }
        return () -> LocalDate.now(Clock.systemDefaultZone());
    }

    /**
     * The command that opens {@code uri} in the default browser: {@code open} on macOS, the URL
     * handler on Windows, else {@code xdg-open}. Replaced by tests.
     */
    static volatile Function<URI, List<String>> browserCommand = defaultBrowserCommand();

    static Function<URI, List<String>> defaultBrowserCommand() {
        return uri -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("mac")) {
                return List.of("open", uri.toString());
            }
            if (os.contains("win")) {
                return List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString());
            }
            return List.of("xdg-open", uri.toString());
        };
    }

    /**
     * Starts the browser on {@code uri}, and says on stderr when that fails: the opener cannot be
     * started, or it exits with a failure (xdg-open on a machine with no browser, such as a server
     * reached over SSH, exits 3 having opened nothing). An opener that is still running (one that
     * waits for the browser it started) is let be; the server does not wait for it.
     */
    private static void openBrowser(URI uri, PrintWriter err) {
        List<String> command = browserCommand.apply(uri);
        Process opener;
        try {
            opener =
                    new ProcessBuilder(command)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
        } catch (IOException e) {
            couldNotOpen(err, uri, command.get(0) + ": " + IoFailure.reason(e));
            return;
        }
        opener.onExit()
                .thenAccept(
                        done -> {
                            if (done.exitValue() != 0) {
                                couldNotOpen(
                                        err,
                                        uri,
                                        command.get(0) + " exited with code " + done.exitValue());
                            }
                        });
    }

    private static void couldNotOpen(PrintWriter err, URI uri, String cause) {
        err.println(
                "specgate: could not open a browser ("
                        + TextReporter.escape(cause)
                        + "); open "
                        + uri
                        + " yourself");
        err.flush();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(ExitCode.USAGE, "usage error, nothing to show, or port in use");
    }
}
