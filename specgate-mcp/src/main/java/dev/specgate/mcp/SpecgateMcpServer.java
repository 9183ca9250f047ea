package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.input.IoFailure;
import dev.specgate.core.watch.SpecWatcher;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Specgate's MCP server: the tools of {@code tools.json}, in its order, answered by {@link
 * SpecTools}, over stdio with the official MCP Java SDK. The output stream carries protocol
 * messages only, one per line; logs go to the log stream. A tool call that fails comes back as a
 * result with {@code isError} and one line; the server never stops on it.
 */
public final class SpecgateMcpServer {

    /** The server's name in the {@code initialize} answer. */
    public static final String NAME = "specgate";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpServerOptions options;
    private final String version;
    private final PrintStream log;

    public SpecgateMcpServer(McpServerOptions options, String version, PrintStream log) {
        this.options = requireNonNull(options, "options must not be null");
        this.version = requireNonNull(version, "version must not be null");
        this.log = requireNonNull(log, "log must not be null");
    }

    /** The names of the tools served, in order: the read tools, then (unless read-only) writes. */
    public static List<String> toolNames(boolean readOnly) {
        return definitions().stream()
                .filter(d -> !readOnly || !d.get("write").asBoolean())
                .map(d -> d.get("name").asText())
                .toList();
    }

