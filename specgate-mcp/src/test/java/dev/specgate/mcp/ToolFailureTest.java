package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool that meets a folder it cannot read part way (trace counting the files of a feature folder
 * that holds one, for layout-early) answers with the folder and why, as the command line does
 * ({@code specgate: PATH: permission denied}), not as a bug of Specgate's.
 */
class ToolFailureTest {

    @TempDir Path tmp;

    @Test
    void anUnreadableFolderIsSaidInOneLineNotCalledABug() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SpecgateMcpServer server =
                new SpecgateMcpServer(
                        SpecToolsTest.options(tmp, false),
                        "test",
                        new PrintStream(log, true, StandardCharsets.UTF_8));
        Path secret = tmp.resolve("src/core/invoice-export/secret");

        McpSchema.CallToolResult result =
                server.call(
                        "trace",
                        ToolArguments.of("trace"),
                        args -> {
                            // what Files.walk throws from a subfolder it may not open
                            throw new UncheckedIOException(
                                    new AccessDeniedException(secret.toString()));
                        },
                        new McpSchema.CallToolRequest("trace", Map.of()));

        assertThat(result.isError()).isTrue();
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(text).isEqualTo(secret + ": permission denied");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("specgate mcp: trace failed: " + secret + ": permission denied\n")
                .doesNotContain("\tat ");
    }
}
