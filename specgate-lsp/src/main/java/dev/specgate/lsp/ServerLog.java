package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Where the server says what it has to say while it serves: to the client, as {@code
 * window/logMessage} at the message's level (an editor shows it in its log of the server), from the
 * client's {@code initialize} until it says {@code exit} or goes away; on the log stream (standard
 * error for {@code specgate lsp}) before and after, and when the client cannot be told (a message
 * about writing to it). Each message is one line, prefixed {@code specgate lsp: } on the stream,
 * with its stack trace only when asked for ({@code --stacktrace}). Never standard output, which
 * carries the protocol.
 */
final class ServerLog {

    private static final String PREFIX = "specgate lsp: ";

    private final PrintStream stream;
    private final boolean stacktrace;
    private volatile LanguageClient client;

    /**
     * A message being sent to the client on this thread: one its sending logs goes to the stream.
     */
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);

    /**
     * Whether something was said while a message was being sent on this thread: what LSP4J logs
     * when it could not send it (its proxy does not throw), so the message goes to the stream too.
     */
    private final ThreadLocal<Boolean> unsent = ThreadLocal.withInitial(() -> false);

    /**
     * @param stream where messages go while no client can be told
     * @param stacktrace whether a message's stack trace goes with it
     */
    ServerLog(PrintStream stream, boolean stacktrace) {
        this.stream = requireNonNull(stream, "stream must not be null");
        this.stacktrace = stacktrace;
    }

    /** Messages go to {@code client} from now on (it has sent {@code initialize}). */
    void connect(LanguageClient client) {
        this.client = requireNonNull(client, "client must not be null");
    }

    /** Messages go to the stream from now on (the client said {@code exit} or went away). */
    void disconnect() {
        client = null;
    }

    /** Whether the client has been told since {@link #connect}. */
    boolean connected() {
        return client != null;
    }

    /** Whether a message's stack trace goes with it. */
    boolean stacktrace() {
        return stacktrace;
    }

    /** Says {@code message} (one line) at {@code type}'s level. */
    void say(MessageType type, String message) {
        said(type, message, "");
    }

    /**
     * Says {@code message} (one line) at {@code type}'s level, and {@code thrown}'s stack trace
     * after it when asked for.
     */
    void say(MessageType type, String message, Throwable thrown) {
        said(type, message, thrown != null && stacktrace ? trace(thrown) : "");
    }

    /**
     * Says a bug of the server's as an error, with its stack trace whether asked for or not (its
     * report needs it); the server serves on. The first of a session is also shown to the writer
     * ({@code window/showMessage}), whose diagnostics may be out of date, pointing to the log.
     */
    void bug(String message, Throwable thrown) {
        said(MessageType.Error, message, trace(requireNonNull(thrown, "thrown must not be null")));
        LanguageClient c = client;
        if (c != null && !bugShown.getAndSet(true)) {
            try {
                c.showMessage(
                        new MessageParams(
                                MessageType.Error,
                                "specgate: "
                                        + message
                                        + " (a bug in specgate: the server's log has its stack"
                                        + " trace; please report it)"));
            } catch (RuntimeException e) {
                // said on the log already
            }
        }
    }

    /** Whether a bug has been shown to the writer. */
    private final AtomicBoolean bugShown = new AtomicBoolean();

    private void said(MessageType type, String message, String trace) {
        requireNonNull(type, "type must not be null");
        requireNonNull(message, "message must not be null");
        LanguageClient c = client;
        if (c != null && !sending.get()) {
            sending.set(true);
            unsent.set(false);
            try {
                c.logMessage(
                        new MessageParams(type, message + (trace.isEmpty() ? "" : "\n" + trace)));
                if (!unsent.get()) {
                    return;
                }
                // LSP4J's proxy does not throw: it logs that it could not send (said on the
                // stream, just now) and returns, so the stream is told too
            } catch (RuntimeException e) {
                // the client cannot be told (its stream is gone): the stream is told instead
            } finally {
                sending.set(false);
            }
        } else if (c != null) {
            unsent.set(true); // said while a message was sent: its sending failed
        }
        synchronized (stream) {
            stream.println(PREFIX + message);
            if (!trace.isEmpty()) {
                stream.print(trace);
            }
            stream.flush();
        }
    }

    private static String trace(Throwable thrown) {
        StringWriter w = new StringWriter();
        thrown.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