    /**
     * The instructions {@code specgate init --agents} writes into a project's AGENTS.md: how an
     * agent should work specs through these tools. Markdown, LF line endings, one level-2 section.
     */
    public static String agentInstructions() {
        try (InputStream in = SpecgateMcpServer.class.getResourceAsStream("agents-section.md")) {
            if (in == null) {
                throw new IllegalStateException("agents-section.md is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read agents-section.md", e);
        }
    }

    /**
     * Serves MCP on {@code in} and {@code out} until {@code in} ends (the client closed it) and
     * every request read has been answered, then returns. A line that is not a JSON-RPC message is
     * answered with a JSON-RPC error and the server reads on (see {@link StdioTransport}).
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        StdioTransport transport = new StdioTransport(mapper, in, out, log);
        transport.servesTools(toolNames(options.readOnly()), toolNames(false));
        transport.servesPrompts(SpecPrompts.names(options.readOnly()), SpecPrompts.names(false));
        SpecTools tools = new SpecTools(options);
        SpecResources resources = new SpecResources(tools);
        List<SyncResourceSpecification> listed = new ArrayList<>(resources.fixed());
        try {
            listed.addAll(resources.initial());
        } catch (ToolRefusal e) {
            log.println("specgate mcp: no specs listed as resources: " + e.oneLine());
        }
        McpSyncServer server =
                McpServer.sync(transport)
                        .serverInfo(NAME, version)
                        .jsonMapper(mapper)
                        // specgate://spec/{path} reads a spec in any folder, slashes and all
                        .uriTemplateManagerFactory(SpecResources.uriTemplates())
                        // arguments are checked against tools.json in Specgate's words instead
                        // (ToolArguments): the SDK's check answers in a JSON Schema library's
                        .validateToolInputs(false)
                        .instructions(
                                "Specgate checks Markdown technical specs against their template."
                                        + " Work specs through these tools, not by editing the"
                                        + " files: read with get_spec (it gives the content"
                                        + " hash), check text before writing it with check_text,"
                                        + " and pass the hash you last read to every write tool."
                                        + " Approving a spec is a person's decision.")
                        .capabilities(
                                McpSchema.ServerCapabilities.builder()
                                        .tools(false)
                                        .resources(false, true)
                                        .prompts(false)
                                        .build())
                        .tools(specifications(tools, mapper))
                        .resources(listed)
                        .resourceTemplates(
                                resources.templates(SpecResources.folders(resources.listed())))
                        .prompts(SpecPrompts.all(options.readOnly()))
                        .build();
        SpecWatcher watcher = watch(tools, resources, server);
        log.println(
                "specgate mcp: serving "
                        + options.root()
                        + (options.readOnly() ? " (read-only)" : "")
                        + " on stdio");
        log.flush();
        try {
            transport.serve();
        } finally {
            if (watcher != null) {
                try {
                    watcher.close();
                } catch (IOException e) {
                    // nothing left to release
                }
            }
            server.closeGracefully();
        }
    }

    /**
     * Watches the folders under the root, the configuration and the template; on a change lists the
     * specs again and tells the client ({@code notifications/resources/list_changed}). Null when
     * the root cannot be watched (said on the log).
     */
    private SpecWatcher watch(SpecTools tools, SpecResources resources, McpSyncServer server) {
        Runnable announce =
                () -> {
                    try {
                        if (!resources.sync(server)) {
                            server.notifyResourcesListChanged();
                        }
                    } catch (ToolRefusal e) {
                        // a configuration broken meanwhile: in a tool's words; the next change
                        // (the fix) lists the specs again
                        say(
                                "specgate mcp: the specs are not listed again after a change on"
                                        + " disk: "
                                        + e.oneLine());
                    }
                };
        SpecWatcher.Builder watch =
                SpecWatcher.builder(changed -> announce.run())
                        .onLost(announce)
                        .onProblem(message -> say("specgate mcp: " + message))
                        .tree(options.root())
                        // its configuration, template and metadata files, as now configured
                        .project(tools::project);
        try {
            return watch.start();
        } catch (IOException e) {
            say(
                    "specgate mcp: cannot watch "
                            + options.root()
                            + " for changes ("
                            + IoFailure.reason(e)
                            + "); resources/list stays as it was at start");
            return null;
        }
    }

    private void say(String line) {
        log.println(line);
        log.flush();
    }

    private List<SyncToolSpecification> specifications(SpecTools tools, McpJsonMapper mapper) {
        Map<String, Function<Map<String, Object>, Map<String, Object>>> handlers =
                new LinkedHashMap<>();
        handlers.put("list_specs", tools::listSpecs);
        handlers.put("get_spec", tools::getSpec);
        handlers.put("check", tools::check);
        handlers.put("check_text", tools::checkText);
        handlers.put("template", tools::template);
        handlers.put("progress", tools::progress);
        handlers.put("next_item", tools::nextItem);
        handlers.put("trace", tools::trace);
        handlers.put("new_spec", tools::newSpec);
        handlers.put("mark_done", tools::markDone);
        handlers.put("update_section", tools::updateSection);
        handlers.put("set_status", tools::setStatus);
        handlers.put("set_field", tools::setField);
        handlers.put("scaffold", tools::scaffold);
        handlers.put("tasks", tools::tasks);
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (JsonNode d : definitions()) {
            if (options.readOnly() && d.get("write").asBoolean()) {
                continue;
            }
            String name = d.get("name").asText();
            Function<Map<String, Object>, Map<String, Object>> handler = handlers.get(name);
            if (handler == null) {
                throw new IllegalStateException(
                        "tools.json names a tool without a handler: " + name);
            }
            ToolArguments arguments = ToolArguments.of(name, d.get("inputSchema"));
            JsonNode a = d.get("annotations");
            McpSchema.Tool tool =
                    McpSchema.Tool.builder()
                            .name(name)
                            .title(d.get("title").asText())
                            .description(d.get("description").asText())
                            .inputSchema(map(d.get("inputSchema")))
                            .outputSchema(map(d.get("outputSchema")))
                            .annotations(
                                    McpSchema.ToolAnnotations.builder()
                                            .title(d.get("title").asText())
                                            .readOnlyHint(a.get("readOnlyHint").asBoolean())
                                            .destructiveHint(a.get("destructiveHint").asBoolean())
                                            .idempotentHint(a.get("idempotentHint").asBoolean())
                                            .openWorldHint(a.get("openWorldHint").asBoolean())
                                            .build())
                            .build();
            specs.add(
                    SyncToolSpecification.builder()
                            .tool(tool)
                            .callHandler(
                                    (exchange, request) -> call(name, arguments, handler, request))
                            .build());
        }
        return specs;
    }

    /** Runs tool {@code name}'s handler: its result, or its refusal or failure in one line. */
    McpSchema.CallToolResult call(
            String name,
            ToolArguments arguments,
            Function<Map<String, Object>, Map<String, Object>> handler,
            McpSchema.CallToolRequest request) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        try {
            arguments.check(args);
            Map<String, Object> result = handler.apply(args);
            return McpSchema.CallToolResult.builder()
                    .structuredContent(result)
                    .addTextContent(JSON.writeValueAsString(result))
                    .build();
        } catch (ToolRefusal e) {
            log.println("specgate mcp: " + name + " refused: " + e.oneLine());
            log.flush();
            return error(e.oneLine());
        } catch (UncheckedIOException e) {
            // a folder or file the tool could not read mid-way (a feature folder holding an
            // unreadable one, counted by trace): the user's problem, said as the CLI says it
            String line = ioFailure(e.getCause());
            log.println("specgate mcp: " + name + " failed: " + line);
            log.flush();
            return error(line);
        } catch (RuntimeException | IOException e) {
            log.println("specgate mcp: " + name + " failed:");
            e.printStackTrace(log);
            log.flush();
            return error(
                    "internal error in "
                            + name
                            + ": "
                            + e
                            + " (a bug in specgate; the server's stderr has the stack trace)");
        }
    }

    /** A file system failure in one line, naming the file: {@code /p/secret: permission denied}. */
    private static String ioFailure(IOException e) {
        String file =
                e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
                        ? fse.getFile() + ": "
                        : "";
        return file + IoFailure.reason(e);
    }

    private static McpSchema.CallToolResult error(String oneLine) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(oneLine.replaceAll("[\\r\\n]+", " "))
                .isError(true)
                .build();
    }

    /** The tool definitions of tools.json, in order. */
    static List<JsonNode> definitions() {
        try (InputStream in = SpecgateMcpServer.class.getResourceAsStream("tools.json")) {
            if (in == null) {
                throw new IllegalStateException("tools.json is missing from the classpath");
            }
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(in).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tools.json", e);
        }
    }

    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }
}
