package dev.specgate.bench.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.bench.corpus.GeneratedSpec;
import dev.specgate.bench.corpus.SpecCorpusGenerator;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.mcp.McpServerOptions;
import dev.specgate.mcp.SpecgateMcpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MCP server warm: a generated corpus, {@code specgate mcp} as a subprocess (this classpath,
 * {@link Server}), and the official Java SDK's client timing tool calls end to end (JSON-RPC over
 * stdio included). Prints the median and the spread of {@code check} over the whole project, of
 * {@code get_spec} of one spec and of {@code list_specs}, after warm-up calls, and the server's
 * peak resident memory.
 *
 * <pre>
 * McpServerBench DIR SPECS [WARMUP] [RUNS] [SERVER_JVM_OPTIONS...]
 * </pre>
 *
 * Run it through {@code bench/mcp.sh}.
 */
public final class McpServerBench {

    private McpServerBench() {}

    /** The server side: {@code specgate mcp --root DIR --today REFERENCE_DATE}. */
    public static final class Server {
        private Server() {}

        public static void main(String[] args) throws Exception {
            McpServerOptions options =
                    new McpServerOptions(
                            Path.of(args[0]),
                            ConfigChoice.nearest(),
                            true,
                            false,
                            () -> SpecCorpusGenerator.REFERENCE_DATE);
            new SpecgateMcpServer(options, "bench", System.err).serve(System.in, System.out);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int specs = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        List<String> jvm = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            jvm.add(args[i]);
        }
        String one = corpus(dir, specs);

        List<String> command = new ArrayList<>(jvm);
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        Server.class.getName(),
                        dir.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioClientTransport transport =
                new StdioClientTransport(
                        ServerParameters.builder(java).args(command).build(),
                        new JacksonMcpJsonMapper(new ObjectMapper()));
        McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofMinutes(5)).build();
        client.initialize();
        long pid = serverPid();
        System.out.printf(
                Locale.ROOT,
                "%d specs, server JVM options %s, load %s%n",
                specs,
                jvm,
                Files.readString(Path.of("/proc/loadavg")).strip());
        time(client, pid, "check (whole project)", "check", Map.of(), warmup, runs);
        time(client, pid, "get_spec (one spec)", "get_spec", Map.of("path", one), warmup, runs);
        time(client, pid, "list_specs", "list_specs", Map.of(), warmup, runs);
        System.out.printf(
                Locale.ROOT,
                "server peak RSS %s, RSS now %s%n",
                status(pid, "VmHWM"),
                status(pid, "VmRSS"));
        client.closeGracefully();
    }

    /** Writes the corpus unless it is there; returns one spec's path relative to {@code dir}. */
    private static String corpus(Path dir, int specs) throws IOException {
        SpecCorpusGenerator generator = SpecCorpusGenerator.of(42, specs, 0);
        Path folder = dir.resolve("directives/spec");
        Files.createDirectories(folder);
        String first = null;
        for (int i = 0; i < specs; i++) {
            GeneratedSpec spec = generator.spec(i);
            Path file = folder.resolve(spec.fileName());
            if (!Files.exists(file)) {
                Files.write(file, spec.content());
            }
            first = first == null ? "directives/spec/" + spec.fileName() : first;
        }
        return first;
    }

    private static void time(
            McpSyncClient client,
            long pid,
            String label,
            String tool,
            Map<String, Object> args,
            int warmup,
            int runs) {
        for (int i = 0; i < warmup; i++) {
            call(client, tool, args);
        }
        List<Double> ms = new ArrayList<>();
        long cpu0 = cpuTicks(pid);
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call(client, tool, args);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        long cpu = cpuTicks(pid) - cpu0;
        Collections.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "%-22s median %8.1f ms   min %8.1f   max %8.1f   server CPU %7.1f ms per call"
                        + "   (%d runs after %d warm-up)%n",
                label,
                ms.get(ms.size() / 2),
                ms.get(0),
                ms.get(ms.size() - 1),
                cpu * 10.0 / runs,
                runs,
                warmup);
    }

    private static void call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        if (Boolean.TRUE.equals(r.isError())) {
            throw new IllegalStateException(tool + " failed: " + r.content());
        }
    }

    private static long serverPid() {
        return ProcessHandle.current()
                .children()
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .mapToLong(ProcessHandle::pid)
                .max()
                .orElse(-1);
    }

    /** The server's user and system CPU time so far, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String status(long pid, String key) throws IOException {
        if (pid < 0) {
            return "?";
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return "?";
    }
}
