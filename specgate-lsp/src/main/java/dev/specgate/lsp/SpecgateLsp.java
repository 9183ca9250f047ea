package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams (standard input and output for {@code specgate
 * lsp}) until the client says {@code exit}, the input ends, or the client's process dies.
 */
public final class SpecgateLsp {

    private SpecgateLsp() {}

    /**
     * Serves one client and returns the exit code: 0 after shutdown and exit, else 1.
     *
     * @param in the client's messages
     * @param out where the server's messages go: nothing else may be written there
     * @param today the date specs are checked against, asked at each check
     */
    public static int run(InputStream in, OutputStream out, Supplier<LocalDate> today)
            throws InterruptedException {
        requireNonNull(in, "in must not be null");
        requireNonNull(out, "out must not be null");
        SpecgateLanguageServer server = new SpecgateLanguageServer(today, SpecChecks.DEBOUNCE);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                listening.get();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } catch (ExecutionException | RuntimeException e) {
                                // the input broke off: the client is gone
                            }
                            server.disconnected();
                        },
                        "specgate-lsp-input");
        reader.setDaemon(true);
        reader.start();
        try {
            return server.exitCode().get();
        } catch (ExecutionException e) {
            return 1;
        } finally {
            listening.cancel(true);
        }
    }

    /** For tests: the debounce a server started with {@link #run} uses. */
    static Duration debounce() {
        return SpecChecks.DEBOUNCE;
    }
}
