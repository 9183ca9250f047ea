package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes no real client sends, written to {@link SpecgateLsp#run} as a broken client would: each
 * unreadable message costs one line on the client's log ({@code window/logMessage}, an error; its
 * stack trace only when asked for), or on the log stream (standard error) before the client has
 * sent {@code initialize}, and the server goes on to answer {@code shutdown} and end on {@code
 * exit}. Nothing is written to standard error while the client can be told.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MalformedMessageTest {

    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}";
    static final String SHUTDOWN = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}";
    static final String EXIT = "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "garbage{           | Expected BEGIN_OBJECT but was STRING at line 1 column 1 path $",
                "`[1, 2]`           | Expected BEGIN_OBJECT but was BEGIN_ARRAY at line 1 column 2 path $",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\": | Message could not be parsed. (End of input at line 1 column 34 path $.method)",
                "größe ü            | Expected BEGIN_OBJECT but was STRING at line 1 column 1 path $",
            })
    void anUnreadableBodyIsOneLineOnTheLogAndTheServerGoesOn(String body, String why)
            throws Exception {
        Served served = serve(frame(body), false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":1").contains("\"id\":2");
        assertThat(served.logged).containsExactly("1: skipped a message from the client: " + why);
        assertThat(served.log).isEmpty();
    }

    @Test
    void anUnreadableMessageBeforeInitializeIsOneLineOnTheLogStream() throws Exception {
        Served served = serve(frame("garbage{"), frame(INITIALIZE), false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":1").contains("\"id\":2");
        assertThat(served.logged).isEmpty();
        assertThat(served.log.lines())
                .containsExactly(
                        "specgate lsp: skipped a message from the client: Expected BEGIN_OBJECT"
                                + " but was STRING at line 1 column 1 path $");
    }

    /**
     * Neovim 0.7's {@code workspace/didChangeWorkspaceFolders}, its empty Lua table sent as an
     * empty array where a folder is expected: taken, not skipped (before, LSP4J refused it whole,
     * and the folder added or removed with it).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "added   | `{\"added\":[{\"uri\":\"file:///tmp/ledger%20(alt)\",\"name\":\"/tmp/ledger (alt)\"}],\"removed\":[[]]}`",
                "removed | `{\"added\":[[]],\"removed\":[{\"uri\":\"file:///tmp/ledger%20(alt)\",\"name\":\"/tmp/ledger (alt)\"}]}`",
            })
    void neovimsWorkspaceFolderChangeIsTakenWithItsEmptyArray(String what, String event)
            throws Exception {
        Served served =
                serve(
                        frame(
                                "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWorkspaceFolders\","
                                        + "\"params\":{\"event\":"
                                        + event
                                        + "}}"),
                        false);
        assertThat(served.exitCode).isZero();
        assertThat(served.logged).isEmpty();
        assertThat(served.log).isEmpty();
    }

    /**
     * An empty array among {@code initialize}'s workspace folders (Neovim's empty Lua table), read
     * as no folder: left out, not kept as a null that failed every later use of the folders (a
     * folder added next, each check).
     */
    @Test
    void anEmptyArrayAmongInitializesFoldersIsNoFolder() throws Exception {
        Served served =
                serve(
                        frame(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                        + "{\"processId\":null,\"rootUri\":null,\"capabilities\":{},"
                                        + "\"workspaceFolders\":[[],{}]}}"),
                        frame(
                                "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWorkspaceFolders\","
                                        + "\"params\":{\"event\":{\"added\":[{\"uri\":"
                                        + "\"file:///tmp/ledger%20(alt)\",\"name\":\"/tmp/ledger (alt)\"}],"
                                        + "\"removed\":[[]]}}}"),
                        false);
        assertThat(served.exitCode).isZero();
        assertThat(served.logged).isEmpty();
        assertThat(served.log).isEmpty();
    }

    @Test
    void aMessageWithoutContentLengthIsOneLineOnTheLog() throws Exception {
        Served served =
                serve(
                        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII),
                        false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.logged)
                .singleElement()
                .asString()
                .startsWith(
                        "1: skipped a message from the client: Missing header"
                                + " Content-Length in input");
        assertThat(served.log).isEmpty();
    }

    @Test
    void aContentLengthThatIsNotANumberIsOneLineOnTheLogNamingIt() throws Exception {
        Served served =
                serve("Content-Length: 12ab\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.logged)
                .containsExactly(
                        "1: skipped a message from the client: its Content-Length"
                                + " header is not a number: '12ab'");
        assertThat(served.log).isEmpty();
    }

    @Test
    void withStacktraceAContentLengthThatIsNotANumberShowsTheNumbersParseAsItsCause()
            throws Exception {
        Served served =
                serve("Content-Length: 12ab\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.logged)
                .singleElement()
                .asString()
                .startsWith(
                        "1: skipped a message from the client: its Content-Length"
                                + " header is not a number: '12ab'\n")
                .contains("Caused by: java.lang.NumberFormatException: For input string: \"12ab\"")
                .contains("\tat ");
        assertThat(served.log).isEmpty();
    }

    @Test
    void aRequestWithParametersThatDoNotParseGetsAnErrorResponse() throws Exception {
        Served served =
                serve(
                        frame(
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":\"x\"}"),
                        false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out)
                .contains(
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32700,"
                                + "\"message\":\"Message could not be parsed.\"")
                .contains("\"id\":2");
        assertThat(served.log).isEmpty();
        assertThat(served.logged).isEmpty();
    }

    @Test
    void whatLsp4jLogsItselfIsOneLineOnTheServersLogNotTwoOnStderr() throws Exception {
        byte[] unknown = frame("{\"jsonrpc\":\"2.0\",\"method\":\"custom/unknown\",\"params\":{}}");
        byte[] unmatched = frame("{\"jsonrpc\":\"2.0\",\"id\":\"77\",\"result\":{\"a\":[1,\n2]}}");
        byte[] both = new byte[unknown.length + unmatched.length];
        System.arraycopy(unknown, 0, both, 0, unknown.length);
        System.arraycopy(unmatched, 0, both, unknown.length, unmatched.length);
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Served served;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            served = serve(both, false);
        } finally {
            System.setErr(stderr);
        }
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.logged)
                .hasSize(2)
                .satisfiesExactly(
                        first ->
                                assertThat(first)
                                        .isEqualTo(
                                                "2: LSP4J warning: Unsupported"
                                                        + " notification method: custom/unknown"),
                        second ->
                                assertThat(second)
                                        .startsWith(
                                                "2: LSP4J warning: Unmatched response"
                                                        + " message: {")
                                        .contains("\"id\": \"77\""));
        assertThat(served.log).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("LSP4J", "Unsupported");
    }

    @Test
    void withStacktraceTheLogHasTheStackTraceToo() throws Exception {
        Served served = serve(frame("garbage{"), true);
        assertThat(served.exitCode).isZero();
        assertThat(served.logged)
                .singleElement()
                .asString()
                .startsWith(
                        "1: skipped a message from the client: Expected BEGIN_OBJECT"
                                + " but was STRING at line 1 column 1 path $\n")
                .contains("com.google.gson.JsonSyntaxException")
                .contains("\tat ");
        assertThat(served.log).isEmpty();
    }

    /**
     * What a run wrote: its exit code, its output (the protocol), each {@code window/logMessage} it
     * sent the client ({@code TYPE: MESSAGE}), and its log stream.
     */
    record Served(int exitCode, String out, List<String> logged, String log) {}

    /** Initialize, then {@code bad}, then shutdown and exit, with the input kept open. */
    static Served serve(byte[] bad, boolean stacktrace) throws Exception {
        return serve(frame(INITIALIZE), bad, stacktrace);
    }

    /** {@code first}, then {@code second}, then shutdown and exit, with the input kept open. */
    static Served serve(byte[] first, byte[] second, boolean stacktrace) throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return SpecgateLsp.run(
                                        in,
                                        out,
                                        () -> LocalDate.of(2026, 11, 25),
                                        new PrintStream(log, true, StandardCharsets.UTF_8),
                                        stacktrace);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        write(client, first);
        write(client, second);
        write(client, frame(SHUTDOWN));
        write(client, frame(EXIT));
        int code = exit.get(60, TimeUnit.SECONDS);
        client.close();
        String sent = out.toString(StandardCharsets.UTF_8);
        return new Served(code, sent, logged(sent), log.toString(StandardCharsets.UTF_8));
    }

    /**
     * The {@code window/logMessage} notifications in a server's output, as {@code TYPE: MESSAGE}.
     */
    static List<String> logged(String out) {
        List<String> logged = new ArrayList<>();
        for (String part : out.split("Content-Length: \\d+\r\n\r\n")) {
            if (part.isEmpty()) {
                continue;
            }
            JsonObject m = JsonParser.parseString(part).getAsJsonObject();
            if (m.has("method") && m.get("method").getAsString().equals("window/logMessage")) {
                JsonObject p = m.getAsJsonObject("params");
                logged.add(p.get("type").getAsInt() + ": " + p.get("message").getAsString());
            }
        }
        return logged;
    }

    static void write(OutputStream to, byte[] bytes) throws IOException {
        to.write(bytes);
        to.flush();
    }

    static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head =
                ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
