package dev.specgate.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.lsp.SpecgateLsp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar specgate.jar lsp} as a process: standard output carries protocol messages and
 * nothing else, and the server ends on exit, at the end of its input, and when the client's process
 * dies.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LspProcessIT {

    static final Path JAR = Path.of("target", "specgate.jar");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void standardOutputCarriesOnlyProtocolMessages() throws Exception {
        Path project = LspCheckParity.copyDemo(tmp.resolve("demo"));
        Path spec = project.resolve("directives/spec/2026-02-16_spec_payout-batch-scheduler.md");
        Process p = start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread copy = copying(p.getInputStream(), stdout);
        CompletableFuture<byte[]> stderr = readAll(p.getErrorStream());
        OutputStream in = p.getOutputStream();

        send(
                in,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"processId\":null,\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(
                in,
                JSON.writeValueAsString(
                        JSON.createObjectNode()
                                .put("jsonrpc", "2.0")
                                .put("method", "textDocument/didOpen")
                                .set(
                                        "params",
                                        JSON.createObjectNode()
                                                .set(
                                                        "textDocument",
                                                        JSON.createObjectNode()
                                                                .put("uri", spec.toUri().toString())
                                                                .put("languageId", "markdown")
                                                                .put("version", 1)
                                                                .put(
                                                                        "text",
                                                                        Files.readString(spec))))));
        // wait for the check to be published, however loaded the machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!received(stdout).contains("textDocument/publishDiagnostics")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(stderr.get(), StandardCharsets.UTF_8)).isZero();
        copy.join(TimeUnit.SECONDS.toMillis(10));
        List<JsonNode> messages = frames(stdout.toByteArray());
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.get("jsonrpc").asText()).isEqualTo("2.0"));
        assertThat(messages)
                .anySatisfy(m -> assertThat(m.path("id").asInt()).isEqualTo(1))
                .anySatisfy(
                        m ->
                                assertThat(m.path("method").asText())
                                        .isEqualTo("textDocument/publishDiagnostics"))
                .anySatisfy(m -> assertThat(m.path("id").asInt()).isEqualTo(2));
        // the server tells its client the version `specgate --version` prints
        JsonNode initialized =
                messages.stream().filter(m -> m.path("id").asInt() == 1).findFirst().orElseThrow();
        assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("specgate");
        assertThat(initialized.at("/result/serverInfo/version").asText())
                .isEqualTo(dev.specgate.report.SpecgateVersion.get())
                .isNotEqualTo("unknown");
    }

    /**
     * No real client sends garbage, so these are raw bytes, as a broken client would write: a
     * message skipped before {@code initialize} is one line on standard error, one after it one
     * line in the client's log ({@code window/logMessage}, an error), and the server goes on.
     */
    @Test
    void aMalformedMessageIsOneLineOnStandardErrorOrInTheClientsLogAndTheServerGoesOn()
            throws Exception {
        Process p = start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread copy = copying(p.getInputStream(), stdout);
        CompletableFuture<byte[]> stderr = readAll(p.getErrorStream());
        OutputStream in = p.getOutputStream();
        send(in, "garbage{");
        send(
                in,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"processId\":null,\"rootUri\":\"file:///tmp\",\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":");
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        copy.join(TimeUnit.SECONDS.toMillis(10));
        List<JsonNode> frames = frames(stdout.toByteArray());
        assertThat(frames)
                .filteredOn(m -> m.has("id"))
                .extracting(m -> m.path("id").asInt())
                .containsExactly(1, 3);
        assertThat(frames)
                .filteredOn(m -> m.path("method").asText().equals("window/logMessage"))
                .extracting(
                        m -> m.at("/params/type").asInt() + ": " + m.at("/params/message").asText())
                .containsExactly(
                        "1: skipped a message from the client: Message could not be"
                                + " parsed. (End of input at line 1 column 34 path $.method)");
        assertThat(log.lines())
                .containsExactly(
                        "specgate lsp: skipped a message from the client: Expected BEGIN_OBJECT"
                                + " but was STRING at line 1 column 1 path $");
    }

    /**
     * A person who types {@code specgate lsp} in a terminal is told in one line on standard error
     * what it is and that it waits for an editor, instead of a silence that looks like a hang (the
     * tests above, whose pipes are what an editor gives, get no such line). The terminal is a
     * pseudo-terminal from util-linux's {@code script}; skipped where there is none.
     */
    @Test
    void aPersonWhoStartsItInATerminalIsToldItWaitsForAnEditor() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "no util-linux script here to make a terminal");
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        String command =
                quoted(LspEditorIT.javaBinary())
                        + " -jar "
                        + quoted(JAR.toAbsolutePath().toString())
                        + " lsp";
        Process p =
                new ProcessBuilder(script.toString(), "-q", "-c", command, "/dev/null")
                        .redirectErrorStream(true)
                        .start();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Thread copy = copying(p.getInputStream(), terminal);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!received(terminal).contains(SpecgateLsp.TERMINAL_NOTICE)
                    && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(received(terminal)).contains(SpecgateLsp.TERMINAL_NOTICE);
            assertThat(p.isAlive()).as("still waiting for a client").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            copy.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Test
    void theEndOfInputEndsTheServer() throws Exception {
        Process p = start();
        readAll(p.getInputStream());
        readAll(p.getErrorStream());
        send(
                p.getOutputStream(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"processId\":null,\"capabilities\":{}}}");
        p.getOutputStream().close();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
    }

    @Test
    void theServerEndsWhenTheClientsProcessDies() throws Exception {
        Process client = new ProcessBuilder("sleep", "600").start();
        Process p = start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread copy = copying(p.getInputStream(), stdout);
        readAll(p.getErrorStream());
        send(
                p.getOutputStream(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"processId\":"
                        + client.pid()
                        + ",\"capabilities\":{}}}");
        // the server watches the client from its answer to initialize on, however loaded the
        // machine: destroying the client before that would test nothing
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!received(stdout).contains("\"capabilities\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received(stdout)).contains("\"capabilities\"");
        assertThat(p.isAlive()).isTrue();

        client.destroy();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
    }

    private static String received(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static Process start() throws IOException {
        assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
        return new ProcessBuilder(
                        LspEditorIT.javaBinary(),
                        "-jar",
                        JAR.toString(),
                        "lsp",
                        "--today",
                        "2026-11-25")
                .start();
    }

    static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(
                ("Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Copies {@code from} into {@code to} as it comes, on a thread of its own. */
    static Thread copying(InputStream from, ByteArrayOutputStream to) {
        Thread copy =
                new Thread(
                        () -> {
                            byte[] buf = new byte[8192];
                            try (from) {
                                for (int n; (n = from.read(buf)) >= 0; ) {
                                    synchronized (to) {
                                        to.write(buf, 0, n);
                                    }
                                }
                            } catch (IOException e) {
                                // the process ended
                            }
                        });
        copy.start();
        return copy;
    }

    static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (in) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        return new byte[0];
                    }
                });
    }

    /** Splits the stream into messages; fails on any byte that is not part of a message. */
    static List<JsonNode> frames(byte[] bytes) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int length = -1;
            while (true) {
                int end = indexOf(bytes, i);
                assertThat(end)
                        .as("a header line at byte %d: %s", i, rest(bytes, i))
                        .isGreaterThanOrEqualTo(0);
                String header = new String(bytes, i, end - i, StandardCharsets.US_ASCII);
                i = end + 2;
                if (header.isEmpty()) {
                    break;
                }
                assertThat(header).as("a header at byte %d", i).matches("[A-Za-z-]+: .+");
                if (header.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(header.substring(16).trim());
                }
            }
            assertThat(length).as("Content-Length before byte %d", i).isPositive();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(bytes, i, length);
            out.add(JSON.readTree(body.toByteArray()));
            i += length;
        }
        return out;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String rest(byte[] b, int from) {
        return new String(b, from, Math.min(200, b.length - from), StandardCharsets.UTF_8);
    }
}
