package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes no real client sends, written to {@link SpecgateLsp#run} as a broken client would: each
 * unreadable message costs one line on the log (its stack trace only when asked for), and the
 * server goes on to answer {@code shutdown} and end on {@code exit}.
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
        assertThat(served.log.lines())
                .containsExactly("specgate lsp: skipped a message from the client: " + why);
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
        assertThat(served.log.lines())
                .singleElement()
                .asString()
                .startsWith(
                        "specgate lsp: skipped a message from the client: Missing header"
                                + " Content-Length in input");
    }

    @Test
    void aContentLengthThatIsNotANumberIsOneLineOnTheLogNamingIt() throws Exception {
        Served served =
                serve("Content-Length: 12ab\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.log.lines())
                .containsExactly(
                        "specgate lsp: skipped a message from the client: its Content-Length"
                                + " header is not a number: '12ab'");
    }

    @Test
    void withStacktraceAContentLengthThatIsNotANumberShowsTheNumbersParseAsItsCause()
            throws Exception {
        Served served =
                serve("Content-Length: 12ab\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true);
        assertThat(served.exitCode).isZero();
        assertThat(served.out).contains("\"id\":2");
        assertThat(served.log.lines().findFirst())
                .hasValue(
                        "specgate lsp: skipped a message from the client: its Content-Length"
                                + " header is not a number: '12ab'");
        assertThat(served.log)
                .contains("Caused by: java.lang.NumberFormatException: For input string: \"12ab\"")
                .contains("\tat ");
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
        assertThat(served.log.lines())
                .hasSize(2)
                .satisfiesExactly(
                        first ->
                                assertThat(first)
                                        .isEqualTo(
                                                "specgate lsp: LSP4J warning: Unsupported"
                                                        + " notification method: custom/unknown"),
                        second ->
                                assertThat(second)
                                        .startsWith(
                                                "specgate lsp: LSP4J warning: Unmatched response"
                                                        + " message: {")
                                        .contains("\"id\": \"77\""));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("LSP4J", "Unsupported");
    }

    @Test
    void withStacktraceTheLogHasTheStackTraceToo() throws Exception {
        Served served = serve(frame("garbage{"), true);
        assertThat(served.exitCode).isZero();
        assertThat(served.log.lines().findFirst())
                .hasValue(
                        "specgate lsp: skipped a message from the client: Expected BEGIN_OBJECT"
                                + " but was STRING at line 1 column 1 path $");
        assertThat(served.log).contains("com.google.gson.JsonSyntaxException").contains("\tat ");
    }

    record Served(int exitCode, String out, String log) {}

    /** Initialize, then {@code bad}, then shutdown and exit, with the input kept open. */
    static Served serve(byte[] bad, boolean stacktrace) throws Exception {
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
        write(client, frame(INITIALIZE));
        write(client, bad);
        write(client, frame(SHUTDOWN));
        write(client, frame(EXIT));
        int code = exit.get(60, TimeUnit.SECONDS);
        client.close();
        return new Served(
                code, out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
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
