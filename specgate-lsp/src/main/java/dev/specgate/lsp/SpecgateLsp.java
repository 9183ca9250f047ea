package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams (standard input and output for {@code specgate
 * lsp}) until the client says {@code exit}, the input ends, or the client's process dies.
 */
public final class SpecgateLsp {

    /**
     * The one line a person who starts the server in a terminal reads on standard error, so that
     * the wait for protocol messages is not taken for a hang (an editor's pipes get nothing).
     */
    public static final String TERMINAL_NOTICE =
            "specgate lsp: Language Server Protocol on stdin/stdout; start it from your editor"
                    + " (docs/editors.md); Ctrl-C ends it";

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
        return run(in, out, today, System.err, false);
    }

    /**
     * Serves one client and returns the exit code: 0 after shutdown and exit, else 1. A message the
     * server cannot read (no {@code Content-Length}, not JSON, not a JSON-RPC message) is skipped
     * with one line said, and its stack trace too if {@code stacktrace}; the server reads on. What
     * the server says while it serves (a message skipped, a folder it cannot watch, what LSP4J
     * logs) goes to the client as {@code window/logMessage} from its {@code initialize} until it
     * says {@code exit} or goes away ({@link ServerLog}), and to {@code log} before and after.
     *
     * @param in the client's messages
     * @param out where the server's messages go: nothing else may be written there
     * @param today the date specs are checked against, asked at each check
     * @param log where the server says what it has to say while no client can be told
     * @param stacktrace whether a message's stack trace goes with it
     */
    public static int run(
            InputStream in,
            OutputStream out,
            Supplier<LocalDate> today,
            PrintStream log,
            boolean stacktrace)
            throws InterruptedException {
        return run(in, out, today, log, stacktrace, null);
    }

    /**
     * As {@link #run(InputStream, OutputStream, Supplier, PrintStream, boolean)}, and the server
     * tells the client {@code version} as its own in the answer to {@code initialize} (the version
     * {@code specgate --version} prints; {@code null} for the version in this module's jar).
     */
    public static int run(
            InputStream in,
            OutputStream out,
            Supplier<LocalDate> today,
            PrintStream log,
            boolean stacktrace,
            String version)
            throws InterruptedException {
        requireNonNull(in, "in must not be null");
        requireNonNull(out, "out must not be null");
        requireNonNull(log, "log must not be null");
        ServerLog said = new ServerLog(log, stacktrace);
        try (OneLineLog lsp4j = OneLineLog.install(said)) {
            return serve(in, out, today, said, version);
        }
    }

    private static int serve(
            InputStream in,
            OutputStream out,
            Supplier<LocalDate> today,
            ServerLog log,
            String version)
            throws InterruptedException {
        SpecgateLanguageServer server =
                new SpecgateLanguageServer(today, SpecChecks.DEBOUNCE, version, log);
        Launcher<LanguageClient> launcher = launcher(server, in, out, log);
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

    /**
     * LSP4J's server launcher with one change: its reader reports a message it cannot read with
     * {@link SkippingReader} instead of logging a stack trace at SEVERE.
     */
    private static Launcher<LanguageClient> launcher(
            SpecgateLanguageServer server, InputStream in, OutputStream out, ServerLog log) {
        return new LSPLauncher.Builder<LanguageClient>() {
            private MessageJsonHandler json;
            private RemoteEndpoint endpoint;

            @Override
            protected MessageJsonHandler createJsonHandler() {
                json = super.createJsonHandler();
                return json;
            }

            @Override
            protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
                // as LSP4J's builder does, with an endpoint that reports issues in one line
                MessageConsumer outgoing =
                        wrapMessageConsumer(new StreamMessageConsumer(output, handler));
                endpoint =
                        new OneLineIssues(
                                outgoing,
                                ServiceEndpoints.toEndpoint(localServices),
                                exceptionHandler == null
                                        ? RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER
                                        : exceptionHandler,
                                log);
                handler.setMethodProvider(endpoint);
                endpoint.setJsonHandler(handler);
                return endpoint;
            }

            @Override
            protected ConcurrentMessageProcessor createMessageProcessor(
                    MessageProducer reader, MessageConsumer consumer, LanguageClient client) {
                return super.createMessageProcessor(
                        new SkippingReader(in, json, endpoint, log), consumer, client);
            }
        }.setLocalService(server)
                .configureGson(gson -> gson.registerTypeAdapterFactory(new EmptyFolders()))
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .create();
    }

    /**
     * Reads an empty array where a workspace folder is expected as no folder: Neovim 0.7 sends
     * {@code workspace/didChangeWorkspaceFolders} with {@code "removed": [[]]} when it adds a
     * folder and {@code "added": [[]]} when it removes one (its empty Lua table), which LSP4J would
     * otherwise refuse whole, the folder with it. The server leaves out such a folder.
     */
    static final class EmptyFolders implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != WorkspaceFolder.class) {
                return null;
            }
            TypeAdapter<T> usual = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    usual.write(out, value);
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.BEGIN_ARRAY) {
                        in.skipValue();
                        return null;
                    }
                    return usual.read(in);
                }
            };
        }
    }

    /**
     * LSP4J's reader of {@code Content-Length} framed messages, saying in one line what it skipped
     * (the stack trace only when asked for).
     */
    static final class SkippingReader extends StreamMessageProducer {

        /** How much of a reader's message the log line shows. */
        private static final int SHOWN_CHARS = 160;

        private final ServerLog log;

        SkippingReader(
                InputStream in,
                MessageJsonHandler json,
                MessageIssueHandler issues,
                ServerLog log) {
            super(in, json, issues);
            this.log = log;
        }

        /**
         * The value of a {@code Content-Length} header that is not a number, until the message it
         * heads is skipped: LSP4J says so twice (the number's parse, then the header it then
         * misses), and the log says it once, naming the value.
         */
        private String badLength;

        /** The parse of {@link #badLength} that failed: the cause shown with the stack trace. */
        private NumberFormatException badLengthParse;

        @Override
        protected void parseHeader(String line, Headers headers) {
            int colon = line.indexOf(':');
            if (colon >= 0 && line.substring(0, colon).trim().equals(CONTENT_LENGTH_HEADER)) {
                String value = line.substring(colon + 1).trim();
                try {
                    headers.contentLength = Integer.parseInt(value);
                    badLength = null;
                    badLengthParse = null;
                } catch (NumberFormatException e) {
                    badLength = value;
                    badLengthParse = e;
                }
                return;
            }
            super.parseHeader(line, headers);
        }

        @Override
        protected void fireError(Throwable error) {
            String why = why(error);
            if (badLength != null && why.startsWith("Missing header")) {
                why = "its Content-Length header is not a number: '" + badLength + "'";
                // with the stack trace, the number's parse is the cause, LSP4J's missing header
                // beside it
                Throwable missing = error;
                error = new IllegalStateException(why, badLengthParse);
                error.addSuppressed(missing);
                badLength = null;
                badLengthParse = null;
            }
            log.say(MessageType.Error, "skipped a message from the client: " + why, error);
        }

        /** The first line of the innermost cause's message, cut to {@link #SHOWN_CHARS}. */
        static String why(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.toString() : root.getMessage();
            String first = message.strip().lines().findFirst().orElse("").strip();
            return first.length() <= SHOWN_CHARS ? first : first.substring(0, SHOWN_CHARS) + "...";
        }
    }

    /**
     * LSP4J's endpoint, reporting a message it could only partly read (a request with parameters
     * that do not fit its method is still answered with an error) in one line per issue on the log
     * instead of a warning with a stack trace.
     */
    static final class OneLineIssues extends RemoteEndpoint {

        private final ServerLog log;

        OneLineIssues(
                MessageConsumer out,
                Endpoint local,
                Function<Throwable, ResponseError> exceptions,
                ServerLog log) {
            super(out, local, exceptions);
            this.log = log;
        }

        /**
         * A "response" with neither result nor error is a message whose method could not be read
         * (cut off, say): it answers nothing, so it is reported, not matched to our requests.
         */
        @Override
        protected void handleResponseIssues(ResponseMessage response, List<MessageIssue> issues) {
            if (response.getResult() == null && response.getError() == null) {
                logIssues(response, issues);
            } else {
                super.handleResponseIssues(response, issues);
            }
        }

        @Override
        protected void logIssues(Message message, List<MessageIssue> issues) {
            for (MessageIssue issue : issues) {
                Throwable cause = issue.getCause();
                log.say(
                        MessageType.Error,
                        "skipped a message from the client: "
                                + issue.getText()
                                + (cause == null ? "" : " (" + SkippingReader.why(cause) + ")"),
                        cause);
            }
        }
    }

    /**
     * What LSP4J logs itself through {@code java.util.logging} (an unknown notification method, a
     * response to no request, ...), said on the server's log ({@link ServerLog}: the client's
     * {@code window/logMessage} at the record's level while it is connected) in one line each, as
     * the messages it skips are: {@code LSP4J LEVEL: MESSAGE (CAUSE)}, the stack trace only when
     * asked for, instead of the console handler's two lines (and a stack trace) on stderr.
     * Installed for the time a server runs; LSP4J's message tracing is not logging and is not
     * touched.
     */
    static final class OneLineLog extends Handler implements AutoCloseable {

        /** The logger LSP4J's loggers are named under (kept here: JUL holds loggers weakly). */
        private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

        private static final Formatter TEXT = new SimpleFormatter();

        /** The servers running in this JVM, and whether LSP4J's logger used its parents before. */
        private static int running;

        private static boolean usedParents;

        private final ServerLog log;

        private OneLineLog(ServerLog log) {
            this.log = log;
        }

        /** Routes LSP4J's log records to {@code log} until the result is closed. */
        static OneLineLog install(ServerLog log) {
            OneLineLog handler = new OneLineLog(log);
            synchronized (OneLineLog.class) {
                if (running++ == 0) {
                    usedParents = LSP4J.getUseParentHandlers();
                    LSP4J.setUseParentHandlers(false);
                }
                LSP4J.addHandler(handler);
            }
            return handler;
        }

        @Override
        public void publish(LogRecord record) {
            if (record == null || !isLoggable(record)) {
                return;
            }
            String text = TEXT.formatMessage(record);
            String message = text == null ? "" : text.replaceAll("\\s+", " ").strip();
            Throwable thrown = record.getThrown();
            int level = record.getLevel().intValue();
            log.say(
                    level >= Level.SEVERE.intValue()
                            ? MessageType.Error
                            : level >= Level.WARNING.intValue()
                                    ? MessageType.Warning
                                    : level >= Level.INFO.intValue()
                                            ? MessageType.Info
                                            : MessageType.Log,
                    "LSP4J "
                            + record.getLevel().getName().toLowerCase(Locale.ROOT)
                            + ": "
                            + message
                            + (thrown == null ? "" : " (" + SkippingReader.why(thrown) + ")"),
                    thrown);
        }

        @Override
        public void flush() {
            // each message is flushed as it is said
        }

        @Override
        public void close() {
            synchronized (OneLineLog.class) {
                LSP4J.removeHandler(this);
                if (--running == 0) {
                    LSP4J.setUseParentHandlers(usedParents);
                }
            }
        }
    }

    /** For tests: the debounce a server started with {@link #run} uses. */
    static Duration debounce() {
        return SpecChecks.DEBOUNCE;
    }
}
