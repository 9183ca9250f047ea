package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.core.diagnostic.EditDistance;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The MCP server's stdio transport: one JSON-RPC message per line on the input, one per line on the
 * output. It stands in for the SDK's {@code StdioServerTransportProvider}, which stops reading at
 * the first line it cannot parse (so it never sees the input end, and the server hangs) and drops
 * the answers still being computed when the input ends.
 *
 * <p>Here a line that is not JSON is answered with a JSON-RPC parse error ({@code -32700}, id
 * {@code null}), a JSON line that is not a JSON-RPC message with an invalid-request error ({@code
 * -32600}, with the line's id when it has one), each with one line on the log, and reading goes on.
 * Blank lines are skipped. When the input ends, {@link #serve} waits until every message read has
 * been handled, and every request answered, before it returns.
 */
final class StdioTransport implements McpServerTransportProvider {

    /** The longest line read as a message (in UTF-16 units); a longer one is a parse error. */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a whole line as one JSON value: anything after it is a parse error too. */
    private static final ObjectReader STRICT =
            JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** How {@link #readLine} ended a line. */
    private static final int NEWLINE = 0;

    private static final int EOF = 1;
    private static final int TOO_LONG = 2;

    /** How much of a parser's message an error and the log show. */
    private static final int SHOWN_CHARS = 120;

    private final McpJsonMapper mapper;
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream log;
    private final int maxLineChars;
    private final Object writing = new Object();
    private final Object counting = new Object();
    private int handling;
    private boolean outputBroken;
    private volatile McpServerSession session;
    private volatile List<String> servedTools;
    private volatile List<String> allTools = List.of();
    private volatile List<String> servedPrompts;
    private volatile List<String> allPrompts = List.of();

    /**
     * Whether the client has said {@code notifications/initialized}, read and set by the reading
     * thread only. Until then every request but {@code initialize} and {@code ping} (which the
     * lifecycle allows before initialization, answered here) is refused ({@link #NOT_INITIALIZED}),
     * a call of an unknown tool as any other: the SDK's session (2.2.0) would hold such a request
     * until the notification, and for ever when none comes, so that {@link #serve} never returned;
     * later SDKs refuse it with the same code.
     */
    private boolean initialized;

    /** The answer to a request before initialization, as later MCP Java SDKs word it. */
    static final String NOT_INITIALIZED =
            "Session not initialized. Send 'initialize' request and 'notifications/initialized'"
                    + " first.";

    StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, PrintStream log) {
        this(mapper, in, out, log, MAX_LINE_CHARS);
    }

    /** For tests: a transport whose lines may be at most {@code maxLineChars} long. */
    StdioTransport(
            McpJsonMapper mapper,
            InputStream in,
            OutputStream out,
            PrintStream log,
            int maxLineChars) {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars " + maxLineChars + " must be >= 1");
        }
        this.maxLineChars = maxLineChars;
        this.mapper = requireNonNull(mapper, "mapper must not be null");
        this.in = requireNonNull(in, "in must not be null");
        this.out = requireNonNull(out, "out must not be null");
        this.log = requireNonNull(log, "log must not be null");
    }

    /**
     * The tools the server serves ({@code served}), of all it has ({@code all}: a read-only server
     * serves its read tools only): a {@code tools/call} of any other name is answered here, naming
     * it and the tools served, instead of with the SDK's own words (the MCP specification's
     * example, {@code Unknown tool: invalid_tool_name}, whatever the name asked for). Only once the
     * session is initialized: before, the call is refused as any request is then.
     */
    void servesTools(List<String> served, List<String> all) {
        this.allTools = List.copyOf(all);
        this.servedTools = List.copyOf(served);
    }

    /**
     * The prompts the server serves, of all it has, as {@link #servesTools} for tools: a {@code
     * prompts/get} of any other name is answered here ({@code Unknown prompt 'revew_spec': did you
     * mean 'review_spec'? The prompts served: ...}), instead of the SDK's {@code Invalid prompt
     * name}, which names neither.
     */
    void servesPrompts(List<String> served, List<String> all) {
        this.allPrompts = List.copyOf(all);
        this.servedPrompts = List.copyOf(served);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new Session());
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        if (current == null) {
            return Mono.error(new IllegalStateException("no session to notify"));
        }
        return current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.closeGracefully();
    }

    /**
     * Reads messages until the input ends and hands each to the session, then waits until all of
     * them have been handled (every request answered) and returns.
     */
    void serve() throws InterruptedException {
        McpServerSession current = session;
        if (current == null) {
            throw new IllegalStateException("serve() before the server set up its session");
        }
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        long number = 0;
        try {
            while (true) {
                number++;
                line.setLength(0);
                int end = readLine(reader, line);
                if (end == EOF && line.isEmpty()) {
                    break;
                }
                if (end == TOO_LONG) {
                    refuse(
                            number,
                            McpSchema.ErrorCodes.PARSE_ERROR,
                            null,
                            "Parse error: line longer than " + maxLineChars + " characters");
                } else {
                    accept(current, line.toString(), number);
                }
                if (end == EOF) {
                    break;
                }
            }
        } catch (IOException e) {
            log.println("specgate mcp: cannot read stdin any more (" + e.getMessage() + ")");
            log.flush();
        }
        synchronized (counting) {
            while (handling > 0) {
                counting.wait();
            }
        }
    }

    /**
     * Reads one line without its end ({@code \n} or {@code \r\n}) into {@code line}, keeping at
     * most {@link #maxLineChars} characters of it (and a carriage return after them).
     */
    private int readLine(BufferedReader reader, StringBuilder line) throws IOException {
        boolean tooLong = false;
        while (true) {
            int c = reader.read();
            if (c < 0 || c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                if (tooLong || line.length() > maxLineChars) {
                    return TOO_LONG;
                }
                return c < 0 ? EOF : NEWLINE;
            }
            if (line.length() <= maxLineChars) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
    }

    private void accept(McpServerSession current, String line, long number) {
        if (line.isBlank()) {
            return;
        }
        // the one parse of the line: the message is converted from this tree, not read again
        JsonNode tree;
        try {
            tree = STRICT.readTree(line);
        } catch (JsonProcessingException e) {
            refuse(
                    number,
                    McpSchema.ErrorCodes.PARSE_ERROR,
                    null,
                    "Parse error: " + oneLine(e.getOriginalMessage()));
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = message(tree);
        } catch (RuntimeException e) {
            message = null; // fields of the wrong shape (a method that is an object, ...)
        }
        if (message == null) {
            refuse(tree, number);
            return;
        }
        if (message instanceof McpSchema.JSONRPCNotification notification
                && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
            initialized = true; // the session is ready from this notification on, as it counts
        }
        if (!initialized
                && message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_PING.equals(request.method())) {
            answerPing(tree.get("id")); // the lifecycle allows pings before initialization
            return;
        }
        if (!initialized
                && message instanceof McpSchema.JSONRPCRequest request
                && !McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            answerError(
                    tree.get("id"), McpSchema.ErrorCodes.INVALID_REQUEST, NOT_INITIALIZED, null);
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && "tools/call".equals(request.method())) {
            String unknown = unknownTool(tree.path("params").path("name"));
            if (unknown != null) {
                ObjectNode data = JSON.createObjectNode();
                data.put("tool", tree.path("params").path("name").asText());
                servedTools.forEach(data.putArray("tools")::add);
                answerError(tree.get("id"), McpSchema.ErrorCodes.INVALID_PARAMS, unknown, data);
                return;
            }
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_PROMPT_GET.equals(request.method())) {
            JsonNode name = tree.path("params").path("name");
            String unknown =
                    unknown(
                            "prompt",
                            name,
                            servedPrompts,
                            allPrompts,
                            ": this server is read-only (specgate mcp --read-only) and serves only"
                                    + " the prompt that writes nothing");
            if (unknown != null) {
                ObjectNode data = JSON.createObjectNode();
                data.put("prompt", name.asText());
                servedPrompts.forEach(data.putArray("prompts")::add);
                answerError(tree.get("id"), McpSchema.ErrorCodes.INVALID_PARAMS, unknown, data);
                return;
            }
        }
        synchronized (counting) {
            handling++;
        }
        current.handle(message)
                .doFinally(
                        signal -> {
                            synchronized (counting) {
                                handling--;
                                counting.notifyAll();
                            }
                        })
                .subscribe(
                        done -> {},
                        e -> {
                            log.println(
                                    "specgate mcp: the message on line "
                                            + number
                                            + " failed: "
                                            + oneLine(String.valueOf(e.getMessage())));
                            log.flush();
                        });
    }

    /**
     * The JSON-RPC message {@code tree} is, told apart as the SDK's {@code
     * McpSchema.deserializeJsonRpcMessage} tells it from the text (a method with an id is a
     * request, without one a notification; a result or an error is a response), or null when it is
     * none of them.
     *
     * @throws RuntimeException when its fields do not fit the message it is
     */
    private McpSchema.JSONRPCMessage message(JsonNode tree) {
        if (!tree.isObject()) {
            return null;
        }
        if (tree.has("method")) {
            return tree.has("id")
                    ? mapper.convertValue(tree, McpSchema.JSONRPCRequest.class)
                    : mapper.convertValue(tree, McpSchema.JSONRPCNotification.class);
        }
        if (tree.has("result") || tree.has("error")) {
            return mapper.convertValue(tree, McpSchema.JSONRPCResponse.class);
        }
        return null;
    }

    /**
     * What a {@code tools/call} of {@code name} is told when the server serves no tool of that name
     * ({@code Unknown tool 'chek': did you mean 'check'? The tools served: ...}), or null when it
     * serves one, or the name is no string (the SDK's answer then says what is wrong).
     */
    private String unknownTool(JsonNode name) {
        return unknown(
                "tool",
                name,
                servedTools,
                allTools,
                ": this server is read-only (specgate mcp --read-only) and serves no tool that"
                        + " writes");
    }

    /**
     * What a request for the {@code kind} (tool, prompt) {@code name} is told when the server does
     * not serve it, of those {@code served} ({@code readOnly} when it has it but serves it not), or
     * null when it serves it, or the name is no string.
     */
    private static String unknown(
            String kind, JsonNode name, List<String> served, List<String> all, String readOnly) {
        if (served == null || !name.isTextual() || served.contains(name.asText())) {
            return null;
        }
        String asked = name.asText();
        String why =
                all.contains(asked)
                        ? readOnly
                        : EditDistance.nearestValue(asked, served)
                                .map(n -> ": did you mean '" + n + "'?")
                                .orElse("");
        return "Unknown "
                + kind
                + " '"
                + oneLine(asked)
                + "'"
                + why
                + (why.endsWith("?")
                        ? " The " + kind + "s served: "
                        : "; the " + kind + "s served: ")
                + String.join(", ", served);
    }

    /** Answers a {@code ping} with the empty result the protocol asks for. */
    private void answerPing(JsonNode id) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        answer.set("id", id);
        answer.putObject("result");
        try {
            write(JSON.writeValueAsString(answer));
        } catch (IOException e) {
            outputBroken(e);
        }
    }

    /** Answers a request with a JSON-RPC error (a request the server read, not a bad line). */
    private void answerError(JsonNode id, int code, String message, ObjectNode data) {
        ObjectNode error = JSON.createObjectNode();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.set("id", id == null ? error.nullNode() : id);
        ObjectNode body = error.putObject("error");
        body.put("code", code);
        body.put("message", message);
        if (data != null) {
            body.set("data", data);
        }
        try {
            write(JSON.writeValueAsString(error));
        } catch (IOException e) {
            outputBroken(e);
        }
    }

    /** Answers a JSON line that is not one JSON-RPC message, saying why. */
    private void refuse(JsonNode tree, long number) {
        JsonNode id = tree.isObject() ? tree.get("id") : null;
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            id = null;
        }
        String why;
        if (!tree.isObject()) {
            why = "a message is one JSON object, not " + kind(tree);
        } else if (!tree.path("method").isTextual() && !tree.has("result") && !tree.has("error")) {
            why = "no method, result or error";
        } else {
            why = "not a JSON-RPC 2.0 request, notification or response";
        }
        refuse(number, McpSchema.ErrorCodes.INVALID_REQUEST, id, "Invalid request: " + why);
    }

    private void refuse(long number, int code, JsonNode id, String message) {
        log.println(
                "specgate mcp: line "
                        + number
                        + " of stdin is not a JSON-RPC message ("
                        + message
                        + "); answered with error "
                        + code
                        + " and reading on");
        log.flush();
        answerError(id, code, message, null);
    }

    private static String kind(JsonNode tree) {
        if (tree.isArray()) {
            return "an array (batches are not part of MCP)";
        }
        return tree.isNull() ? "null" : "a " + tree.getNodeType().name().toLowerCase();
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SHOWN_CHARS ? flat : flat.substring(0, SHOWN_CHARS) + "...";
    }

    private void write(String json) throws IOException {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writing) {
            out.write(bytes);
            out.flush();
        }
    }

    private void outputBroken(IOException e) {
        synchronized (writing) {
            if (outputBroken) {
                return;
            }
            outputBroken = true;
        }
        log.println("specgate mcp: cannot write to stdout (" + e.getMessage() + ")");
        log.flush();
    }

    /** The one session of a stdio connection: its messages go out through {@link #write}. */
    private final class Session implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromCallable(
                            () -> {
                                write(mapper.writeValueAsString(message));
                                return true;
                            })
                    .doOnError(IOException.class, StdioTransport.this::outputBroken)
                    .then();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return mapper.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
